package io.gream.notifier.webhook;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checks the {@code Gream-Signature} header of a webhook delivery. Self-contained (JDK only) so a receiver can copy
 * this one file; the notifier uses {@link #sign} to produce the header.
 *
 * <p>The header is {@code t=<unix seconds>,v1=<hex HMAC-SHA256(secret, t + "." + body)>}, where {@code secret} is
 * the signing secret shown once at registration (its UTF-8 bytes are the key) and {@code body} the raw request
 * bytes. A delivery is accepted when a {@code v1} matches (compared in constant time), {@code t} is within the
 * tolerance of the receiver's clock (default 5 minutes), and the same signature was not accepted before within
 * that window, so a captured request cannot be replayed. Retries are signed afresh and carry the same
 * {@code Gream-Event-Id}: de-duplicate on that. While a secret is being rotated the header carries one {@code v1}
 * per secret ({@code t=...,v1=<new>,v1=<previous>}), so a receiver verifying with either secret accepts it.
 */
public final class WebhookSignatureVerifier {

    /** The request header carrying the signature. */
    public static final String HEADER = "Gream-Signature";
    public static final Duration DEFAULT_TOLERANCE = Duration.ofMinutes(5);

    /** The verdict on one delivery; only {@link #VALID} may be processed. */
    public enum Result { VALID, MALFORMED, BAD_SIGNATURE, STALE, REPLAYED }

    private final byte[] key;
    private final Duration tolerance;
    private final Clock clock;
    private final Map<String, Long> seen = new ConcurrentHashMap<>();

    public WebhookSignatureVerifier(String secret, Duration tolerance, Clock clock) {
        this.key = secret.getBytes(StandardCharsets.UTF_8);
        this.tolerance = tolerance;
        this.clock = clock;
    }

    public WebhookSignatureVerifier(String secret) {
        this(secret, DEFAULT_TOLERANCE, Clock.systemUTC());
    }

    public Result verify(String header, byte[] body) {
        if (header == null) {
            return Result.MALFORMED;
        }
        Long timestamp = null;
        java.util.List<String> signatures = new java.util.ArrayList<>();
        for (String part : header.split(",")) {
            String[] kv = part.trim().split("=", 2);
            if (kv.length != 2) {
                return Result.MALFORMED;
            }
            if (kv[0].equals("t")) {
                try {
                    timestamp = Long.parseLong(kv[1]);
                } catch (NumberFormatException e) {
                    return Result.MALFORMED;
                }
            } else if (kv[0].equals("v1")) {
                signatures.add(kv[1]);
            }
        }
        if (timestamp == null || signatures.isEmpty()) {
            return Result.MALFORMED;
        }
        byte[] expected = hmac(key, timestamp, body).getBytes(StandardCharsets.US_ASCII);
        String matched = null;
        for (String signature : signatures) {
            if (MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.US_ASCII))) {
                matched = signature;
            }
        }
        if (matched == null) {
            return Result.BAD_SIGNATURE;
        }
        long now = clock.instant().getEpochSecond();
        if (Math.abs(now - timestamp) > tolerance.toSeconds()) {
            return Result.STALE;
        }
        seen.values().removeIf(t -> Math.abs(now - t) > tolerance.toSeconds());
        if (seen.putIfAbsent(matched, timestamp) != null) {
            return Result.REPLAYED;
        }
        return Result.VALID;
    }

    /** The {@code Gream-Signature} value for {@code body} sent at {@code unixSeconds}. */
    public static String sign(String secret, long unixSeconds, byte[] body) {
        return sign(unixSeconds, body, java.util.List.of(secret));
    }

    /** The {@code Gream-Signature} value with one {@code v1} per secret, in the order given. */
    public static String sign(long unixSeconds, byte[] body, java.util.List<String> secrets) {
        StringBuilder header = new StringBuilder("t=").append(unixSeconds);
        for (String secret : secrets) {
            header.append(",v1=").append(hmac(secret.getBytes(StandardCharsets.UTF_8), unixSeconds, body));
        }
        return header.toString();
    }

    private static String hmac(byte[] key, long unixSeconds, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update((unixSeconds + ".").getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
