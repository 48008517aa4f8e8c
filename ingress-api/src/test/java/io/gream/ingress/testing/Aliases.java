package io.gream.ingress.testing;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The aliases the ingress under test gives users, worked out from the documented form ({@code user-} and the first 8
 * hex digits of HMAC-SHA256(key, auctionId NUL userId)) and the key {@link SharedIngressContext} configures, so tests
 * can say which alias they expect without asking the code under test.
 */
public final class Aliases {

    /** Base64 of the 32 bytes {@code test-pseudonyms-key-32-bytes----}. */
    public static final String KEY = "dGVzdC1wc2V1ZG9ueW1zLWtleS0zMi1ieXRlcy0tLS0=";

    private Aliases() {
    }

    public static String alias(String auctionId, String userId) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(KEY), "HmacSHA256"));
            byte[] digest = mac.doFinal((auctionId + "\0" + userId).getBytes(StandardCharsets.UTF_8));
            return "user-" + HexFormat.of().formatHex(digest, 0, 4);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
