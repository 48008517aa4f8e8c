package io.gream.ingress.commandlog;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The search's admin client ({@code spring.kafka.admin.*}) and its consumer ({@code spring.kafka.consumer.*} with no
 * group, no commits, {@code read_uncommitted} so every appended command is seen, and no offset reset, so a
 * position that is no longer in the log is an error rather than a silent jump).
 */
@Configuration(proxyBeanMethods = false)
class CommandLogSearchConfiguration {

    /** Searches waiting for the reader at once; beyond it a search answers "cannot tell" at once. */
    private static final int QUEUED_READS = 100;

    @Bean(destroyMethod = "close")
    CommandLogSearch commandLogSearch(KafkaProperties kafka, CommandLogSearchProperties properties) {
        Map<String, Object> settings = new HashMap<>(kafka.buildConsumerProperties());
        settings.remove(ConsumerConfig.GROUP_ID_CONFIG);
        settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        settings.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_uncommitted");
        settings.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "none");
        ThreadPoolExecutor reader = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(QUEUED_READS), runnable -> {
                    Thread thread = new Thread(runnable, "command-log-search");
                    thread.setDaemon(true);
                    return thread;
                });
        return new CommandLogSearch(Admin.create(kafka.buildAdminProperties()),
                () -> new KafkaConsumer<>(settings, new StringDeserializer(), new ByteArrayDeserializer()),
                reader, properties);
    }
}
