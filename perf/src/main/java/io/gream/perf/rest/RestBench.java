package io.gream.perf.rest;

import io.gream.perf.load.LatencyLog;
import io.gream.perf.load.OpenLoop;
import io.gream.perf.load.PerfClock;
import io.gream.perf.load.Profile;
import io.gream.perf.load.Progress;
import io.gream.perf.report.Measurement;
import io.gream.perf.workload.BidGenerator;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * End to end through the ingress REST API: {@code POST /api/auctions/{id}/bids} at a fixed rate, open loop, each
 * answered with the engine's decision ({@code 201} accepted, {@code 409} rejected). Latency runs from the
 * request's intended send time to its answer. Tokens come from the ingress's development endpoint
 * ({@code POST /api/dev/tokens}, {@code local} profile), one per bidder.
 */
public final class RestBench {

    private static final Pattern TOKEN = Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"");

    private final String ingressUrl;
    private final Profile profile;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).executor(Executors.newFixedThreadPool(4)).build();
    private final Map<String, String> tokens = new HashMap<>();

    public RestBench(String ingressUrl, Profile profile) {
        this.ingressUrl = ingressUrl;
        this.profile = profile;
    }

    /** Fetches a token for each of the bidders {@code u0 .. u<bidders-1>}. */
    public void issueTokens(int bidders) throws IOException, InterruptedException {
        for (int i = 0; i < bidders; i++) {
            String user = "u" + i;
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(ingressUrl + "/api/dev/tokens"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"userId\":\"" + user + "\",\"ttlSeconds\":3600}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            Matcher token = TOKEN.matcher(response.body());
            if (response.statusCode() != 200 || !token.find()) {
                throw new IllegalStateException("no development token from " + ingressUrl + " (is the local "
                        + "profile active?): " + response.statusCode() + " " + response.body());
            }
            tokens.put(user, token.group(1));
        }
    }

    /** Bids at {@code rate} per second on the (already opened) auctions of {@code generator}. */
    public Measurement latency(BidGenerator generator, double rate) {
        long start = PerfClock.nowMicros() + 100_000;
        long measureFrom = start + profile.warmup().toNanos() / 1000;
        LatencyLog log = new LatencyLog(measureFrom);
        LongAdder accepted = new LongAdder();
        LongAdder rejected = new LongAdder();
        Map<String, LongAdder> failures = new ConcurrentHashMap<>();
        AtomicLong sent = new AtomicLong();
        AtomicLong inFlight = new AtomicLong();
        try (Progress progress = new Progress("rest @" + (long) rate + "/s", sent::get, log, 5)) {
            OpenLoop.run(rate, start, profile.total(), (i, meant) -> {
                var bid = generator.next();
                HttpRequest request = HttpRequest.newBuilder(
                                URI.create(ingressUrl + "/api/auctions/" + bid.auctionId() + "/bids"))
                        .timeout(Duration.ofSeconds(10))
                        .header("Authorization", "Bearer " + tokens.get(bid.bidderId()))
                        .header("Idempotency-Key", bid.commandId())
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"amount\":" + bid.amount() + "}"))
                        .build();
                sent.incrementAndGet();
                inFlight.incrementAndGet();
                http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, error) -> {
                    long now = PerfClock.nowMicros();
                    if (error == null && (response.statusCode() == 201 || response.statusCode() == 409)) {
                        log.record(meant, now);
                        (response.statusCode() == 201 ? accepted : rejected).increment();
                    } else {
                        log.failed();
                        String why = error != null ? error.getClass().getSimpleName()
                                : String.valueOf(response.statusCode());
                        failures.computeIfAbsent(why, k -> new LongAdder()).increment();
                    }
                    inFlight.decrementAndGet();
                });
            });
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (inFlight.get() > 0 && System.nanoTime() < deadline) {
                LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
            }
        }
        Map<String, Object> notes = new TreeMap<>();
        notes.put("acceptedShare", Math.round(1000.0 * accepted.sum() / Math.max(1, log.completed())) / 1000.0);
        notes.put("failed", log.failures());
        failures.forEach((why, count) -> notes.put("failed:" + why, count.sum()));
        return new Measurement("gream-rest", "latency", generator.workload().label(), rate,
                log.measured() / (profile.measure().toNanos() / 1e9), log.summary(), notes);
    }
}
