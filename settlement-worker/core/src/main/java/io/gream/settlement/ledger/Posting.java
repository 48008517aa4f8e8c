package io.gream.settlement.ledger;

import java.util.Objects;

/**
 * One line of a journal. Sign convention: a debit is positive, a credit negative, so a balanced journal sums to
 * zero. Zero-amount lines are not postings (a 0 % fee has no fee line).
 *
 * @param account who the line is about, e.g. {@code buyer:u-1}, {@code seller:u-2}, {@code platform:fees}
 */
public record Posting(EntryType type, String account, long amount) {

    public Posting {
        Objects.requireNonNull(type, "type");
        if (account == null || account.isBlank()) {
            throw new IllegalArgumentException("a posting needs an account");
        }
        if (amount == 0) {
            throw new IllegalArgumentException("a posting of 0 records nothing");
        }
    }
}
