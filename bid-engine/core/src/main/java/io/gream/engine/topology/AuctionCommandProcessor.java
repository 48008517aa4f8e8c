package io.gream.engine.topology;

import io.gream.contracts.AuctionCommand;
import io.gream.contracts.AuctionEvent;
import io.gream.contracts.CommandLogEntry;
import io.gream.engine.auction.Auction;
import io.gream.engine.auction.AuctionRules;
import io.gream.engine.auction.Decision;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Decides every record of {@code gream.auction-commands} in log order, one partition per task.
 *
 * <p>For each record it first closes the auctions due by the partition's clock, then decides the command (a
 * {@link io.gream.contracts.Tick} only moves the clock). The partition's clock is the highest broker timestamp
 * read from the partition so far. Because the broker stamps records in append order, reaching time {@code T}
 * means every command appended before {@code T} has been decided: an auction is never closed while a bid placed
 * before its end is still waiting in the partition, however far behind the engine is. Replaying the log closes
 * every auction at the same position with the same result.
 *
 * <p>The clock never goes backwards, so if a broker failover ever stamps a record earlier than one before it,
 * the record is decided at the clock's time rather than in the past.
 */
final class AuctionCommandProcessor implements Processor<String, CommandLogEntry, String, AuctionEvent> {

    private static final Logger log = LoggerFactory.getLogger(AuctionCommandProcessor.class);

    private final BidEngineConfig config;
    private final EngineObserver observer;
    private final AuctionRules rules;
    private ProcessorContext<String, AuctionEvent> context;
    private AuctionBook book;
    private DeadlineIndex deadlines;
    private DecidedCommands decided;
    private BidHistory history;

    AuctionCommandProcessor(BidEngineConfig config, EngineObserver observer) {
        this.config = config;
        this.observer = observer;
        this.rules = new AuctionRules(config.limits());
    }

    @Override
    public void init(ProcessorContext<String, AuctionEvent> context) {
        this.context = context;
        this.deadlines = new DeadlineIndex(context.getStateStore(BidEngineTopology.DEADLINE_STORE));
        this.book = new AuctionBook(context.getStateStore(BidEngineTopology.AUCTION_STORE), deadlines,
                config.decidedCommandRetention());
        this.decided = new DecidedCommands(context.getStateStore(BidEngineTopology.DECIDED_COMMAND_STORE));
        this.history = new BidHistory(context.getStateStore(BidEngineTopology.BID_HISTORY_STORE));
    }

    @Override
    public void process(Record<String, CommandLogEntry> record) {
        // Check before touching any store, so a rejected record leaves no trace.
        if (record.value() instanceof AuctionCommand command && !command.auctionId().equals(record.key())) {
            throw new MisroutedCommandException(record.key(), command.auctionId());
        }
        Instant now = Instant.ofEpochMilli(Math.max(record.timestamp(), context.currentStreamTimeMs()));
        closeDue(now);
        if (record.value() instanceof AuctionCommand command) {
            decide(command, now);
        }
    }

    private void decide(AuctionCommand command, Instant now) {
        Optional<Auction> state = book.find(command.auctionId());
        Decision decision = rules.decide(state, command, now, decided.find(command.auctionId(), command.commandId()));
        if (decision.repeat()) {
            log.debug("Command {} for auction {} was decided before; keeping its original outcome",
                    command.commandId(), command.auctionId());
            return;
        }
        store(state, decision.state(), decision.events());
        decided.record(decision.outcome());
        observer.decided(decision.outcome());
    }

    private void closeDue(Instant now) {
        for (KeyValue<DeadlineKey, DeadlineAction> due : deadlines.dueBy(now)) {
            Auction auction = book.find(due.key.auctionId()).orElseThrow(() -> new IllegalStateException(
                    "deadline index names unknown auction " + due.key.auctionId()));
            if (due.value == DeadlineAction.CLOSE) {
                rules.closeIfDue(auction, now).ifPresent(closed -> {
                    apply(Optional.of(auction), List.of(closed));
                    // Commit now rather than at the next commit interval (1 s): the close is what the winner, the
                    // seller and the settlement wait for, while bids are answered before their commit anyway.
                    context.commit();
                    observer.closedAtDeadline(closed, Duration.ofMillis(
                            context.currentSystemTimeMs() - closed.at().toEpochMilli()));
                });
            } else {
                decided.purge(auction.auctionId());
                history.purge(auction.auctionId());
                book.retire(auction);
            }
        }
    }

    private void apply(Optional<Auction> before, List<AuctionEvent> events) {
        Optional<Auction> after = before;
        for (AuctionEvent event : events) {
            after = rules.evolve(after, event);
        }
        store(before, after, events);
    }

    private void store(Optional<Auction> before, Optional<Auction> after, List<AuctionEvent> events) {
        if (after.isPresent() && !after.equals(before)) {
            book.save(before, after.get());
        }
        for (AuctionEvent event : events) {
            history.record(event);
            context.forward(new Record<>(event.auctionId(), event, event.at().toEpochMilli()));
        }
    }
}
