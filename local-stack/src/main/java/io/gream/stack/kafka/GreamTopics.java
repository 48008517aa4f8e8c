package io.gream.stack.kafka;

import io.gream.contracts.Topic;
import io.gream.contracts.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Creates the topics of DESIGN.md section 3 ({@link Topics}) with the configs the design requires (e.g.
 * {@code LogAppendTime} on the command log), replication factor 1 on this single node.
 *
 * <p>A topic that already exists (a restart) is kept as it is: its records are the system of record. When its
 * partition count differs from the one asked for, it says so rather than repartitioning, which would move auctions
 * to other partitions.
 */
public final class GreamTopics {

    /** Every Gream topic; services create nothing else but their own internal (Kafka Streams) topics. */
    public static final List<Topic<?, ?>> ALL = List.of(
            Topics.AUCTION_COMMANDS, Topics.AUCTION_EVENTS, Topics.SETTLEMENT_COMMANDS, Topics.SETTLEMENT_EVENTS,
            Topics.DEAD_LETTERS);

    private static final Logger log = LoggerFactory.getLogger(GreamTopics.class);

    private GreamTopics() {
    }

    /** Creates the missing topics; returns the names that were created. */
    public static Set<String> ensure(String bootstrapServers, int partitions)
            throws ExecutionException, InterruptedException {
        return ensure(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers), partitions);
    }

    /** As {@link #ensure(String, int)}, with the admin client's settings (the broker, and a login if it needs one). */
    public static Set<String> ensure(Map<String, Object> client, int partitions)
            throws ExecutionException, InterruptedException {
        Map<String, Object> settings = new HashMap<>(client);
        settings.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 60_000);
        try (Admin admin = Admin.create(settings)) {
            Set<String> existing = admin.listTopics().names().get(60, TimeUnit.SECONDS);
            Set<String> created = new java.util.TreeSet<>();
            for (Topic<?, ?> topic : ALL) {
                if (existing.contains(topic.name())) {
                    warnOnPartitionMismatch(admin, topic.name(), partitions);
                    continue;
                }
                Map<String, String> configs = new HashMap<>(topic.configs());
                configs.put("min.insync.replicas", "1");
                admin.createTopics(List.of(new NewTopic(topic.name(), partitions, (short) 1).configs(configs)))
                        .all().get();
                created.add(topic.name());
            }
            return created;
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("the local Kafka broker did not answer within 60 s", e);
        }
    }

    private static void warnOnPartitionMismatch(Admin admin, String name, int partitions)
            throws ExecutionException, InterruptedException {
        TopicDescription description = admin.describeTopics(List.of(name)).allTopicNames().get().get(name);
        int actual = description.partitions().size();
        if (actual != partitions) {
            log.warn("Topic {} already has {} partitions (asked for {}); keeping {}: changing it would move auctions "
                    + "to other partitions. Use a new data directory for a different count.", name, actual,
                    partitions, actual);
        }
    }
}
