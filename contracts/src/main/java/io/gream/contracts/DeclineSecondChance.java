package io.gream.contracts;

import com.fasterxml.jackson.annotation.JsonIgnore;

import static io.gream.contracts.Require.text;

/** The runner-up turns the second-chance offer down; nothing is charged. */
public record DeclineSecondChance(String commandId, String auctionId, String bidderId) implements SecondChanceCommand {

    public DeclineSecondChance {
        text(commandId, "commandId");
        text(auctionId, "auctionId");
        text(bidderId, "bidderId");
    }

    @Override
    @JsonIgnore
    public String actorId() {
        return bidderId;
    }
}
