package io.gream.settlement.payment;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A payment provider in memory, the default gateway: for local runs, demos and tests of what the worker does when
 * a provider is slow, failing or hanging. It behaves like a real provider where it matters: it is idempotent by key,
 * and keeps a ledger of what it charged, which tests count.
 *
 * <p>Each charge, after {@code latency}: with probability {@code failureRate} it fails without charging
 * ({@link GatewayUnavailableException}); else with {@code declineRate} it declines; else it charges, and then with
 * {@code timeoutRate} it hangs for {@code hang} before answering: the money is taken but the caller times out, the
 * hardest case for exactly-once charging. Outcomes are drawn from a seeded generator, so a run is repeatable.
 *
 * <p>Tests and drills can also switch it, while it runs, into an outage ({@link #goDown()}: nothing is processed,
 * lookups included), into taking money and then answering with an error ({@link #chargeThenErr(boolean)}, like a
 * {@code 5xx} after the card was charged), or make only its lookups unavailable ({@link #lookupsDown(boolean)});
 * and make each kind of difference a reconciliation must find ({@link #chargeOutsideGream}, {@link #forgetCharge},
 * {@link #misstateCharge}).
 */
public final class SimulatedPaymentGateway implements PaymentGateway {

    /**
     * @param latency     how long every call takes
     * @param failureRate share of charges refused as unavailable, nothing charged (0..1)
     * @param declineRate share of charges declined (0..1)
     * @param timeoutRate share of successful charges answered only after {@code hang} (0..1)
     * @param hang        how long a hanging charge takes to answer
     * @param seed        seed of the outcome generator
     */
    public record Settings(Duration latency, double failureRate, double declineRate, double timeoutRate,
                           Duration hang, long seed) {

        public Settings {
            for (double rate : new double[] {failureRate, declineRate, timeoutRate}) {
                if (rate < 0 || rate > 1) {
                    throw new IllegalArgumentException("rates are within 0..1, was " + rate);
                }
            }
        }

        public static Settings reliable() {
            return new Settings(Duration.ZERO, 0, 0, 0, Duration.ZERO, 1);
        }
    }

    private final Settings settings;
    private final SplittableRandom random;
    private final Map<String, PaymentResult> results = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();
    private final AtomicLong paymentKeys = new AtomicLong();
    /** Charged amount by payment key, and what was given back of it. */
    private final Map<String, Long> chargedAmounts = new ConcurrentHashMap<>();
    private final Map<String, Long> refundedAmounts = new ConcurrentHashMap<>();
    private final Map<String, RefundResult> refunds = new ConcurrentHashMap<>();
    private final Map<String, String> paymentKeysByChargeKey = new ConcurrentHashMap<>();
    private final AtomicLong refundReferences = new AtomicLong();
    private final List<GatewayTransaction> transactions = new CopyOnWriteArrayList<>();
    private volatile Clock clock = Clock.systemUTC();
    private volatile boolean down;
    private volatile boolean chargeThenErr;
    private volatile boolean lookupsDown;

    public SimulatedPaymentGateway(Settings settings) {
        this.settings = settings;
        this.random = new SplittableRandom(settings.seed());
    }

    @Override
    public PaymentResult charge(ChargeRequest request) {
        requests.computeIfAbsent(request.idempotencyKey(), key -> new AtomicInteger()).incrementAndGet();
        pause(settings.latency());
        if (down) {
            throw new GatewayUnavailableException("simulated outage");
        }
        PaymentResult earlier = results.get(request.idempotencyKey());
        if (earlier != null) {
            return earlier; // idempotent: the same key gets the first outcome, no money moves
        }
        if (chargeThenErr) {
            record(request, new PaymentResult.Charged("sim-" + paymentKeys.incrementAndGet()));
            throw new ChargeOutcomeUnknownException("simulated internal error after the charge", null);
        }
        double failure;
        double decline;
        double hang;
        synchronized (random) {
            failure = random.nextDouble();
            decline = random.nextDouble();
            hang = random.nextDouble();
        }
        if (failure < settings.failureRate()) {
            throw new GatewayUnavailableException("simulated gateway unavailable");
        }
        PaymentResult outcome = decline < settings.declineRate()
                ? new PaymentResult.Declined("CARD_DECLINED", "simulated decline")
                : new PaymentResult.Charged("sim-" + paymentKeys.incrementAndGet());
        PaymentResult recorded = record(request, outcome);
        if (recorded != null) {
            return recorded; // a concurrent charge with the same key came first
        }
        if (hang < settings.timeoutRate()) {
            pause(settings.hang());
        }
        return outcome;
    }

    @Override
    public Optional<PaymentResult> lookup(ChargeRequest request) {
        pause(settings.latency());
        if (down || lookupsDown) {
            throw new GatewayUnavailableException("simulated outage of lookups");
        }
        return Optional.ofNullable(results.get(request.idempotencyKey()));
    }

    @Override
    public RefundResult refund(RefundRequest request) {
        pause(settings.latency());
        if (down) {
            throw new GatewayUnavailableException("simulated outage");
        }
        synchronized (refunds) {
            RefundResult earlier = refunds.get(request.idempotencyKey());
            if (earlier != null) {
                return earlier; // idempotent, as charges are
            }
            Long charged = chargedAmounts.get(request.paymentKey());
            long refunded = refundedAmounts.getOrDefault(request.paymentKey(), 0L);
            RefundResult outcome;
            if (charged == null) {
                outcome = new RefundResult.Refused("NOT_FOUND_PAYMENT", "no payment " + request.paymentKey());
            } else if (refunded + request.amount() > charged) {
                outcome = new RefundResult.Refused("EXCEED_CANCEL_AMOUNT", "only " + (charged - refunded) + " left");
            } else {
                refundedAmounts.put(request.paymentKey(), refunded + request.amount());
                outcome = new RefundResult.Refunded("simref-" + refundReferences.incrementAndGet());
                transactions.add(new GatewayTransaction(GatewayTransaction.Type.REFUND,
                        ((RefundResult.Refunded) outcome).reference(), request.paymentKey(), request.amount(),
                        clock.instant()));
            }
            refunds.put(request.idempotencyKey(), outcome);
            return outcome;
        }
    }

    @Override
    public Optional<RefundResult> lookupRefund(RefundRequest request) {
        pause(settings.latency());
        if (down || lookupsDown) {
            throw new GatewayUnavailableException("simulated outage of lookups");
        }
        return Optional.ofNullable(refunds.get(request.idempotencyKey()));
    }

    /** What was given back of the charge made with this (charge) idempotency key. */
    public long refunded(String chargeIdempotencyKey) {
        String paymentKey = paymentKeysByChargeKey.get(chargeIdempotencyKey);
        return paymentKey == null ? 0 : refundedAmounts.getOrDefault(paymentKey, 0L);
    }

    /** How many refunds gave money back, over all payments. */
    public long refundsMade() {
        return refunds.values().stream().filter(RefundResult.Refunded.class::isInstance).count();
    }

    @Override
    public List<GatewayTransaction> transactions(Instant from, Instant to) {
        pause(settings.latency());
        if (down) {
            throw new GatewayUnavailableException("simulated outage");
        }
        return transactions.stream().filter(t -> !t.at().isBefore(from) && t.at().isBefore(to)).toList();
    }

    /** The clock its records are stamped with (a test's, to share the worker's time). */
    public void useClock(Clock clock) {
        this.clock = clock;
    }

    /** Reconciliation drill: a charge the gateway made that Gream never asked for. */
    public void chargeOutsideGream(String paymentKey, long amount) {
        transactions.add(new GatewayTransaction(GatewayTransaction.Type.CHARGE, paymentKey, paymentKey, amount,
                clock.instant()));
    }

    /** Reconciliation drill: the gateway loses its record of the charge made with this idempotency key. */
    public void forgetCharge(String chargeIdempotencyKey) {
        String paymentKey = paymentKeysByChargeKey.get(chargeIdempotencyKey);
        transactions.removeIf(t -> t.type() == GatewayTransaction.Type.CHARGE && t.reference().equals(paymentKey));
    }

    /** Reconciliation drill: the gateway records the charge made with this idempotency key for another amount. */
    public void misstateCharge(String chargeIdempotencyKey, long amount) {
        String paymentKey = paymentKeysByChargeKey.get(chargeIdempotencyKey);
        transactions.replaceAll(t -> t.type() == GatewayTransaction.Type.CHARGE && t.reference().equals(paymentKey)
                ? new GatewayTransaction(t.type(), t.reference(), t.paymentKey(), amount, t.at()) : t);
    }

    /** From now on nothing is processed, charges and lookups alike, until {@link #comeBack()}. */
    public void goDown() {
        down = true;
    }

    public void comeBack() {
        down = false;
    }

    /** While on, a new charge takes the money and then fails with an unknown outcome. */
    public void chargeThenErr(boolean on) {
        chargeThenErr = on;
    }

    /** While on, lookups are unavailable (charges are not). */
    public void lookupsDown(boolean on) {
        lookupsDown = on;
    }

    /** How many charges took money, over all keys. */
    public long chargesTaken() {
        return results.values().stream().filter(PaymentResult.Charged.class::isInstance).count();
    }

    /** How many charges took money for this key: never more than one. */
    public long chargesTaken(String idempotencyKey) {
        return results.get(idempotencyKey) instanceof PaymentResult.Charged ? 1 : 0;
    }

    /** How many charge requests arrived with this key, including repeats the gateway deduplicated. */
    public int chargeRequests(String idempotencyKey) {
        AtomicInteger count = requests.get(idempotencyKey);
        return count == null ? 0 : count.get();
    }

    /** How many charge requests arrived, over all keys. */
    public int chargeRequests() {
        return requests.values().stream().mapToInt(AtomicInteger::get).sum();
    }

    /** Records a charge's first outcome; returns an earlier one for the key, if any (then nothing is recorded). */
    private PaymentResult record(ChargeRequest request, PaymentResult outcome) {
        PaymentResult earlier = results.putIfAbsent(request.idempotencyKey(), outcome);
        if (earlier == null && outcome instanceof PaymentResult.Charged charged) {
            chargedAmounts.put(charged.paymentKey(), request.amount());
            paymentKeysByChargeKey.put(request.idempotencyKey(), charged.paymentKey());
            transactions.add(new GatewayTransaction(GatewayTransaction.Type.CHARGE, charged.paymentKey(),
                    charged.paymentKey(), request.amount(), clock.instant()));
        }
        return earlier;
    }

    private static void pause(Duration duration) {
        if (duration.isZero()) {
            return;
        }
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ChargeOutcomeUnknownException("interrupted while the simulated gateway was working", e);
        }
    }
}
