package io.gream.ingress.auction;

import io.gream.contracts.PlaceBid;
import io.gream.ingress.IngressApplication;
import io.gream.ingress.command.CommandIds;
import io.gream.ingress.testing.Api;
import io.gream.ingress.testing.EngineStub;
import io.gream.ingress.testing.EngineStub.Reply;
import io.gream.ingress.testing.RunningIngress;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import static io.gream.ingress.auction.EngineOutcomes.accepted;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Commands waiting for the engine's decision hold no request thread: with two request threads, three bids wait
 * on the engine at once, and a fourth beyond {@code max-waiting} is written and answered pending at once instead
 * of queueing (the REST path's throughput ceiling and collapse, docs/performance.md). A bid keeps waiting through
 * an engine rebalance, with the default long-poll slice and pause.
 */
@SpringBootTest(classes = IngressApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "server.tomcat.threads.max=2",
                "server.tomcat.threads.min-spare=1",
                "gream.ingress.commands.max-waiting=3",
                "gream.ingress.engine.read-timeout=1s",
                "gream.ingress.engine.circuit-breaker.minimum-number-of-calls=100000",
                "gream.ingress.engine.circuit-breaker.sliding-window-size=100000",
                "gream.ingress.rate-limit.requests-per-period=100000"
        })
class WaitingForOutcomesIT extends RunningIngress {

    @DynamicPropertySource
    static void keys(DynamicPropertyRegistry registry) {
        identityProvider(registry);
    }

    private final EngineStub engine = EngineStub.shared();
    private final ExecutorService clients = Executors.newCachedThreadPool();

    @Test
    void moreBidsWaitForTheEngineAtOnceThanThereAreRequestThreadsAndAllGetTheirOutcome() {
        String auctionId = "a-" + UUID.randomUUID().toString().substring(0, 8);
        CountDownLatch decided = new CountDownLatch(1);
        engine.onCommand(auctionId, id -> Reply.outcome(accepted(auctionId, id, "bob", 1_500)).heldUntil(decided));
        try {
            List<CompletableFuture<Api.Response>> bids = IntStream.range(0, 3)
                    .mapToObj(i -> CompletableFuture.supplyAsync(() -> api.post("/api/auctions/" + auctionId
                            + "/bids").as("bob").header("Idempotency-Key", "k" + i).json("{\"amount\":1500}")
                            .send(), clients))
                    .toList();

            await().atMost(Duration.ofSeconds(10)).until(() -> engine.requestsFor(auctionId).size() == 3);
            decided.countDown();

            assertThat(bids).allSatisfy(bid -> assertThat(bid.join().status()).as(bid.join().toString())
                    .isEqualTo(201));
        } finally {
            decided.countDown();
        }
    }

    @Test
    void commandBeyondMaxWaitingIsWrittenAndAnsweredPendingWithoutAskingTheEngine() {
        String slowAuction = "a-" + UUID.randomUUID().toString().substring(0, 8);
        String otherAuction = "a-" + UUID.randomUUID().toString().substring(0, 8);
        CountDownLatch decided = new CountDownLatch(1);
        engine.onCommand(slowAuction, id -> Reply.outcome(accepted(slowAuction, id, "bob", 1_500))
                .heldUntil(decided));
        engine.onCommand(otherAuction, id -> Reply.outcome(accepted(otherAuction, id, "carol", 1_500)));
        try {
            List<CompletableFuture<Api.Response>> waiting = IntStream.range(0, 3)
                    .mapToObj(i -> CompletableFuture.supplyAsync(() -> api.post("/api/auctions/" + slowAuction
                            + "/bids").as("bob").header("Idempotency-Key", "k" + i).json("{\"amount\":1500}")
                            .send(), clients))
                    .toList();
            await().atMost(Duration.ofSeconds(10)).until(() -> engine.requestsFor(slowAuction).size() == 3);

            Api.Response beyond = api.post("/api/auctions/" + otherAuction + "/bids").as("carol")
                    .header("Idempotency-Key", "k1").json("{\"amount\":1500}").send();

            String commandId = CommandIds.commandId("PlaceBid", "carol", otherAuction, "k1");
            assertThat(beyond.status()).as(beyond.toString()).isEqualTo(202);
            assertThat(beyond.header("Location")).isEqualTo("/api/auctions/" + otherAuction + "/bids/" + commandId);
            assertThat(commands.recordsUpTo(otherAuction, commandId)).singleElement()
                    .satisfies(record -> assertThat(record.value())
                            .isEqualTo(new PlaceBid(commandId, otherAuction, "carol", 1_500)));
            assertThat(engine.requestsFor(otherAuction)).isEmpty();

            decided.countDown();
            assertThat(waiting).allSatisfy(bid -> assertThat(bid.join().status()).isEqualTo(201));
        } finally {
            decided.countDown();
        }
    }

    @Test
    void bidWaitsThroughAnEngineRebalanceAndIsAnsweredWithItsOutcome() {
        String auctionId = "a-" + UUID.randomUUID().toString().substring(0, 8);
        AtomicInteger asked = new AtomicInteger();
        engine.onCommand(auctionId, id -> asked.getAndIncrement() < 2 ? Reply.rebalancing(Duration.ofSeconds(1))
                : Reply.outcome(accepted(auctionId, id, "bob", 1_500)));

        Api.Response bid = api.post("/api/auctions/" + auctionId + "/bids").as("bob")
                .header("Idempotency-Key", "k1").header("Prefer", "wait=5").json("{\"amount\":1500}").send();

        assertThat(bid.status()).as(bid.toString()).isEqualTo(201);
        assertThat(engine.requestsFor(auctionId)).extracting(r -> r.query().get("waitMs")).hasSize(3)
                .first().isEqualTo("2000"); // the default slice of the 5 s wait
    }
}
