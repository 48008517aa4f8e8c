package io.gream.docs.topics;

import io.gream.contracts.Topic;
import io.gream.contracts.Topics;
import io.gream.docs.topics.TopicEntry.Party;
import io.gream.engine.topology.BidEngineConfig;
import io.gream.engine.topology.BidEngineTopology;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyDescription;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The catalog covers every topic, and what it says about the engine matches the engine's topology. */
class TopicCatalogTest {

    private static final TopologyDescription ENGINE = BidEngineTopology.build(BidEngineConfig.DEFAULT).describe();
    private final List<TopicEntry> catalog = TopicCatalog.entries(ENGINE);

    @Test
    void listsEveryTopicDeclaredInContracts() {
        List<String> declared = Arrays.stream(Topics.class.getFields())
                .filter(field -> Modifier.isStatic(field.getModifiers()) && field.getType() == Topic.class)
                .map(TopicCatalogTest::topicName)
                .toList();

        assertThat(declared).isNotEmpty();
        assertThat(catalog).extracting(TopicEntry::name).containsAll(declared);
    }

    @Test
    void everyTopicIsAGreamTopicWithWritersAndReaders() {
        assertThat(catalog).allSatisfy(entry -> {
            assertThat(entry.name()).startsWith("gream.");
            assertThat(entry.writers()).isNotEmpty();
            assertThat(entry.readers()).isNotEmpty();
        });
    }

    @Test
    void listsSettlementEventsAsLiveWithTheirSchemasFromContracts() {
        TopicEntry settlement = entry(Topics.SETTLEMENT_EVENTS.name());

        assertThat(settlement.planned()).isFalse();
        assertThat(settlement.status()).isEqualTo("live");
        assertThat(settlement.topic()).contains(Topics.SETTLEMENT_EVENTS);
        assertThat(settlement.valueTypes()).extracting(ContractType::name)
                .containsExactly("SettlementCompleted", "SettlementFailed", "PaymentRefunded", "SecondChanceOffered",
                        "SecondChanceCompleted", "SecondChanceFailed", "SecondChanceDeclined", "SecondChanceExpired",
                        "SecondChanceRejected");
    }

    @Test
    void takesEachJsonTopicsValueTypesFromItsSerde() {
        assertThat(entry(Topics.AUCTION_COMMANDS.name()).valueTypes()).extracting(ContractType::name)
                .containsExactly("OpenAuction", "PlaceBid", "CancelAuction", "Tick");
        assertThat(entry(Topics.AUCTION_EVENTS.name()).valueTypes()).extracting(ContractType::name)
                .containsExactly("AuctionOpened", "BidAccepted", "BidRaisedByProxy", "BidRejected", "AuctionExtended",
                        "AuctionClosed", "AuctionCancelled", "CommandRejected");
        assertThat(entry(Topics.SETTLEMENT_COMMANDS.name()).valueTypes()).extracting(ContractType::name)
                .containsExactly("OfferSecondChance", "AcceptSecondChance", "DeclineSecondChance");
        assertThat(entry(Topics.DEAD_LETTERS.name()).valueTypes()).isEmpty();
    }

    @Test
    void namesTheEngineNodesThatReadAndWriteEachTopic() {
        assertThat(entry(Topics.AUCTION_COMMANDS.name()).readers()).extracting(Party::what)
                .anySatisfy(what -> assertThat(what).contains(BidEngineTopology.COMMANDS_SOURCE));
        assertThat(entry(Topics.AUCTION_COMMANDS.name()).writers()).extracting(Party::what)
                .anySatisfy(what -> assertThat(what).contains(BidEngineTopology.TICKS_SINK));
        assertThat(entry(Topics.AUCTION_EVENTS.name()).writers()).singleElement()
                .satisfies(writer -> assertThat(writer.what()).contains(BidEngineTopology.EVENTS_SINK));
    }

    @Test
    void takesTimestampTypeAndRetentionFromTheTopicsRequiredConfigs() {
        TopicEntry commands = entry(Topics.AUCTION_COMMANDS.name());
        TopicEntry deadLetters = entry(Topics.DEAD_LETTERS.name());

        assertThat(commands.timestampType()).isEqualTo("LogAppendTime");
        assertThat(entry(Topics.AUCTION_EVENTS.name()).timestampType()).isEqualTo("CreateTime");
        assertThat(deadLetters.retention()).contains("for 7 days (`retention.ms=604800000`)").contains("not compacted");
    }

    @Test
    void refusesToDescribeAnEngineThatNoLongerWritesItsEvents() {
        Topology readsOnly = new Topology();
        readsOnly.addSource("commands", Serdes.String().deserializer(), Serdes.String().deserializer(),
                Topics.AUCTION_COMMANDS.name());

        assertThatThrownBy(() -> TopicCatalog.entries(readsOnly.describe()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("writes " + Topics.AUCTION_COMMANDS.name());
    }

    private TopicEntry entry(String name) {
        return catalog.stream().filter(entry -> entry.name().equals(name)).findFirst().orElseThrow();
    }

    private static String topicName(Field field) {
        try {
            return ((Topic<?, ?>) field.get(null)).name();
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }
}
