package io.gream.ingress.pseudonym;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Turns a user id into the alias the public reads show for it in one auction: {@code user-} and the first 8 hex
 * digits of HMAC-SHA256(key, auctionId NUL userId). The same user has the same alias throughout an auction, and
 * unrelated ones in different auctions; without the key an alias cannot be traced back or linked.
 *
 * <p>It does not make aliases unique: two users of one auction share one with a chance of about n^2 / 2^33 for n
 * users (1 in 860,000 for 100 bidders). Nor does it keep anything secret from whoever holds the key, or from the
 * Kafka topics, which keep the real ids.
 */
@Component
public final class Pseudonyms {

    static final String PREFIX = "user-";
    static final int HEX_DIGITS = 8;
    static final int MIN_KEY_BYTES = 32;
    private static final String ALGORITHM = "HmacSHA256";
    private static final Logger log = LoggerFactory.getLogger(Pseudonyms.class);

    private final Mac prototype;
    private final ThreadLocal<Mac> macs;

    Pseudonyms(PseudonymProperties properties) {
        byte[] key = keyOf(properties.key());
        if (key.length < MIN_KEY_BYTES) {
            throw new IllegalArgumentException("gream.ingress.pseudonyms.key must be Base64 of at least "
                    + MIN_KEY_BYTES + " bytes");
        }
        try {
            prototype = Mac.getInstance(ALGORITHM);
            prototype.init(new SecretKeySpec(key, ALGORITHM));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
        macs = ThreadLocal.withInitial(this::copyOfPrototype);
    }

    /** The alias of {@code userId} in {@code auctionId}; {@code null} for {@code null} (nobody). */
    public String alias(String auctionId, String userId) {
        if (userId == null) {
            return null;
        }
        Mac mac = macs.get();
        mac.update(auctionId.getBytes(StandardCharsets.UTF_8));
        mac.update((byte) 0); // neither id may hold a control character, so the pair is read back one way only
        byte[] digest = mac.doFinal(userId.getBytes(StandardCharsets.UTF_8));
        return PREFIX + HexFormat.of().formatHex(digest, 0, HEX_DIGITS / 2);
    }

    private Mac copyOfPrototype() {
        try {
            return (Mac) prototype.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("this JDK's HmacSHA256 cannot be copied", e);
        }
    }

    private static byte[] keyOf(String configured) {
        if (configured == null || configured.isBlank()) {
            log.warn("gream.ingress.pseudonyms.key is not set: this replica made up a random key, so the aliases"
                    + " of users in public reads change at every restart and differ from other replicas'. Give every"
                    + " replica the same key (GREAM_PSEUDONYMS_KEY, Base64 of 32 random bytes) in production.");
            byte[] key = new byte[MIN_KEY_BYTES];
            new SecureRandom().nextBytes(key);
            return key;
        }
        try {
            return Base64.getDecoder().decode(configured.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("gream.ingress.pseudonyms.key must be Base64", e);
        }
    }
}
