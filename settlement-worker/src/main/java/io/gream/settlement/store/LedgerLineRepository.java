package io.gream.settlement.store;

import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

import java.util.List;

/** Append and read, nothing else: no update or delete method exists for ledger lines. */
interface LedgerLineRepository extends Repository<LedgerLine, Long> {

    <S extends LedgerLine> List<S> saveAll(Iterable<S> lines);

    List<LedgerLine> findByJournalIdOrderById(String journalId);

    /** Rows of account, currency and the sum of its lines. */
    @Query("SELECT l.account, l.currency, SUM(l.amount) FROM LedgerLine l GROUP BY l.account, l.currency"
            + " ORDER BY l.account, l.currency")
    List<Object[]> balances();
}
