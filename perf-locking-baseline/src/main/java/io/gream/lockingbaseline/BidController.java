package io.gream.lockingbaseline;

import io.gream.auth.AuthenticatedUser;
import io.gream.contracts.RejectionReason;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.util.Optional;

/**
 * Gream's bid endpoint with the same contract ({@code 201} with the bid, {@code 409} or {@code 404} problem with
 * the rule it broke), answered synchronously from the database. Also the trivial endpoint the benchmark measures
 * its own load generator against. Validation is minimal: only the benchmark calls it.
 */
@RestController
class BidController {

    record BidRequest(long amount) {
    }

    record BidAnswer(String auctionId, String bidderId, long amount) {
    }

    private final LockingBidService service;
    private final Clock clock;

    BidController(LockingBidService service, Clock clock) {
        this.service = service;
        this.clock = clock;
    }

    @PostMapping("/api/auctions/{auctionId}/bids")
    ResponseEntity<?> placeBid(@PathVariable String auctionId, @RequestHeader("Idempotency-Key") String key,
                               @RequestBody BidRequest request, AuthenticatedUser user) {
        Optional<RejectionReason> rejection = service.placeBid(auctionId, user.userId(), key, request.amount(),
                clock.millis());
        if (rejection.isEmpty()) {
            return ResponseEntity.status(HttpStatus.CREATED)
                    .body(new BidAnswer(auctionId, user.userId(), request.amount()));
        }
        HttpStatus status = rejection.get() == RejectionReason.AUCTION_NOT_FOUND ? HttpStatus.NOT_FOUND
                : HttpStatus.CONFLICT;
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, "bid refused: " + rejection.get());
        problem.setProperty("reason", rejection.get().name());
        return ResponseEntity.of(problem).build();
    }

    /** No work at all: what the load generator can offer, measured against this, is its own limit. */
    @GetMapping("/ping")
    ResponseEntity<Void> ping() {
        return ResponseEntity.ok().build();
    }
}
