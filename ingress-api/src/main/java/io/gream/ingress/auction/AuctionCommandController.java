package io.gream.ingress.auction;

import io.gream.contracts.AuctionCancelled;
import io.gream.contracts.AuctionCommand;
import io.gream.contracts.AuctionOpened;
import io.gream.contracts.BidAccepted;
import io.gream.contracts.CancelAuction;
import io.gream.contracts.CommandOutcome;
import io.gream.contracts.Item;
import io.gream.contracts.OpenAuction;
import io.gream.contracts.PlaceBid;
import io.gream.auth.AuthenticatedUser;
import io.gream.ingress.command.CommandIds;
import io.gream.ingress.command.CommandProperties;
import io.gream.ingress.engine.CommandStatus;
import io.gream.ingress.pseudonym.Pseudonyms;
import io.gream.support.problem.FieldViolation;
import io.gream.ingress.problem.ProblemCodes;
import io.gream.support.problem.ProblemException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * The command endpoints: open an auction, bid, cancel, and read a command's outcome. All need a token; the acting
 * user is always its subject.
 *
 * <p>{@code Idempotency-Key} is required for bids (a user legitimately sends many bids to one auction, and only the
 * key tells a retry from a new bid) and optional for opening and cancelling: without one, the command id derives
 * from the user and the auction alone, so every repeat is the same command. Opening without an {@code auctionId}
 * and without a key gets a random id, and is then not safe to retry.
 */
@RestController
@RequestMapping("/api/auctions")
@SecurityRequirement(name = "bearer")
@ApiResponse(responseCode = "400", description = "Invalid request (VALIDATION_FAILED, MALFORMED_JSON,"
        + " UNKNOWN_PROPERTY, WRONG_TYPE)", content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(
        implementation = ProblemDetail.class)))
@ApiResponse(responseCode = "401", description = "Missing or invalid bearer token", content = @Content(
        mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(implementation = ProblemDetail.class)))
@ApiResponse(responseCode = "429", description = "Rate limited; see Retry-After", content = @Content(
        mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(implementation = ProblemDetail.class)))
@ApiResponse(responseCode = "503", description = "BROKER_UNAVAILABLE or ENGINE_UNAVAILABLE; see Retry-After",
        content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(implementation = ProblemDetail.class)))
class AuctionCommandController {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    static final String PREFER = "Prefer";

    private final CommandDispatcher dispatcher;
    private final CommandProperties properties;
    private final RequestRules rules;
    private final UsedBidKeys usedBidKeys;
    private final Pseudonyms pseudonyms;

    AuctionCommandController(CommandDispatcher dispatcher, CommandProperties properties, Clock clock,
                             UsedBidKeys usedBidKeys, Pseudonyms pseudonyms) {
        this.usedBidKeys = usedBidKeys;
        this.pseudonyms = pseudonyms;
        this.dispatcher = dispatcher;
        this.properties = properties;
        this.rules = new RequestRules(properties, clock);
    }

    @Operation(summary = "Open an auction (the caller is the seller)", description = "201 + Location when the"
            + " engine opened it, 409 when it refused (code = reason), 202 + Location of the command when not known"
            + " within the wait (Prefer: wait=N, 0..10 s).")
    @ApiResponse(responseCode = "201", description = "Opened", content = @Content(schema = @Schema(
            implementation = AuctionOpened.class)))
    @ApiResponse(responseCode = "202", description = "Written, not decided yet", content = @Content(
            schema = @Schema(implementation = PendingCommand.class)))
    @ApiResponse(responseCode = "409", description = "Refused by the engine; code = reason", content = @Content(
            mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(implementation = ProblemDetail.class)))
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    CompletableFuture<ResponseEntity<Object>> open(AuthenticatedUser user,
                                @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String key,
                                @RequestHeader(name = PREFER, required = false) String prefer,
                                @RequestBody OpenAuctionRequest request) {
        List<FieldViolation> violations = new ArrayList<>();
        RequestRules.idempotencyKey(key, false, violations);
        violations.addAll(rules.openAuction(request));
        requireValid(violations);

        String auctionId = request.auctionId() != null ? request.auctionId()
                : key != null ? CommandIds.auctionId(user.userId(), key)
                : UUID.randomUUID().toString();
        ItemRequest item = request.item();
        OpenAuction command = new OpenAuction(
                CommandIds.commandId("OpenAuction", user.userId(), auctionId, key == null ? "" : key),
                auctionId, user.userId(),
                new Item(item.brand(), item.name(), item.faceValue(), item.voucherExpiresOn()),
                request.startPrice(), request.minIncrement(), request.reservePrice(), request.buyNowPrice(),
                request.endsAt(), request.softCloseSeconds());
        return send(command, prefer);
    }

    @Operation(summary = "Bid on an auction (the caller is the bidder)", description = "201 when accepted, 409"
            + " when refused (code = reason, with minNextBid), 404 when no such auction, 202 + Location when not"
            + " known within the wait. Retrying with the same Idempotency-Key returns the original outcome.")
    @ApiResponse(responseCode = "201", description = "Accepted", content = @Content(schema = @Schema(
            implementation = BidAccepted.class)))
    @ApiResponse(responseCode = "202", description = "Written, not decided yet", content = @Content(
            schema = @Schema(implementation = PendingCommand.class)))
    @ApiResponse(responseCode = "404", description = "AUCTION_NOT_FOUND", content = @Content(
            mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "409", description = "Refused: BID_TOO_LOW, SELF_BID, ALREADY_LEADING,"
            + " AUCTION_CLOSED, AMOUNT_TOO_HIGH (with reason and minNextBid)", content = @Content(
            mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "422", description = "IDEMPOTENCY_KEY_REUSED for another amount", content =
            @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(implementation = ProblemDetail.class)))
    @PostMapping(path = "/{auctionId}/bids", consumes = MediaType.APPLICATION_JSON_VALUE)
    CompletableFuture<ResponseEntity<Object>> bid(AuthenticatedUser user,
                               @PathVariable String auctionId,
                               @Parameter(required = true, description = "[A-Za-z0-9_-]{1,64}, same on every retry")
                               @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String key,
                               @RequestHeader(name = PREFER, required = false) String prefer,
                               @RequestBody PlaceBidRequest request) {
        List<FieldViolation> violations = new ArrayList<>();
        RequestRules.id("auctionId", auctionId, violations);
        RequestRules.idempotencyKey(key, true, violations);
        violations.addAll(rules.placeBid(request));
        requireValid(violations);

        PlaceBid bid = new PlaceBid(CommandIds.commandId("PlaceBid", user.userId(), auctionId, key), auctionId,
                user.userId(), request.amount(), request.maxAmount());
        usedBidKeys.claim(bid);
        return send(bid, prefer);
    }

    @Operation(summary = "Cancel an auction (seller only, while open and without bids)", description = "201 when"
            + " cancelled, 403 NOT_SELLER, 409 HAS_BIDS / AUCTION_CLOSED, 404, or 202 as for bids.")
    @ApiResponse(responseCode = "201", description = "Cancelled", content = @Content(schema = @Schema(
            implementation = AuctionCancelled.class)))
    @ApiResponse(responseCode = "202", description = "Written, not decided yet", content = @Content(
            schema = @Schema(implementation = PendingCommand.class)))
    @ApiResponse(responseCode = "403", description = "NOT_SELLER", content = @Content(
            mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "409", description = "HAS_BIDS, AUCTION_CLOSED", content = @Content(
            mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(implementation = ProblemDetail.class)))
    @PostMapping(path = "/{auctionId}/cancel")
    CompletableFuture<ResponseEntity<Object>> cancel(AuthenticatedUser user,
                                  @PathVariable String auctionId,
                                  @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String key,
                                  @RequestHeader(name = PREFER, required = false) String prefer,
                                  @RequestBody(required = false) CancelAuctionRequest request) {
        List<FieldViolation> violations = new ArrayList<>();
        RequestRules.id("auctionId", auctionId, violations);
        RequestRules.idempotencyKey(key, false, violations);
        requireValid(violations);

        return send(new CancelAuction(CommandIds.commandId("CancelAuction", user.userId(), auctionId,
                key == null ? "" : key), auctionId, user.userId()), prefer);
    }

    @Operation(summary = "A command's outcome", description = "200 with the outcome event (accepted or refused),"
            + " 202 while the command is written but not decided (Prefer: wait=N long-polls up to N seconds), 404"
            + " when it is not a command of yours. An id that was never written is 404 once the engine has decided"
            + " every command appended to the auction's partition before the request; until then (the engine lags"
            + " or is away) it is 202 like a command on its way. Outcomes are kept until 24 h after the auction"
            + " closed; later an id is 404. Only the command's sender sees it.")
    @ApiResponse(responseCode = "200", description = "Decided: the outcome event (type BidAccepted, BidRejected,"
            + " AuctionOpened, AuctionCancelled or CommandRejected)", content = @Content(schema = @Schema(
            implementation = CommandOutcome.class)))
    @ApiResponse(responseCode = "202", description = "Written and not decided yet, or not known yet whether it was"
            + " written", content = @Content(schema = @Schema(implementation = PendingCommand.class)))
    @ApiResponse(responseCode = "404", description = "COMMAND_NOT_FOUND: never written, or not a command of yours",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(implementation = ProblemDetail.class)))
    @GetMapping({"/{auctionId}/bids/{commandId}", "/{auctionId}/commands/{commandId}"})
    CompletableFuture<ResponseEntity<Object>> outcome(AuthenticatedUser user,
                                   @PathVariable String auctionId,
                                   @PathVariable String commandId,
                                   @RequestHeader(name = PREFER, required = false) String prefer) {
        List<FieldViolation> violations = new ArrayList<>();
        RequestRules.id("auctionId", auctionId, violations);
        RequestRules.commandId(commandId, violations);
        requireValid(violations);

        WaitPreference wait = WaitPreference.of(prefer, Duration.ZERO, properties.maxWait());
        HttpHeaders headers = new HttpHeaders();
        wait.applyTo(headers);
        return dispatcher.outcome(auctionId, commandId, wait.duration())
                .thenApply(status -> outcomeAnswer(user, auctionId, commandId, status, headers));
    }

    private ResponseEntity<Object> outcomeAnswer(AuthenticatedUser user, String auctionId, String commandId,
                                                 CommandStatus status, HttpHeaders headers) {
        if (status instanceof CommandStatus.Decided decided) {
            if (!user.userId().equals(CommandAnswers.actorOf(decided.outcome()))) {
                // Someone else's command: indistinguishable from an unknown one.
                throw commandNotFound(auctionId, commandId);
            }
            return ResponseEntity.ok().headers(headers).body(CommandAnswers.forSender(decided.outcome(), pseudonyms));
        }
        if (status instanceof CommandStatus.NotWritten) {
            throw commandNotFound(auctionId, commandId);
        }
        headers.set(HttpHeaders.RETRY_AFTER, "1");
        return ResponseEntity.accepted().headers(headers).body(new PendingCommand(commandId, auctionId));
    }

    private static ProblemException commandNotFound(String auctionId, String commandId) {
        return new ProblemException(HttpStatus.NOT_FOUND, ProblemCodes.COMMAND_NOT_FOUND,
                "No command " + commandId + " of yours on auction " + auctionId + ".");
    }

    /** Answers asynchronously: no request thread waits for the broker's ack or the engine's decision. */
    private CompletableFuture<ResponseEntity<Object>> send(AuctionCommand command, String prefer) {
        WaitPreference wait = WaitPreference.of(prefer, properties.defaultWait(), properties.maxWait());
        return dispatcher.dispatch(command, wait.duration())
                .thenApply(status -> CommandAnswers.answer(command, status, wait, pseudonyms));
    }

    private static void requireValid(List<FieldViolation> violations) {
        if (!violations.isEmpty()) {
            throw ProblemException.validation(violations);
        }
    }
}
