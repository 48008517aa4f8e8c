-- A sale may now have more journals than its own: refunds and reversals, each a journal of its own id that links to
-- the journal it reverses (V5). Their ids are not auction ids, so the foreign key from a line's journal to the
-- settlement goes; the refund table (V5) ties a refund's journal to its settlement instead.
ALTER TABLE ledger_line DROP FOREIGN KEY fk_ledger_line_settlement;
