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
 * @param journalId         a sale's journal is the auction id; a refund's is the refund id
 * @param reversesJournalId the journal this one reverses in part or whole (a refund's: its sale's), or null
 */
public record Journal(String journalId, String currency, List<Posting> postings, String reversesJournalId) {

    /** The account the platform's fees are credited to. */
    public static final String PLATFORM_FEES = "platform:fees";

    /** The account of money the gateway took that no sale accounts for (see {@link EntryType#GATEWAY_CLEARING}). */
    public static final String GATEWAY_CLEARING = "gateway:clearing";

    public Journal(String journalId, String currency, List<Posting> postings) {
        this(journalId, currency, postings, null);
    }

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

    /**
     * Gives {@code amount} of a sale's price back to the buyer. The seller and the platform bear it in the sale's
     * proportion: {@code feePart} comes off the fee, the rest off the seller's proceeds (see {@link RefundSplit}).
     */
    public static Journal buyerRefund(String refundId, String saleJournalId, String buyerId, String sellerId,
                                      RefundSplit split, String currency) {
        List<Posting> postings = new ArrayList<>(3);
        postings.add(new Posting(EntryType.BUYER_PAYMENT, "buyer:" + buyerId, -split.amount()));
        if (split.sellerPart() != 0) {
            postings.add(new Posting(EntryType.SELLER_PROCEEDS, "seller:" + sellerId, split.sellerPart()));
        }
        if (split.feePart() != 0) {
            postings.add(new Posting(EntryType.PLATFORM_FEE, PLATFORM_FEES, split.feePart()));
        }
        return new Journal(refundId, currency, postings, saleJournalId);
    }

    /** The platform gives {@code amount} of its fee on a sale to the seller; no money leaves the platform. */
    public static Journal feeRefund(String refundId, String saleJournalId, String sellerId, long amount,
                                    String currency) {
        return new Journal(refundId, currency, List.of(
                new Posting(EntryType.PLATFORM_FEE, PLATFORM_FEES, amount),
                new Posting(EntryType.SELLER_PROCEEDS, "seller:" + sellerId, -amount)), saleJournalId);
    }

    /** A charge found after its settlement failed: the buyer paid, and the platform owes it all back. */
    public static Journal lateCharge(String journalId, String buyerId, long amount, String currency) {
        return new Journal(journalId, currency, List.of(
                new Posting(EntryType.BUYER_PAYMENT, "buyer:" + buyerId, amount),
                new Posting(EntryType.GATEWAY_CLEARING, GATEWAY_CLEARING, -amount)));
    }

    /** The refund of a late charge: reverses {@link #lateCharge} whole. */
    public static Journal lateChargeRefund(String refundId, String lateChargeJournalId, String buyerId, long amount,
                                           String currency) {
        return new Journal(refundId, currency, List.of(
                new Posting(EntryType.BUYER_PAYMENT, "buyer:" + buyerId, -amount),
                new Posting(EntryType.GATEWAY_CLEARING, GATEWAY_CLEARING, amount)), lateChargeJournalId);
    }
}
