package io.gream.ingress.auction;

import io.gream.contracts.PlaceBid;
import io.gream.ingress.problem.ProblemCodes;
import io.gream.support.problem.ProblemException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The amounts bids were sent with, by command id (user, auction and {@code Idempotency-Key}), so a key reused for
 * another amount is refused with {@code 422} before anything is written to Kafka; the engine would only have
 * answered with the earlier bid's outcome.
 *
 * <p>Limit: the memory of one replica, bounded to the most recent {@value #CAPACITY} keys. A reuse that reaches
 * another replica, or comes after the key was forgotten, is still written, and the engine still keeps the first
 * bid (the client still gets {@code 422}, from its outcome).
 */
@Component
class UsedBidKeys {

    static final int CAPACITY = 100_000;

    private final Map<String, Long> amounts = Collections.synchronizedMap(
            new LinkedHashMap<>(1024, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
                    return size() > CAPACITY;
                }
            });

    /** @throws ProblemException {@code 422 IDEMPOTENCY_KEY_REUSED} when the key was used for another amount */
    void claim(PlaceBid bid) {
        Long earlier = amounts.putIfAbsent(bid.commandId(), bid.amount());
        if (earlier != null && earlier != bid.amount()) {
            throw new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, ProblemCodes.IDEMPOTENCY_KEY_REUSED,
                    "This Idempotency-Key was already used for a bid of " + earlier + "; use a new key for a new"
                            + " bid.")
                    .withProperty("commandId", bid.commandId());
        }
    }
}
