package io.gream.contracts;

import com.fasterxml.jackson.annotation.JsonIgnore;

import static io.gream.contracts.Require.text;

/** The runner-up takes the second-chance offer: they are charged its price, as a winner would be. */
public record AcceptSecondChance(String commandId, String auctionId, String bidderId) implements SecondChanceCommand {

    public AcceptSecondChance {
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
