package io.gream.settlement.store;

import org.springframework.data.repository.Repository;

import java.util.List;

/** Append and read, nothing else: no update or delete method exists for ledger lines. */
interface LedgerLineRepository extends Repository<LedgerLine, Long> {

    <S extends LedgerLine> List<S> saveAll(Iterable<S> lines);

    List<LedgerLine> findByJournalIdOrderById(String journalId);
}
