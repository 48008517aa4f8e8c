package io.gream.docs.topics;

import io.gream.contracts.JsonSerde;
import io.gream.contracts.Topic;
import io.gream.contracts.Topics;
import io.gream.docs.topics.TopicEntry.Party;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TopologyDescription;
import org.apache.kafka.streams.errors.internals.ExceptionHandlerUtils;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The catalog of every {@code gream.*} topic: DESIGN.md section 3, with the facts taken from the code wherever the
 * code has them.
 *
 * <p>From the code: names, serdes and required configs ({@link Topics}), value types (the serde's
 * {@code @JsonSubTypes}), and the bid-engine's sources and sinks (its {@link TopologyDescription}). If the engine
 * stops reading or writing a topic the catalog says it does, generation fails rather than publishing a stale claim.
 * From the design: which services other than the engine write and read each topic, and the partition count, which
 * is a deployment setting ({@code gream.engine.topics.partitions}) rather than part of the contract.
 */
final class TopicCatalog {

    /** Partitions of every Gream topic unless the deployment says otherwise. */
    static final int DEFAULT_PARTITIONS = 12;

    private static final String BROKER_DEFAULT_RETENTION =
            "for the broker's default `log.retention.hours=168` (7 days) unless the cluster sets otherwise";

    private TopicCatalog() {
    }

    static List<TopicEntry> entries(TopologyDescription engine) {
        return List.of(commands(engine), events(engine), settlementCommands(), settlementEvents(), deadLetters());
    }

    private static TopicEntry commands(TopologyDescription engine) {
        Topic<?, ?> topic = Topics.AUCTION_COMMANDS;
        return new TopicEntry(topic.name(), Optional.of(topic), "live",
                "`auctionId` (string); `null` for a `Tick`, which names its partition itself",
                valueTypesOf(topic), typeNames(valueTypesOf(topic)), timestampType(topic),
                "the broker's append time is the command's time: no client chooses when its bid counts",
                retention(topic),
                List.of(new Party("ingress-api",
                                "`OpenAuction`, `PlaceBid`, `CancelAuction` (idempotent producer, `acks=all`)"),
                        new Party("bid-engine", "`Tick`, through sink " + code(sinksTo(engine, topic))
                                + ", to the partition it ticks")),
                List.of(new Party("bid-engine", "source " + code(sourcesOf(engine, topic)))),
                List.of("Keyed by `auctionId`, so every command for one auction is decided in append order by the"
                                + " one task that owns its partition.",
                        "A command whose record key differs from its `auctionId` is a poison record: it goes to"
                                + " `gream.dead-letters` and changes nothing.",
                        "`commandId` makes a command idempotent: a retry gets the original outcome."));
    }

    private static TopicEntry events(TopologyDescription engine) {
        Topic<?, ?> topic = Topics.AUCTION_EVENTS;
        return new TopicEntry(topic.name(), Optional.of(topic), "live", "`auctionId` (string)",
                valueTypesOf(topic), typeNames(valueTypesOf(topic)), timestampType(topic),
                "set by the engine to the event's `at`, the logical time of the decision",
                retention(topic),
                List.of(new Party("bid-engine", "the only writer, through sink " + code(sinksTo(engine, topic))
                        + ", inside its `exactly_once_v2` transactions")),
                List.of(new Party("settlement-worker", "`AuctionClosed` with a winner"),
                        new Party("notifier", "outbid, won, sold and not-sold notifications"),
                        new Party("analytics taps", "any number, each in its own consumer group, reading with"
                                + " `isolation.level=read_committed`; see [taps.md](taps.md) and the"
                                + " `analytics-example` module")),
                List.of("Events that change an auction carry `seq`, gapless and 1-based per auction, and"
                                + " `eventId = auctionId:seq`.",
                        "`BidRejected` and `CommandRejected` carry no `seq`; their"
                                + " `eventId = auctionId:cmd:commandId`.",
                        "Keyed by `auctionId`: one auction's events are in one partition, in `seq` order.",
                        "Proxy bids ([rules](rules.md#proxy-bids-the-most-you-will-pay)): a bidder's maximum is"
                                + " secret and appears in no event. A bid that a higher maximum takes the lead with"
                                + " is a `BidAccepted` at the price the engine set (`offeredAmount` keeps what it"
                                + " offered). A bid that the leader's maximum beats or equals (ties go to the earlier"
                                + " maximum) is a `BidAccepted` with `outbidByProxy: true`, followed in the same"
                                + " decision by a `BidRaisedByProxy` (same `commandId`) raising the leader to one"
                                + " increment above it: that bidder is outbid, the leader never was. A"
                                + " `BidRaisedByProxy` is not a command outcome; readers that do not know it may"
                                + " skip it (its `seq` then shows as a gap)."));
    }

    private static TopicEntry settlementCommands() {
        Topic<?, ?> topic = Topics.SETTLEMENT_COMMANDS;
        return new TopicEntry(topic.name(), Optional.of(topic), "live", "`auctionId` (string)",
                valueTypesOf(topic), typeNames(valueTypesOf(topic)), timestampType(topic),
                "the broker's append time is the command's time: whether an answer came before the offer expired"
                        + " is the broker's call",
                retention(topic),
                List.of(new Party("ingress-api", "`OfferSecondChance` (the seller), `AcceptSecondChance` and"
                        + " `DeclineSecondChance` (the runner-up), idempotent producer, `acks=all`")),
                List.of(new Party("settlement-worker", "every command, in the worker's consumer group; the answer is a"
                        + " `SecondChance*` event on `gream.settlement-events`")),
                List.of("Keyed by `auctionId`: one auction's commands are decided in append order.",
                        "`commandId` makes a command idempotent: a retry gets the original outcome again.",
                        "Second chances ([rules](rules.md#second-chance-offers)): after the winner's payment was"
                                + " declined, the seller may offer the voucher once to the runner-up, at the"
                                + " runner-up's highest public bid."));
    }

    private static TopicEntry settlementEvents() {
        Topic<?, ?> topic = Topics.SETTLEMENT_EVENTS;
        return new TopicEntry(topic.name(), Optional.of(topic), "live", "`auctionId` (string)",
                valueTypesOf(topic), typeNames(valueTypesOf(topic)), timestampType(topic),
                "when the settlement-worker published it",
                retention(topic),
                List.of(new Party("settlement-worker", "the only writer: one settlement per sold auction, published"
                        + " after its row and journal are committed (idempotent producer, `acks=all`), then one"
                        + " `PaymentRefunded` per refund, published after its reversing journal is committed, and the"
                        + " `SecondChance*` answers to `gream.settlement-commands`")),
                List.of(new Party("notifier", "settled, payment-failed, refunded and second-chance notifications")),
                List.of("`eventId = auctionId:settlement`: an auction has one settlement event;"
                                + " `auctionId:refund:refundId` for each of its refunds.",
                        "A second chance: `SecondChanceOffered` (`auctionId:second-chance:offered`), then at most one"
                                + " outcome (`auctionId:second-chance:outcome`): `SecondChanceCompleted` (charged and"
                                + " ledgered like a sale), `SecondChanceFailed`, `SecondChanceDeclined` or"
                                + " `SecondChanceExpired` (its `at` is the offer's `expiresAt`). A refused command is"
                                + " answered by `SecondChanceRejected` (`auctionId:second-chance:cmd:commandId`).",
                        "`PaymentRefunded` kinds: `BUYER` (to the buyer through the gateway, in part or whole),"
                                + " `SELLER_FEE` (the fee to the seller, inside the ledger), `LATE_CHARGE` (a charge"
                                + " found after the settlement had failed, given back whole).",
                        "A crash between publishing and committing the consumer offset may publish it again, always"
                                + " with the same content: it is rebuilt from the stored settlement row.",
                        "`SettlementCompleted`: `fee + sellerProceeds == price`; the fee is"
                                + " `gream.settlement.fee-basis-points` of the price, rounded down.",
                        "The examples settle the engine scenario's sold auction with the worker's fee rules (10 %);"
                                + " `SettlementFailed` shows the same sale with a declined card, `PaymentRefunded`"
                                + " half of it refunded to the buyer; the `SecondChance*` examples offer it to the"
                                + " runner-up instead, with each outcome an offer may have."));
    }

    private static TopicEntry deadLetters() {
        Topic<?, ?> topic = Topics.DEAD_LETTERS;
        String headers = List.of(ExceptionHandlerUtils.HEADER_ERRORS_EXCEPTION_NAME,
                        ExceptionHandlerUtils.HEADER_ERRORS_EXCEPTION_MESSAGE_NAME,
                        ExceptionHandlerUtils.HEADER_ERRORS_STACKTRACE_NAME,
                        ExceptionHandlerUtils.HEADER_ERRORS_TOPIC_NAME,
                        ExceptionHandlerUtils.HEADER_ERRORS_PARTITION_NAME,
                        ExceptionHandlerUtils.HEADER_ERRORS_OFFSET_NAME).stream()
                .map(TopicCatalog::code).collect(Collectors.joining(", "));
        return new TopicEntry(topic.name(), Optional.of(topic), "live", "the original record's key bytes",
                List.of(), "the original value bytes, unchanged", timestampType(topic),
                "when the dead letter was written", retention(topic),
                List.of(new Party("any consumer", "a record it cannot read or process; the bid-engine through"
                        + " Kafka Streams' dead-letter queue (`"
                        + StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG + "`)")),
                List.of(new Party("operators", "inspect, fix, replay to the original topic")),
                List.of("Poison records never stop a consumer: they are written here and processing continues.",
                        "Headers written by Kafka Streams: " + headers + "."));
    }

    private static List<ContractType> valueTypesOf(Topic<?, ?> topic) {
        if (!(topic.valueSerde() instanceof JsonSerde<?> json)) {
            throw new IllegalArgumentException(topic.name() + " has no JSON contract values");
        }
        return ContractType.subtypesOf(json.type());
    }

    private static String typeNames(List<ContractType> types) {
        return types.stream().map(type -> code(type.name())).collect(Collectors.joining(" \\| "));
    }

    private static String timestampType(Topic<?, ?> topic) {
        return topic.configs().getOrDefault(TopicConfig.MESSAGE_TIMESTAMP_TYPE_CONFIG, "CreateTime");
    }

    private static String retention(Topic<?, ?> topic) {
        String policy = topic.configs().getOrDefault(TopicConfig.CLEANUP_POLICY_CONFIG,
                TopicConfig.CLEANUP_POLICY_DELETE);
        String compaction = policy.contains(TopicConfig.CLEANUP_POLICY_COMPACT) ? "compacted" : "not compacted";
        String retentionMs = topic.configs().get(TopicConfig.RETENTION_MS_CONFIG);
        String kept = retentionMs == null ? BROKER_DEFAULT_RETENTION
                : Long.parseLong(retentionMs) < 0 ? "forever, the system of record ("
                + code(TopicConfig.RETENTION_MS_CONFIG + "=" + retentionMs) + ")"
                : "for " + Duration.ofMillis(Long.parseLong(retentionMs)).toDays() + " days ("
                + code(TopicConfig.RETENTION_MS_CONFIG + "=" + retentionMs) + ")";
        return code(TopicConfig.CLEANUP_POLICY_CONFIG + "=" + policy) + " (" + compaction + "), retained " + kept;
    }

    private static List<String> sourcesOf(TopologyDescription engine, Topic<?, ?> topic) {
        List<String> names = new ArrayList<>();
        for (TopologyDescription.Subtopology subtopology : engine.subtopologies()) {
            for (TopologyDescription.Node node : subtopology.nodes()) {
                if (node instanceof TopologyDescription.Source source && source.topicSet() != null
                        && source.topicSet().contains(topic.name())) {
                    names.add(source.name());
                }
            }
        }
        return requireSome(names, "reads", topic);
    }

    private static List<String> sinksTo(TopologyDescription engine, Topic<?, ?> topic) {
        List<String> names = new ArrayList<>();
        for (TopologyDescription.Subtopology subtopology : engine.subtopologies()) {
            for (TopologyDescription.Node node : subtopology.nodes()) {
                if (node instanceof TopologyDescription.Sink sink && topic.name().equals(sink.topic())) {
                    names.add(sink.name());
                }
            }
        }
        return requireSome(names, "writes", topic);
    }

    private static List<String> requireSome(List<String> nodes, String verb, Topic<?, ?> topic) {
        if (nodes.isEmpty()) {
            throw new IllegalStateException("The catalog says the bid-engine " + verb + " " + topic.name()
                    + ", but its topology does not; update TopicCatalog");
        }
        return nodes;
    }

    private static String code(List<String> names) {
        return names.stream().map(TopicCatalog::code).collect(Collectors.joining(", "));
    }

    private static String code(String text) {
        return "`" + text + "`";
    }
}
