package io.gream.drill;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * How far a consumer group's committed offsets are behind the end of a topic. The drill verifies only once the
 * engines and the settlement workers have caught up: under faults they can be minutes behind the load, which is
 * lag, not loss, and a verifier that looked earlier would report work still to come as missing.
 */
final class GroupLag implements AutoCloseable {

    private final Admin admin;

    GroupLag(ClusterLayout layout) {
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, layout.bootstrapServers()));
    }

    /**
     * Records of {@code topic} after {@code group}'s committed offsets, summed over the partitions; a partition
     * the group never committed counts from its beginning, as the group would start there.
     */
    long lag(String group, String topic) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
        int partitions = admin.describeTopics(List.of(topic)).allTopicNames().get(30, TimeUnit.SECONDS)
                .get(topic).partitions().size();
        Map<TopicPartition, OffsetSpec> ends = new HashMap<>();
        Map<TopicPartition, OffsetSpec> starts = new HashMap<>();
        for (int p = 0; p < partitions; p++) {
            ends.put(new TopicPartition(topic, p), OffsetSpec.latest());
            starts.put(new TopicPartition(topic, p), OffsetSpec.earliest());
        }
        var end = admin.listOffsets(ends).all().get(30, TimeUnit.SECONDS);
        var start = admin.listOffsets(starts).all().get(30, TimeUnit.SECONDS);
        long lag = 0;
        for (TopicPartition partition : ends.keySet()) {
            OffsetAndMetadata at = committed.get(partition);
            long from = at == null ? start.get(partition).offset() : at.offset();
            lag += Math.max(0, end.get(partition).offset() - from);
        }
        return lag;
    }

    /**
     * Waits until {@code group} is at most {@code slack} records behind {@code topic}, saying so every 5 s.
     *
     * @return whether it caught up within {@code timeout}
     */
    boolean awaitCaughtUp(String group, String topic, long slack, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        long lag = -1;
        while (System.nanoTime() < deadline) {
            try {
                lag = lag(group, topic);
                if (lag <= slack) {
                    say("%s caught up with %s (lag %d)".formatted(group, topic, lag));
                    return true;
                }
                say("%s behind %s by %d records; waiting".formatted(group, topic, lag));
            } catch (Exception e) {
                say("cannot read the lag of %s: %s".formatted(group, e));
            }
            LockSupport.parkNanos(Duration.ofSeconds(5).toNanos());
        }
        say("%s still %d records behind %s after %s; verifying anyway".formatted(group, lag, topic, timeout));
        return false;
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(5));
    }

    private static void say(String line) {
        System.out.println("[drill] " + line);
    }
}
