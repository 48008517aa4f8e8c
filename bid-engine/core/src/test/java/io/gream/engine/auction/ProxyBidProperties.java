package io.gream.engine.auction;

import io.gream.contracts.AuctionClosed;
import io.gream.contracts.AuctionEvent;
import io.gream.contracts.AuctionOpened;
import io.gream.contracts.BidAccepted;
import io.gream.contracts.BidRaisedByProxy;
import io.gream.contracts.CloseOutcome;
import io.gream.contracts.GreamJson;
import io.gream.contracts.OpenAuction;
import io.gream.contracts.PlaceBid;
import io.gream.contracts.SequencedEvent;
import io.gream.engine.auction.AuctionRulesProperties.Observation;
import io.gream.engine.auction.AuctionRulesProperties.Run;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Invariants of proxy bidding over random command logs in which two bids of three carry a maximum (near the
 * leader's, equal to it, or one above) and leaders raise their own: the logs of {@link AuctionRulesProperties},
 * with maximums. Seeds 1..200, so a failure names the seed that reproduces it.
 *
 * <p>The oracle is kept apart from {@link AuctionRules}: every accepted bid's maximum (its amount for a plain bid)
 * is collected from the commands, and the properties are stated over those.
 */
class ProxyBidProperties {

    static LongStream seeds() {
        return LongStream.rangeClosed(1, 200);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void theVisiblePriceNeverDecreases(long seed) {
        Run run = Run.generate(seed, true);

        Map<String, Long> price = new HashMap<>();
        for (Observation observation : run.observations) {
            observation.states().forEach((auctionId, state) -> {
                long now = state.map(Auction::leader).map(Bid::amount).orElse(Long.MIN_VALUE);
                Long before = price.put(auctionId, now);
                if (before != null && state.isPresent()) {
                    assertThat(now).as("seed %d, %s after %s", seed, auctionId, observation.step())
                            .isGreaterThanOrEqualTo(before);
                }
            });
        }
        for (BidRaisedByProxy raise : run.published(BidRaisedByProxy.class)) {
            assertThat(raise.amount()).as("seed %d, %s", seed, raise).isGreaterThanOrEqualTo(raise.previousAmount());
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void thePriceStaysWithinTheLeadersMaximumAndOneIncrementAboveTheRunnerUp(long seed) {
        Run run = Run.generate(seed, true);
        Map<String, Bids> bids = new HashMap<>();

        for (Observation observation : run.observations) {
            record(observation, bids);
            observation.states().forEach((auctionId, state) -> {
                if (!(state.orElse(null) instanceof Auction.Open open) || open.leader() == null) {
                    return;
                }
                Bid leader = open.leader();
                Bids auction = bids.get(auctionId);
                String why = "seed " + seed + ", " + auctionId + " after " + observation.step() + ", " + auction;
                assertThat(leader.amount()).as(why).isLessThanOrEqualTo(leader.maximum());
                assertThat(leader.maximum()).as(why).isEqualTo(auction.maximumOf(leader.bidderId()));
                Long runnerUp = auction.runnerUpMaximum(leader.bidderId());
                boolean withinOneIncrement = runnerUp != null
                        && leader.amount() <= runnerUp + open.terms().minIncrement();
                boolean setByAnAmount = auction.amountsOf(leader.bidderId()).contains(leader.amount());
                boolean setByTheReserve = Long.valueOf(leader.amount()).equals(open.terms().reservePrice());
                assertThat(withinOneIncrement || setByAnAmount || setByTheReserve).as(why).isTrue();
            });
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void theLeaderAndTheWinnerAreTheEarliestOfTheHighestMaximums(long seed) {
        Run run = Run.generate(seed, true);
        Map<String, Bids> bids = new HashMap<>();
        Set<String> boughtByAmount = new HashSet<>();

        for (Observation observation : run.observations) {
            record(observation, bids);
            if (observation.step().command() instanceof PlaceBid bid && observation.events().stream()
                    .anyMatch(e -> e instanceof AuctionClosed c && c.outcome() == CloseOutcome.BUY_NOW)) {
                Long buyNow = observation.states().get(bid.auctionId()).orElseThrow().terms().buyNowPrice();
                if (bid.amount() >= buyNow) {
                    boughtByAmount.add(bid.auctionId()); // an amount that reaches buy-now beats any maximum
                }
            }
            observation.states().forEach((auctionId, state) -> {
                Bid leader = state.map(Auction::leader).orElse(null);
                if (leader == null || boughtByAmount.contains(auctionId)) {
                    return;
                }
                assertThat(leader.bidderId()).as("seed %d, %s after %s, %s", seed, auctionId, observation.step(),
                        bids.get(auctionId)).isEqualTo(bids.get(auctionId).earliestHighest());
            });
            for (AuctionEvent event : observation.events()) {
                if (event instanceof AuctionClosed closed && closed.outcome().hasWinner()
                        && !boughtByAmount.contains(closed.auctionId())) {
                    assertThat(closed.winnerId()).as("seed %d, winner of %s", seed, closed.auctionId())
                            .isEqualTo(bids.get(closed.auctionId()).earliestHighest());
                }
            }
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void replayingTheSameLogGivesIdenticalEventsAndState(long seed) {
        Run original = Run.generate(seed, true);

        Run replay = Run.replay(original.steps());

        assertThat(replay.published).as("seed %d", seed).isEqualTo(original.published);
        assertThat(replay.observations.get(replay.observations.size() - 1).states())
                .isEqualTo(original.observations.get(original.observations.size() - 1).states());
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void seqStaysGaplessAndNoEventCarriesAMaximum(long seed) {
        Run run = Run.generate(seed, true);
        Map<String, Long> lastSeq = new HashMap<>();

        for (AuctionEvent event : run.published) {
            if (event instanceof AuctionOpened) {
                lastSeq.put(event.auctionId(), 0L);
            }
            if (event instanceof SequencedEvent sequenced) {
                assertThat(sequenced.seq()).as("seed %d, %s", seed, event)
                        .isEqualTo(lastSeq.get(event.auctionId()) + 1);
                lastSeq.put(event.auctionId(), sequenced.seq());
            }
        }
        String published = GreamJson.mapper().writeValueAsString(run.published);
        assertThat(published).as("seed %d", seed).doesNotContain("maxAmount", "maximum");
        assertThat(run.published(BidRaisedByProxy.class)).allSatisfy(raise -> assertThat(run.published.stream()
                .filter(e -> e instanceof BidAccepted a && a.commandId().equals(raise.commandId())
                        && a.auctionId().equals(raise.auctionId())))
                .singleElement().satisfies(accepted -> {
                    assertThat(((BidAccepted) accepted).outbidByProxy()).isTrue();
                    assertThat(((BidAccepted) accepted).bidderId()).isEqualTo(raise.previousLeaderId());
                }));
    }

    /** Guards the generator: over all seeds, every proxy path of the rules is taken. */
    @org.junit.jupiter.api.Test
    void theLogsTakeEveryProxyPath() {
        int raises = 0;
        int leadsAboveTheAmountOffered = 0;
        int ownRaises = 0;
        int buyNowByCompetition = 0;
        for (long seed : seeds().toArray()) {
            Run run = Run.generate(seed, true);
            raises += run.published(BidRaisedByProxy.class).size();
            for (Observation observation : run.observations) {
                if (!(observation.step().command() instanceof PlaceBid bid) || observation.decision().repeat()
                        || !(observation.decision().outcome() instanceof BidAccepted accepted)) {
                    continue;
                }
                if (accepted.leads() && accepted.amount() > bid.amount()) {
                    leadsAboveTheAmountOffered++;
                }
                if (bid.bidderId().equals(accepted.previousLeaderId())) {
                    ownRaises++;
                }
                if (bid.amount() < accepted.amount() || !accepted.leads()) {
                    buyNowByCompetition += (int) observation.events().stream().filter(e -> e instanceof AuctionClosed c
                            && c.outcome() == CloseOutcome.BUY_NOW).count();
                }
            }
        }
        assertThat(List.of(raises, leadsAboveTheAmountOffered, ownRaises, buyNowByCompetition))
                .allSatisfy(count -> assertThat(count).isPositive());
    }

    /** Collects the maximum of every bid the engine accepted (the leader's raises included), in log order. */
    private static void record(Observation observation, Map<String, Bids> bids) {
        if (observation.step().command() instanceof OpenAuction open && !observation.decision().repeat()
                && observation.decision().outcome().accepted()) {
            bids.put(open.auctionId(), new Bids());
        }
        if (observation.step().command() instanceof PlaceBid bid && !observation.decision().repeat()
                && observation.decision().outcome().accepted()) {
            bids.get(bid.auctionId()).add(bid);
        }
    }

    /** The accepted bids of one auction, in log order. */
    private static final class Bids {
        private final List<PlaceBid> accepted = new ArrayList<>();

        void add(PlaceBid bid) {
            accepted.add(bid);
        }

        long maximumOf(String bidderId) {
            return accepted.stream().filter(b -> b.bidderId().equals(bidderId)).mapToLong(PlaceBid::maximum).max()
                    .orElseThrow();
        }

        Set<Long> amountsOf(String bidderId) {
            Set<Long> amounts = new HashSet<>();
            accepted.stream().filter(b -> b.bidderId().equals(bidderId)).forEach(b -> amounts.add(b.amount()));
            return amounts;
        }

        Long runnerUpMaximum(String leaderId) {
            return accepted.stream().filter(b -> !b.bidderId().equals(leaderId)).map(PlaceBid::maximum)
                    .max(Long::compare).orElse(null);
        }

        /** The bidder of the first accepted bid whose maximum is the highest. */
        String earliestHighest() {
            Optional<PlaceBid> best = Optional.empty();
            for (PlaceBid bid : accepted) {
                if (best.isEmpty() || bid.maximum() > best.get().maximum()) {
                    best = Optional.of(bid);
                }
            }
            return best.map(PlaceBid::bidderId).orElse(null);
        }

        @Override
        public String toString() {
            return accepted.toString();
        }
    }
}
