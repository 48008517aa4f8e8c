package io.gream.ingress.engine;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.RetryRegistry;
import io.gream.contracts.BidAccepted;
import io.gream.ingress.problem.ProblemException;
import io.gream.ingress.testing.EngineStub.Reply;
import io.gream.ingress.testing.EngineStub;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.client.RestClient;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The engine client alone, against real local HTTP servers playing engine instances (and a port nobody listens
 * on playing a dead one): rotation, retry on another instance, per-instance circuit breakers, timeouts, the
 * contract's status codes, and waiting for a command's outcome through rebalances and failovers.
 */
class EngineClientTest {

    private static final Instant T0 = Instant.parse("2030-01-01T00:00:00Z");
    /** Read timeout where timing out is not what a test is about: a busy machine's first call can take a second. */
    private static final Duration PATIENT = Duration.ofSeconds(5);
    private static final String VIEW = """
            {"auctionId":"a-1","status":"OPEN","sellerId":"sally","item":{"brand":"CU","name":"Banana Milk",
             "faceValue":1700,"voucherExpiresOn":"2030-12-31"},"startPrice":1000,"minIncrement":100,"bidCount":0,
             "minNextBid":1000,"endsAt":"2030-01-02T00:00:00Z","seq":1,"stale":false}""";

    private final EngineStub engine = new EngineStub();
    private final EngineStub otherEngine = new EngineStub();
    private final EngineStub thirdEngine = new EngineStub();
    private final URI dead = URI.create("http://127.0.0.1:" + closedPort());
    private final URI otherDead = URI.create("http://127.0.0.1:" + closedPort());
    private final CircuitBreakerRegistry breakers = EngineClientConfiguration.circuitBreakers(
            new EngineClientProperties.CircuitBreaker(50, 4, 2, Duration.ofMinutes(1)));
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    @AfterEach
    void stopEngines() {
        engine.close();
        otherEngine.close();
        thirdEngine.close();
    }

    @Test
    void callsSucceedThroughTheLiveInstanceWhileAnotherIsDown() {
        engine.onAuction("a-1", Reply.json(200, VIEW));
        EngineClient client = client(List.of(dead, engine.url()), Duration.ofSeconds(1), Clock.systemUTC());

        for (int i = 0; i < 4; i++) {
            assertThat(client.auction("a-1").seq()).isEqualTo(1);
        }

        assertThat(engine.requestsFor("a-1")).hasSize(4);
    }

    @Test
    void breakerOfAnInstanceThatKeepsFailingOpensAndTheOtherStaysClosed() {
        engine.onAuction("a-1", Reply.json(200, VIEW));
        EngineClient client = client(List.of(dead, engine.url()), Duration.ofSeconds(1), Clock.systemUTC());

        for (int i = 0; i < 6; i++) {
            client.auction("a-1");
        }

        assertThat(breakers.circuitBreaker(dead.toString()).getState()).isEqualTo(CircuitBreaker.State.OPEN);
        assertThat(breakers.circuitBreaker(engine.url().toString()).getState())
                .isEqualTo(CircuitBreaker.State.CLOSED);
    }

    @Test
    void rebalancingIsPassedOnWithTheEnginesRetryAfterAndNotRetried() {
        engine.onAuction("a-1", Reply.rebalancing(Duration.ofSeconds(7)));
        EngineClient client = client(List.of(engine.url()), Duration.ofSeconds(1), Clock.systemUTC());

        assertThatThrownBy(() -> client.auction("a-1")).isInstanceOfSatisfying(EngineUnavailableException.class,
                e -> assertThat(e.headers().getFirst("Retry-After")).isEqualTo("7"));
        assertThat(engine.requestsFor("a-1")).hasSize(1);
    }

    @Test
    void unknownAuctionIsAnAnswerNotAFailure() {
        EngineClient client = client(List.of(engine.url()), Duration.ofSeconds(1), Clock.systemUTC());

        assertThatThrownBy(() -> client.auction("nope")).isInstanceOfSatisfying(ProblemException.class,
                e -> assertThat(e.code()).isEqualTo("AUCTION_NOT_FOUND"));
        assertThat(breakers.circuitBreaker(engine.url().toString()).getMetrics().getNumberOfFailedCalls())
                .isZero();
    }

    @Test
    void instanceThatDoesNotAnswerInTimeIsRetriedThenReportedUnavailable() {
        CountDownLatch never = new CountDownLatch(1);
        engine.onAuction("a-1", Reply.json(200, VIEW).heldUntil(never));
        EngineClient client = client(List.of(engine.url()), Duration.ofMillis(300), Clock.systemUTC());
        try {
            assertThatThrownBy(() -> client.auction("a-1")).isInstanceOfSatisfying(
                    EngineUnavailableException.class, e -> assertThat(e.code()).isEqualTo("ENGINE_UNAVAILABLE"));
            assertThat(engine.requestsFor("a-1")).hasSize(2);
        } finally {
            never.countDown();
        }
    }

    @Test
    void unreadableReplyCountsAgainstItsInstanceAndIsRetriedOnTheNext() {
        engine.onAuction("a-1", Reply.json(200, "{\"auctionId\":"));
        otherEngine.onAuction("a-1", Reply.json(200, VIEW));
        EngineClient client = client(List.of(engine.url(), otherEngine.url()), Duration.ofSeconds(1),
                Clock.systemUTC());

        assertThat(client.auction("a-1").auctionId()).isEqualTo("a-1");
        assertThat(breakers.circuitBreaker(engine.url().toString()).getMetrics().getNumberOfFailedCalls())
                .isEqualTo(1);
    }

    @Test
    void commandStatusIsTheOutcomeExactlyAsPublishedOrPending() {
        BidAccepted accepted = new BidAccepted("a-1:2", "a-1", 2, T0, "c-1", "bob", 1_500, null, null, 1, 1_600);
        engine.onCommand("a-1", id -> id.equals("c-1") ? Reply.outcome(accepted) : Reply.pending());
        engine.onCommand("a-2", id -> Reply.json(404, "{\"code\":\"AUCTION_NOT_FOUND\"}"));
        EngineClient client = client(List.of(engine.url()), Duration.ofSeconds(1), Clock.systemUTC());

        assertThat(client.commandStatus("a-1", "c-1", Duration.ofSeconds(1)))
                .isEqualTo(new CommandStatus.Decided(accepted));
        assertThat(client.commandStatus("a-1", "c-2", Duration.ZERO)).isInstanceOf(CommandStatus.Pending.class);
        assertThat(client.commandStatus("a-2", "c-1", Duration.ZERO)).isInstanceOf(CommandStatus.Pending.class);
    }

    @Test
    void retriedLongPollWaitsOnlyForWhatIsLeftOfTheWait() {
        engine.onCommand("a-1", id -> Reply.json(500, "{}"));
        EngineClient client = client(List.of(engine.url(), otherEngine.url()), Duration.ofSeconds(1),
                new SteppingClock(T0, Duration.ofMillis(400)), Duration.ofSeconds(10), Duration.ofMillis(10));

        client.commandStatus("a-1", "c-1", Duration.ofSeconds(3));

        assertThat(engine.requestsFor("a-1").get(0).query()).containsEntry("waitMs", "3000");
        // the clock moved on at least one 400 ms step between the two attempts
        assertThat(Long.parseLong(otherEngine.requestsFor("a-1").get(0).query().get("waitMs")))
                .isBetween(1L, 2_600L);
    }

    @Test
    void engineThatIsRebalancingIsAskedAgainAndItsOutcomeArrivesWithinTheWait() {
        BidAccepted accepted = new BidAccepted("a-1:2", "a-1", 2, T0, "c-1", "bob", 1_500, null, null, 1, 1_600);
        AtomicInteger asked = new AtomicInteger();
        engine.onCommand("a-1", id -> asked.getAndIncrement() < 2 ? Reply.rebalancing(Duration.ofSeconds(1))
                : Reply.outcome(accepted));
        EngineClient client = client(List.of(engine.url()), PATIENT, Clock.systemUTC(),
                Duration.ofSeconds(2), Duration.ofMillis(100));
        Duration wait = Duration.ofSeconds(3);

        long started = System.nanoTime();
        CommandStatus status = client.commandStatus("a-1", "c-1", wait);
        Duration elapsed = Duration.ofNanos(System.nanoTime() - started);

        assertThat(status).isEqualTo(new CommandStatus.Decided(accepted));
        assertThat(elapsed).isGreaterThanOrEqualTo(Duration.ofMillis(200)).isLessThan(wait); // two pauses
        assertThat(engine.requestsFor("a-1")).hasSize(3);
        assertThat(repolls("unavailable")).isEqualTo(2);
        assertThat(repolls("pending")).isZero();
    }

    @Test
    void longPollOnAnInstanceThatLostThePartitionEndsWithItsSliceAndTheNextSliceFindsTheNewOwner() {
        BidAccepted accepted = new BidAccepted("a-1:2", "a-1", 2, T0, "c-1", "bob", 1_500, null, null, 1, 1_600);
        engine.onCommand("a-1", id -> Reply.pendingAfterTheWait()); // its waiter never completes: not the owner now
        otherEngine.onCommand("a-1", id -> Reply.outcome(accepted));
        EngineClient client = client(List.of(engine.url(), otherEngine.url()), PATIENT,
                Clock.systemUTC(), Duration.ofMillis(500), Duration.ofMillis(100));
        Duration wait = Duration.ofSeconds(5);

        long started = System.nanoTime();
        CommandStatus status = client.commandStatus("a-1", "c-1", wait);
        Duration elapsed = Duration.ofNanos(System.nanoTime() - started);

        assertThat(status).isEqualTo(new CommandStatus.Decided(accepted));
        assertThat(engine.requestsFor("a-1")).singleElement()
                .satisfies(r -> assertThat(r.query()).containsEntry("waitMs", "500"));
        assertThat(otherEngine.requestsFor("a-1")).singleElement()
                .satisfies(r -> assertThat(Long.parseLong(r.query().get("waitMs"))).isBetween(1L, 500L));
        assertThat(elapsed).isGreaterThanOrEqualTo(Duration.ofMillis(500)).isLessThan(Duration.ofSeconds(2));
        assertThat(repolls("pending")).isEqualTo(1);
    }

    @Test
    void noInstanceReachableForTheWholeWaitIsPendingOnceTheWaitIsOverNotBeforeAndNotMuchAfter() {
        Duration wait = Duration.ofSeconds(1);
        Duration readTimeout = Duration.ofSeconds(1);
        EngineClient client = client(List.of(dead, otherDead), readTimeout, Clock.systemUTC(),
                Duration.ofSeconds(2), Duration.ofMillis(100));

        long started = System.nanoTime();
        CommandStatus status = client.commandStatus("a-1", "c-1", wait);
        Duration elapsed = Duration.ofNanos(System.nanoTime() - started);

        assertThat(status).isInstanceOf(CommandStatus.Pending.class);
        assertThat(elapsed).isGreaterThanOrEqualTo(wait.minusMillis(100)).isLessThanOrEqualTo(wait.plus(readTimeout));
        assertThat(repolls("unavailable")).isGreaterThanOrEqualTo(2);
    }

    @Test
    void pausesDoubleWhileTheEngineStaysUnavailableSoWaitingBidsDoNotFloodIt() {
        engine.onCommand("a-1", id -> Reply.rebalancing(Duration.ofSeconds(1)));
        EngineClient client = client(List.of(engine.url()), PATIENT, Clock.systemUTC(),
                Duration.ofSeconds(2), Duration.ofMillis(100));

        CommandStatus status = client.commandStatus("a-1", "c-1", Duration.ofSeconds(2));

        assertThat(status).isInstanceOf(CommandStatus.Pending.class);
        // pauses of 100, 200, 400, 800 ms and the rest of the wait: 5 or 6 asks; a fixed 100 ms pause made about 20
        assertThat(engine.requestsFor("a-1")).hasSizeBetween(4, 7);
    }

    @Test
    void pendingAnsweredWithoutWaitingIsAskedAgainAfterAPauseNotInABusyLoop() {
        engine.onCommand("a-1", id -> Reply.pending()); // e.g. a 404 for an auction the engine has not seen yet
        EngineClient client = client(List.of(engine.url()), PATIENT, Clock.systemUTC(),
                Duration.ofSeconds(2), Duration.ofMillis(200));
        Duration wait = Duration.ofSeconds(1);

        long started = System.nanoTime();
        CommandStatus status = client.commandStatus("a-1", "c-1", wait);
        Duration elapsed = Duration.ofNanos(System.nanoTime() - started);

        assertThat(status).isInstanceOf(CommandStatus.Pending.class);
        assertThat(elapsed).isGreaterThanOrEqualTo(wait.minusMillis(100));
        // one every 200 ms pause at most: 1 s / 200 ms + the first
        assertThat(engine.requestsFor("a-1")).hasSizeBetween(2, 6);
        assertThat(repolls("pending")).isEqualTo(engine.requestsFor("a-1").size() - 1);
    }

    @Test
    void instanceWhoseBreakerIsOpenIsPassedOverWithoutUsingUpAnAttempt() {
        thirdEngine.onAuction("a-1", Reply.json(200, VIEW));
        EngineClient client = client(List.of(otherEngine.url(), dead, thirdEngine.url()), PATIENT,
                Clock.systemUTC());
        breakers.circuitBreaker(otherEngine.url().toString()).transitionToForcedOpenState();

        assertThat(client.auction("a-1").auctionId()).isEqualTo("a-1"); // attempts = 2: dead, then the third

        assertThat(otherEngine.requestsFor("a-1")).isEmpty();
        assertThat(thirdEngine.requestsFor("a-1")).hasSize(1);
    }

    @Test
    void commandOutcomeAlsoPassesOverAnInstanceWhoseBreakerIsOpen() {
        BidAccepted accepted = new BidAccepted("a-1:2", "a-1", 2, T0, "c-1", "bob", 1_500, null, null, 1, 1_600);
        thirdEngine.onCommand("a-1", id -> Reply.outcome(accepted));
        EngineClient client = client(List.of(otherEngine.url(), dead, thirdEngine.url()), PATIENT,
                Clock.systemUTC());
        breakers.circuitBreaker(otherEngine.url().toString()).transitionToOpenState();

        // a zero wait asks once: only the two attempts of that one call can find the outcome
        assertThat(client.commandStatus("a-1", "c-1", Duration.ZERO)).isEqualTo(new CommandStatus.Decided(accepted));

        assertThat(otherEngine.requestsFor("a-1")).isEmpty();
    }

    @Test
    void halfOpenBreakerIsNotPassedOver() {
        engine.onAuction("a-1", Reply.json(200, VIEW));
        otherEngine.onAuction("a-1", Reply.json(200, VIEW));
        EngineClient client = client(List.of(engine.url(), otherEngine.url()), PATIENT,
                Clock.systemUTC());
        CircuitBreaker first = breakers.circuitBreaker(engine.url().toString());
        first.transitionToOpenState();
        first.transitionToHalfOpenState();

        client.auction("a-1");

        assertThat(engine.requestsFor("a-1")).hasSize(1); // its trial call
        assertThat(otherEngine.requestsFor("a-1")).isEmpty();
    }

    @Test
    void passedOverInstanceIsTriedAgainOnceItsBreakerHasBeenOpenLongEnough() {
        CircuitBreakerRegistry quickToRetry = EngineClientConfiguration.circuitBreakers(
                new EngineClientProperties.CircuitBreaker(50, 4, 2, Duration.ofMillis(200)));
        engine.onAuction("a-1", Reply.json(200, VIEW));
        EngineClient client = EngineClientConfiguration.client(new EngineClientProperties(
                        List.of(engine.url(), otherEngine.url()), new EngineClientProperties.Engine(
                        Duration.ofMillis(200), PATIENT, 2, Duration.ZERO, Duration.ofSeconds(1),
                        Duration.ofSeconds(2), Duration.ofMillis(250),
                        new EngineClientProperties.CircuitBreaker(50, 4, 2, Duration.ofMillis(200))), ""),
                RestClient.builder(), quickToRetry, RetryRegistry.ofDefaults(), Clock.systemUTC(), meters);
        CircuitBreaker first = quickToRetry.circuitBreaker(engine.url().toString());
        first.transitionToOpenState();

        // no call reaches it while it is passed over: it must leave the open state by itself
        await().atMost(Duration.ofSeconds(5)).until(() -> first.getState() == CircuitBreaker.State.HALF_OPEN);
        client.auction("a-1");

        assertThat(engine.requestsFor("a-1")).hasSize(1);
    }

    @Test
    void everyBreakerOpenFailsFastAsBefore() {
        EngineClient client = client(List.of(engine.url(), otherEngine.url()), Duration.ofSeconds(1),
                Clock.systemUTC());
        breakers.circuitBreaker(engine.url().toString()).transitionToForcedOpenState();
        breakers.circuitBreaker(otherEngine.url().toString()).transitionToForcedOpenState();

        assertThatThrownBy(() -> client.auction("a-1")).isInstanceOf(EngineUnavailableException.class);

        assertThat(engine.requestsFor("a-1")).isEmpty();
        assertThat(otherEngine.requestsFor("a-1")).isEmpty();
    }

    private EngineClient client(List<URI> urls, Duration readTimeout, Clock clock) {
        return client(urls, readTimeout, clock, Duration.ofSeconds(2), Duration.ofMillis(250));
    }

    private EngineClient client(List<URI> urls, Duration readTimeout, Clock clock, Duration maxPollSlice,
                                Duration unavailableBackoff) {
        EngineClientProperties properties = new EngineClientProperties(urls, new EngineClientProperties.Engine(
                Duration.ofMillis(200), readTimeout, 2, Duration.ZERO, Duration.ofSeconds(1), maxPollSlice,
                unavailableBackoff, new EngineClientProperties.CircuitBreaker(50, 4, 2, Duration.ofMinutes(1))), "");
        return EngineClientConfiguration.client(properties, RestClient.builder(), breakers,
                RetryRegistry.ofDefaults(), clock, meters);
    }

    private double repolls(String reason) {
        return meters.get("gream.ingress.engine.repolls").tag("reason", reason).counter().count();
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A clock that moves {@code step} forward each time it is read: explicit, repeatable elapsed time. */
    private static final class SteppingClock extends Clock {

        private Instant now;
        private final Duration step;

        SteppingClock(Instant start, Duration step) {
            this.now = start;
            this.step = step;
        }

        @Override
        public synchronized Instant instant() {
            Instant current = now;
            now = now.plus(step);
            return current;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
