package io.gream.settlement.payment;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.timelimiter.TimeLimiter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The only way the worker talks to a {@link PaymentGateway}: every call is bounded in time and guarded, in this
 * order from the outside in: Retry, CircuitBreaker, Bulkhead, TimeLimiter.
 *
 * <ul>
 *   <li>Retry is outermost, so its budget ({@code max-attempts}, exponential backoff) and its metrics count once per
 *       logical call, while the breaker sees every attempt. It retries only what certainly processed nothing
 *       ({@link GatewayUnavailableException}, a full bulkhead), never {@link CallNotPermittedException} (an open
 *       circuit means: stop calling) and never a charge whose outcome is unknown.</li>
 *   <li>A charge that times out becomes {@link ChargeOutcomeUnknownException}: the caller looks it up by its key.
 *       A lookup that times out is just unavailable, and retried.</li>
 *   <li>An open circuit or a full bulkhead surfaces as {@link GatewayUnavailableException}: nothing was sent.</li>
 * </ul>
 */
public final class GuardedPaymentGateway implements AutoCloseable {

    private final PaymentGateway gateway;
    private final TimeLimiter timeLimiter;
    private final CircuitBreaker circuitBreaker;
    private final Bulkhead bulkhead;
    private final Retry chargeRetry;
    private final Retry lookupRetry;
    private final MeterRegistry meters;
    private final ExecutorService calls;

    public GuardedPaymentGateway(PaymentGateway gateway, TimeLimiter timeLimiter, CircuitBreaker circuitBreaker,
                                 Bulkhead bulkhead, Retry chargeRetry, Retry lookupRetry, MeterRegistry meters) {
        this.gateway = gateway;
        this.timeLimiter = timeLimiter;
        this.circuitBreaker = circuitBreaker;
        this.bulkhead = bulkhead;
        this.chargeRetry = chargeRetry;
        this.lookupRetry = lookupRetry;
        this.meters = meters;
        AtomicInteger threads = new AtomicInteger();
        this.calls = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "payment-gateway-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * @throws GatewayUnavailableException   nothing was charged (after the retries, or the circuit is open)
     * @throws ChargeOutcomeUnknownException the charge may have been made: look it up
     */
    public PaymentResult charge(ChargeRequest request) {
        return timed("charge", () -> guarded(chargeRetry, () -> gateway.charge(request),
                        () -> new ChargeOutcomeUnknownException("the charge of " + request.idempotencyKey()
                                + " timed out after " + timeLimiter.getTimeLimiterConfig().getTimeoutDuration(), null)),
                result -> result instanceof PaymentResult.Charged ? "charged" : "declined");
    }

    /** @throws GatewayUnavailableException the gateway could not say (after the retries) */
    public Optional<PaymentResult> lookup(ChargeRequest request) {
        return timed("lookup", () -> guarded(lookupRetry, () -> gateway.lookup(request),
                        () -> new GatewayUnavailableException("the lookup of " + request.idempotencyKey()
                                + " timed out")),
                GuardedPaymentGateway::foundOrNot);
    }

    /**
     * @throws GatewayUnavailableException   nothing was refunded (after the retries, or the circuit is open)
     * @throws ChargeOutcomeUnknownException the refund may have been made: look it up
     */
    public RefundResult refund(RefundRequest request) {
        return timed("refund", () -> guarded(chargeRetry, () -> gateway.refund(request),
                        () -> new ChargeOutcomeUnknownException("the refund " + request.refundId() + " timed out",
                                null)),
                result -> result instanceof RefundResult.Refunded ? "refunded" : "refused");
    }

    /** @throws GatewayUnavailableException the gateway could not say (after the retries) */
    public Optional<RefundResult> lookupRefund(RefundRequest request) {
        return timed("refund-lookup", () -> guarded(lookupRetry, () -> gateway.lookupRefund(request),
                        () -> new GatewayUnavailableException("the lookup of refund " + request.refundId()
                                + " timed out")),
                GuardedPaymentGateway::foundOrNot);
    }

    /**
     * Time-limited and retried, but outside the circuit breaker and the bulkhead: a reconciliation that cannot list
     * the gateway's transactions must not stop charges, nor take their places.
     *
     * @throws GatewayUnavailableException the gateway could not list them (after the retries)
     */
    public List<GatewayTransaction> transactions(Instant from, Instant to) {
        return guarded(lookupRetry, () -> gateway.transactions(from, to),
                () -> new GatewayUnavailableException("listing the gateway's transactions timed out"), false);
    }

    public CircuitBreaker circuitBreaker() {
        return circuitBreaker;
    }

    /**
     * Times {@code call} into {@code gream.settlement.gateway.latency}, tagged with the operation and its outcome:
     * {@code outcomeOf} the result, {@code unavailable} when nothing was done, {@code unknown} otherwise.
     */
    private <T> T timed(String operation, Supplier<T> call, Function<T, String> outcomeOf) {
        Timer.Sample sample = Timer.start(meters);
        String outcome = "unknown";
        try {
            T result = call.get();
            outcome = outcomeOf.apply(result);
            return result;
        } catch (GatewayUnavailableException e) {
            outcome = "unavailable";
            throw e;
        } finally {
            sample.stop(meters.timer("gream.settlement.gateway.latency", "operation", operation, "outcome", outcome));
        }
    }

    private static String foundOrNot(Optional<?> result) {
        return result.isPresent() ? "found" : "not-found";
    }

    private <T> T guarded(Retry retry, Callable<T> call, Supplier<RuntimeException> onTimeout) {
        return guarded(retry, call, onTimeout, true);
    }

    private <T> T guarded(Retry retry, Callable<T> call, Supplier<RuntimeException> onTimeout, boolean breaker) {
        Callable<T> limited = () -> {
            try {
                return timeLimiter.executeFutureSupplier(() -> calls.submit(call));
            } catch (TimeoutException e) {
                RuntimeException timeout = onTimeout.get();
                timeout.addSuppressed(e);
                throw timeout;
            } catch (ExecutionException e) {
                throw e.getCause() instanceof Exception cause ? cause : e;
            }
        };
        Callable<T> attempt = breaker
                ? Bulkhead.decorateCallable(bulkhead, CircuitBreaker.decorateCallable(circuitBreaker, limited))
                : limited;
        try {
            return Retry.decorateCallable(retry, attempt).call();
        } catch (CallNotPermittedException e) {
            throw new GatewayUnavailableException("circuit breaker " + circuitBreaker.getName() + " is open", e);
        } catch (BulkheadFullException e) {
            throw new GatewayUnavailableException("too many concurrent gateway calls", e);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new GatewayUnavailableException("gateway call failed: " + e, e);
        }
    }

    @Override
    public void close() {
        calls.shutdownNow();
    }
}
