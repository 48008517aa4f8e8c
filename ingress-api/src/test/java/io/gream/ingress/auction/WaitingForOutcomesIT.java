package io.gream.ingress.auction;

import io.gream.contracts.PlaceBid;
import io.gream.ingress.IngressApplication;
import io.gream.ingress.command.CommandIds;
import io.gream.ingress.testing.Api;
import io.gream.ingress.testing.EngineStub;
import io.gream.ingress.testing.EventLog;
import io.gream.ingress.testing.RunningIngress;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;

import static io.gream.ingress.auction.EngineOutcomes.accepted;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Commands waiting for their outcome hold no request thread: with two request threads, three bids wait for the log
 * at once, and a fourth beyond {@code max-waiting} is written and answered pending at once instead of queueing.
 */
@SpringBootTest(classes = IngressApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "server.tomcat.threads.max=2",
                "server.tomcat.threads.min-spare=1",
                "gream.ingress.commands.max-waiting=3",
                "gream.ingress.engine.read-timeout=1s",
                "gream.ingress.engine.circuit-breaker.minimum-number-of-calls=100000",
                "gream.ingress.engine.circuit-breaker.sliding-window-size=100000",
                "gream.ingress.rate-limit.requests-per-period=100000",
                "gream.ingress.rate-limit.anonymous-requests-per-period=100000"
        })
class WaitingForOutcomesIT extends RunningIngress {

    @DynamicPropertySource
    static void keys(DynamicPropertyRegistry registry) {
        identityProvider(registry);
    }

    private final EngineStub engine = EngineStub.shared();
    private final EventLog decisions = EventLog.shared();
    private final ExecutorService clients = Executors.newCachedThreadPool();

    @Autowired
    private MeterRegistry meters;

    @Test
    void moreBidsWaitForTheirOutcomeAtOnceThanThereAreRequestThreadsAndAllGetIt() {
        String auctionId = "a-" + UUID.randomUUID().toString().substring(0, 8);
        List<CompletableFuture<Api.Response>> bids = IntStream.range(0, 3)
                .mapToObj(i -> CompletableFuture.supplyAsync(() -> bid(auctionId, "bob", "k" + i), clients))
                .toList();

        // all three written and waiting, then decided
        List<String> written = commands.awaitRecords(auctionId, 3).stream()
                .map(r -> ((PlaceBid) r.value()).commandId()).toList();
        written.forEach(id -> decisions.append(accepted(auctionId, id, "bob", 1_500)));

        assertThat(bids).allSatisfy(bid -> assertThat(bid.join().status()).as(bid.join().toString())
                .isEqualTo(201));
        assertThat(engine.requestsFor(auctionId)).isEmpty();
    }

    @Test
    void commandBeyondMaxWaitingIsWrittenAndAnsweredPendingWithoutWaiting() {
        String slowAuction = "a-" + UUID.randomUUID().toString().substring(0, 8);
        String otherAuction = "a-" + UUID.randomUUID().toString().substring(0, 8);
        List<CompletableFuture<Api.Response>> waiting = IntStream.range(0, 3)
                .mapToObj(i -> CompletableFuture.supplyAsync(() -> bid(slowAuction, "bob", "k" + i), clients))
                .toList();
        List<String> written = commands.awaitRecords(slowAuction, 3).stream()
                .map(r -> ((PlaceBid) r.value()).commandId()).toList();
        await().atMost(Duration.ofSeconds(10)).until(() -> waiting() == 3);

        Api.Response beyond = bid(otherAuction, "carol", "k1");

        String commandId = CommandIds.commandId("PlaceBid", "carol", otherAuction, "k1");
        assertThat(beyond.status()).as(beyond.toString()).isEqualTo(202);
        assertThat(beyond.header("Location")).isEqualTo("/api/auctions/" + otherAuction + "/bids/" + commandId);
        assertThat(commands.recordsUpTo(otherAuction, commandId)).singleElement()
                .satisfies(record -> assertThat(record.value())
                        .isEqualTo(new PlaceBid(commandId, otherAuction, "carol", 1_500)));
        assertThat(engine.requestsFor(otherAuction)).isEmpty();

        written.forEach(id -> decisions.append(accepted(slowAuction, id, "bob", 1_500)));
        assertThat(waiting).allSatisfy(bid -> assertThat(bid.join().status()).isEqualTo(201));
    }

    private double waiting() {
        return meters.get("gream.ingress.tail.waiting").gauge().value();
    }

    private Api.Response bid(String auctionId, String userId, String key) {
        return api.post("/api/auctions/" + auctionId + "/bids").as(userId).header("Idempotency-Key", key)
                .header("Prefer", "wait=10").json("{\"amount\":1500}").send();
    }
}
