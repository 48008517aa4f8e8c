package io.gream.perf;

/** The parts of a run, in the order {@code all} runs them, each with its subcommand and what it measures. */
enum Phase {
    DECIDER("decider", "The decider (AuctionRules) alone in one thread."),
    ENGINE("engine", "The engine alone: saturation on hot, uniform and skewed workloads, then latency (append -> "
            + "committed event) at 50%% of saturation."),
    RAW("raw", "The raw ceiling: plain producer and read_committed consumer, same records, same broker."),
    BARE("bare", "A bare Kafka Streams exactly-once processor (byte arrays, one store get+put and one forward per "
            + "record) with the engine's settings: saturation, hot and uniform."),
    MYSQL("mysql", "The lock-based design: SELECT ... FOR UPDATE and UPDATE per bid on MySQL/MariaDB, 16 and 64 "
            + "threads, hot and uniform."),
    REST("rest", "End to end through the ingress REST API with outcome (201/409), at fixed rates, hot and uniform, "
            + "next to the lock-based REST service at the same rates; last, the load generator alone against an "
            + "endpoint that does nothing."),
    CLOSE("close-lag", "Close lag (endsAt -> AuctionClosed) with many open auctions whose deadlines spread over a "
            + "minute.");

    final String command;
    final String description;

    Phase(String command, String description) {
        this.command = command;
        this.description = description;
    }
}
