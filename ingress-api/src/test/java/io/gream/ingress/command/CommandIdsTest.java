package io.gream.ingress.command;

import org.junit.jupiter.api.Test;

import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class CommandIdsTest {

    @Test
    void sameRequestAlwaysHasTheSameCommandId() {
        assertThat(CommandIds.commandId("PlaceBid", "bob", "a-1", "k1"))
                .isEqualTo(CommandIds.commandId("PlaceBid", "bob", "a-1", "k1"));
    }

    @Test
    void userAuctionKeyAndKindEachChangeTheCommandId() {
        Set<String> ids = Set.of(
                CommandIds.commandId("PlaceBid", "bob", "a-1", "k1"),
                CommandIds.commandId("PlaceBid", "carol", "a-1", "k1"),
                CommandIds.commandId("PlaceBid", "bob", "a-2", "k1"),
                CommandIds.commandId("PlaceBid", "bob", "a-1", "k2"),
                CommandIds.commandId("CancelAuction", "bob", "a-1", "k1"));

        assertThat(ids).hasSize(5);
    }

    @Test
    void fieldBoundariesCannotBeShiftedToForgeAnotherUsersId() {
        assertThat(CommandIds.commandId("PlaceBid", "bob", "a1", "k"))
                .isNotEqualTo(CommandIds.commandId("PlaceBid", "bob", "a", "1k"));
        assertThat(CommandIds.commandId("PlaceBid", "ab", "c", ""))
                .isNotEqualTo(CommandIds.commandId("PlaceBid", "a", "bc", ""));
    }

    @Test
    void commandIdIsAVersion8Uuid() {
        UUID id = UUID.fromString(CommandIds.commandId("PlaceBid", "bob", "a-1", "k1"));

        assertThat(id.version()).isEqualTo(8);
        assertThat(id.variant()).isEqualTo(2);
    }

    @Test
    void derivedAuctionIdDependsOnUserAndKeyAndFitsTheIdAlphabet() {
        String id = CommandIds.auctionId("sally", "open-1");

        assertThat(id).isEqualTo(CommandIds.auctionId("sally", "open-1")).matches("[A-Za-z0-9_-]{1,64}");
        assertThat(id).isNotEqualTo(CommandIds.auctionId("sam", "open-1"));
    }
}
