package io.gream.notifier.webhook;

import io.gream.notifier.testing.Receiver;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The connection goes to the addresses the guard checked as it was opened, with the registered host name in the
 * request: a real local receiver, and a resolver playing DNS.
 */
class WebhookSenderTest {

    private static final byte[] BODY = "{\"type\":\"OUTBID\"}".getBytes(StandardCharsets.UTF_8);

    @Test
    void connectsToTheResolvedAddressAndSendsTheRegisteredHostName() throws Exception {
        try (Receiver receiver = Receiver.answering()) {
            int port = URI.create(receiver.url()).getPort();
            DestinationGuard guard = new DestinationGuard(true, false, Set.of(),
                    host -> host.equals("hooks.example.test") ? new InetAddress[]{InetAddress.getLoopbackAddress()}
                            : InetAddress.getAllByName(host));
            URI uri = guard.check("http://hooks.example.test:" + port + "/hook");

            try (WebhookSender sender = new WebhookSender(guard, Duration.ofSeconds(2), Duration.ofSeconds(2), 1)) {
                int status = sender.post(uri, Map.of("Gream-Event-Id", "a:1"), BODY);

                assertThat(status).isEqualTo(204);
            }
            assertThat(receiver.deliveries()).hasSize(1);
            assertThat(receiver.deliveries().get(0).header("Host")).isEqualTo("hooks.example.test:" + port);
            assertThat(receiver.deliveries().get(0).body()).isEqualTo(BODY);
        }
    }

    @Test
    void aHostThatRebindsToAnInternalAddressAfterTheCheckIsNotConnectedTo() throws Exception {
        try (Receiver receiver = Receiver.answering()) {
            int port = URI.create(receiver.url()).getPort();
            // public at the check, this machine a moment later, when the connection is opened
            AtomicInteger lookups = new AtomicInteger();
            DestinationGuard guard = new DestinationGuard(false, false, Set.of(), host -> new InetAddress[]{
                    lookups.getAndIncrement() == 0 ? InetAddress.getByName("93.184.215.14")
                            : InetAddress.getLoopbackAddress()});
            URI uri = guard.check("http://rebinding.example.test:" + port + "/hook");

            try (WebhookSender sender = new WebhookSender(guard, Duration.ofSeconds(2), Duration.ofSeconds(2), 1)) {
                assertThatThrownBy(() -> sender.post(uri, Map.of(), BODY))
                        .isInstanceOf(UnsafeDestinationException.class)
                        .hasMessageContaining("internal address");
            }
            assertThat(lookups.get()).isEqualTo(2);
            assertThat(receiver.deliveries()).isEmpty();
        }
    }

    @Test
    void aReceiverThatDoesNotAnswerIsATimeoutNotAHang() throws Exception {
        try (Receiver receiver = Receiver.hanging()) {
            DestinationGuard guard = new DestinationGuard(true, false, Set.of(), InetAddress::getAllByName);
            URI uri = guard.check(receiver.url());

            try (WebhookSender sender = new WebhookSender(guard, Duration.ofSeconds(2), Duration.ofMillis(500), 1)) {
                long started = System.nanoTime();
                assertThatThrownBy(() -> sender.post(uri, Map.of(), BODY)).isInstanceOf(IOException.class);
                assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
            }
            assertThat(receiver.deliveries()).hasSize(1); // it was sent, and never answered
        }
    }
}
