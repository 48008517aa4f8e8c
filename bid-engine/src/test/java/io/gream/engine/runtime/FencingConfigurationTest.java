package io.gream.engine.runtime;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.kafka.core.KafkaAdmin;

import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code gream.engine.fence-abandoned-transactions}: on by default; off, there is no admin client either. */
class FencingConfigurationTest {

    @TempDir
    Path stateDir;

    private ApplicationContextRunner runner() {
        Properties settings = new Properties();
        settings.put(StreamsConfig.APPLICATION_ID_CONFIG, "gream-bid-engine");
        settings.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:1");
        settings.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream("in").to("out");
        return new ApplicationContextRunner()
                .withUserConfiguration(EngineConfiguration.FencingConfiguration.class)
                .withBean(KafkaAdmin.class, () -> new KafkaAdmin(Map.of(
                        AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:1")))
                .withBean("engineStreamsSettings", Properties.class, () -> settings)
                .withBean(KafkaStreams.class, () -> new KafkaStreams(builder.build(), settings));
    }

    @Test
    void theFencerAndItsAdminClientRunByDefault() {
        runner().run(context -> {
            assertThat(context).hasSingleBean(AbandonedTransactionFencer.class).hasSingleBean(Admin.class);
            assertThat(context.getBean(AbandonedTransactionFencer.class).isRunning()).isTrue();
        });
    }

    @Test
    void turnedOffThereIsNeitherFencerNorAdminClient() {
        runner().withPropertyValues("gream.engine.fence-abandoned-transactions=false").run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).doesNotHaveBean(AbandonedTransactionFencer.class).doesNotHaveBean(Admin.class);
        });
    }
}
