-- Rotating a webhook's secret keeps the previous one signing, next to the new one, until its grace period ends, so a
-- receiver can switch to the new secret without losing deliveries. Runs on MySQL 8, MariaDB and H2.
ALTER TABLE webhook ADD COLUMN previous_secret VARCHAR(128) NULL;
ALTER TABLE webhook ADD COLUMN previous_secret_expires_at_ms BIGINT NULL;
