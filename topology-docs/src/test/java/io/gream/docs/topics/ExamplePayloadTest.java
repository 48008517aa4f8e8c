package io.gream.docs.topics;

import io.gream.contracts.AuctionClosed;
import io.gream.contracts.AuctionEvent;
import io.gream.contracts.BidAccepted;
import io.gream.contracts.CloseOutcome;
import io.gream.contracts.CommandLogEntry;
import io.gream.contracts.JsonSerde;
import io.gream.contracts.SecondChanceCommand;
import io.gream.contracts.SettlementCompleted;
import io.gream.contracts.SettlementEvent;
import io.gream.contracts.Tick;
import io.gream.contracts.Topic;
import io.gream.contracts.Topics;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The examples in the catalog are real payloads: each reads back through its topic's serde to the record it was
 * written from and writes again to the same bytes, and the events and the tick are what the engine produced.
 */
class ExamplePayloadTest {

    private static EngineScenario scenario;

    @BeforeAll
    static void runTheEngine() {
        scenario = EngineScenario.run();
    }

    static Stream<ExamplePayload> examples() {
        EngineScenario once = EngineScenario.run();
        return Stream.of(
                ContractType.subtypesOf(CommandLogEntry.class).stream()
                        .map(type -> ExamplePayload.of(Topics.AUCTION_COMMANDS, type, once)),
                ContractType.subtypesOf(AuctionEvent.class).stream()
                        .map(type -> ExamplePayload.of(Topics.AUCTION_EVENTS, type, once)),
                ContractType.subtypesOf(SecondChanceCommand.class).stream()
                        .map(type -> ExamplePayload.of(Topics.SETTLEMENT_COMMANDS, type, once)),
                ContractType.subtypesOf(SettlementEvent.class).stream()
                        .map(type -> ExamplePayload.of(Topics.SETTLEMENT_EVENTS, type, once)))
                .flatMap(examples -> examples);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void roundTripsThroughTheTopicSerde(ExamplePayload example) {
        assertRoundTrip(example.topic(), example);
    }

    @Test
    void theScenarioProducesEveryCommandAndEventType() {
        Stream.of(ContractType.subtypesOf(CommandLogEntry.class), ContractType.subtypesOf(AuctionEvent.class),
                        ContractType.subtypesOf(SecondChanceCommand.class),
                        ContractType.subtypesOf(SettlementEvent.class))
                .flatMap(List::stream)
                .forEach(type -> assertThat(scenario.exampleOf(type.recordClass())).as(type.name()).isPresent());
    }

    @Test
    void theTickIsOneTheEnginesTickerAppended() {
        assertThat(scenario.exampleOf(Tick.class)).contains(new Tick(0));
    }

    @Test
    void picksTheRichestRecordOfATypeSoOptionalPropertiesShow() {
        assertThat(scenario.exampleOf(BidAccepted.class)).get().isInstanceOfSatisfying(BidAccepted.class,
                bid -> assertThat(bid.previousLeaderId()).isNotNull());
        assertThat(scenario.exampleOf(AuctionClosed.class)).get().isInstanceOfSatisfying(AuctionClosed.class,
                closed -> assertThat(closed.outcome()).isEqualTo(CloseOutcome.SOLD));
    }

    @Test
    void settlesTheSoldAuctionWithFeeAndProceedsAddingUpToItsPrice() {
        assertThat(scenario.exampleOf(SettlementCompleted.class)).get().isInstanceOfSatisfying(
                SettlementCompleted.class, settled -> {
                    AuctionClosed closed = (AuctionClosed) scenario.exampleOf(AuctionClosed.class).orElseThrow();
                    assertThat(settled.auctionId()).isEqualTo(closed.auctionId());
                    assertThat(settled.closeEventId()).isEqualTo(closed.eventId());
                    assertThat(settled.price()).isEqualTo(closed.price());
                    assertThat(settled.fee() + settled.sellerProceeds()).isEqualTo(settled.price());
                    assertThat(settled.eventId()).isEqualTo(closed.auctionId() + ":settlement");
                });
    }

    @Test
    void runningTheScenarioAgainGivesTheSameRecords() {
        assertThat(EngineScenario.run().records()).isEqualTo(scenario.records());
    }

    @SuppressWarnings("unchecked") // checked on the line above
    private static <V> void assertRoundTrip(Topic<?, V> topic, ExamplePayload example) {
        assertThat(topic.valueSerde()).isInstanceOf(JsonSerde.class);
        JsonSerde<V> serde = (JsonSerde<V>) topic.valueSerde();
        V read = serde.deserialize(topic.name(), example.json());

        assertThat(read).isEqualTo(example.value());
        assertThat(serde.serialize(topic.name(), read)).isEqualTo(example.json());
    }
}
