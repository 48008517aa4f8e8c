-- The database itself refuses to change or remove a ledger line (MySQL 8 and MariaDB). Corrections are new,
-- reversing journals, never edits.
CREATE TRIGGER ledger_line_refuse_update BEFORE UPDATE ON ledger_line
    FOR EACH ROW SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'ledger_line is append-only: UPDATE refused';

CREATE TRIGGER ledger_line_refuse_delete BEFORE DELETE ON ledger_line
    FOR EACH ROW SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'ledger_line is append-only: DELETE refused';
