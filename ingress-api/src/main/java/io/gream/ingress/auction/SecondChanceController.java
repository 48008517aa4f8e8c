package io.gream.ingress.auction;

import io.gream.auth.AuthenticatedUser;
import io.gream.contracts.AcceptSecondChance;
import io.gream.contracts.DeclineSecondChance;
import io.gream.contracts.OfferSecondChance;
import io.gream.contracts.SecondChanceCommand;
import io.gream.ingress.command.CommandIds;
import io.gream.ingress.command.SecondChancePublisher;
import io.gream.support.problem.FieldViolation;
import io.gream.support.problem.ProblemException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.ArrayList;
import java.util.List;

/**
 * Second-chance offers: the seller of a sale whose payment was declined offers the voucher to the runner-up, who
 * accepts or declines. The ingress checks the request and writes the command to {@code gream.settlement-commands};
 * the settlement-worker decides it (the ingress cannot know whether a sale was declined or who the runner-up is) and
 * answers with an event on {@code gream.settlement-events}, which the notifier delivers to the sender. So every
 * well-formed request is {@code 202}.
 *
 * <p>Without an {@code Idempotency-Key} the command id derives from the user and the auction alone, so a repeat is
 * the same command and gets the original outcome.
 */
@RestController
@RequestMapping("/api/auctions/{auctionId}/second-chance")
@SecurityRequirement(name = "bearer")
@ApiResponse(responseCode = "202", description = "Written; the settlement-worker's answer arrives as a"
        + " notification (SECOND_CHANCE_OFFERED to the runner-up, WON/SOLD or PAYMENT_FAILED after an accept,"
        + " SECOND_CHANCE_ENDED, or SECOND_CHANCE_REJECTED to the sender with the reason)", content = @Content(
        schema = @Schema(implementation = PendingCommand.class)))
@ApiResponse(responseCode = "400", description = "Invalid request (VALIDATION_FAILED, MALFORMED_JSON,"
        + " UNKNOWN_PROPERTY)", content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
        schema = @Schema(implementation = ProblemDetail.class)))
@ApiResponse(responseCode = "401", description = "Missing or invalid bearer token", content = @Content(
        mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(implementation = ProblemDetail.class)))
@ApiResponse(responseCode = "429", description = "Rate limited; see Retry-After", content = @Content(
        mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(implementation = ProblemDetail.class)))
@ApiResponse(responseCode = "503", description = "BROKER_UNAVAILABLE; retry the same request", content = @Content(
        mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(implementation = ProblemDetail.class)))
class SecondChanceController {

    private final SecondChancePublisher publisher;

    SecondChanceController(SecondChancePublisher publisher) {
        this.publisher = publisher;
    }

    @Operation(summary = "Offer the voucher to the runner-up (the caller is the seller)", description = "Allowed"
            + " once per auction, after the winner's payment was declined; the runner-up is the highest bidder other"
            + " than the winner, at their highest bid, and has gream.settlement.second-chance.offer-window (48 h) to"
            + " answer. Refusals (SecondChanceRejected): NOT_SELLER, SALE_NOT_DECLINED, NO_RUNNER_UP,"
            + " ALREADY_OFFERED.")
    @PostMapping
    ResponseEntity<PendingCommand> offer(AuthenticatedUser user, @PathVariable String auctionId,
                                         @RequestHeader(name = AuctionCommandController.IDEMPOTENCY_KEY,
                                                 required = false) String key,
                                         @RequestBody(required = false) SecondChanceRequest request) {
        return send(user, auctionId, key, "OfferSecondChance", OfferSecondChance::new);
    }

    @Operation(summary = "Accept the offer (the caller is the runner-up)", description = "In time (broker time"
            + " before expiresAt), the runner-up is charged the offered price and the sale is ledgered like a"
            + " winner's (SecondChanceCompleted, or SecondChanceFailed when the payment is declined). Refusals:"
            + " NOT_OFFERED, NOT_RUNNER_UP, OFFER_CLOSED.")
    @PostMapping("/accept")
    ResponseEntity<PendingCommand> accept(AuthenticatedUser user, @PathVariable String auctionId,
                                          @RequestHeader(name = AuctionCommandController.IDEMPOTENCY_KEY,
                                                  required = false) String key,
                                          @RequestBody(required = false) SecondChanceRequest request) {
        return send(user, auctionId, key, "AcceptSecondChance", AcceptSecondChance::new);
    }

    @Operation(summary = "Decline the offer (the caller is the runner-up)", description = "In time, the offer ends"
            + " (SecondChanceDeclined) and nothing is charged. Refusals: NOT_OFFERED, NOT_RUNNER_UP, OFFER_CLOSED.")
    @PostMapping("/decline")
    ResponseEntity<PendingCommand> decline(AuthenticatedUser user, @PathVariable String auctionId,
                                           @RequestHeader(name = AuctionCommandController.IDEMPOTENCY_KEY,
                                                   required = false) String key,
                                           @RequestBody(required = false) SecondChanceRequest request) {
        return send(user, auctionId, key, "DeclineSecondChance", DeclineSecondChance::new);
    }

    /** Validates the request, names the command by its kind, sender, auction and key, and writes it. */
    private ResponseEntity<PendingCommand> send(AuthenticatedUser user, String auctionId, String key, String kind,
                                                CommandFactory factory) {
        validate(auctionId, key);
        SecondChanceCommand command = factory.create(commandId(kind, user, auctionId, key), auctionId, user.userId());
        publisher.publish(command);
        return ResponseEntity.status(HttpStatus.ACCEPTED)
                .body(new PendingCommand(command.commandId(), command.auctionId()));
    }

    private static String commandId(String kind, AuthenticatedUser user, String auctionId, String key) {
        return CommandIds.commandId(kind, user.userId(), auctionId, key == null ? "" : key);
    }

    private static void validate(String auctionId, String key) {
        List<FieldViolation> violations = new ArrayList<>();
        RequestRules.id("auctionId", auctionId, violations);
        RequestRules.idempotencyKey(key, false, violations);
        if (!violations.isEmpty()) {
            throw ProblemException.validation(violations);
        }
    }

    @FunctionalInterface
    private interface CommandFactory {
        SecondChanceCommand create(String commandId, String auctionId, String userId);
    }

    /**
     * Optional body of the second-chance requests: there is nothing to say (the price is the runner-up's bid), and a
     * body that tries (an {@code amount}, a {@code runnerUpId}) is refused as an unknown property.
     */
    record SecondChanceRequest() {
    }
}
