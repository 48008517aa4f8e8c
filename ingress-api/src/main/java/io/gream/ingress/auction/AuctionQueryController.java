package io.gream.ingress.auction;

import io.gream.contracts.AuctionView;
import io.gream.ingress.engine.EngineClient;
import io.gream.ingress.problem.FieldViolation;
import io.gream.ingress.problem.ProblemException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Public reads: one auction, and the open auctions ending soonest. No token needed; the engine is the source.
 *
 * <p>An auction's {@code ETag} is its {@code seq}, which grows with every change, so a client polling with
 * {@code If-None-Match} gets {@code 304} until something happens (Spring answers the 304 from the ETag).
 */
@RestController
@RequestMapping("/api/auctions")
class AuctionQueryController {

    static final int MAX_LIMIT = 100;

    private final EngineClient engine;

    AuctionQueryController(EngineClient engine) {
        this.engine = engine;
    }

    @Operation(summary = "An auction's current state", description = "ETag is the auction's seq; send"
            + " If-None-Match to get 304 while nothing changed.")
    @GetMapping("/{auctionId}")
    ResponseEntity<AuctionResponse> auction(@PathVariable String auctionId) {
        List<FieldViolation> violations = new ArrayList<>();
        RequestRules.id("auctionId", auctionId, violations);
        if (!violations.isEmpty()) {
            throw ProblemException.validation(violations);
        }
        AuctionView view = engine.auction(auctionId);
        return ResponseEntity.ok()
                .eTag("\"" + view.seq() + "\"")
                .cacheControl(CacheControl.noCache())
                .body(AuctionResponse.of(view));
    }

    @Operation(summary = "Open auctions, ending soonest first")
    @GetMapping
    AuctionListResponse auctions(
            @Parameter(description = "Only OPEN is supported") @RequestParam(defaultValue = "OPEN") String status,
            @Parameter(description = "1..100") @RequestParam(defaultValue = "20") int limit,
            @Parameter(description = "Only auctions ending before this instant")
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant endingBefore) {
        List<FieldViolation> violations = new ArrayList<>();
        if (!"OPEN".equals(status)) {
            violations.add(new FieldViolation("status", "only OPEN is supported"));
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            violations.add(new FieldViolation("limit", "must be in 1.." + MAX_LIMIT));
        }
        if (!violations.isEmpty()) {
            throw ProblemException.validation(violations);
        }
        return new AuctionListResponse(engine.openAuctions(endingBefore, limit).stream()
                .map(AuctionResponse::of).toList());
    }
}
