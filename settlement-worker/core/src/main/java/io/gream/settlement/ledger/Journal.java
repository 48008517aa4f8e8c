package io.gream.settlement.ledger;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A balanced set of ledger postings recording one settlement. It refuses to exist unbalanced: its postings sum to
 * exactly zero, there are at least two, all in one currency, at most one of each {@link EntryType}.
 *
 * <p>This is the domain object; the database rows are a projection of it and are never updated or deleted.
 *
 * @param journalId one journal per auction: the auction id
 */
public record Journal(String journalId, String currency, List<Posting> postings) {

    /** The account the platform's fees are credited to. */
    public static final String PLATFORM_FEES = "platform:fees";

    public Journal {
        if (journalId == null || journalId.isBlank()) {
            throw new IllegalArgumentException("a journal needs an id");
        }
        if (currency == null || !currency.matches("[A-Z]{3}")) {
            throw new IllegalArgumentException("currency must be an ISO 4217 code, was " + currency);
        }
        postings = List.copyOf(postings);
        if (postings.size() < 2) {
            throw new IllegalArgumentException("a journal needs at least two postings, had " + postings.size());
        }
        Set<EntryType> seen = EnumSet.noneOf(EntryType.class);
        long sum = 0;
        for (Posting posting : postings) {
            if (!seen.add(posting.type())) {
                throw new IllegalArgumentException("journal " + journalId + " has two " + posting.type() + " lines");
            }
            sum = Math.addExact(sum, posting.amount());
        }
        if (sum != 0) {
            throw new IllegalArgumentException("journal " + journalId + " is unbalanced by " + sum);
        }
    }

    /**
     * The journal of a sale: the buyer's payment (debit {@code price}), the seller's proceeds (credit) and the
     * platform's fee (credit, omitted when zero).
     */
    public static Journal ofSale(String auctionId, String buyerId, String sellerId, SaleSplit split,
                                 String currency) {
        Objects.requireNonNull(split, "split");
        List<Posting> postings = new ArrayList<>(3);
        postings.add(new Posting(EntryType.BUYER_PAYMENT, "buyer:" + buyerId, split.price()));
        if (split.sellerProceeds() != 0) {
            postings.add(new Posting(EntryType.SELLER_PROCEEDS, "seller:" + sellerId, -split.sellerProceeds()));
        }
        if (split.fee() != 0) {
            postings.add(new Posting(EntryType.PLATFORM_FEE, PLATFORM_FEES, -split.fee()));
        }
        return new Journal(auctionId, currency, postings);
    }
}
