-- Portable across MySQL 8, MariaDB and H2 (MySQL mode): plain types, times as epoch milliseconds (UTC, no
-- time-zone conversions between JVM, driver and server).

-- The inbox. One row per (source event, recipient): the unique key is what makes a redelivered event notify once.
CREATE TABLE notification (
    id             BIGINT        NOT NULL AUTO_INCREMENT,
    event_id       VARCHAR(255)  NOT NULL,
    recipient_id   VARCHAR(128)  NOT NULL,
    type           VARCHAR(32)   NOT NULL,
    auction_id     VARCHAR(255)  NOT NULL,
    amount         BIGINT        NULL,
    message        VARCHAR(1000) NOT NULL,
    occurred_at_ms BIGINT        NOT NULL,
    created_at_ms  BIGINT        NOT NULL,
    read_at_ms     BIGINT        NULL,
    PRIMARY KEY (id),
    CONSTRAINT uq_notification_event_recipient UNIQUE (event_id, recipient_id)
);
CREATE INDEX ix_notification_recipient_id ON notification (recipient_id, id);
CREATE INDEX ix_notification_recipient_created ON notification (recipient_id, created_at_ms);

-- A user's webhook endpoints. The secret signs deliveries, so it is kept (HMAC needs it), and shown only once.
CREATE TABLE webhook (
    id            VARCHAR(36)   NOT NULL,
    owner_id      VARCHAR(128)  NOT NULL,
    url           VARCHAR(2048) NOT NULL,
    secret        VARCHAR(128)  NOT NULL,
    created_at_ms BIGINT        NOT NULL,
    PRIMARY KEY (id)
);
CREATE INDEX ix_webhook_owner ON webhook (owner_id);

-- The delivery outbox: written in the same transaction as the notification, delivered with retries afterwards.
CREATE TABLE webhook_delivery (
    id                 BIGINT       NOT NULL AUTO_INCREMENT,
    webhook_id         VARCHAR(36)  NOT NULL,
    notification_id    BIGINT       NOT NULL,
    status             VARCHAR(16)  NOT NULL,
    attempts           INT          NOT NULL,
    next_attempt_at_ms BIGINT       NOT NULL,
    last_error         VARCHAR(500) NULL,
    delivered_at_ms    BIGINT       NULL,
    PRIMARY KEY (id),
    CONSTRAINT uq_delivery_webhook_notification UNIQUE (webhook_id, notification_id)
);
CREATE INDEX ix_delivery_due ON webhook_delivery (status, next_attempt_at_ms);
