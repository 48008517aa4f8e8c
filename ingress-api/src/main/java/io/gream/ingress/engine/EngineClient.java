package io.gream.ingress.engine;

import io.gream.contracts.AuctionEvent;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.Retry;
import io.gream.contracts.AuctionView;
import io.gream.contracts.BidHistoryEntry;
import io.gream.contracts.CommandOutcome;
import io.gream.contracts.GreamJson;
import io.gream.contracts.RejectionReason;
import io.gream.contracts.Topics;
import io.gream.support.problem.ProblemException;
import org.apache.kafka.common.errors.SerializationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.core.JacksonException;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Reads from the bid-engine's internal HTTP API.
 *
 * <p>Each call starts at the next instance in turn and, if that instance cannot answer (connection refused, timeout,
 * a 5xx other than 503, an unreadable reply, or its circuit breaker is open), retries on the following one, up to
 * the configured number of attempts. Only those failures count against an instance's breaker: a 404 or a 503
 * means the instance is alive and answered. An instance whose breaker is open is passed over without using up an
 * attempt, as long as some instance's breaker is not open: spending an attempt on a refusal left a request with
 * one real try while an instance was known to be down. (Breakers move from open to half-open by themselves, so a
 * passed-over instance is tried again once its open state has lasted.) An engine 503 (it is rebalancing) is not
 * retried elsewhere, as every instance is usually rebalancing at once; an auction view or list passes it to the
 * client with the engine's {@code Retry-After}, a command's outcome is asked again after a pause.
 *
 * <p>Timeouts are the HTTP client's (connect and read), not a resilience4j {@code TimeLimiter}: a time limiter can
 * only abandon a blocking call on another thread, whereas a read timeout actually ends it.
 *
 * <p>A command's outcome is asked only as a fallback, once and without waiting ({@link #commandStatusAsync}): the
 * ingress learns outcomes from its tail of {@code gream.auction-events}, and asks the engine only for one the tail
 * did not see (decided before this replica started, or forgotten since).
 */
public class EngineClient {

    private static final Logger log = LoggerFactory.getLogger(EngineClient.class);

    private final List<URI> instances;
    private final RestClient quick;
    private final HttpClient http;
    private final String token;
    private final Duration readTimeout;
    private final ScheduledExecutorService retries;
    private final CircuitBreakerRegistry breakers;
    private final Retry retry;
    private final Duration retryAfter;
    private final AtomicInteger next = new AtomicInteger();

    /**
     * @param quick       for calls that should answer at once (read timeout = the configured read timeout)
     * @param http        for command outcomes, asked asynchronously with {@code readTimeout}
     * @param token       the engines' internal token, or empty
     * @param retries     schedules the retry of an asynchronous call after the back-off, without a parked thread
     */
    EngineClient(List<URI> instances, RestClient quick, HttpClient http, String token, Duration readTimeout,
                 ScheduledExecutorService retries, CircuitBreakerRegistry breakers, Retry retry, Duration retryAfter) {
        this.instances = List.copyOf(instances);
        this.quick = quick;
        this.http = http;
        this.token = token;
        this.readTimeout = readTimeout;
        this.retries = retries;
        this.breakers = breakers;
        this.retry = retry;
        this.retryAfter = retryAfter;
        // One breaker per instance, created up front so each shows in the metrics before its first call.
        this.instances.forEach(instance -> breakers.circuitBreaker(instance.toString()));
    }

    /**
     * The auction's current view.
     *
     * @throws ProblemException           {@code 404 AUCTION_NOT_FOUND} when the engine knows no such auction
     * @throws EngineUnavailableException when no instance could answer, or the engine is rebalancing
     */
    public AuctionView auction(String auctionId) {
        return auction(auctionId, null);
    }

    /**
     * As {@link #auction(String)}, as {@code viewer} sees it: with their own maximum when they lead.
     *
     * @param viewer the verified user asking, or {@code null} for the public view
     */
    public AuctionView auction(String auctionId, String viewer) {
        return call(base -> quick.get()
                .uri(UriComponentsBuilder.fromUri(base).path("/auctions/{id}")
                        .queryParamIfPresent("viewer", Optional.ofNullable(viewer))
                        .buildAndExpand(auctionId).encode().toUri())
                .accept(MediaType.APPLICATION_JSON)
                .exchange((request, response) -> {
                    int status = response.getStatusCode().value();
                    byte[] body = response.getBody().readAllBytes();
                    if (status == 200) {
                        return read(body, AuctionView.class, base);
                    }
                    if (status == 404) {
                        throw new ProblemException(HttpStatus.NOT_FOUND, RejectionReason.AUCTION_NOT_FOUND.name(),
                                "No auction " + auctionId + ".");
                    }
                    throw unexpected(status, response.getHeaders(), base);
                }));
    }

    /**
     * The auction's public bids and proxy raises, newest first, at most {@code limit}.
     *
     * @throws ProblemException           {@code 404 AUCTION_NOT_FOUND} when the engine knows no such auction
     * @throws EngineUnavailableException when no instance could answer, or the engine is rebalancing
     */
    public List<BidHistoryEntry> bidHistory(String auctionId, int limit) {
        return call(base -> quick.get()
                .uri(UriComponentsBuilder.fromUri(base).path("/auctions/{id}/bids").queryParam("limit", limit)
                        .buildAndExpand(auctionId).toUri())
                .accept(MediaType.APPLICATION_JSON)
                .exchange((request, response) -> {
                    int status = response.getStatusCode().value();
                    byte[] body = response.getBody().readAllBytes();
                    if (status == 200) {
                        return read(body, BidHistory.class, base).bids();
                    }
                    if (status == 404) {
                        throw new ProblemException(HttpStatus.NOT_FOUND, RejectionReason.AUCTION_NOT_FOUND.name(),
                                "No auction " + auctionId + ".");
                    }
                    throw unexpected(status, response.getHeaders(), base);
                }));
    }

    /**
     * Open auctions ending soonest first (then by id).
     *
     * @param endingBefore only auctions ending before this, or all when {@code null}
     * @param after        only auctions after this one (the last of the previous page), or from the first
     * @param brand        only auctions of this brand (ignoring case), or all when {@code null}
     */
    public List<AuctionView> openAuctions(Instant endingBefore, ListPosition after, String brand, int limit) {
        return call(base -> {
            UriComponentsBuilder uri = UriComponentsBuilder.fromUri(base).path("/auctions")
                    .queryParam("status", "OPEN").queryParam("limit", limit);
            if (endingBefore != null) {
                uri.queryParam("endingBefore", endingBefore.toString());
            }
            if (after != null) {
                uri.queryParam("afterEndsAt", after.endsAt().toString()).queryParam("afterId", after.auctionId());
            }
            if (brand != null) {
                uri.queryParam("brand", brand);
            }
            return quick.get().uri(uri.build().encode().toUri()).accept(MediaType.APPLICATION_JSON)
                    .exchange((request, response) -> {
                        int status = response.getStatusCode().value();
                        byte[] body = response.getBody().readAllBytes();
                        if (status == 200) {
                            return read(body, AuctionList.class, base).auctions();
                        }
                        throw unexpected(status, response.getHeaders(), base);
                    });
        });
    }

    /**
     * What the engine knows about the command now, asked once without waiting, on the next instance (retried on the
     * following one if that one cannot answer), without holding the caller's thread. The fallback for an outcome
     * the ingress's tail of the event log did not see; the tail is what waits.
     *
     * @return completes with the outcome or {@link CommandStatus.Pending}; exceptionally with
     *         {@link EngineUnavailableException} when no instance could answer or the engine is rebalancing
     */
    public CompletableFuture<CommandStatus> commandStatusAsync(String auctionId, String commandId) {
        return callAsync(base -> {
            URI uri = UriComponentsBuilder.fromUri(base).path("/auctions/{id}/commands/{commandId}")
                    .queryParam("waitMs", 0).buildAndExpand(auctionId, commandId).toUri();
            HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                    .timeout(readTimeout)
                    .header(HttpHeaders.ACCEPT, MediaType.APPLICATION_JSON_VALUE);
            if (!token.isEmpty()) {
                request.header(EngineClientConfiguration.TOKEN_HEADER, token);
            }
            CompletableFuture<CommandStatus> answer = new CompletableFuture<>();
            http.sendAsync(request.GET().build(), HttpResponse.BodyHandlers.ofByteArray())
                    .whenComplete((response, error) -> {
                        try {
                            if (error != null) {
                                Throwable cause = unwrap(error);
                                throw new InstanceFailure(base + " unreachable: " + cause, cause);
                            }
                            answer.complete(commandStatus(response, base));
                        } catch (RuntimeException | IOException e) {
                            answer.completeExceptionally(e);
                        }
                    });
            return answer;
        });
    }

    private CommandStatus commandStatus(HttpResponse<byte[]> response, URI base) throws IOException {
        int status = response.statusCode();
        if (status == 200) {
            return decided(response.body(), base);
        }
        if (status == 202 || status == 404) {
            // 404: the engine has not seen the auction or command (yet); same as undecided
            return new CommandStatus.Pending();
        }
        HttpHeaders headers = new HttpHeaders();
        response.headers().firstValue(HttpHeaders.RETRY_AFTER).ifPresent(v -> headers.set(HttpHeaders.RETRY_AFTER, v));
        throw unexpected(status, headers, base);
    }

    /** As {@link #call}, for an exchange that completes later; every failure surfaces unwrapped. */
    private <T> CompletableFuture<T> callAsync(Function<URI, CompletableFuture<T>> exchange) {
        int start = Math.floorMod(next.getAndIncrement(), instances.size());
        AtomicInteger attempt = new AtomicInteger();
        AtomicInteger turn = new AtomicInteger();
        CompletableFuture<T> result = new CompletableFuture<>();
        retry.executeCompletionStage(retries, () -> {
            attempt.incrementAndGet();
            URI base = nextInstance(start, turn);
            return breakers.circuitBreaker(base.toString()).executeCompletionStage(() -> exchange.apply(base));
        }).whenComplete((value, error) -> {
            if (error == null) {
                result.complete(value);
                return;
            }
            Throwable cause = unwrap(error);
            if (cause instanceof InstanceFailure || cause instanceof CallNotPermittedException) {
                log.warn("No bid-engine instance answered after {} attempt(s): {}", attempt.get(),
                        cause.getMessage());
                result.completeExceptionally(new EngineUnavailableException("The bid-engine could not be reached.",
                        retryAfter));
            } else {
                result.completeExceptionally(cause);
            }
        });
        return result;
    }

    /**
     * The next instance in turn whose breaker is not open, starting at {@code start}; {@code turn} counts the
     * instances looked at so far by this call. Passing over an open breaker uses up no attempt. When every
     * breaker is open, the next instance in turn all the same: its breaker refuses at once, and the call fails
     * fast as it always did. A half-open breaker is not passed over: its trial calls are how it closes again.
     */
    private URI nextInstance(int start, AtomicInteger turn) {
        int size = instances.size();
        for (int looked = 0; looked < size; looked++) {
            URI candidate = instances.get((start + turn.getAndIncrement()) % size);
            if (!refusesCalls(breakers.circuitBreaker(candidate.toString()))) {
                return candidate;
            }
        }
        return instances.get((start + turn.getAndIncrement()) % size);
    }

    private static boolean refusesCalls(CircuitBreaker breaker) {
        CircuitBreaker.State state = breaker.getState();
        return state == CircuitBreaker.State.OPEN || state == CircuitBreaker.State.FORCED_OPEN;
    }

    private static Throwable unwrap(Throwable error) {
        Throwable cause = error;
        while (cause instanceof CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    private <T> T call(Function<URI, T> exchange) {
        int start = Math.floorMod(next.getAndIncrement(), instances.size());
        AtomicInteger attempt = new AtomicInteger();
        AtomicInteger turn = new AtomicInteger();
        try {
            return retry.executeSupplier(() -> {
                attempt.incrementAndGet();
                URI base = nextInstance(start, turn);
                return breakers.circuitBreaker(base.toString()).executeSupplier(() -> {
                    try {
                        return exchange.apply(base);
                    } catch (ResourceAccessException e) {
                        throw new InstanceFailure(base + " unreachable: " + e.getMostSpecificCause(), e);
                    }
                });
            });
        } catch (InstanceFailure | CallNotPermittedException e) {
            log.warn("No bid-engine instance answered after {} attempt(s): {}", attempt.get(), e.getMessage());
            throw new EngineUnavailableException("The bid-engine could not be reached.", retryAfter);
        }
    }

    private CommandStatus decided(byte[] body, URI base) {
        AuctionEvent event;
        try {
            event = Topics.AUCTION_EVENTS.valueSerde().deserializer().deserialize(Topics.AUCTION_EVENTS.name(),
                    body);
        } catch (SerializationException e) {
            throw new InstanceFailure(base + " sent an unreadable outcome: " + e.getMessage(), e);
        }
        if (!(event instanceof CommandOutcome outcome)) {
            throw new InstanceFailure(base + " sent a " + event.getClass().getSimpleName() + " as an outcome", null);
        }
        return new CommandStatus.Decided(outcome);
    }

    private static <T> T read(byte[] body, Class<T> type, URI base) {
        try {
            return GreamJson.mapper().readValue(body, type);
        } catch (JacksonException | IllegalArgumentException e) {
            throw new InstanceFailure(base + " sent an unreadable " + type.getSimpleName() + ": " + e.getMessage(),
                    e);
        }
    }

    private RuntimeException unexpected(int status, HttpHeaders headers, URI base) throws IOException {
        if (status == 503) {
            return new EngineUnavailableException("The bid-engine is rebalancing; retry shortly.",
                    retryAfter(headers.getFirst(HttpHeaders.RETRY_AFTER)));
        }
        if (status >= 500) {
            return new InstanceFailure(base + " answered " + status, null);
        }
        // A 4xx other than those the contract defines: our request does not fit the engine's API. A bug, not an
        // outage; do not retry it on another instance.
        return new IllegalStateException("bid-engine " + base + " answered " + status + " to a request of the"
                + " documented contract");
    }

    private Duration retryAfter(String header) {
        if (header != null) {
            try {
                long seconds = Long.parseLong(header.trim());
                if (seconds >= 0) {
                    return Duration.ofSeconds(seconds);
                }
            } catch (NumberFormatException e) {
                // an HTTP-date, or garbage: fall back to our own default
            }
        }
        return retryAfter;
    }

    /** One instance could not answer; counted by its circuit breaker and retried on the next instance. */
    static final class InstanceFailure extends RuntimeException {

        InstanceFailure(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
