-- One row per sold auction: the primary key is the auction id, so a second settlement of an auction cannot exist.
-- Runs unchanged on MySQL 8, MariaDB and H2 (MySQL mode). Times are UTC with microseconds.
CREATE TABLE settlement (
    auction_id        VARCHAR(191) NOT NULL,
    close_event_id    VARCHAR(255) NOT NULL,
    closed_at         DATETIME(6)  NOT NULL,
    winner_id         VARCHAR(191) NOT NULL,
    seller_id         VARCHAR(191) NOT NULL,
    price             BIGINT       NOT NULL,
    currency          CHAR(3)      NOT NULL,
    order_name        VARCHAR(255) NOT NULL,
    -- Derived from the auction id alone; also the gateway's order id.
    idempotency_key   VARCHAR(64)  NOT NULL,
    -- PENDING until the charge is resolved, then COMPLETED or FAILED, never changed again.
    state             VARCHAR(16)  NOT NULL,
    -- Set, and committed, before the first charge request: a PENDING row with it set is resolved by a lookup.
    charge_started_at DATETIME(6)  NULL,
    settled_at        DATETIME(6)  NULL,
    payment_key       VARCHAR(200) NULL,
    fee               BIGINT       NULL,
    seller_proceeds   BIGINT       NULL,
    failure_reason    VARCHAR(64)  NULL,
    failure_message   VARCHAR(500) NULL,
    PRIMARY KEY (auction_id),
    CONSTRAINT uq_settlement_idempotency_key UNIQUE (idempotency_key)
);

-- Double-entry ledger, append-only. A journal is all lines of one settlement (journal_id = auction id); debits are
-- positive, credits negative, and the lines of a journal sum to zero. One line per entry type and journal, so a
-- journal cannot be written twice.
CREATE TABLE ledger_line (
    id          BIGINT       NOT NULL AUTO_INCREMENT,
    journal_id  VARCHAR(191) NOT NULL,
    entry_type  VARCHAR(32)  NOT NULL,
    account     VARCHAR(255) NOT NULL,
    amount      BIGINT       NOT NULL,
    currency    CHAR(3)      NOT NULL,
    recorded_at DATETIME(6)  NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uq_ledger_line_journal_entry UNIQUE (journal_id, entry_type),
    CONSTRAINT fk_ledger_line_settlement FOREIGN KEY (journal_id) REFERENCES settlement (auction_id)
);

CREATE INDEX ix_ledger_line_account ON ledger_line (account);
