-- The most each bidder committed to on an auction, folded from the public auction events (a bid's amount or offered
-- amount, a proxy raise's amount): the runner-up of a sale is the first bidder other than the winner to reach the
-- highest amount. seq is the auction event's, so equal amounts are ordered by who reached them first.
CREATE TABLE bid_commitment (
    auction_id VARCHAR(191) NOT NULL,
    bidder_id  VARCHAR(191) NOT NULL,
    amount     BIGINT       NOT NULL,
    event_id   VARCHAR(255) NOT NULL,
    seq        BIGINT       NOT NULL,
    PRIMARY KEY (auction_id, bidder_id)
);

-- At most one second-chance offer per auction (the primary key), made after the winner's payment was declined.
-- OFFERED -> DECLINED | EXPIRED | ACCEPTED; ACCEPTED -> COMPLETED (its journal, id auction_id:second-chance,
-- appended in the same transaction) | FAILED. Nothing after COMPLETED, FAILED, DECLINED or EXPIRED.
CREATE TABLE second_chance (
    auction_id           VARCHAR(191) NOT NULL,
    offer_command_id     VARCHAR(191) NOT NULL,
    seller_id            VARCHAR(191) NOT NULL,
    runner_up_id         VARCHAR(191) NOT NULL,
    price                BIGINT       NOT NULL,
    currency             CHAR(3)      NOT NULL,
    order_name           VARCHAR(255) NOT NULL,
    bid_event_id         VARCHAR(255) NOT NULL,
    settlement_event_id  VARCHAR(255) NOT NULL,
    -- Broker times of the offer command, and the last moment (exclusive) an answer counts.
    offered_at           DATETIME(6)  NOT NULL,
    expires_at           DATETIME(6)  NOT NULL,
    -- Derived from the auction id alone, never equal to the auction's own charge key.
    idempotency_key      VARCHAR(64)  NOT NULL,
    state                VARCHAR(16)  NOT NULL,
    answer_command_id    VARCHAR(191) NULL,
    -- The answer's broker time, or expires_at for an expired offer.
    answered_at          DATETIME(6)  NULL,
    -- Set, and committed, before the charge is sent: an ACCEPTED row with it set is resolved by a lookup.
    charge_started_at    DATETIME(6)  NULL,
    settled_at           DATETIME(6)  NULL,
    payment_key          VARCHAR(200) NULL,
    fee                  BIGINT       NULL,
    seller_proceeds      BIGINT       NULL,
    failure_reason       VARCHAR(64)  NULL,
    failure_message      VARCHAR(500) NULL,
    -- Set once the broker acknowledged SecondChanceOffered, and the outcome event; until then they are published again.
    offer_published_at   DATETIME(6)  NULL,
    outcome_published_at DATETIME(6)  NULL,
    PRIMARY KEY (auction_id),
    CONSTRAINT uq_second_chance_idempotency_key UNIQUE (idempotency_key),
    CONSTRAINT fk_second_chance_settlement FOREIGN KEY (auction_id) REFERENCES settlement (auction_id)
);

CREATE INDEX ix_second_chance_due ON second_chance (state, expires_at);
