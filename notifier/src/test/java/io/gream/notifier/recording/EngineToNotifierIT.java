package io.gream.notifier.recording;

import io.gream.contracts.OpenAuction;
import io.gream.contracts.PlaceBid;
import io.gream.engine.BidEngineApplication;
import io.gream.engine.EngineTestSupport;
import io.gream.notifier.testing.Events;
import io.gream.notifier.testing.RunningNotifier;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The real bid-engine's events, written with exactly-once transactions, read by the notifier with
 * {@code read_committed}: bids placed as commands end up as {@code OUTBID} notifications of the right users.
 */
class EngineToNotifierIT extends RunningNotifier {

    @TempDir
    static Path engineState;
    private static ConfigurableApplicationContext engine;

    @BeforeAll
    static void startNotifierAndEngine() {
        start();
        engine = EngineTestSupport.startEngine(BidEngineApplication.builder(), broker, engineState, 0);
    }

    @AfterAll
    static void stopEngine() {
        if (engine != null) {
            engine.close();
        }
    }

    @Test
    void bidsDecidedByTheEngineNotifyTheOutbidLeaders() throws Exception {
        try (KafkaProducer<String, byte[]> commands = EngineTestSupport.idempotentProducer(broker)) {
            EngineTestSupport.send(commands, new OpenAuction("e2e-open", "e2e-1", "e2e-seller", Events.ITEM, 1_000,
                    100, null, null, Instant.now().plus(Duration.ofHours(1)), 0));
            EngineTestSupport.send(commands, new PlaceBid("e2e-b1", "e2e-1", "e2e-alice", 1_000));
            EngineTestSupport.send(commands, new PlaceBid("e2e-b2", "e2e-1", "e2e-bob", 1_100));
            EngineTestSupport.send(commands, new PlaceBid("e2e-b3", "e2e-1", "e2e-carol", 1_150)); // too low
            EngineTestSupport.send(commands, new PlaceBid("e2e-b4", "e2e-1", "e2e-carol", 1_200));
        }

        await().atMost(EngineTestSupport.TIMEOUT).until(() -> outbidAmounts("e2e-bob").size() == 1);
        assertThat(outbidAmounts("e2e-alice")).containsExactly(1_100L);
        assertThat(outbidAmounts("e2e-bob")).containsExactly(1_200L);
        assertThat(outbidAmounts("e2e-carol")).isEmpty();
        assertThat(count("SELECT COUNT(*) FROM notification WHERE auction_id = 'e2e-1'")).isEqualTo(2);
    }

    private static java.util.List<Long> outbidAmounts(String user) {
        return StreamSupport.stream(http.get("/api/notifications", user).json().path("notifications").spliterator(),
                        false)
                .filter(n -> n.path("type").asString().equals("OUTBID"))
                .map(n -> n.path("amount").asLong())
                .toList();
    }
}
