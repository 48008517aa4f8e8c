-- The journal a line's journal reverses (in part or whole), e.g. a refund's journal names its sale's. Added without
-- touching existing lines, which stay append-only.
ALTER TABLE ledger_line ADD COLUMN reverses_journal_id VARCHAR(191) NULL;

-- PENDING -> REFUNDED (its journal appended in the same transaction) or REFUSED (the gateway said no; no journal).
-- One row per refund of a sale's money: to the buyer through the gateway (BUYER, or LATE_CHARGE for a charge found
-- after its settlement had FAILED), or of the platform's fee to the seller (SELLER_FEE, inside the ledger only).
-- Committed PENDING before the gateway is asked, so a crash leaves a trace that is resolved by lookup; the refund
-- id is also the id of its journal.
CREATE TABLE refund (
    refund_id          VARCHAR(191) NOT NULL,
    auction_id         VARCHAR(191) NOT NULL,
    kind               VARCHAR(16)  NOT NULL,
    amount             BIGINT       NOT NULL,
    currency           CHAR(3)      NOT NULL,
    -- The gateway's payment this refund gives money back from (null for SELLER_FEE, which moves no money).
    payment_key        VARCHAR(200) NULL,
    reason             VARCHAR(200) NOT NULL,
    -- Derived from the refund id alone; sent to the gateway with the cancel request.
    idempotency_key    VARCHAR(64)  NOT NULL,
    state              VARCHAR(16)  NOT NULL,
    requested_at       DATETIME(6)  NOT NULL,
    attempts           INT          NOT NULL DEFAULT 0,
    next_attempt_at    DATETIME(6)  NULL,
    last_error         VARCHAR(500) NULL,
    gateway_reference  VARCHAR(200) NULL,
    refunded_at        DATETIME(6)  NULL,
    -- Set once PaymentRefunded is acknowledged by the broker; a refunded row without it is published again.
    published_at       DATETIME(6)  NULL,
    PRIMARY KEY (refund_id),
    CONSTRAINT uq_refund_idempotency_key UNIQUE (idempotency_key),
    CONSTRAINT fk_refund_settlement FOREIGN KEY (auction_id) REFERENCES settlement (auction_id)
);

CREATE INDEX ix_refund_due ON refund (state, next_attempt_at);
