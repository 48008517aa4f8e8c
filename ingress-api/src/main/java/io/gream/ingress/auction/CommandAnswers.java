package io.gream.ingress.auction;

import io.gream.contracts.AuctionCancelled;
import io.gream.contracts.AuctionCommand;
import io.gream.contracts.AuctionOpened;
import io.gream.contracts.BidAccepted;
import io.gream.contracts.BidRejected;
import io.gream.contracts.CommandOutcome;
import io.gream.contracts.CommandRejected;
import io.gream.contracts.PlaceBid;
import io.gream.contracts.RejectionReason;
import io.gream.ingress.engine.CommandStatus;
import io.gream.ingress.pseudonym.Pseudonyms;
import io.gream.ingress.problem.ProblemCodes;
import io.gream.support.problem.ProblemException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.util.UriComponentsBuilder;

import java.net.URI;

/**
 * How a command's status becomes an HTTP answer.
 *
 * <ul>
 *   <li>carried out: {@code 201}, the outcome event as body, {@code Location} of what was created;</li>
 *   <li>refused: a problem whose {@code code} is the engine's reason: {@code 404} for {@code AUCTION_NOT_FOUND},
 *       {@code 403} for {@code NOT_SELLER}, {@code 409} otherwise, with {@code reason}, {@code minNextBid} (bids),
 *       {@code commandId} and {@code auctionId};</li>
 *   <li>not known yet: {@code 202}, {@code Location} of the command, {@code Retry-After: 1}.</li>
 * </ul>
 * An outcome names its sender by their own id (the answer goes to them alone) and anyone else by their alias in the
 * auction, as the public reads do.
 */
final class CommandAnswers {

    private CommandAnswers() {
    }

    static ResponseEntity<Object> answer(AuctionCommand command, CommandStatus status, WaitPreference wait,
                                         Pseudonyms pseudonyms) {
        HttpHeaders headers = new HttpHeaders();
        wait.applyTo(headers);
        if (!(status instanceof CommandStatus.Decided decided)) {
            headers.setLocation(commandLocation(command));
            headers.set(HttpHeaders.RETRY_AFTER, "1");
            return ResponseEntity.accepted().headers(headers)
                    .body(new PendingCommand(command.commandId(), command.auctionId()));
        }
        CommandOutcome outcome = decided.outcome();
        if (command instanceof PlaceBid bid) {
            requireSameBid(bid, outcome);
        }
        if (!outcome.accepted()) {
            // returned, not thrown: a refusal is an ordinary answer, and on a contested auction half of them are
            ProblemException problem = rejection(outcome);
            headers.forEach((name, values) -> values.forEach(value -> problem.withHeader(name, value)));
            return problem.response();
        }
        headers.setLocation(outcome instanceof AuctionOpened ? auctionLocation(command.auctionId())
                : commandLocation(command));
        return ResponseEntity.status(HttpStatus.CREATED).headers(headers).body(forSender(outcome, pseudonyms));
    }

    /**
     * The outcome as its sender may see it: the only other user an outcome can name is the bidder a bid outbid
     * ({@code previousLeaderId}), shown by their alias; a leader who raised their own maximum sees their own id.
     */
    static CommandOutcome forSender(CommandOutcome outcome, Pseudonyms pseudonyms) {
        if (!(outcome instanceof BidAccepted e) || e.previousLeaderId() == null
                || e.previousLeaderId().equals(e.bidderId())) {
            return outcome;
        }
        return new BidAccepted(e.eventId(), e.auctionId(), e.seq(), e.at(), e.commandId(), e.bidderId(), e.amount(),
                pseudonyms.alias(e.auctionId(), e.previousLeaderId()), e.previousAmount(), e.bidCount(),
                e.minNextBid(), e.outbidByProxy(), e.offeredAmount());
    }

    /** The problem for a refused command. */
    static ProblemException rejection(CommandOutcome outcome) {
        RejectionReason reason;
        String detail;
        Long minNextBid = null;
        if (outcome instanceof BidRejected rejected) {
            reason = rejected.reason();
            minNextBid = rejected.minNextBid();
            detail = describe(reason, minNextBid);
        } else if (outcome instanceof CommandRejected rejected) {
            reason = rejected.reason();
            detail = rejected.detail() != null ? rejected.detail() : describe(reason, null);
        } else {
            throw new IllegalArgumentException("not a rejection: " + outcome);
        }
        HttpStatus status = switch (reason) {
            case AUCTION_NOT_FOUND -> HttpStatus.NOT_FOUND;
            case NOT_SELLER -> HttpStatus.FORBIDDEN;
            default -> HttpStatus.CONFLICT;
        };
        ProblemException problem = new ProblemException(status, reason.name(), detail)
                .withProperty("reason", reason.name());
        if (minNextBid != null) {
            problem.withProperty("minNextBid", minNextBid);
        }
        return problem.withProperty("commandId", outcome.commandId()).withProperty("auctionId", outcome.auctionId());
    }

    /** Who sent the command an outcome answers. */
    static String actorOf(CommandOutcome outcome) {
        if (outcome instanceof AuctionOpened opened) {
            return opened.sellerId();
        }
        if (outcome instanceof BidAccepted accepted) {
            return accepted.bidderId();
        }
        if (outcome instanceof BidRejected rejected) {
            return rejected.bidderId();
        }
        if (outcome instanceof AuctionCancelled cancelled) {
            return cancelled.sellerId();
        }
        return ((CommandRejected) outcome).actorId();
    }

    static URI auctionLocation(String auctionId) {
        return UriComponentsBuilder.fromPath("/api/auctions/{id}").buildAndExpand(auctionId).toUri();
    }

    static URI commandLocation(AuctionCommand command) {
        String collection = command instanceof PlaceBid ? "bids" : "commands";
        return UriComponentsBuilder.fromPath("/api/auctions/{id}/{collection}/{commandId}")
                .buildAndExpand(command.auctionId(), collection, command.commandId()).toUri();
    }

    /**
     * A key reused for another amount maps to the earlier command, whose outcome is about another bid: answering
     * it as this bid's would mislead the client (IETF idempotency-key draft: 422).
     */
    private static void requireSameBid(PlaceBid bid, CommandOutcome outcome) {
        long decidedAmount = outcome instanceof BidAccepted accepted ? accepted.offered()
                : outcome instanceof BidRejected rejected ? rejected.amount() : bid.amount();
        if (decidedAmount != bid.amount()) {
            throw new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, ProblemCodes.IDEMPOTENCY_KEY_REUSED,
                    "This Idempotency-Key was already used for a bid of " + decidedAmount + "; use a new key for a"
                            + " new bid.")
                    .withProperty("commandId", bid.commandId());
        }
    }

    private static String describe(RejectionReason reason, Long minNextBid) {
        return switch (reason) {
            case AUCTION_NOT_FOUND -> "No auction with this id.";
            case AUCTION_CLOSED -> "The auction has ended or was cancelled.";
            case SELF_BID -> "Sellers cannot bid on their own auction.";
            case ALREADY_LEADING -> "You already hold the highest bid.";
            case BID_TOO_LOW -> minNextBid == null ? "The bid is too low."
                    : "The bid is below the minimum next bid of " + minNextBid + ".";
            case AMOUNT_TOO_HIGH -> "The amount is above the highest amount accepted.";
            case AUCTION_EXISTS -> "An auction with this id already exists.";
            case NOT_SELLER -> "Only the seller can cancel this auction.";
            case HAS_BIDS -> "The auction has bids and can no longer be cancelled.";
            default -> "The auction terms were refused: " + reason + ".";
        };
    }
}
