package io.gream.docs.topics;

import io.gream.contracts.AuctionClosed;
import io.gream.contracts.BidAccepted;

import java.util.Map;
import java.util.Set;

/**
 * Which properties of a contract record may be absent on the wire; every other property is {@code required} in
 * its schema.
 *
 * <p>The contracts mark an optional number by its boxed type ({@code Long reservePrice}); the serde leaves an absent
 * value out rather than writing {@code null}. Optional text has no such marker in the records, only a sentence in
 * their Javadoc ("absent when ..."), so those few properties are named here. A test checks that each one still
 * exists, so a rename in contracts fails the build instead of silently making a property required.
 */
final class OptionalProperties {

    /** Text properties the contracts document as absent in some events. */
    static final Map<Class<?>, Set<String>> OPTIONAL_TEXT = Map.of(
            // absent on the first bid: nobody was outbid
            BidAccepted.class, Set.of("previousLeaderId"),
            // commandId: absent when the auction ended at its deadline; winnerId: absent without a winner
            AuctionClosed.class, Set.of("commandId", "winnerId"));

    private OptionalProperties() {
    }

    static boolean isOptional(Class<?> record, String property, Class<?> type) {
        boolean boxedScalar = !type.isPrimitive() && (Number.class.isAssignableFrom(type) || type == Boolean.class);
        return boxedScalar || OPTIONAL_TEXT.getOrDefault(record, Set.of()).contains(property);
    }
}
