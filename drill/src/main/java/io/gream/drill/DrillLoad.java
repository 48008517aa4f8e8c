package io.gream.drill;

import io.gream.load.OpenLoop;
import io.gream.load.PerfClock;
import org.apache.kafka.common.utils.Utils;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The drill's users, through the public REST API only, round-robin over every ingress-api: sellers open the
 * auctions, then bidders bid at a fixed rate (open loop, each bid with its own {@code Idempotency-Key}) while
 * anonymous visitors read auctions. Every answer is recorded with the command id the ingress returned, so the
 * verifier can hold each {@code 201}/{@code 409} to its event.
 *
 * <p>Deadlines are spread from a quarter of the way into the bidding to its end, so most auctions close while
 * processes are being killed. Bids go to auctions still open, the partitions in turn ({@link AuctionPicker}; a few,
 * 3%, to any auction, to exercise {@code AUCTION_CLOSED}); amounts climb with the number of bids sent to the auction,
 * so a realistic share is accepted and the rest are rejected as too low or already leading.
 */
final class DrillLoad {

    static final long START_PRICE = 1_000;
    static final long MIN_INCREMENT = 100;
    private static final int BIDDERS = 40;
    private static final int SELLERS = 10;
    private static final int MAX_IN_FLIGHT = 4_000;
    /**
     * How long a bidder is willing to wait for the decision ({@code Prefer: wait=8}, the ingress allows up to 10 s)
     * before taking a {@code 202}: long enough to ride out a rebalance, so most bids get their 201/409 answer.
     */
    static final int BID_WAIT_SECONDS = 8;
    private static final Pattern TOKEN = Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern COMMAND_ID = Pattern.compile("\"commandId\"\\s*:\\s*\"([^\"]+)\"");

    /** How much load: {@code bids} bids over {@code auctions} auctions in {@code duration}, plus queries. */
    record Settings(int auctions, long bids, Duration duration, double queriesPerSecond) {

        double bidsPerSecond() {
            return bids / (duration.toMillis() / 1000.0);
        }
    }

    private final List<String> ingresses;
    private final Settings settings;
    private final String runTag;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(3)).executor(Executors.newFixedThreadPool(4)).build();
    private final Map<String, String> tokens = new HashMap<>();
    private final Semaphore inFlight = new Semaphore(MAX_IN_FLIGHT);
    private final AnswerLog bids = new AnswerLog();
    private final AnswerLog queries = new AnswerLog();
    private final AtomicLong shed = new AtomicLong();
    private String[] auctionIds;
    private long[] endsAt;
    private AtomicLongArray bidsSent;
    private AuctionPicker picker;

    DrillLoad(List<String> ingresses, Settings settings, String runTag) {
        this.ingresses = ingresses;
        this.settings = settings;
        this.runTag = runTag;
    }

    AnswerLog bids() {
        return bids;
    }

    AnswerLog queries() {
        return queries;
    }

    long shed() {
        return shed.get();
    }

    static int partitionOf(String auctionId) {
        return Utils.toPositive(Utils.murmur2(auctionId.getBytes(StandardCharsets.UTF_8))) % ClusterLayout.PARTITIONS;
    }

    void issueTokens() throws IOException, InterruptedException {
        List<String> users = new ArrayList<>();
        for (int i = 0; i < BIDDERS; i++) {
            users.add("bidder-" + i);
        }
        for (int i = 0; i < SELLERS; i++) {
            users.add("seller-" + i);
        }
        for (String user : users) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(ingresses.get(0)
                            + "/api/dev/tokens")).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"userId\":\"" + user + "\",\"ttlSeconds\":86400}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            Matcher token = TOKEN.matcher(response.body());
            if (response.statusCode() != 200 || !token.find()) {
                throw new IllegalStateException("no development token: " + response.statusCode() + " "
                        + response.body());
            }
            tokens.put(user, token.group(1));
        }
    }

    /**
     * Opens every auction (each answered 201 before the bidding starts), with deadlines spread over the bidding
     * phase that begins at {@code biddingStart}.
     */
    void openAuctions(Instant biddingStart) throws InterruptedException {
        int n = settings.auctions();
        auctionIds = new String[n];
        endsAt = new long[n];
        bidsSent = new AtomicLongArray(n);
        long span = settings.duration().toMillis();
        var pool = Executors.newFixedThreadPool(32);
        List<java.util.concurrent.Future<?>> opened = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int index = i;
            auctionIds[i] = "drill-" + runTag + "-" + i;
            endsAt[i] = biddingStart.toEpochMilli() + span / 4 + (long) ((span * 3 / 4) * (n == 1 ? 1.0
                    : (double) i / (n - 1)));
            opened.add(pool.submit(() -> open(index)));
        }
        for (var future : opened) {
            try {
                future.get();
            } catch (java.util.concurrent.ExecutionException e) {
                pool.shutdownNow();
                throw new IllegalStateException(e.getCause());
            }
        }
        pool.shutdown();
        picker = new AuctionPicker(auctionIds, endsAt);
    }

    private void open(int i) {
        String body = """
                {"auctionId":"%s","item":{"brand":"Drill","name":"Voucher %d","faceValue":10000,\
                "voucherExpiresOn":"%s"},"startPrice":%d,"minIncrement":%d,%s"endsAt":"%s","softCloseSeconds":%d}"""
                .formatted(auctionIds[i], i, LocalDate.now().plusYears(1), START_PRICE, MIN_INCREMENT,
                        i % 4 == 0 ? "\"reservePrice\":" + (START_PRICE + 20 * MIN_INCREMENT) + "," : "",
                        Instant.ofEpochMilli(endsAt[i]), i % 5 == 0 ? 2 : 0);
        String seller = "seller-" + (i % SELLERS);
        for (int attempt = 1; ; attempt++) {
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(
                                ingresses.get(i % ingresses.size()) + "/api/auctions"))
                        .timeout(Duration.ofSeconds(15))
                        .header("Authorization", "Bearer " + tokens.get(seller))
                        .header("Idempotency-Key", "open-" + i)
                        .header("Content-Type", "application/json")
                        .header("Prefer", "wait=10")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 201) {
                    return;
                }
                if (attempt >= 5) {
                    throw new IllegalStateException("cannot open " + auctionIds[i] + ": " + response.statusCode()
                            + " " + response.body());
                }
            } catch (IOException e) {
                if (attempt >= 5) {
                    throw new IllegalStateException("cannot open " + auctionIds[i], e);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            LockSupport.parkNanos(Duration.ofSeconds(1).toNanos());
        }
    }

    /** Bids (and, on another thread, queries) from {@code start} for the configured duration; returns when all
     * answers are in (or 15 s after the last request). */
    void run(Instant start) throws InterruptedException {
        // If opening the auctions overran the planned start, the bids planned for the time already gone are not sent:
        // an open loop would send them all at once, a burst no user makes, right before the first fault.
        long overrunMillis = Math.max(0, System.currentTimeMillis() - start.toEpochMilli());
        Duration duration = settings.duration().minusMillis(overrunMillis);
        if (overrunMillis > 0) {
            System.out.printf("[load] opening the auctions overran the planned start by %.1f s; bidding runs %d s%n",
                    overrunMillis / 1000.0, duration.toSeconds());
        }
        long startMicros = PerfClock.nowMicros() + Math.max(0, start.toEpochMilli() - System.currentTimeMillis())
                * 1000;
        Thread reader = new Thread(() -> OpenLoop.run(settings.queriesPerSecond(), startMicros,
                duration, (i, meant) -> query(i)), "drill-queries");
        reader.start();
        AtomicLong sent = new AtomicLong();
        Thread progress = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                LockSupport.parkNanos(Duration.ofSeconds(10).toNanos());
                List<DrillRecords.Answer> answers = bids.answers();
                long ok = answers.stream().filter(a -> a.status() == 201 || a.status() == 409).count();
                System.out.printf("[load] %d bids sent, %d answered 201/409, %d other, %d in flight%n", sent.get(),
                        ok, answers.size() - ok, MAX_IN_FLIGHT - inFlight.availablePermits());
            }
        }, "drill-progress");
        progress.setDaemon(true);
        progress.start();
        OpenLoop.run(settings.bidsPerSecond(), startMicros, duration, (i, meant) -> {
            sent.incrementAndGet();
            bid(i);
        });
        reader.join();
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (inFlight.availablePermits() < MAX_IN_FLIGHT && System.nanoTime() < deadline) {
            LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
        }
        progress.interrupt();
    }

    private void bid(long i) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        int auction = pickAuction(i, random);
        long k = bidsSent.incrementAndGet(auction);
        long amount = START_PRICE + MIN_INCREMENT * Math.max(0, k - 1 + random.nextInt(-2, 2));
        String bidder = "bidder-" + random.nextInt(BIDDERS);
        String auctionId = auctionIds[auction];
        // Each round over the partitions starts one ingress further, so a partition's bids alternate ingresses.
        HttpRequest request = HttpRequest.newBuilder(URI.create(ingresses.get((int) ((i + i / ClusterLayout.PARTITIONS)
                        % ingresses.size())) + "/api/auctions/" + auctionId + "/bids"))
                .timeout(Duration.ofSeconds(15))
                .header("Authorization", "Bearer " + tokens.get(bidder))
                .header("Prefer", "wait=" + BID_WAIT_SECONDS)
                .header("Idempotency-Key", runTag + "-bid-" + i)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"amount\":" + amount + "}")).build();
        send(request, auctionId, bids);
    }

    private void query(long i) {
        String auctionId = auctionIds[ThreadLocalRandom.current().nextInt(auctionIds.length)];
        HttpRequest request = HttpRequest.newBuilder(URI.create(ingresses.get((int) (i % ingresses.size()))
                        + "/api/auctions/" + auctionId))
                .timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + tokens.get("bidder-0"))
                .GET().build();
        send(request, auctionId, queries);
    }

    private void send(HttpRequest request, String auctionId, AnswerLog log) {
        long sent = System.currentTimeMillis();
        if (!inFlight.tryAcquire()) {
            shed.incrementAndGet();
            log.add(new DrillRecords.Answer(sent, sent, auctionId, partitionOf(auctionId), -1, null));
            return;
        }
        http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).whenComplete((response, error) -> {
            long answered = System.currentTimeMillis();
            int status = error == null ? response.statusCode() : 0;
            String commandId = null;
            if (error == null) {
                Matcher matcher = COMMAND_ID.matcher(response.body());
                commandId = matcher.find() ? matcher.group(1) : null;
            }
            log.add(new DrillRecords.Answer(sent, answered, auctionId, partitionOf(auctionId), status, commandId));
            inFlight.release();
        });
    }

    /** Mostly an auction still open (by this clock), the partitions in turn; sometimes any. */
    private int pickAuction(long n, ThreadLocalRandom random) {
        return random.nextInt(100) >= 3 ? picker.pickOpen(n, System.currentTimeMillis(), random)
                : random.nextInt(auctionIds.length);
    }

    long lastDeadline() {
        long last = 0;
        for (long end : endsAt) {
            last = Math.max(last, end);
        }
        return last;
    }
}
