package io.gream.kafka;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;
import java.util.function.LongConsumer;
import java.util.stream.Collectors;

/**
 * How far a consumer group's committed offsets are behind the end of a topic, read with the Admin API: what the
 * benchmarks and the failover drill wait on before they measure or verify, so that work still queued is neither
 * measured in the next phase nor reported as missing. Committed offsets only: a group that commits rarely looks
 * further behind than it is.
 */
public final class GroupLag implements AutoCloseable {

    private static final long CALL_SECONDS = 30;

    private final Admin admin;

    public GroupLag(String bootstrapServers) {
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
    }

    /**
     * Records of {@code topic} after {@code group}'s committed offsets, summed over the partitions; a partition the
     * group never committed counts from its beginning, as the group would start there.
     */
    public long lag(String group, String topic) throws ExecutionException, InterruptedException, TimeoutException {
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata().get(CALL_SECONDS, TimeUnit.SECONDS);
        List<TopicPartition> partitions = admin.describeTopics(List.of(topic)).allTopicNames()
                .get(CALL_SECONDS, TimeUnit.SECONDS).get(topic).partitions().stream()
                .map(p -> new TopicPartition(topic, p.partition())).toList();
        Map<TopicPartition, ListOffsetsResultInfo> ends = offsets(partitions, OffsetSpec.latest());
        Map<TopicPartition, ListOffsetsResultInfo> starts = offsets(partitions, OffsetSpec.earliest());
        long lag = 0;
        for (TopicPartition partition : partitions) {
            OffsetAndMetadata at = committed.get(partition);
            long from = at == null ? starts.get(partition).offset() : at.offset();
            lag += Math.max(0, ends.get(partition).offset() - from);
        }
        return lag;
    }

    /**
     * Reads the lag every {@code every} until it is at most {@code slack}, for at most {@code timeout}, handing each
     * reading to {@code progress} (-1 when it could not be read, as while a broker is down).
     *
     * @return how long it took, or empty when the group was still behind after {@code timeout}
     */
    public Optional<Duration> awaitCaughtUp(String group, String topic, long slack, Duration timeout, Duration every,
                                            LongConsumer progress) {
        long start = System.nanoTime();
        while (System.nanoTime() - start < timeout.toNanos() && !Thread.currentThread().isInterrupted()) {
            long lag;
            try {
                lag = lag(group, topic);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (ExecutionException | TimeoutException e) {
                lag = -1;
            }
            progress.accept(lag);
            if (lag >= 0 && lag <= slack) {
                return Optional.of(Duration.ofNanos(System.nanoTime() - start));
            }
            LockSupport.parkNanos(every.toNanos());
        }
        return Optional.empty();
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(5));
    }

    private Map<TopicPartition, ListOffsetsResultInfo> offsets(List<TopicPartition> partitions, OffsetSpec spec)
            throws ExecutionException, InterruptedException, TimeoutException {
        return admin.listOffsets(partitions.stream().collect(Collectors.toMap(Function.identity(),
                p -> spec))).all().get(CALL_SECONDS, TimeUnit.SECONDS);
    }
}
