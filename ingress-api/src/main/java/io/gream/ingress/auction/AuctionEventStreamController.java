package io.gream.ingress.auction;

import io.gream.auth.AuthenticatedUser;
import io.gream.ingress.live.AuctionWatchers;
import io.gream.support.problem.FieldViolation;
import io.gream.support.problem.ProblemException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code GET /api/auctions/{id}/events}: the auction's public events as server-sent events, as the engine decides
 * them, users named by their alias in the auction. No token needed: anyone may watch, as anyone may read the
 * auction; with one, each event also carries the caller's own alias as {@code you}. Rejections are not sent (they
 * are their sender's business). The stream does not know whether the auction exists: one that never has an event stays
 * open with heartbeats only.
 */
@RestController
@RequestMapping("/api/auctions")
class AuctionEventStreamController {

    private final AuctionWatchers watchers;

    AuctionEventStreamController(AuctionWatchers watchers) {
        this.watchers = watchers;
    }

    @Operation(summary = "An auction's events, live (server-sent events)", description = "id = seq, event = the"
            + " event type, data = the event JSON as on gream.auction-events, with users by their alias in this"
            + " auction and without commandId; with a bearer token, you is your own alias. Send Last-Event-ID to"
            + " resume after that seq. event: reset means events may have been missed: re-read"
            + " GET /api/auctions/{id}, then apply only events whose seq is above the auction's seq. The stream ends"
            + " after AuctionClosed or AuctionCancelled.")
    @GetMapping(path = "/{auctionId}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter events(@PathVariable String auctionId,
                      @Parameter(description = "the seq of the last event received")
                      @RequestHeader(name = "Last-Event-ID", required = false) String lastEventId,
                      @Parameter(hidden = true) Optional<AuthenticatedUser> user) {
        List<FieldViolation> violations = new ArrayList<>();
        RequestRules.id("auctionId", auctionId, violations);
        Long resumeAfter = null;
        if (lastEventId != null && !lastEventId.isBlank()) {
            try {
                resumeAfter = Long.parseLong(lastEventId.trim());
            } catch (NumberFormatException e) {
                resumeAfter = -1L;
            }
            if (resumeAfter < 0) {
                violations.add(new FieldViolation("Last-Event-ID", "must be the seq of an event of this auction"));
            }
        }
        if (!violations.isEmpty()) {
            throw ProblemException.validation(violations);
        }
        return watchers.watch(auctionId, resumeAfter, user.map(AuthenticatedUser::userId).orElse(null));
    }
}
