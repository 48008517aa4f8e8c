package io.gream.ingress.command;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;

/**
 * Deterministic ids, so that a retried request is the same command.
 *
 * <p>A command id is a name-based UUID (RFC 9562 version 8, from SHA-256) of the command's kind, the acting user,
 * the auction and the client's {@code Idempotency-Key}. The same user retrying the same request, on any replica,
 * after a timeout or a crash, produces the same id, and the engine answers a repeated id with the original outcome
 * without deciding it again. Different users, auctions, keys or kinds never share an id. The fields are
 * length-prefixed before hashing, so no two different inputs hash the same bytes (e.g. user {@code "a:b"} with
 * auction {@code "c"} versus user {@code "a"} with auction {@code "b:c"}).
 */
public final class CommandIds {

    private static final String COMMAND_NAMESPACE = "gream/command/v1";
    private static final String AUCTION_NAMESPACE = "gream/auction-id/v1";

    private CommandIds() {
    }

    /**
     * @param kind           the command's {@code type}, e.g. {@code PlaceBid}
     * @param idempotencyKey the client's key, or the empty string when the endpoint allows none and none was sent
     */
    public static String commandId(String kind, String userId, String auctionId, String idempotencyKey) {
        return nameBased(COMMAND_NAMESPACE, kind, userId, auctionId, idempotencyKey).toString();
    }

    /** The id of an auction a user opens without choosing one, derived from their key so a retry opens no second. */
    public static String auctionId(String userId, String idempotencyKey) {
        return nameBased(AUCTION_NAMESPACE, userId, idempotencyKey).toString();
    }

    private static UUID nameBased(String... parts) {
        MessageDigest sha256;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
        for (String part : parts) {
            byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
            sha256.update(ByteBuffer.allocate(Integer.BYTES).putInt(bytes.length).array());
            sha256.update(bytes);
        }
        byte[] hash = sha256.digest();
        hash[6] = (byte) ((hash[6] & 0x0f) | 0x80); // version 8: custom (here: SHA-256 name-based)
        hash[8] = (byte) ((hash[8] & 0x3f) | 0x80); // IETF variant
        ByteBuffer buffer = ByteBuffer.wrap(hash, 0, 16);
        return new UUID(buffer.getLong(), buffer.getLong());
    }
}
