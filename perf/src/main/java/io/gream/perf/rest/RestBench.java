package io.gream.perf.rest;

import io.gream.load.LatencyLog;
import io.gream.load.LatencySummary;
import io.gream.load.OpenLoop;
import io.gream.load.PerfClock;
import io.gream.perf.load.GeneratorCost;
import io.gream.perf.load.Profile;
import io.gream.perf.load.Progress;
import io.gream.perf.report.Measurement;
import io.gream.perf.workload.BidGenerator;
import org.HdrHistogram.Histogram;
import org.apache.hc.client5.http.async.methods.SimpleHttpRequest;
import org.apache.hc.client5.http.async.methods.SimpleHttpResponse;
import org.apache.hc.client5.http.async.methods.SimpleRequestBuilder;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.impl.async.HttpAsyncClients;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManagerBuilder;
import org.apache.hc.core5.concurrent.DefaultThreadFactory;
import org.apache.hc.core5.concurrent.FutureCallback;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.reactor.IOReactorConfig;
import org.apache.hc.core5.util.Timeout;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BiPredicate;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * End to end over HTTP: {@code POST /api/auctions/{id}/bids} at a fixed rate, open loop, each answered with its
 * decision ({@code 201} accepted, {@code 409} rejected), against Gream's ingress or the lock-based service (same
 * API, same tokens). Latency runs from the request's intended send time to its answer. For Gream, whose
 * {@code 201} carries the decision's {@code at} (the command's broker append time), it also records append ->
 * answer. Every phase reports what the generator itself cost ({@link GeneratorCost}) and how late it sent.
 */
public final class RestBench {

    private static final Pattern TOKEN = Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern AT = Pattern.compile("\"at\"\\s*:\\s*\"([^\"]+)\"");
    /** Names the HTTP client's threads {@code perf-http-1, ...}, so the generator's cost counts them. */
    private static final String HTTP_THREADS = "perf-http";
    /** Requests in flight at once, at most: one connection each (HTTP/1.1); beyond it they queue in the client. */
    private static final int CONNECTIONS = 2_000;
    /** Rates of the unmeasured warm-up steps before a service's first measured phase. */
    private static final List<Double> WARM_UP_RATES = List.of(50.0, 150.0, 300.0);

    private final Profile profile;
    private final CloseableHttpAsyncClient http;
    private final Map<String, String> tokens = new HashMap<>();

    public RestBench(Profile profile) {
        this.profile = profile;
        this.http = HttpAsyncClients.custom()
                .setIOReactorConfig(IOReactorConfig.custom().setIoThreadCount(2).build())
                .setThreadFactory(new DefaultThreadFactory(HTTP_THREADS, true))
                .setConnectionManager(PoolingAsyncClientConnectionManagerBuilder.create()
                        .setMaxConnTotal(CONNECTIONS).setMaxConnPerRoute(CONNECTIONS)
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(Timeout.ofSeconds(5)).build())
                        .build())
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setConnectionRequestTimeout(Timeout.ofSeconds(10))
                        .setResponseTimeout(Timeout.ofSeconds(10)).build())
                .build();
        http.start();
    }

    /** Fetches a token from the ingress's development endpoint for each of the bidders {@code u0 .. u<n-1>}. */
    public void issueTokens(String ingressUrl, int bidders) throws ExecutionException, InterruptedException {
        for (int i = 0; i < bidders; i++) {
            String user = "u" + i;
            SimpleHttpResponse response = http.execute(SimpleRequestBuilder.post(ingressUrl + "/api/dev/tokens")
                    .setBody("{\"userId\":\"" + user + "\",\"ttlSeconds\":3600}", ContentType.APPLICATION_JSON)
                    .build(), null).get();
            Matcher token = TOKEN.matcher(response.getBodyText());
            if (response.getCode() != 200 || !token.find()) {
                throw new IllegalStateException("no development token from " + ingressUrl + " (is the local "
                        + "profile active?): " + response.getCode() + " " + response.getBodyText());
            }
            tokens.put(user, token.group(1));
        }
    }

    /** Bids at {@code rate} per second on the (already opened) auctions of {@code generator}, at {@code url}. */
    public Measurement bids(String system, String url, BidGenerator generator, double rate) {
        return bidsFor(system, url, generator, rate, profile.warmup(), profile.total())
                .measurement(system, generator.workload().label(), rate);
    }

    private Phase bidsFor(String system, String url, BidGenerator generator, double rate, Duration warmup,
                          Duration total) {
        // commands appended after the warm-up (the phase starts 100 ms from now)
        LatencyLog appendToAnswer = new LatencyLog(PerfClock.nowMicros() + 100_000 + warmup.toNanos() / 1000);
        LongAdder accepted = new LongAdder();
        Phase phase = run(system + " " + generator.workload().label(), rate, warmup, total, () -> {
            var bid = generator.next();
            return SimpleRequestBuilder.post(url + "/api/auctions/" + bid.auctionId() + "/bids")
                    .setHeader("Authorization", "Bearer " + tokens.get(bid.bidderId()))
                    .setHeader("Idempotency-Key", bid.commandId())
                    .setBody("{\"amount\":" + bid.amount() + "}", ContentType.APPLICATION_JSON)
                    .build();
        }, (response, now) -> {
            if (response.getCode() == 201) {
                accepted.increment();
                appendedAt(response.getBodyText()).ifPresent(at -> appendToAnswer.record(at, now));
            }
            return response.getCode() == 201 || response.getCode() == 409;
        });
        Map<String, Object> notes = phase.notes;
        notes.put("acceptedShare", Measurement.share(accepted.sum(), phase.log.completed()));
        if (appendToAnswer.measured() > 0) {
            LatencySummary append = appendToAnswer.summary();
            notes.put("appendToAnswerP50Ms", append.p50Ms());
            notes.put("appendToAnswerP99Ms", append.p99Ms());
        }
        return phase;
    }

    /**
     * Bids on {@code generator}'s auctions at rising rates ({@link #WARM_UP_RATES}), measuring nothing: a service
     * started moments ago runs interpreted code, and its first seconds would be measured as its speed.
     */
    public void warmUp(String system, String url, BidGenerator generator) {
        Duration step = profile.measure().multipliedBy(2).dividedBy(3);
        for (double rate : WARM_UP_RATES) {
            bidsFor(system + " warm-up", url, generator, rate, step, step);
        }
    }

    /** {@code GET url} at {@code rate} per second: the generator against an endpoint that does nothing. */
    public Measurement ping(String url, double rate) {
        return run("load generator", rate, profile.warmup(), profile.total(),
                () -> SimpleRequestBuilder.get(url).build(), (response, now) -> response.getCode() == 200)
                .measurement("load-generator", "ping", rate);
    }

    /** Sends {@code requests} open loop; {@code counts} decides whether an answer (at a time) counts, and notes it. */
    private Phase run(String label, double rate, Duration warmup, Duration total, Supplier<SimpleHttpRequest> requests,
                      BiPredicate<SimpleHttpResponse, Long> counts) {
        long start = PerfClock.nowMicros() + 100_000;
        Phase phase = new Phase(new LatencyLog(start + warmup.toNanos() / 1000));
        AtomicLong sent = new AtomicLong();
        Histogram late = new Histogram(3);
        GeneratorCost cost = new GeneratorCost(List.of(HTTP_THREADS + "-"));
        try (Progress progress = new Progress(label + " @" + (long) rate + "/s", sent::get, phase.log, 5)) {
            OpenLoop.run(rate, start, total, (i, meant) -> {
                SimpleHttpRequest request = requests.get();
                late.recordValue(Math.max(0, PerfClock.nowMicros() - meant));
                sent.incrementAndGet();
                http.execute(request, new FutureCallback<>() {
                    @Override
                    public void completed(SimpleHttpResponse response) {
                        if (counts.test(response, PerfClock.nowMicros())) {
                            phase.log.record(meant, PerfClock.nowMicros());
                        } else {
                            phase.failed(String.valueOf(response.getCode()));
                        }
                    }

                    @Override
                    public void failed(Exception error) {
                        phase.failed(error.getClass().getSimpleName());
                    }

                    @Override
                    public void cancelled() {
                        failed(new CancellationException());
                    }
                });
            });
            phase.cost = cost.finish();
            // every request ends counted once, answered or failed
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (sent.get() > phase.log.completed() + phase.log.failures() && System.nanoTime() < deadline) {
                LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
            }
        }
        phase.sendLateP99Ms = late.getValueAtPercentile(99) / 1000.0;
        return phase;
    }

    private static Optional<Long> appendedAt(String body) {
        Matcher at = AT.matcher(body);
        try {
            return at.find() ? Optional.of(Instant.parse(at.group(1)).toEpochMilli() * 1000) : Optional.empty();
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** What one fixed-rate phase saw. */
    private final class Phase {
        final LatencyLog log;
        final Map<String, LongAdder> failures = new ConcurrentHashMap<>();
        final Map<String, Object> notes = new TreeMap<>();
        GeneratorCost.Figures cost;
        double sendLateP99Ms;

        Phase(LatencyLog log) {
            this.log = log;
        }

        void failed(String why) {
            log.failed();
            failures.computeIfAbsent(why, k -> new LongAdder()).increment();
        }

        Measurement measurement(String system, String workload, double rate) {
            notes.put("failed", log.failures());
            failures.forEach((why, count) -> notes.put("failed:" + why, count.sum()));
            notes.put("generatorCpuCores", cost.generatorCores());
            notes.put("generatorBusiestThreadCores", cost.busiestThreadCores());
            notes.put("harnessCpuCores", cost.processCores());
            notes.put("machineBusyShare", cost.machineBusyShare());
            notes.put("sendLateP99Ms", sendLateP99Ms);
            return new Measurement(system, "latency", workload, rate,
                    profile.perSecond(log.measured()), log.summary(), notes);
        }
    }
}
