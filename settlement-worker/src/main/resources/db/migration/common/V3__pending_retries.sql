-- A sale whose charge could not be made or whose outcome is unknown stays PENDING and is tried again later:
-- how often it was put off, when it is next due, until when it may stay pending, and why it was last put off.
-- One column per statement, so it runs unchanged on MySQL 8, MariaDB and H2 (MySQL mode).
ALTER TABLE settlement ADD COLUMN attempts INT NOT NULL DEFAULT 0;
ALTER TABLE settlement ADD COLUMN next_attempt_at DATETIME(6) NULL;
ALTER TABLE settlement ADD COLUMN deadline_at DATETIME(6) NULL;
ALTER TABLE settlement ADD COLUMN last_error VARCHAR(500) NULL;

-- The retrier's query: PENDING rows whose next attempt is due.
CREATE INDEX ix_settlement_due ON settlement (state, next_attempt_at);
