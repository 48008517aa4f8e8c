package io.gream.engine.query;

import io.gream.contracts.AuctionEvent;
import io.gream.contracts.AuctionView;
import io.gream.contracts.BidHistoryEntry;
import io.gream.contracts.CommandOutcome;
import io.gream.contracts.GreamJson;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.state.HostInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The engine's internal query API (see the package documentation for how it is protected).
 *
 * <ul>
 *   <li>{@code GET /auctions/{id}}: the auction, from the active copy, or a standby copy marked stale; only the
 *   active copy answers {@code 404}, since a standby may not have caught up;</li>
 *   <li>{@code GET /auctions/{id}/commands/{commandId}?waitMs=N}: the command's outcome event, waiting up to
 *   {@code N} ms for it to be decided; {@code 202} with {@code {"status":"PENDING"}} if it is not decided by
 *   then;</li>
 *   <li>{@code GET /auctions?status=OPEN&endingBefore=&limit=}: open auctions of all instances, ending soonest
 *   first;</li>
 *   <li>{@code GET /auctions/{id}?viewer=userId} adds {@code yourMaxAmount} when that user leads (the caller vouches
 *   for the viewer); {@code GET /auctions/{id}/bids?limit=N}: the public bid history, newest first.</li>
 * </ul>
 */
@RestController
@RequestMapping("/auctions")
@Validated
class AuctionQueryController {

    private static final Logger log = LoggerFactory.getLogger(AuctionQueryController.class);
    private static final String ID = "[A-Za-z0-9_.:-]{1,128}";
    private static final Duration QUICK = Duration.ofSeconds(2);

    private final AuctionLocator locator;
    private final EngineForwarder forwarder;
    private final OutcomeWaiters waiters;
    private final JsonMapper json;

    AuctionQueryController(AuctionLocator locator, EngineForwarder forwarder, OutcomeWaiters waiters,
                           JsonMapper json) {
        this.locator = locator;
        this.forwarder = forwarder;
        this.waiters = waiters;
        this.json = json;
    }

    @GetMapping("/{auctionId}")
    ResponseEntity<?> auction(@PathVariable @Pattern(regexp = ID) String auctionId,
                              @RequestParam(required = false) @Pattern(regexp = ID) String viewer,
                              @RequestHeader(name = EngineForwarder.READ_HEADER, required = false) String read) {
        KeyQueryMetadata where = locator.locate(auctionId);
        int partition = where.partition();
        if ("standby".equals(read)) {
            return fromStandby(auctionId, locator.auction(auctionId, partition, true, viewer));
        }
        if ("active".equals(read) || where.activeHost().equals(locator.self())) {
            return found(auctionId, locator.auction(auctionId, partition, false, viewer));
        }
        String path = "/auctions/" + auctionId + (viewer == null ? "" : "?viewer=" + viewer);
        Optional<ResponseEntity<String>> active = forwarder.get(where.activeHost(), path, "active", QUICK);
        if (active.isPresent() && active.get().getStatusCode() != HttpStatus.SERVICE_UNAVAILABLE) {
            return active.get();
        }
        log.info("Active copy of auction {} on {} did not answer; trying standbys", auctionId, where.activeHost());
        for (HostInfo standby : where.standbyHosts()) {
            if (standby.equals(locator.self())) {
                Optional<AuctionView> copy = locator.auction(auctionId, partition, true, viewer);
                if (copy.isPresent()) {
                    return ResponseEntity.ok(copy.get());
                }
                continue;
            }
            Optional<ResponseEntity<String>> answer = forwarder.get(standby, path, "standby", QUICK);
            if (answer.isPresent() && answer.get().getStatusCode() != HttpStatus.SERVICE_UNAVAILABLE) {
                return answer.get();
            }
        }
        throw new EngineUnavailableException("no copy of auction " + auctionId + " can answer now");
    }

    /**
     * The auction's public bid history, newest first. Read like the auction itself: the active copy, else a
     * standby (possibly a little behind); only the active copy answers {@code 404}.
     */
    @GetMapping("/{auctionId}/bids")
    ResponseEntity<?> bidHistory(@PathVariable @Pattern(regexp = ID) String auctionId,
                                 @RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit,
                                 @RequestHeader(name = EngineForwarder.READ_HEADER, required = false) String read) {
        KeyQueryMetadata where = locator.locate(auctionId);
        int partition = where.partition();
        if ("standby".equals(read)) {
            return locator.bidHistory(auctionId, partition, true, limit)
                    .<ResponseEntity<?>>map(AuctionQueryController::bids)
                    .orElseThrow(() -> new EngineUnavailableException("the standby copy of auction " + auctionId
                            + " does not have it (yet) and the active copy is away"));
        }
        if ("active".equals(read) || where.activeHost().equals(locator.self())) {
            return locator.bidHistory(auctionId, partition, false, limit)
                    .<ResponseEntity<?>>map(AuctionQueryController::bids)
                    .orElseGet(() -> notFound(auctionId));
        }
        String path = "/auctions/" + auctionId + "/bids?limit=" + limit;
        Optional<ResponseEntity<String>> active = forwarder.get(where.activeHost(), path, "active", QUICK);
        if (active.isPresent() && active.get().getStatusCode() != HttpStatus.SERVICE_UNAVAILABLE) {
            return active.get();
        }
        for (HostInfo standby : where.standbyHosts()) {
            Optional<ResponseEntity<String>> answer = standby.equals(locator.self())
                    ? locator.bidHistory(auctionId, partition, true, limit).map(AuctionQueryController::bidsAsText)
                    : forwarder.get(standby, path, "standby", QUICK);
            if (answer.isPresent() && answer.get().getStatusCode() != HttpStatus.SERVICE_UNAVAILABLE) {
                return answer.get();
            }
        }
        throw new EngineUnavailableException("no copy of auction " + auctionId + " can answer now");
    }

    @GetMapping("/{auctionId}/commands/{commandId}")
    CompletableFuture<ResponseEntity<?>> commandOutcome(
            @PathVariable @Pattern(regexp = ID) String auctionId,
            @PathVariable @Pattern(regexp = ID) String commandId,
            @RequestParam(defaultValue = "0") @Min(0) @Max(10_000) long waitMs,
            @RequestHeader(name = EngineForwarder.READ_HEADER, required = false) String read) {
        KeyQueryMetadata where = locator.locate(auctionId);
        Duration wait = Duration.ofMillis(waitMs);
        if ("active".equals(read) || where.activeHost().equals(locator.self())) {
            int partition = where.partition();
            return waiters.await(auctionId, commandId, wait, () -> locator.outcome(auctionId, commandId, partition))
                    .thenApply(outcome -> outcome.<ResponseEntity<?>>map(AuctionQueryController::asOnTheTopic)
                            .orElseGet(() -> ResponseEntity.accepted().body(Map.of("status", "PENDING"))));
        }
        // Only the active copy decides; a standby's answer could be older than the caller's own write.
        return forwarder.getAsync(where.activeHost(),
                        "/auctions/" + auctionId + "/commands/" + commandId + "?waitMs=" + waitMs, "active",
                        wait.plus(QUICK))
                .thenApply(answer -> answer.<ResponseEntity<?>>map(r -> r).orElseGet(() -> unavailable(
                        new EngineUnavailableException("the owner of auction " + auctionId + " did not answer"))));
    }

    @GetMapping
    ResponseEntity<?> openAuctions(@RequestParam(defaultValue = "OPEN") @Pattern(regexp = "OPEN") String status,
                                   @RequestParam(required = false) Instant endingBefore,
                                   @RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit,
                                   @RequestHeader(name = EngineForwarder.READ_HEADER, required = false) String read) {
        Instant before = endingBefore == null ? Instant.MAX : endingBefore;
        if ("local".equals(read)) {
            return ResponseEntity.ok(Map.of("auctions", locator.openEndingBefore(before, limit)));
        }
        List<AuctionView> all = new ArrayList<>();
        String query = "/auctions?status=OPEN&limit=" + limit + (endingBefore == null ? "" : "&endingBefore="
                + endingBefore);
        for (HostInfo host : locator.allHosts()) {
            if (host.equals(locator.self())) {
                all.addAll(locator.openEndingBefore(before, limit));
                continue;
            }
            ResponseEntity<String> answer = forwarder.get(host, query, "local", QUICK)
                    .filter(response -> response.getStatusCode().is2xxSuccessful())
                    .orElseThrow(() -> new EngineUnavailableException("engine " + host + " did not answer; "
                            + "a partial list could hide auctions"));
            for (JsonNode auction : json.readTree(answer.getBody()).path("auctions")) {
                all.add(json.treeToValue(auction, AuctionView.class));
            }
        }
        all.sort(Comparator.comparing(AuctionView::endsAt).thenComparing(AuctionView::auctionId));
        return ResponseEntity.ok(Map.of("auctions", all.subList(0, Math.min(limit, all.size()))));
    }

    @ExceptionHandler(EngineUnavailableException.class)
    static ResponseEntity<ProblemDetail> unavailable(EngineUnavailableException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage());
        problem.setTitle("Engine temporarily unavailable");
        problem.setProperty("code", "ENGINE_UNAVAILABLE");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "1")
                .body(problem);
    }

    /** The outcome exactly as consumers of {@code gream.auction-events} see it. */
    private static ResponseEntity<String> asOnTheTopic(CommandOutcome outcome) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                .body(GreamJson.mapper().writerFor(AuctionEvent.class).writeValueAsString(outcome));
    }

    /**
     * A standby copy can show an auction but cannot prove it does not exist: it may still be restoring (a restarted
     * instance rebuilds its copies from the changelog) or be behind the active copy by the last commits. A miss is
     * therefore "ask again", never {@code 404}.
     */
    private static ResponseEntity<?> fromStandby(String auctionId, Optional<AuctionView> auction) {
        return auction.<ResponseEntity<?>>map(ResponseEntity::ok).orElseThrow(() -> new EngineUnavailableException(
                "the standby copy of auction " + auctionId + " does not have it (yet) and the active copy is away"));
    }

    private static ResponseEntity<?> bids(List<BidHistoryEntry> entries) {
        return ResponseEntity.ok(Map.of("bids", entries));
    }

    private static ResponseEntity<String> bidsAsText(List<BidHistoryEntry> entries) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                .body(GreamJson.mapper().writeValueAsString(Map.of("bids", entries)));
    }

    private static ResponseEntity<?> found(String auctionId, Optional<AuctionView> auction) {
        if (auction.isPresent()) {
            return ResponseEntity.ok(auction.get());
        }
        return notFound(auctionId);
    }

    private static ResponseEntity<?> notFound(String auctionId) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                "no auction " + auctionId);
        problem.setTitle("Auction not found");
        problem.setProperty("code", "AUCTION_NOT_FOUND");
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(problem);
    }
}
