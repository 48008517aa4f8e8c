package io.gream.ingress.engine;

import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A place in the list of open auctions (ending soonest first, then by id): the last auction of a page, from which
 * the next page starts. Clients see it as an opaque {@code cursor}, so the ordering can change without breaking them.
 *
 * <p>An auction extended by soft close moves later in the list and may show up again on a later page; one that
 * stays open is never skipped.
 */
public record ListPosition(Instant endsAt, String auctionId) {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_.:-]{1,128}");

    /** The opaque cursor naming this position. */
    public String cursor() {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((endsAt + " " + auctionId).getBytes(StandardCharsets.UTF_8));
    }

    /** The position a cursor names, or empty when it is not one of ours. */
    public static Optional<ListPosition> ofCursor(String cursor) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            int space = text.indexOf(' ');
            if (space < 0 || !ID.matcher(text.substring(space + 1)).matches()) {
                return Optional.empty();
            }
            return Optional.of(new ListPosition(Instant.parse(text.substring(0, space)), text.substring(space + 1)));
        } catch (IllegalArgumentException | DateTimeException e) {
            return Optional.empty();
        }
    }
}
