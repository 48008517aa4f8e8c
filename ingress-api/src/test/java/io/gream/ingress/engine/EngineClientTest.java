package io.gream.ingress.engine;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.RetryRegistry;
import io.gream.contracts.BidAccepted;
import io.gream.support.problem.ProblemException;
import io.gream.ingress.testing.EngineStub.Reply;
import io.gream.ingress.testing.EngineStub;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.client.RestClient;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The engine client alone, against real local HTTP servers playing engine instances (and a port nobody listens
 * on playing a dead one): rotation, retry on another instance, per-instance circuit breakers, timeouts, the
 * contract's status codes, and asking once for a command's outcome.
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

    @AfterEach
    void stopEngines() {
        engine.close();
        otherEngine.close();
        thirdEngine.close();
    }

    @Test
    void callsSucceedThroughTheLiveInstanceWhileAnotherIsDown() {
        engine.onAuction("a-1", Reply.json(200, VIEW));
        EngineClient client = client(List.of(dead, engine.url()), Duration.ofSeconds(1));

        for (int i = 0; i < 4; i++) {
            assertThat(client.auction("a-1").seq()).isEqualTo(1);
        }

        assertThat(engine.requestsFor("a-1")).hasSize(4);
    }

    @Test
    void breakerOfAnInstanceThatKeepsFailingOpensAndTheOtherStaysClosed() {
        engine.onAuction("a-1", Reply.json(200, VIEW));
        EngineClient client = client(List.of(dead, engine.url()), Duration.ofSeconds(1));

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
        EngineClient client = client(List.of(engine.url()), Duration.ofSeconds(1));

        assertThatThrownBy(() -> client.auction("a-1")).isInstanceOfSatisfying(EngineUnavailableException.class,
                e -> assertThat(e.headers().getFirst("Retry-After")).isEqualTo("7"));
        assertThat(engine.requestsFor("a-1")).hasSize(1);
    }

    @Test
    void unknownAuctionIsAnAnswerNotAFailure() {
        EngineClient client = client(List.of(engine.url()), Duration.ofSeconds(1));

        assertThatThrownBy(() -> client.auction("nope")).isInstanceOfSatisfying(ProblemException.class,
                e -> assertThat(e.code()).isEqualTo("AUCTION_NOT_FOUND"));
        assertThat(breakers.circuitBreaker(engine.url().toString()).getMetrics().getNumberOfFailedCalls())
                .isZero();
    }

    @Test
    void instanceThatDoesNotAnswerInTimeIsRetriedThenReportedUnavailable() {
        CountDownLatch never = new CountDownLatch(1);
        engine.onAuction("a-1", Reply.json(200, VIEW).heldUntil(never));
        EngineClient client = client(List.of(engine.url()), Duration.ofMillis(300));
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
        EngineClient client = client(List.of(engine.url(), otherEngine.url()), Duration.ofSeconds(1));

        assertThat(client.auction("a-1").auctionId()).isEqualTo("a-1");
        assertThat(breakers.circuitBreaker(engine.url().toString()).getMetrics().getNumberOfFailedCalls())
                .isEqualTo(1);
    }

    @Test
    void commandStatusIsTheOutcomeExactlyAsPublishedOrPending() {
        BidAccepted accepted = new BidAccepted("a-1:2", "a-1", 2, T0, "c-1", "bob", 1_500, null, null, 1, 1_600);
        engine.onCommand("a-1", id -> id.equals("c-1") ? Reply.outcome(accepted) : Reply.pending());
        engine.onCommand("a-2", id -> Reply.json(404, "{\"code\":\"AUCTION_NOT_FOUND\"}"));
        EngineClient client = client(List.of(engine.url()), Duration.ofSeconds(1));

        assertThat(client.commandStatusAsync("a-1", "c-1").join()).isEqualTo(new CommandStatus.Decided(accepted));
        assertThat(client.commandStatusAsync("a-1", "c-2").join()).isInstanceOf(CommandStatus.Pending.class);
        assertThat(client.commandStatusAsync("a-2", "c-1").join()).isInstanceOf(CommandStatus.Pending.class);
        // asked once, without waiting: the ingress's tail is what waits
        assertThat(engine.requestsFor("a-1")).allSatisfy(r -> assertThat(r.query()).containsEntry("waitMs", "0"));
    }

    @Test
    void commandStatusOfAnEngineThatIsRebalancingIsUnavailableNotRetriedElsewhere() {
        engine.onCommand("a-1", id -> Reply.rebalancing(Duration.ofSeconds(3)));
        otherEngine.onCommand("a-1", id -> Reply.pending());
        EngineClient client = client(List.of(engine.url(), otherEngine.url()), PATIENT);

        assertThatThrownBy(() -> client.commandStatusAsync("a-1", "c-1").join())
                .hasCauseInstanceOf(EngineUnavailableException.class);
        assertThat(otherEngine.requestsFor("a-1")).isEmpty();
    }

    @Test
    void instanceWhoseBreakerIsOpenIsPassedOverWithoutUsingUpAnAttempt() {
        thirdEngine.onAuction("a-1", Reply.json(200, VIEW));
        EngineClient client = client(List.of(otherEngine.url(), dead, thirdEngine.url()), PATIENT);
        breakers.circuitBreaker(otherEngine.url().toString()).transitionToForcedOpenState();

        assertThat(client.auction("a-1").auctionId()).isEqualTo("a-1"); // attempts = 2: dead, then the third

        assertThat(otherEngine.requestsFor("a-1")).isEmpty();
        assertThat(thirdEngine.requestsFor("a-1")).hasSize(1);
    }

    @Test
    void commandOutcomeAlsoPassesOverAnInstanceWhoseBreakerIsOpen() {
        BidAccepted accepted = new BidAccepted("a-1:2", "a-1", 2, T0, "c-1", "bob", 1_500, null, null, 1, 1_600);
        thirdEngine.onCommand("a-1", id -> Reply.outcome(accepted));
        EngineClient client = client(List.of(otherEngine.url(), dead, thirdEngine.url()), PATIENT);
        breakers.circuitBreaker(otherEngine.url().toString()).transitionToOpenState();

        // asked once: only the two attempts of that one call can find the outcome
        assertThat(client.commandStatusAsync("a-1", "c-1").join()).isEqualTo(new CommandStatus.Decided(accepted));

        assertThat(otherEngine.requestsFor("a-1")).isEmpty();
    }

    @Test
    void halfOpenBreakerIsNotPassedOver() {
        engine.onAuction("a-1", Reply.json(200, VIEW));
        otherEngine.onAuction("a-1", Reply.json(200, VIEW));
        EngineClient client = client(List.of(engine.url(), otherEngine.url()), PATIENT);
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
                        new EngineClientProperties.CircuitBreaker(50, 4, 2, Duration.ofMillis(200))), ""),
                RestClient.builder(), quickToRetry, RetryRegistry.ofDefaults());
        CircuitBreaker first = quickToRetry.circuitBreaker(engine.url().toString());
        first.transitionToOpenState();

        // no call reaches it while it is passed over: it must leave the open state by itself
        await().atMost(Duration.ofSeconds(5)).until(() -> first.getState() == CircuitBreaker.State.HALF_OPEN);
        client.auction("a-1");

        assertThat(engine.requestsFor("a-1")).hasSize(1);
    }

    @Test
    void everyBreakerOpenFailsFastAsBefore() {
        EngineClient client = client(List.of(engine.url(), otherEngine.url()), Duration.ofSeconds(1));
        breakers.circuitBreaker(engine.url().toString()).transitionToForcedOpenState();
        breakers.circuitBreaker(otherEngine.url().toString()).transitionToForcedOpenState();

        assertThatThrownBy(() -> client.auction("a-1")).isInstanceOf(EngineUnavailableException.class);

        assertThat(engine.requestsFor("a-1")).isEmpty();
        assertThat(otherEngine.requestsFor("a-1")).isEmpty();
    }

    private EngineClient client(List<URI> urls, Duration readTimeout) {
        EngineClientProperties properties = new EngineClientProperties(urls, new EngineClientProperties.Engine(
                Duration.ofMillis(200), readTimeout, 2, Duration.ZERO, Duration.ofSeconds(1),
                new EngineClientProperties.CircuitBreaker(50, 4, 2, Duration.ofMinutes(1))), "");
        return EngineClientConfiguration.client(properties, RestClient.builder(), breakers,
                RetryRegistry.ofDefaults());
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
