-- The database itself refuses to change or remove a ledger line (H2: a Java trigger, as H2 has no SIGNAL).
-- Corrections are new, reversing journals, never edits.
CREATE TRIGGER ledger_line_refuse_update BEFORE UPDATE ON ledger_line
    FOR EACH ROW CALL 'io.gream.settlement.store.AppendOnlyTrigger';

CREATE TRIGGER ledger_line_refuse_delete BEFORE DELETE ON ledger_line
    FOR EACH ROW CALL 'io.gream.settlement.store.AppendOnlyTrigger';
