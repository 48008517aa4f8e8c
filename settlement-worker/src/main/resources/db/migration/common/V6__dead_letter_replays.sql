-- One row per dead letter replayed to its original topic, keyed by where the original record was: a second replay
-- of the same dead letter finds its row and sends nothing.
CREATE TABLE dead_letter_replay (
    original_topic     VARCHAR(191) NOT NULL,
    original_partition INT          NOT NULL,
    original_offset    BIGINT       NOT NULL,
    dead_letter_partition INT       NOT NULL,
    dead_letter_offset BIGINT       NOT NULL,
    replayed_at        DATETIME(6)  NOT NULL,
    PRIMARY KEY (original_topic, original_partition, original_offset)
);
