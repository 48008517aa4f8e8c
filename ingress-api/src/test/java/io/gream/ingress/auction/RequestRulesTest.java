package io.gream.ingress.auction;

import io.gream.ingress.command.CommandProperties;
import io.gream.support.problem.FieldViolation;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The request checks, at a fixed "now" of 2030-01-01T00:00:00Z. */
class RequestRulesTest {

    private static final Instant NOW = Instant.parse("2030-01-01T00:00:00Z");
    private static final RequestRules RULES = new RequestRules(
            new CommandProperties(Duration.ofSeconds(6), Duration.ofSeconds(2), Duration.ofSeconds(10),
                    1_000_000_000L, Duration.ofDays(30), 2_000),
            Clock.fixed(NOW, ZoneOffset.UTC));
    private static final ItemRequest ITEM = new ItemRequest("Starbucks", "Americano Tall", 4_500L,
            LocalDate.parse("2030-03-01"));

    @Test
    void validTermsPass() {
        assertThat(RULES.openAuction(terms(3_000L, 3_500L, 4_200L, NOW.plus(Duration.ofDays(30)), 0L))).isEmpty();
    }

    @Test
    void endMustBeInTheFutureAndAtMostThirtyDaysAhead() {
        assertThat(fields(RULES.openAuction(terms(3_000L, null, null, NOW, 0L)))).containsExactly("endsAt");
        assertThat(fields(RULES.openAuction(terms(3_000L, null, null,
                NOW.plus(Duration.ofDays(30)).plusSeconds(1), 0L)))).containsExactly("endsAt");
        assertThat(RULES.openAuction(terms(3_000L, null, null, NOW.plusSeconds(1), 0L))).isEmpty();
    }

    @Test
    void reserveMustReachStartAndBuyNowMustExceedStartAndReachReserve() {
        assertThat(fields(RULES.openAuction(terms(3_000L, 2_999L, null, NOW.plusSeconds(60), 0L))))
                .containsExactly("reservePrice");
        assertThat(RULES.openAuction(terms(3_000L, 3_000L, null, NOW.plusSeconds(60), 0L))).isEmpty();
        assertThat(fields(RULES.openAuction(terms(3_000L, null, 3_000L, NOW.plusSeconds(60), 0L))))
                .containsExactly("buyNowPrice");
        assertThat(fields(RULES.openAuction(terms(3_000L, 3_500L, 3_400L, NOW.plusSeconds(60), 0L))))
                .containsExactly("buyNowPrice");
        assertThat(RULES.openAuction(terms(3_000L, 3_500L, 3_500L, NOW.plusSeconds(60), 0L))).isEmpty();
    }

    @Test
    void softCloseMustNotBeNegative() {
        assertThat(fields(RULES.openAuction(terms(3_000L, null, null, NOW.plusSeconds(60), -1L))))
                .containsExactly("softCloseSeconds");
    }

    @Test
    void voucherMustNotExpireBeforeTheKoreanDayTheAuctionEnds() {
        // 2030-01-05T15:00Z is already 2030-01-06 in Seoul
        OpenAuctionRequest request = new OpenAuctionRequest(null, new ItemRequest("CU", "Banana Milk", 1_700L,
                LocalDate.parse("2030-01-05")), 1_000L, 100L, null, null, Instant.parse("2030-01-05T15:00:00Z"), 0L);

        assertThat(fields(RULES.openAuction(request))).containsExactly("item.voucherExpiresOn");
    }

    @Test
    void missingFieldsAreEachReported() {
        OpenAuctionRequest request = new OpenAuctionRequest(null, null, null, null, null, null, null, null);

        assertThat(fields(RULES.openAuction(request))).containsExactlyInAnyOrder("item", "startPrice",
                "minIncrement", "endsAt", "softCloseSeconds");
    }

    @Test
    void bidAmountMustBePositiveAndAtMostTheCeiling() {
        assertThat(RULES.placeBid(new PlaceBidRequest(1L, null))).isEmpty();
        assertThat(RULES.placeBid(new PlaceBidRequest(1_000_000_000L, null))).isEmpty();
        assertThat(fields(RULES.placeBid(new PlaceBidRequest(0L, null)))).containsExactly("amount");
        assertThat(fields(RULES.placeBid(new PlaceBidRequest(1_000_000_001L, null)))).containsExactly("amount");
        assertThat(fields(RULES.placeBid(new PlaceBidRequest(null, null)))).containsExactly("amount");
    }

    @Test
    void aMaximumMustReachTheAmountAndStayUnderTheSameCeiling() {
        assertThat(RULES.placeBid(new PlaceBidRequest(1_000L, 1_000L))).isEmpty();
        assertThat(RULES.placeBid(new PlaceBidRequest(1_000L, 1_000_000_000L))).isEmpty();
        assertThat(fields(RULES.placeBid(new PlaceBidRequest(1_000L, 999L)))).containsExactly("maxAmount");
        assertThat(fields(RULES.placeBid(new PlaceBidRequest(1_000L, 1_000_000_001L)))).containsExactly("maxAmount");
        assertThat(fields(RULES.placeBid(new PlaceBidRequest(1_000L, 0L)))).containsExactly("maxAmount",
                "maxAmount");
        assertThat(fields(RULES.placeBid(new PlaceBidRequest(null, 5_000L)))).containsExactly("amount");
    }

    @Test
    void idsUseALimitedAlphabet() {
        List<FieldViolation> violations = new ArrayList<>();
        RequestRules.id("auctionId", "ok_ID-1", violations);
        assertThat(violations).isEmpty();
        RequestRules.id("auctionId", "a/b", violations);
        RequestRules.id("auctionId", "x".repeat(65), violations);
        RequestRules.idempotencyKey(null, true, violations);
        RequestRules.commandId("not-a-uuid", violations);
        assertThat(fields(violations)).containsExactly("auctionId", "auctionId", "Idempotency-Key", "commandId");
    }

    private static OpenAuctionRequest terms(Long start, Long reserve, Long buyNow, Instant endsAt, Long softClose) {
        return new OpenAuctionRequest("a-1", ITEM, start, 100L, reserve, buyNow, endsAt, softClose);
    }

    private static List<String> fields(List<FieldViolation> violations) {
        return violations.stream().map(FieldViolation::field).toList();
    }
}
