package io.gream.engine.auction;

import io.gream.contracts.AuctionCancelled;
import io.gream.contracts.AuctionClosed;
import io.gream.contracts.CloseOutcome;
import io.gream.contracts.AuctionCommand;
import io.gream.contracts.AuctionEvent;
import io.gream.contracts.AuctionExtended;
import io.gream.contracts.AuctionOpened;
import io.gream.contracts.BidAccepted;
import io.gream.contracts.BidRejected;
import io.gream.contracts.CancelAuction;
import io.gream.contracts.CommandOutcome;
import io.gream.contracts.Item;
import io.gream.contracts.OpenAuction;
import io.gream.contracts.PlaceBid;
import io.gream.contracts.SequencedEvent;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Invariants of {@link AuctionRules} over random command logs: two auctions, a few bidders (the sellers among
 * them), amounts around the current price, strictly increasing broker timestamps running past the end, retried
 * command ids, ticks that close due auctions, optional soft close, reserve and buy-now.
 *
 * <p>Each property runs over the fixed seeds 1..200, so a failure names the seed that reproduces it and the build
 * is deterministic. The log is generated while it is decided (amounts are chosen relative to the live price), then
 * kept as a plain list of steps so it can be replayed.
 *
 * <p>Plain JUnit with a seeded {@link Random} rather than jqwik: jqwik 1.10 ships an "Anti-AI Usage Clause" and
 * these properties were written by a coding agent. Porting them to {@code @Property} is mechanical, since a run is
 * a function of its {@link Random}; shrinking is what would be gained.
 */
class AuctionRulesProperties {

    private static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");
    private static final List<String> AUCTIONS = List.of("auction-1", "auction-2");
    private static final List<String> USERS = List.of("seller-1", "seller-2", "alice", "bob", "carol");
    private static final RuleLimits LIMITS = RuleLimits.DEFAULT;

    static LongStream seeds() {
        return LongStream.rangeClosed(1, 200);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void theHighestPriceNeverDecreases(long seed) {
        Run run = Run.generate(seed);

        for (String auctionId : AUCTIONS) {
            long highest = Long.MIN_VALUE;
            for (Observation observation : run.observations) {
                Bid leader = observation.states.get(auctionId).map(Auction::leader).orElse(null);
                long price = leader == null ? Long.MIN_VALUE : leader.amount();
                assertThat(price).as("seed %d, %s after %s", seed, auctionId, observation.step)
                        .isGreaterThanOrEqualTo(highest);
                highest = price;
            }
        }
        for (BidAccepted accepted : run.published(BidAccepted.class)) {
            if (accepted.previousAmount() != null) {
                assertThat(accepted.amount()).as("seed %d, %s", seed, accepted)
                        .isGreaterThan(accepted.previousAmount());
            }
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void theLeaderIsTheEarliestBidderWithTheHighestAcceptedBid(long seed) {
        Run run = Run.generate(seed);

        for (String auctionId : AUCTIONS) {
            List<BidAccepted> acceptedSoFar = new ArrayList<>();
            for (Observation observation : run.observations) {
                observation.events.stream()
                        .filter(e -> e instanceof BidAccepted && e.auctionId().equals(auctionId))
                        .forEach(e -> acceptedSoFar.add((BidAccepted) e));
                Bid expected = earliestHighest(acceptedSoFar);
                Bid actual = observation.states.get(auctionId).map(Auction::leader).orElse(null);
                assertThat(actual).as("seed %d, %s after %s", seed, auctionId, observation.step).isEqualTo(expected);
            }
            Optional<AuctionClosed> closed = run.published(AuctionClosed.class).stream()
                    .filter(e -> e.auctionId().equals(auctionId)).findFirst();
            closed.filter(c -> c.outcome().hasWinner()).ifPresent(c -> {
                Bid winner = earliestHighest(acceptedSoFar);
                assertThat(c.winnerId()).as("seed %d, winner of %s", seed, auctionId).isEqualTo(winner.bidderId());
                // A buy-now winner pays the buy-now price, even if the bid offered more.
                long expectedPrice = c.outcome() == CloseOutcome.BUY_NOW
                        ? run.published(AuctionOpened.class).stream().filter(o -> o.auctionId().equals(auctionId))
                                .findFirst().orElseThrow().buyNowPrice()
                        : winner.amount();
                assertThat(c.price()).as("seed %d, price of %s", seed, auctionId).isEqualTo(expectedPrice);
            });
        }
    }

    /**
     * "Valid" made concrete: a bid is accepted exactly when DESIGN.md's conditions hold, and an accepted bid is
     * followed by a buy-now close or a soft-close extension exactly when DESIGN.md says so; re-stated naively here.
     */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void exactlyTheBidsThatMeetEveryConditionAreAcceptedWithTheirConsequences(long seed) {
        Run run = Run.generate(seed);
        Map<String, ReferenceAuction> model = new HashMap<>();

        for (Observation observation : run.observations) {
            Step step = observation.step;
            if (step.command() instanceof PlaceBid bid && !observation.decision.repeat()) {
                ReferenceAuction auction = model.get(bid.auctionId());
                boolean expected = auction != null && auction.accepts(bid, step.at());
                assertThat(observation.decision.outcome().accepted())
                        .as("seed %d, %s at %s (model %s)", seed, bid, step.at(), auction).isEqualTo(expected);
                List<Class<?>> expectedEvents = !expected ? List.of(BidRejected.class)
                        : auction.buyNowBy(bid.amount()) ? List.of(BidAccepted.class, AuctionClosed.class)
                        : auction.extendedBy(step.at()) ? List.of(BidAccepted.class, AuctionExtended.class)
                        : List.of(BidAccepted.class);
                assertThat(observation.events).as("seed %d, %s at %s (model %s)", seed, bid, step.at(), auction)
                        .extracting(Object::getClass).containsExactlyElementsOf(expectedEvents);
            }
            for (AuctionEvent event : observation.events) {
                model.compute(event.auctionId(), (id, auction) -> ReferenceAuction.apply(auction, event));
            }
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void aTickClosesEveryAuctionDueByItsTimeAtItsDeadline(long seed) {
        Run run = Run.generate(seed);
        Map<String, Optional<Auction>> before = new HashMap<>();
        AUCTIONS.forEach(id -> before.put(id, Optional.empty()));

        for (Observation observation : run.observations) {
            if (observation.step.command() == null) {
                Instant tick = observation.step.at();
                for (String auctionId : AUCTIONS) {
                    Optional<Auction> was = before.get(auctionId);
                    boolean due = was.filter(a -> a instanceof Auction.Open && !a.endsAt().isAfter(tick)).isPresent();
                    List<AuctionEvent> closes = observation.events.stream()
                            .filter(e -> e.auctionId().equals(auctionId)).toList();
                    assertThat(closes).as("seed %d, %s at tick %s", seed, auctionId, tick).hasSize(due ? 1 : 0);
                    if (due) {
                        AuctionClosed closed = (AuctionClosed) closes.get(0);
                        assertThat(closed.at()).isEqualTo(was.get().endsAt());
                        assertThat(closed.commandId()).isNull();
                        assertThat(observation.states.get(auctionId).orElseThrow())
                                .isInstanceOf(Auction.Closed.class);
                    }
                }
            }
            before.putAll(observation.states);
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void seqIsGaplessFromOnePerAuctionAndNamesTheEvent(long seed) {
        Run run = Run.generate(seed);

        for (String auctionId : AUCTIONS) {
            long expectedSeq = 1;
            boolean ended = false;
            for (AuctionEvent event : run.published) {
                if (!event.auctionId().equals(auctionId)) {
                    continue;
                }
                if (event instanceof SequencedEvent sequenced) {
                    assertThat(ended).as("seed %d, %s after the auction ended", seed, event).isFalse();
                    assertThat(sequenced.seq()).as("seed %d, %s", seed, event).isEqualTo(expectedSeq);
                    assertThat(event.eventId()).isEqualTo(auctionId + ":" + expectedSeq);
                    expectedSeq++;
                    ended = event instanceof AuctionClosed || event instanceof AuctionCancelled;
                } else {
                    CommandOutcome rejection = (CommandOutcome) event;
                    assertThat(event.eventId()).as("seed %d", seed)
                            .isEqualTo(auctionId + ":cmd:" + rejection.commandId());
                }
            }
            boolean opened = run.published.stream()
                    .anyMatch(e -> e instanceof AuctionOpened && e.auctionId().equals(auctionId));
            assertThat(ended).as("seed %d, %s ends exactly once after the final tick", seed, auctionId)
                    .isEqualTo(opened);
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void replayingTheSameLogGivesIdenticalEvents(long seed) {
        Run original = Run.generate(seed);

        Run replay = Run.replay(original.steps());

        assertThat(replay.published).as("seed %d", seed).isEqualTo(original.published);
        assertThat(replay.observations.get(replay.observations.size() - 1).states)
                .isEqualTo(original.observations.get(original.observations.size() - 1).states);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void aRepeatedCommandIdNeverProducesEventsAndGetsTheOriginalOutcome(long seed) {
        Run run = Run.generate(seed);
        Map<String, CommandOutcome> firstOutcomes = new HashMap<>();
        int repeats = 0;

        for (Observation observation : run.observations) {
            AuctionCommand command = observation.step.command();
            if (command == null) {
                continue;
            }
            String key = command.auctionId() + "/" + command.commandId();
            CommandOutcome first = firstOutcomes.get(key);
            if (first == null) {
                assertThat(observation.decision.repeat()).as("seed %d, %s", seed, observation.step).isFalse();
                firstOutcomes.put(key, observation.decision.outcome());
            } else {
                repeats++;
                assertThat(observation.decision.repeat()).as("seed %d, %s", seed, observation.step).isTrue();
                assertThat(observation.decision.events()).isEmpty();
                assertThat(observation.events).isEmpty();
                assertThat(observation.decision.outcome()).isEqualTo(first);
            }
        }
        Map<String, Long> outcomesPerCommand = run.published.stream()
                .filter(e -> e instanceof CommandOutcome)
                .map(e -> e.auctionId() + "/" + ((CommandOutcome) e).commandId())
                .collect(Collectors.groupingBy(k -> k, Collectors.counting()));
        assertThat(outcomesPerCommand).as("seed %d", seed).allSatisfy((k, n) -> assertThat(n).isEqualTo(1));
        assertThat(outcomesPerCommand).hasSameSizeAs(firstOutcomes);
        assertThat(repeats + firstOutcomes.size())
                .isEqualTo((int) run.observations.stream().filter(o -> o.step.command() != null).count());
    }

    private static Bid earliestHighest(List<BidAccepted> accepted) {
        BidAccepted best = null;
        for (BidAccepted bid : accepted) {
            if (best == null || bid.amount() > best.amount()) {
                best = bid;
            }
        }
        return best == null ? null : new Bid(best.bidderId(), best.amount(), best.at(), best.commandId());
    }

    /** One record of the command log: a command, or (command {@code null}) a tick that closes what is due. */
    record Step(Instant at, AuctionCommand command) {

        static Step tick(Instant at) {
            return new Step(at, null);
        }

        @Override
        public String toString() {
            return at + " " + (command == null ? "Tick" : command);
        }
    }

    /** What the engine did for one step, and every auction's state afterwards. */
    record Observation(Step step, Decision decision, List<AuctionEvent> events, Map<String, Optional<Auction>> states) {
    }

    /**
     * Drives the rules the way the engine's processor does: state and decided command ids per auction, decisions
     * folded back into the state, ticks closing what is due.
     */
    static final class Run {

        private final AuctionRules rules = new AuctionRules(LIMITS);
        private final Map<String, Optional<Auction>> states = new LinkedHashMap<>();
        private final Map<String, Map<String, CommandOutcome>> decided = new HashMap<>();
        final List<Observation> observations = new ArrayList<>();
        final List<AuctionEvent> published = new ArrayList<>();

        private Run() {
            AUCTIONS.forEach(id -> states.put(id, Optional.empty()));
        }

        static Run replay(List<Step> steps) {
            Run run = new Run();
            steps.forEach(run::apply);
            return run;
        }

        static Run generate(long seed) {
            return generate(seed, false);
        }

        /** @param proxies whether bids may carry a maximum (and leaders raise theirs) */
        static Run generate(long seed, boolean proxies) {
            Run run = new Run();
            new Generator(new Random(seed), run, proxies).generate();
            return run;
        }

        List<Step> steps() {
            return observations.stream().map(Observation::step).toList();
        }

        <E extends AuctionEvent> List<E> published(Class<E> type) {
            return published.stream().filter(type::isInstance).map(type::cast).toList();
        }

        Optional<Auction> state(String auctionId) {
            return states.get(auctionId);
        }

        void apply(Step step) {
            List<AuctionEvent> events = new ArrayList<>();
            Decision decision = null;
            if (step.command() == null) {
                for (String auctionId : AUCTIONS) {
                    states.get(auctionId).flatMap(a -> rules.closeIfDue(a, step.at())).ifPresent(events::add);
                }
            } else {
                AuctionCommand command = step.command();
                Map<String, CommandOutcome> decidedHere =
                        decided.computeIfAbsent(command.auctionId(), id -> new HashMap<>());
                decision = rules.decide(states.get(command.auctionId()), command, step.at(),
                        Optional.ofNullable(decidedHere.get(command.commandId())));
                if (!decision.repeat()) {
                    decidedHere.put(command.commandId(), decision.outcome());
                }
                events.addAll(decision.events());
                // The decision's state, not a fold of its events: only it holds the leader's secret maximum.
                states.put(command.auctionId(), decision.state());
            }
            if (step.command() == null) {
                for (AuctionEvent event : events) {
                    states.put(event.auctionId(), rules.evolve(states.get(event.auctionId()), event));
                }
            }
            published.addAll(events);
            observations.add(new Observation(step, decision, List.copyOf(events), Map.copyOf(states)));
        }
    }

    /** Builds a random log step by step, choosing amounts relative to the live price so boundaries get hit. */
    static final class Generator {

        private final Random random;
        private final Run run;
        private final boolean proxies;
        private final List<AuctionCommand> sent = new ArrayList<>();
        private final Duration firstDuration;
        private final long typicalGapMillis;
        private final int length;
        private Instant now = T0;
        private int nextId = 1;

        Generator(Random random, Run run, boolean proxies) {
            this.random = random;
            this.run = run;
            this.proxies = proxies;
            this.length = 10 + random.nextInt(60);
            this.firstDuration = Duration.ofMinutes(1 + random.nextInt(30));
            // Gaps average 1.25 x duration / length: the log runs on past the first auction's (unextended) end.
            this.typicalGapMillis = Math.max(1, 2 * (5 * firstDuration.toMillis() / 4) / length);
        }

        void generate() {
            send(open("auction-1", "seller-1", firstDuration));
            if (random.nextBoolean()) {
                send(open("auction-2", "seller-2", firstDuration.plusMinutes(random.nextInt(10))));
            }
            for (int i = 0; i < length; i++) {
                now = nextTime();
                int dice = random.nextInt(100);
                if (dice < 9) {
                    run.apply(Step.tick(now));
                } else if (dice < 16 && !sent.isEmpty()) {
                    send(sent.get(random.nextInt(sent.size())));
                } else if (dice < 19 && !sent.isEmpty()) {
                    send(reusedIdWithOtherContent(sent.get(random.nextInt(sent.size()))));
                } else if (dice < 24) {
                    String auctionId = pick(AUCTIONS);
                    send(open(auctionId, auctionId.equals("auction-1") ? "seller-1" : "seller-2",
                            Duration.ofMillis(1 + random.nextLong(firstDuration.toMillis()))));
                } else if (dice < 28) {
                    String auctionId = pick(AUCTIONS);
                    String seller = auctionId.equals("auction-1") ? "seller-1" : "seller-2";
                    send(new CancelAuction(id(), auctionId, random.nextBoolean() ? seller : pick(USERS)));
                } else {
                    send(bid(random.nextInt(3) == 0 ? "auction-2" : "auction-1"));
                }
            }
            run.apply(Step.tick(now.plus(Duration.ofDays(60))));
        }

        /** Strictly later than the last step; now and then exactly on the edge of a soft-close window or an end. */
        private Instant nextTime() {
            Instant next = now.plusMillis(1 + (random.nextInt(10) == 0 ? random.nextInt(3)
                    : random.nextLong(typicalGapMillis)));
            if (random.nextInt(8) == 0) {
                Optional<Auction> auction = run.state(pick(AUCTIONS)).filter(a -> a instanceof Auction.Open);
                if (auction.isPresent()) {
                    Instant end = auction.get().endsAt();
                    Instant windowStart = end.minusSeconds(auction.get().terms().softCloseSeconds());
                    Instant edge = switch (random.nextInt(4)) {
                        case 0 -> windowStart;
                        case 1 -> windowStart.plusMillis(1);
                        case 2 -> end.minusMillis(1);
                        default -> end;
                    };
                    if (edge.isAfter(now)) {
                        return edge;
                    }
                }
            }
            return next;
        }

        private void send(AuctionCommand command) {
            sent.add(command);
            run.apply(new Step(now, command));
        }

        private OpenAuction open(String auctionId, String sellerId, Duration duration) {
            long start = 100 * (1 + random.nextInt(50));
            long increment = 10 * (1 + random.nextInt(20));
            Long reserve = random.nextBoolean() ? null : start + increment * random.nextInt(6);
            Long buyNow = random.nextInt(3) != 0 ? null
                    : Math.max(start + 1, reserve == null ? 0 : reserve) + increment * random.nextInt(8);
            long softClose = random.nextBoolean() ? 0 : 1 + random.nextInt(120);
            Instant endsAt = now.plus(duration);
            Item item = new Item("Starbucks", "Americano Tall", 4_500, LocalDate.parse("2027-01-31"));
            return new OpenAuction(id(), auctionId, sellerId, item, start, increment, reserve, buyNow, endsAt,
                    softClose);
        }

        private PlaceBid bid(String auctionId) {
            Optional<Auction> state = run.state(auctionId);
            long minNext = state.map(Auction::minNextBid).orElse(1_000L);
            long increment = state.map(a -> a.terms().minIncrement()).orElse(100L);
            Long buyNow = state.map(a -> a.terms().buyNowPrice()).orElse(null);
            long amount = switch (random.nextInt(12)) {
                case 0 -> minNext - 1;
                case 1 -> minNext - increment;
                case 2 -> state.map(a -> a.leader() == null ? minNext : a.leader().amount()).orElse(minNext);
                case 3 -> buyNow != null ? buyNow : minNext;
                case 4 -> buyNow != null ? buyNow - 1 : minNext + 1;
                case 5 -> LIMITS.maxAmount() + random.nextInt(2);
                case 6, 7 -> minNext;
                default -> minNext + random.nextLong(3 * increment);
            };
            String bidder = state.map(Auction::leader).filter(l -> random.nextInt(10) == 0).map(Bid::bidderId)
                    .orElseGet(() -> pick(USERS));
            if (!proxies || random.nextInt(3) == 0) {
                return new PlaceBid(id(), auctionId, bidder, amount);
            }
            // Maximums around the leader's, so ties, near misses and raises of one's own maximum all happen.
            Long leaderMax = state.map(Auction::leader).map(Bid::maximum).orElse(null);
            long max = switch (random.nextInt(6)) {
                case 0 -> leaderMax == null ? amount : Math.max(amount, leaderMax);
                case 1 -> leaderMax == null ? amount : Math.max(amount, leaderMax + 1);
                case 2 -> leaderMax == null ? amount : Math.max(amount, leaderMax + increment * random.nextInt(3));
                case 3 -> buyNow == null ? amount : Math.max(amount, buyNow + increment * (random.nextInt(3) - 1));
                default -> amount + random.nextLong(8 * increment);
            };
            return new PlaceBid(id(), auctionId, bidder, amount, max);
        }

        /** A client that reuses a command id for a different request still gets the id's first outcome. */
        private AuctionCommand reusedIdWithOtherContent(AuctionCommand earlier) {
            if (earlier instanceof PlaceBid bid) {
                return new PlaceBid(bid.commandId(), bid.auctionId(), pick(USERS), bid.amount() + 1_000);
            }
            return earlier;
        }

        private String id() {
            return "cmd-" + nextId++;
        }

        private <T> T pick(List<T> values) {
            return values.get(random.nextInt(values.size()));
        }
    }

    /**
     * DESIGN.md's bid conditions written out as plainly as possible, independent of {@link AuctionRules}: the
     * oracle for which bids are valid. Opening, cancelling and closing are taken from the published events.
     */
    record ReferenceAuction(String sellerId, long minIncrement, Long buyNowPrice, long softCloseSeconds,
                            boolean ended, Instant endsAt, String leaderId, long minNextBid) {

        boolean buyNowBy(long amount) {
            return buyNowPrice != null && amount >= buyNowPrice;
        }

        /** Whether an accepted bid at {@code at} leaves less than the soft-close window on the clock. */
        boolean extendedBy(Instant at) {
            return softCloseSeconds > 0 && Duration.between(at, endsAt).toMillis() < softCloseSeconds * 1000;
        }

        boolean accepts(PlaceBid bid, Instant at) {
            return !ended
                    && at.isBefore(endsAt)
                    && !bid.bidderId().equals(sellerId)
                    && !bid.bidderId().equals(leaderId)
                    && bid.amount() >= minNextBid
                    && bid.amount() <= LIMITS.maxAmount();
        }

        static ReferenceAuction apply(ReferenceAuction auction, AuctionEvent event) {
            if (event instanceof AuctionOpened o) {
                return new ReferenceAuction(o.sellerId(), o.minIncrement(), o.buyNowPrice(), o.softCloseSeconds(),
                        false, o.endsAt(), null, o.startPrice());
            }
            if (event instanceof BidAccepted b) {
                boolean buyNow = auction.buyNowBy(b.amount());
                Instant endsAt = auction.extendedBy(b.at())
                        ? b.at().plusSeconds(auction.softCloseSeconds()) : auction.endsAt();
                return new ReferenceAuction(auction.sellerId(), auction.minIncrement(), auction.buyNowPrice(),
                        auction.softCloseSeconds(), buyNow, buyNow ? auction.endsAt() : endsAt, b.bidderId(),
                        b.amount() + auction.minIncrement());
            }
            if (event instanceof AuctionExtended e) {
                assertThat(e.endsAt()).as("extension of %s", auction).isEqualTo(auction.endsAt());
                return auction;
            }
            if (event instanceof AuctionClosed || event instanceof AuctionCancelled) {
                return new ReferenceAuction(auction.sellerId(), auction.minIncrement(), auction.buyNowPrice(),
                        auction.softCloseSeconds(), true, auction.endsAt(), auction.leaderId(), auction.minNextBid());
            }
            return auction;
        }
    }
}
