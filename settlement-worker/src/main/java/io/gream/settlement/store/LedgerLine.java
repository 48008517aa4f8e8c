package io.gream.settlement.store;

import io.gream.settlement.ledger.EntryType;
import io.gream.settlement.ledger.Journal;
import io.gream.settlement.ledger.Posting;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

import java.time.Instant;
import java.util.List;

/**
 * A row of the append-only ledger (table {@code ledger_line}): the stored projection of one {@link Posting} of a
 * {@link Journal}. Immutable: no setters, Hibernate never issues an UPDATE for it, and the database refuses
 * UPDATE and DELETE on the table (migration V2). Lines are only ever created from a whole, balanced journal.
 */
@Entity
@Immutable
@Table(name = "ledger_line")
public class LedgerLine {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "journal_id")
    private String journalId;
    @Enumerated(EnumType.STRING)
    @Column(name = "entry_type")
    private EntryType entryType;
    private String account;
    private long amount;
    private String currency;
    @Column(name = "recorded_at")
    private Instant recordedAt;
    @Column(name = "reverses_journal_id")
    private String reversesJournalId;

    protected LedgerLine() {
        // for JPA
    }

    private LedgerLine(Journal journal, Posting posting, Instant recordedAt) {
        String journalId = journal.journalId();
        String currency = journal.currency();
        this.journalId = journalId;
        this.entryType = posting.type();
        this.account = posting.account();
        this.amount = posting.amount();
        this.currency = currency;
        this.recordedAt = recordedAt;
        this.reversesJournalId = journal.reversesJournalId();
    }

    /** The lines of a journal; the only way to make them. */
    static List<LedgerLine> of(Journal journal, Instant recordedAt) {
        Instant at = SettlementRecord.micros(recordedAt);
        return journal.postings().stream()
                .map(posting -> new LedgerLine(journal, posting, at))
                .toList();
    }

    public String journalId() {
        return journalId;
    }

    public EntryType entryType() {
        return entryType;
    }

    public String account() {
        return account;
    }

    public long amount() {
        return amount;
    }

    public String currency() {
        return currency;
    }

    /** Reassembles the journal, which checks again that it balances. */
    public static Journal journal(List<LedgerLine> lines) {
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("no lines");
        }
        return new Journal(lines.get(0).journalId, lines.get(0).currency,
                lines.stream().map(line -> new Posting(line.entryType, line.account, line.amount)).toList(),
                lines.get(0).reversesJournalId);
    }
}
