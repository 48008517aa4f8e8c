package io.gream.ingress.auction;

import io.gream.auth.AuthenticatedUser;
import io.gream.contracts.AuctionView;
import io.gream.ingress.engine.EngineClient;
import io.gream.ingress.engine.ListPosition;
import io.gream.ingress.pseudonym.Pseudonyms;
import io.gream.support.problem.FieldViolation;
import io.gream.support.problem.ProblemException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Public reads: one auction, its bid history, and the open auctions ending soonest. No token needed; the engine is
 * the source. Users appear by their alias in each auction ({@link Pseudonyms}); a caller who sends a token also
 * finds their own alias in {@code you} (and, leading, their own maximum), so every answer varies by token.
 *
 * <p>An auction's {@code ETag} is its {@code seq}, which grows with every change, so a client polling with
 * {@code If-None-Match} gets {@code 304} until something happens (Spring answers the 304 from the ETag).
 */
@RestController
@RequestMapping("/api/auctions")
class AuctionQueryController {

    static final int MAX_LIMIT = 100;

    private final EngineClient engine;
    private final Pseudonyms pseudonyms;

    AuctionQueryController(EngineClient engine, Pseudonyms pseudonyms) {
        this.engine = engine;
        this.pseudonyms = pseudonyms;
    }

    @Operation(summary = "An auction's current state", description = "ETag is the auction's seq; send"
            + " If-None-Match to get 304 while nothing changed. Users appear by their alias in this auction. With a"
            + " bearer token, you is your own alias, and the leader also sees yourMaxAmount.")
    @GetMapping("/{auctionId}")
    ResponseEntity<AuctionResponse> auction(@PathVariable String auctionId,
                                            @Parameter(hidden = true) Optional<AuthenticatedUser> user) {
        List<FieldViolation> violations = new ArrayList<>();
        RequestRules.id("auctionId", auctionId, violations);
        if (!violations.isEmpty()) {
            throw ProblemException.validation(violations);
        }
        String viewer = user.map(AuthenticatedUser::userId).orElse(null);
        AuctionView view = engine.auction(auctionId, viewer);
        return ResponseEntity.ok()
                .eTag("\"" + view.seq() + "\"")
                .cacheControl(CacheControl.noCache())
                .varyBy(HttpHeaders.AUTHORIZATION) // the caller's own alias, and the leader's maximum
                .body(AuctionResponse.of(view, pseudonyms, viewer));
    }

    @Operation(summary = "An auction's bid history, newest first", description = "Public: accepted bids and the"
            + " raises the engine made for the leader within their maximum (byProxy), with the price each set;"
            + " a bid that a maximum beat at once is marked outbidAtOnce. Maximums are never shown. Bidders appear by"
            + " their alias in this auction; with a bearer token, you is your own.")
    @GetMapping("/{auctionId}/bids")
    ResponseEntity<BidHistoryResponse> bidHistory(
            @PathVariable String auctionId,
            @Parameter(description = "1..100") @RequestParam(defaultValue = "20") int limit,
            @Parameter(hidden = true) Optional<AuthenticatedUser> user) {
        List<FieldViolation> violations = new ArrayList<>();
        RequestRules.id("auctionId", auctionId, violations);
        if (limit < 1 || limit > MAX_LIMIT) {
            violations.add(new FieldViolation("limit", "must be in 1.." + MAX_LIMIT));
        }
        if (!violations.isEmpty()) {
            throw ProblemException.validation(violations);
        }
        String viewer = user.map(AuthenticatedUser::userId).orElse(null);
        return ResponseEntity.ok().varyBy(HttpHeaders.AUTHORIZATION)
                .body(BidHistoryResponse.of(auctionId, engine.bidHistory(auctionId, limit), pseudonyms, viewer));
    }

    @Operation(summary = "Open auctions, ending soonest first", description = "Pages: pass the answer's `next` as"
            + " `cursor` for the following page; `next` is absent on the last page. Users appear by their alias in"
            + " each auction; with a bearer token, each auction's you is your own alias there.")
    @GetMapping
    ResponseEntity<AuctionListResponse> auctions(
            @Parameter(description = "Only OPEN is supported") @RequestParam(defaultValue = "OPEN") String status,
            @Parameter(description = "1..100") @RequestParam(defaultValue = "20") int limit,
            @Parameter(description = "Only auctions ending before this instant")
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant endingBefore,
            @Parameter(description = "Only auctions of this brand (ignoring case)")
            @RequestParam(required = false) String brand,
            @Parameter(description = "The `next` of the previous page") @RequestParam(required = false) String cursor,
            @Parameter(hidden = true) Optional<AuthenticatedUser> user) {
        List<FieldViolation> violations = new ArrayList<>();
        if (!"OPEN".equals(status)) {
            violations.add(new FieldViolation("status", "only OPEN is supported"));
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            violations.add(new FieldViolation("limit", "must be in 1.." + MAX_LIMIT));
        }
        String brandFilter = brand == null || brand.isBlank() ? null : brand.strip();
        if (brandFilter != null && (brandFilter.length() > RequestRules.MAX_BRAND
                || brandFilter.chars().anyMatch(Character::isISOControl))) {
            violations.add(new FieldViolation("brand", "at most " + RequestRules.MAX_BRAND
                    + " characters, no control characters"));
        }
        Optional<ListPosition> after = cursor == null ? Optional.empty() : ListPosition.ofCursor(cursor);
        if (cursor != null && after.isEmpty()) {
            violations.add(new FieldViolation("cursor", "not a cursor from this API: pass a page's `next`"));
        }
        if (!violations.isEmpty()) {
            throw ProblemException.validation(violations);
        }
        String viewer = user.map(AuthenticatedUser::userId).orElse(null);
        List<AuctionResponse> page = engine.openAuctions(endingBefore, after.orElse(null), brandFilter, limit)
                .stream().map(view -> AuctionResponse.of(view, pseudonyms, viewer)).toList();
        String next = page.size() < limit ? null
                : new ListPosition(page.get(page.size() - 1).endsAt(), page.get(page.size() - 1).auctionId()).cursor();
        return ResponseEntity.ok().varyBy(HttpHeaders.AUTHORIZATION).body(new AuctionListResponse(page, next));
    }
}
