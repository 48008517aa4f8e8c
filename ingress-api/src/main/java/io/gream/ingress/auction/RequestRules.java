package io.gream.ingress.auction;

import io.gream.ingress.command.CommandProperties;
import io.gream.support.problem.FieldViolation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Everything a request must satisfy before it may become a command. Reports every violation at once, so a client
 * fixes a form in one round trip.
 *
 * <p>The bid-engine checks the same terms (it is the authority and may run with other limits); checking here keeps
 * invalid commands out of the log entirely and gives field-level messages the engine's one-reason rejection cannot.
 * Rules that depend on the auction's state (bid too low, self bid, ...) are only the engine's.
 */
final class RequestRules {

    static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    static final int MAX_BRAND = 100;
    static final int MAX_NAME = 200;
    /** Voucher expiry dates are calendar dates where vouchers are redeemed (as in the engine's rules). */
    static final ZoneId VOUCHER_ZONE = ZoneId.of("Asia/Seoul");

    private final long maxAmount;
    private final Duration maxAuctionDuration;
    private final Clock clock;

    RequestRules(CommandProperties properties, Clock clock) {
        this.maxAmount = properties.maxAmount();
        this.maxAuctionDuration = properties.maxAuctionDuration();
        this.clock = clock;
    }

    List<FieldViolation> openAuction(OpenAuctionRequest request) {
        List<FieldViolation> violations = new ArrayList<>();
        if (request.auctionId() != null) {
            id("auctionId", request.auctionId(), violations);
        }
        Long start = request.startPrice();
        amount("startPrice", start, violations);
        amount("minIncrement", request.minIncrement(), violations);
        Long reserve = request.reservePrice();
        if (reserve != null) {
            if (start != null && reserve < start) {
                violations.add(new FieldViolation("reservePrice", "must be at least startPrice"));
            } else {
                amount("reservePrice", reserve, violations);
            }
        }
        Long buyNow = request.buyNowPrice();
        if (buyNow != null) {
            if (start != null && buyNow <= start) {
                violations.add(new FieldViolation("buyNowPrice", "must be above startPrice"));
            } else if (reserve != null && buyNow < reserve) {
                violations.add(new FieldViolation("buyNowPrice", "must be at least reservePrice"));
            } else {
                amount("buyNowPrice", buyNow, violations);
            }
        }
        Instant now = clock.instant();
        Instant endsAt = request.endsAt();
        if (endsAt == null) {
            violations.add(new FieldViolation("endsAt", "required"));
        } else if (!endsAt.isAfter(now)) {
            violations.add(new FieldViolation("endsAt", "must be in the future"));
        } else if (endsAt.isAfter(now.plus(maxAuctionDuration))) {
            violations.add(new FieldViolation("endsAt", "must be at most " + days(maxAuctionDuration) + " ahead"));
        }
        Long softClose = request.softCloseSeconds();
        if (softClose == null) {
            violations.add(new FieldViolation("softCloseSeconds", "required"));
        } else if (softClose < 0 || softClose > maxAuctionDuration.toSeconds()) {
            violations.add(new FieldViolation("softCloseSeconds", "must be in 0.." + maxAuctionDuration.toSeconds()));
        }
        item(request.item(), endsAt, violations);
        return violations;
    }

    List<FieldViolation> placeBid(PlaceBidRequest request) {
        List<FieldViolation> violations = new ArrayList<>();
        amount("amount", request.amount(), violations);
        if (request.maxAmount() != null) {
            amount("maxAmount", request.maxAmount(), violations);
            if (request.amount() != null && request.maxAmount() < request.amount()) {
                violations.add(new FieldViolation("maxAmount", "must be at least amount"));
            }
        }
        return violations;
    }

    /** A path or body id: letters, digits, {@code _} and {@code -}, at most 64. */
    static void id(String field, String value, List<FieldViolation> violations) {
        if (value == null || !ID.matcher(value).matches()) {
            violations.add(new FieldViolation(field, "must match [A-Za-z0-9_-]{1,64}"));
        }
    }

    /** The {@code Idempotency-Key} header, same alphabet as ids. */
    static void idempotencyKey(String value, boolean required, List<FieldViolation> violations) {
        if (value == null) {
            if (required) {
                violations.add(new FieldViolation("Idempotency-Key", "header required: a client-chosen key"
                        + " ([A-Za-z0-9_-]{1,64}), the same on every retry of this request"));
            }
        } else if (!ID.matcher(value).matches()) {
            violations.add(new FieldViolation("Idempotency-Key", "must match [A-Za-z0-9_-]{1,64}"));
        }
    }

    /** A command id in a path: one of ours is always a UUID. */
    static void commandId(String value, List<FieldViolation> violations) {
        try {
            if (value.length() != 36 || !UUID.fromString(value).toString().equals(value.toLowerCase())) {
                throw new IllegalArgumentException();
            }
        } catch (IllegalArgumentException e) {
            violations.add(new FieldViolation("commandId", "must be a UUID"));
        }
    }

    private void item(ItemRequest item, Instant endsAt, List<FieldViolation> violations) {
        if (item == null) {
            violations.add(new FieldViolation("item", "required"));
            return;
        }
        text("item.brand", item.brand(), MAX_BRAND, violations);
        text("item.name", item.name(), MAX_NAME, violations);
        amount("item.faceValue", item.faceValue(), violations);
        if (item.voucherExpiresOn() == null) {
            violations.add(new FieldViolation("item.voucherExpiresOn", "required"));
        } else if (endsAt != null && item.voucherExpiresOn().isBefore(endsAt.atZone(VOUCHER_ZONE).toLocalDate())) {
            violations.add(new FieldViolation("item.voucherExpiresOn",
                    "must not be before the day the auction ends (" + VOUCHER_ZONE + ")"));
        }
    }

    private void amount(String field, Long value, List<FieldViolation> violations) {
        if (value == null) {
            violations.add(new FieldViolation(field, "required"));
        } else if (value <= 0 || value > maxAmount) {
            violations.add(new FieldViolation(field, "must be in 1.." + maxAmount));
        }
    }

    private static void text(String field, String value, int maxLength, List<FieldViolation> violations) {
        if (value == null || value.isBlank()) {
            violations.add(new FieldViolation(field, "required"));
        } else if (value.length() > maxLength) {
            violations.add(new FieldViolation(field, "at most " + maxLength + " characters"));
        } else if (value.chars().anyMatch(Character::isISOControl)) {
            violations.add(new FieldViolation(field, "must not contain control characters"));
        }
    }

    private static String days(Duration duration) {
        return duration.toDays() * 86_400 == duration.toSeconds() ? duration.toDays() + " days" : duration.toString();
    }
}
