package io.gream.perf.baseline;

import io.gream.contracts.AuctionEvent;
import io.gream.contracts.BidAccepted;
import io.gream.engine.auction.Auction;
import io.gream.engine.auction.AuctionRules;
import io.gream.engine.auction.Decision;
import io.gream.engine.auction.RuleLimits;
import io.gream.load.LatencySummary;
import io.gream.perf.load.Profile;
import io.gream.perf.report.Measurement;
import io.gream.perf.workload.BidGenerator;
import io.gream.perf.workload.Workload;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The in-memory limit: the engine's own decider ({@link AuctionRules}) in one thread over a {@link HashMap} of
 * auctions, with no Kafka, no serialization and no state store. Generating the bids is inside the loop, so the
 * figure is a slight underestimate of the decider alone.
 */
public final class DeciderBench {

    private final Profile profile;

    public DeciderBench(Profile profile) {
        this.profile = profile;
    }

    public Measurement saturation(Workload workload) {
        AuctionRules rules = new AuctionRules(RuleLimits.DEFAULT);
        Map<String, Optional<Auction>> auctions = new HashMap<>();
        Instant opened = Instant.parse("2030-01-01T00:00:00Z");
        Instant at = opened.plusSeconds(1);
        BidGenerator generator = openAll(rules, auctions, workload, opened, 0);
        int rounds = 0;
        long warmupEnd = System.nanoTime() + profile.warmup().toNanos();
        long end = warmupEnd + profile.measure().toNanos();
        long decided = 0;
        long accepted = 0;
        boolean measuring = false;
        for (long now = System.nanoTime(); now < end; now = System.nanoTime()) {
            if (!measuring && now >= warmupEnd) {
                measuring = true;
                decided = 0;
                accepted = 0;
            }
            if (generator.nearCeiling()) {
                // millions of bids have priced the hot auction near the ceiling: start over with fresh auctions
                auctions.clear();
                generator = openAll(rules, auctions, workload, opened, ++rounds);
            }
            // 256 decisions between clock reads keep the clock out of the figure.
            for (int i = 0; i < 256; i++) {
                var bid = generator.next();
                Decision decision = rules.decide(auctions.get(bid.auctionId()), bid, at, Optional.empty());
                apply(rules, auctions, bid.auctionId(), decision);
                decided++;
                accepted += decision.outcome() instanceof BidAccepted ? 1 : 0;
            }
        }
        return new Measurement("decider", "saturation", workload.label(), 0, profile.perSecond(decided),
                LatencySummary.NONE, Map.of("acceptedShare", Measurement.share(accepted, decided), "restarts", rounds));
    }

    private static BidGenerator openAll(AuctionRules rules, Map<String, Optional<Auction>> auctions,
                                        Workload workload, Instant opened, int round) {
        BidGenerator generator = new BidGenerator("decider" + round, workload, 17 + round);
        for (int i = 0; i < workload.auctions(); i++) {
            var open = generator.open(i, opened.plus(Duration.ofDays(1)));
            apply(rules, auctions, open.auctionId(), rules.decide(Optional.empty(), open, opened, Optional.empty()));
        }
        return generator;
    }

    private static void apply(AuctionRules rules, Map<String, Optional<Auction>> auctions, String id,
                              Decision decision) {
        Optional<Auction> state = auctions.getOrDefault(id, Optional.empty());
        for (AuctionEvent event : decision.events()) {
            state = rules.evolve(state, event);
        }
        auctions.put(id, state);
    }
}
