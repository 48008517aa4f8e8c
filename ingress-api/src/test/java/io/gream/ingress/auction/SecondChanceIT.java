package io.gream.ingress.auction;

import io.gream.contracts.AcceptSecondChance;
import io.gream.contracts.DeclineSecondChance;
import io.gream.contracts.OfferSecondChance;
import io.gream.contracts.SecondChanceCommand;
import io.gream.contracts.Topics;
import io.gream.ingress.command.CommandIds;
import io.gream.ingress.testing.Api;
import io.gream.ingress.testing.SharedIngressContext;
import io.gream.ingress.testing.TestBroker;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code POST /api/auctions/{id}/second-chance[/accept|/decline]}: each writes its command, carrying the caller from
 * the token, to {@code gream.settlement-commands} and answers 202; a malformed request is a 400 problem and writes
 * nothing.
 */
class SecondChanceIT extends SharedIngressContext {

    private static KafkaConsumer<String, SecondChanceCommand> consumer;
    private static final List<ConsumerRecord<String, SecondChanceCommand>> seen = new ArrayList<>();

    @BeforeAll
    static void readSettlementCommands() {
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestBroker.bootstrapServers(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                Topics.SETTLEMENT_COMMANDS.keySerde().deserializer(),
                Topics.SETTLEMENT_COMMANDS.valueSerde().deserializer());
        List<TopicPartition> partitions = IntStream.range(0, TestBroker.PARTITIONS)
                .mapToObj(p -> new TopicPartition(Topics.SETTLEMENT_COMMANDS.name(), p)).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
    }

    @AfterAll
    static void stopReading() {
        consumer.close();
    }

    @Test
    void theSellersOfferIsWrittenWithTheCallerAsSellerAndAnswered202() {
        String auctionId = fresh("a");
        String sally = fresh("sally");

        Api.Response response = api.post("/api/auctions/" + auctionId + "/second-chance").as(sally).send();

        String commandId = CommandIds.commandId("OfferSecondChance", sally, auctionId, "");
        assertThat(response.status()).as(response.toString()).isEqualTo(202);
        assertThat(response.json().path("commandId").asString()).isEqualTo(commandId);
        assertThat(commandsFor(auctionId, 1)).extracting(ConsumerRecord::value)
                .containsExactly(new OfferSecondChance(commandId, auctionId, sally));
    }

    @Test
    void theRunnerUpsAcceptAndDeclineAreWrittenWithTheCallerAsBidder() {
        String auctionId = fresh("a");
        String alice = fresh("alice");

        assertThat(api.post("/api/auctions/" + auctionId + "/second-chance/accept").as(alice)
                .header("Idempotency-Key", "k1").send().status()).isEqualTo(202);
        assertThat(api.post("/api/auctions/" + auctionId + "/second-chance/decline").as(alice).send().status())
                .isEqualTo(202);

        assertThat(commandsFor(auctionId, 2)).extracting(ConsumerRecord::value).containsExactly(
                new AcceptSecondChance(CommandIds.commandId("AcceptSecondChance", alice, auctionId, "k1"), auctionId,
                        alice),
                new DeclineSecondChance(CommandIds.commandId("DeclineSecondChance", alice, auctionId, ""), auctionId,
                        alice));
    }

    @Test
    void aBodyThatNamesAPriceIsRefusedAndWritesNothing() {
        String auctionId = fresh("a");
        String alice = fresh("alice");

        Api.Response response = api.post("/api/auctions/" + auctionId + "/second-chance/accept").as(alice)
                .json("{\"amount\":1}").send();
        Api.Response badKey = api.post("/api/auctions/" + auctionId + "/second-chance").as(alice)
                .header("Idempotency-Key", "not a key!").send();
        api.post("/api/auctions/" + auctionId + "/second-chance/decline").as(alice).send();

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.code()).isEqualTo("UNKNOWN_PROPERTY");
        assertThat(badKey.status()).isEqualTo(400);
        assertThat(badKey.code()).isEqualTo("VALIDATION_FAILED");
        // The decline is the marker: a command the refused requests had written would be read before it.
        assertThat(commandsFor(auctionId, 1)).extracting(ConsumerRecord::value)
                .singleElement().isInstanceOf(DeclineSecondChance.class);
    }

    @Test
    void anAnonymousOfferIs401AndWritesNothing() {
        Api.Response response = api.post("/api/auctions/" + fresh("a") + "/second-chance").send();

        assertThat(response.status()).isEqualTo(401);
    }

    /** Waits until {@code count} commands of the auction were read; returns every one read so far, in order. */
    private static List<ConsumerRecord<String, SecondChanceCommand>> commandsFor(String auctionId, int count) {
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            consumer.poll(Duration.ofMillis(100)).forEach(seen::add);
            return seen.stream().filter(r -> auctionId.equals(r.key())).count() >= count;
        });
        return seen.stream().filter(r -> auctionId.equals(r.key())).toList();
    }
}
