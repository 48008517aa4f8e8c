package io.gream.settlement.payment;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * The idempotency key (and gateway order id) of an auction's charge, a function of the auction id alone: every
 * worker, every redelivery and every restart derives the same key, so the gateway can recognise a repeated charge.
 *
 * <p>Hashed rather than the raw id, because gateways restrict order ids (Toss: 6 to 64 characters of
 * {@code [A-Za-z0-9_-]}) while auction ids are free text.
 */
public final class IdempotencyKeys {

    private IdempotencyKeys() {
    }

    /** {@code gream-} and 43 URL-safe base64 characters of SHA-256 over {@code settlement:<auctionId>}. */
    public static String forAuction(String auctionId) {
        return key("settlement:" + auctionId);
    }

    /**
     * The key of the runner-up's charge for an auction's second-chance offer: the same form over
     * {@code second-chance:<auctionId>}, so it never equals the winner's.
     */
    public static String forSecondChance(String auctionId) {
        return key("second-chance:" + auctionId);
    }

    /** The key of a refund: the same form over {@code refund:<refundId>}, so it never equals a charge's. */
    public static String forRefund(String refundId) {
        return key("refund:" + refundId);
    }

    private static String key(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return "gream-" + Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
