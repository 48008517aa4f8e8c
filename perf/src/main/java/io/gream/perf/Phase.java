package io.gream.perf;

/** The parts of a run, in the order {@code all} runs them. */
enum Phase {
    /** The decider alone in memory, one thread. */
    DECIDER,
    /** The engine alone through Kafka: saturation per workload, latency at fixed rates. */
    ENGINE,
    /** The raw produce+consume ceiling through the same broker. */
    RAW,
    /** A bare Kafka Streams exactly-once processor with the engine's settings, same broker and partitions. */
    BARE,
    /** The lock-based design on MySQL/MariaDB. */
    MYSQL,
    /** End to end through the ingress REST API, next to the lock-based REST service, and the generator's limit. */
    REST,
    /** Close lag with many open auctions. */
    CLOSE
}
