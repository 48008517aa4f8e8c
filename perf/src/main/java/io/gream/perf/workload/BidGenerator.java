package io.gream.perf.workload;

import io.gream.contracts.Item;
import io.gream.contracts.OpenAuction;
import io.gream.contracts.PlaceBid;

import java.time.Instant;
import java.time.LocalDate;
import java.util.SplittableRandom;

/**
 * Makes the auctions of one phase and the bids on them.
 *
 * <p>Amounts follow the highest amount offered so far on each auction: a quarter of the bids offer only that
 * amount again (the engine rejects them as {@code BID_TOO_LOW}), the rest raise it by one or two increments, so
 * about three bids in four are accepted when bids are decided in the order they were made. Bidders are drawn from
 * {@value #BIDDERS} users by default, so a bidder outbidding themselves ({@code ALREADY_LEADING}) is rare but happens.
 *
 * <p>Thread-safe: the MySQL baseline draws bids from many threads.
 */
public final class BidGenerator {

    public static final long START_PRICE = 10_000;
    public static final long MIN_INCREMENT = 100;
    public static final String SELLER = "perf-seller";
    public static final int BIDDERS = 10_000;

    private final String prefix;
    private final Workload workload;
    private final long[] highestOffered;
    private final SplittableRandom random;
    private final int bidders;
    private long commands;
    private long maxOffered;

    /** @param prefix makes this phase's auction and command ids unique in the broker's log */
    public BidGenerator(String prefix, Workload workload, long seed) {
        this(prefix, workload, seed, BIDDERS);
    }

    /** @param bidders bids come from users {@code u0 .. u<bidders-1>} */
    public BidGenerator(String prefix, Workload workload, long seed, int bidders) {
        this.bidders = bidders;
        this.prefix = prefix;
        this.workload = workload;
        this.highestOffered = new long[workload.auctions()];
        this.random = new SplittableRandom(seed);
        java.util.Arrays.fill(highestOffered, START_PRICE - MIN_INCREMENT);
    }

    public Workload workload() {
        return workload;
    }

    public String auctionId(int index) {
        return auctionPrefix() + index;
    }

    /** What every auction id of this generator starts with. */
    public String auctionPrefix() {
        return prefix + "-a";
    }

    /** Opens auction {@code index}, ending at {@code endsAt}. */
    public OpenAuction open(int index, Instant endsAt) {
        return new OpenAuction(prefix + "-open-" + index, auctionId(index), SELLER,
                new Item("Starbucks", "Americano Tall", 4_500, LocalDate.of(2099, 12, 31)),
                START_PRICE, MIN_INCREMENT, null, null, endsAt, 0);
    }

    /**
     * Whether some auction's price has come within a factor of ten of the engine's default ceiling
     * ({@code AMOUNT_TOO_HIGH} at 10^9): a loop of millions of bids on one auction must start over before its bids
     * turn into rejections of another kind.
     */
    public synchronized boolean nearCeiling() {
        return maxOffered > 100_000_000L;
    }

    public synchronized PlaceBid next() {
        int auction = workload.nextAuction(random);
        int raise = switch (random.nextInt(4)) {
            case 0 -> 0;
            case 3 -> 2;
            default -> 1;
        };
        long amount = highestOffered[auction] + raise * MIN_INCREMENT;
        highestOffered[auction] = amount;
        maxOffered = Math.max(maxOffered, amount);
        return new PlaceBid(prefix + "-c" + commands++, auctionId(auction), "u" + random.nextInt(bidders), amount);
    }
}
