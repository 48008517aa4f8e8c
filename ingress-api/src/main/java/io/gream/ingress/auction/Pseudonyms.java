package io.gream.ingress.auction;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

/**
 * How public reads name the people of an auction: a per-auction alias ({@code user-3f9a0c21d4}), the same on every
 * read of that auction, unrelated between auctions, so a reader can follow the bidding without learning who bids
 * or linking one person's bids across auctions. Each user still sees their own id.
 *
 * <p>The alias is an HMAC of the auction and user ids with {@code gream.ingress.pseudonym-key}, so it cannot be
 * computed (or reversed by trying user ids) without the key. Limit: without a configured key each replica draws
 * its own at start, and aliases then differ between replicas and restarts.
 */
@Component
class Pseudonyms {

    private static final Logger log = LoggerFactory.getLogger(Pseudonyms.class);
    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;

    Pseudonyms(@Value("${gream.ingress.pseudonym-key:}") String configuredKey) {
        byte[] bytes;
        if (configuredKey.isBlank()) {
            bytes = new byte[32];
            new SecureRandom().nextBytes(bytes);
            log.info("gream.ingress.pseudonym-key is not set: bidder aliases are this replica's own and change on"
                    + " restart (set GREAM_INGRESS_PSEUDONYM_KEY, shared by all replicas, to keep them stable)");
        } else {
            bytes = Base64.getDecoder().decode(configuredKey.trim());
            if (bytes.length < 32) {
                throw new IllegalStateException("gream.ingress.pseudonym-key must be Base64 of at least 32 bytes");
            }
        }
        this.key = new SecretKeySpec(bytes, ALGORITHM);
    }

    /** What {@code caller} sees for {@code userId} on {@code auctionId}: the id itself for its owner, else an alias. */
    String shown(String auctionId, String userId, Optional<String> caller) {
        if (userId == null) {
            return null;
        }
        if (caller.isPresent() && caller.get().equals(userId)) {
            return userId;
        }
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            byte[] digest = mac.doFinal((auctionId + '\u0000' + userId).getBytes(StandardCharsets.UTF_8));
            return "user-" + HexFormat.of().formatHex(digest, 0, 5);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
