package io.gream.drill;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Which open auction the drill's next bid goes to: the command topic's partitions in turn, and a random auction still
 * open within the partition whose turn it is.
 *
 * <p>Why in turn: the time to resume after a fault is read per partition, from the first bid decided after it, so a
 * partition that happens to get no bid for a while reads as down for that while. With auctions picked at random
 * that gap alone can read as seconds of downtime at a few bids per second, even after a fault that does not touch
 * bidding. In turn, every partition gets a bid every {@code partitions / rate} seconds.
 */
final class AuctionPicker {

    /** A deadline this close is treated as passed, so a bid does not race its auction's close. */
    static final long CLOSING_MARGIN_MILLIS = 300;

    private final long[] endsAt;
    private final List<List<Integer>> byPartition = new ArrayList<>();

    /**
     * @param auctionIds the auctions, by index
     * @param endsAt     each auction's deadline, epoch millis, by the same index
     */
    AuctionPicker(String[] auctionIds, long[] endsAt) {
        this.endsAt = endsAt;
        for (int p = 0; p < ClusterLayout.PARTITIONS; p++) {
            byPartition.add(new ArrayList<>());
        }
        for (int i = 0; i < auctionIds.length; i++) {
            byPartition.get(DrillLoad.partitionOf(auctionIds[i])).add(i);
        }
    }

    /**
     * The index of an auction open at {@code nowMillis} for the {@code n}-th bid: in the partition whose turn it is
     * ({@code n} modulo the partition count) if one is open there, else in any partition; if none is open anywhere,
     * any auction.
     */
    int pickOpen(long n, long nowMillis, RandomGenerator random) {
        long openAfter = nowMillis + CLOSING_MARGIN_MILLIS;
        int own = pickOpen(byPartition.get((int) (n % byPartition.size())), openAfter, random);
        if (own >= 0) {
            return own;
        }
        List<Integer> all = new ArrayList<>();
        byPartition.forEach(all::addAll);
        int any = pickOpen(all, openAfter, random);
        return any >= 0 ? any : random.nextInt(endsAt.length);
    }

    private int pickOpen(List<Integer> candidates, long openAfter, RandomGenerator random) {
        List<Integer> open = candidates.stream().filter(i -> endsAt[i] > openAfter).toList();
        return open.isEmpty() ? -1 : open.get(random.nextInt(open.size()));
    }
}
