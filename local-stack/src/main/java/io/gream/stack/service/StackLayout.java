package io.gream.stack.service;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where everything of one local stack is: the broker, each service's port, and the data directory under which every
 * service keeps its files. What a {@link ServiceDefinition} needs to wire its service.
 *
 * @param dataDir          the one durable directory (broker logs, state stores, H2 files, logs)
 * @param bootstrapServers the local broker
 * @param partitions       partitions of the Gream topics
 * @param ports            HTTP port of each service, by {@link ServiceDefinition#name()}
 */
public record StackLayout(Path dataDir, String bootstrapServers, int partitions, Map<String, Integer> ports) {

    public StackLayout {
        ports = Map.copyOf(ports);
    }

    /** The base URL of a service of this stack. */
    public String url(String service) {
        Integer port = ports.get(service);
        if (port == null) {
            throw new IllegalArgumentException("no service named " + service + " in this stack");
        }
        return "http://localhost:" + port;
    }

    /** The base URL of a service of this stack, or {@code ""} when this stack runs without it. */
    public String urlOrEmpty(String service) {
        return ports.containsKey(service) ? url(service) : "";
    }

    /** A directory of the data dir, e.g. {@code dir("bid-engine")}. */
    public String dir(String relative) {
        return dataDir.resolve(relative).toAbsolutePath().toString();
    }

    /**
     * A file-based H2 database in MySQL mode under {@code <data-dir>/h2/<name>}, kept across restarts, for the
     * services that need a database (settlement-worker, notifier). H2's own null ordering is MySQL's (nulls first
     * when ascending); a lock is waited for up to 10 s (as the settlement-worker's own default URL does), not H2's 1 s.
     */
    public String h2Url(String name) {
        return "jdbc:h2:file:" + dir("h2/" + name) + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;LOCK_TIMEOUT=10000";
    }
}
