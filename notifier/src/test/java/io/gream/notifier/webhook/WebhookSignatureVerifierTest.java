package io.gream.notifier.webhook;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static io.gream.notifier.webhook.WebhookSignatureVerifier.Result.BAD_SIGNATURE;
import static io.gream.notifier.webhook.WebhookSignatureVerifier.Result.MALFORMED;
import static io.gream.notifier.webhook.WebhookSignatureVerifier.Result.REPLAYED;
import static io.gream.notifier.webhook.WebhookSignatureVerifier.Result.STALE;
import static io.gream.notifier.webhook.WebhookSignatureVerifier.Result.VALID;
import static org.assertj.core.api.Assertions.assertThat;

class WebhookSignatureVerifierTest {

    private static final String SECRET = "whsec_test-secret";
    private static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");
    private static final byte[] BODY = "{\"id\":1,\"type\":\"OUTBID\"}".getBytes(StandardCharsets.UTF_8);

    private final WebhookSignatureVerifier receiver = new WebhookSignatureVerifier(SECRET, Duration.ofMinutes(5),
            Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void acceptsADeliverySignedWithTheSecretJustNow() {
        String header = WebhookSignatureVerifier.sign(SECRET, NOW.getEpochSecond() - 2, BODY);

        assertThat(header).matches("t=\\d+,v1=[0-9a-f]{64}");
        assertThat(receiver.verify(header, BODY)).isEqualTo(VALID);
    }

    @Test
    void signatureIsTheHmacOfTimestampDotBody() {
        // Known answer, computed with: printf '%s' '1700000000.{"a":1}' | openssl dgst -sha256 -hmac 'k' -hex
        String header = WebhookSignatureVerifier.sign("k", 1_700_000_000L, "{\"a\":1}".getBytes(StandardCharsets.UTF_8));

        assertThat(header).isEqualTo("t=1700000000,v1=" + KnownHmac.OF_TIMESTAMP_DOT_BODY);
    }

    @Test
    void refusesADeliverySignedWithAnotherSecret() {
        String header = WebhookSignatureVerifier.sign("whsec_someone-else", NOW.getEpochSecond(), BODY);

        assertThat(receiver.verify(header, BODY)).isEqualTo(BAD_SIGNATURE);
    }

    @Test
    void refusesABodyChangedAfterSigning() {
        String header = WebhookSignatureVerifier.sign(SECRET, NOW.getEpochSecond(), BODY);

        assertThat(receiver.verify(header, "{\"id\":1,\"type\":\"WON\"}".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(BAD_SIGNATURE);
    }

    @Test
    void refusesATimestampOutsideTheFiveMinuteWindow() {
        String old = WebhookSignatureVerifier.sign(SECRET, NOW.minusSeconds(301).getEpochSecond(), BODY);
        String future = WebhookSignatureVerifier.sign(SECRET, NOW.plusSeconds(301).getEpochSecond(), BODY);
        String edge = WebhookSignatureVerifier.sign(SECRET, NOW.minusSeconds(300).getEpochSecond(), BODY);

        assertThat(receiver.verify(old, BODY)).isEqualTo(STALE);
        assertThat(receiver.verify(future, BODY)).isEqualTo(STALE);
        assertThat(receiver.verify(edge, BODY)).isEqualTo(VALID);
    }

    @Test
    void refusesTheSameSignedDeliveryASecondTime() {
        String header = WebhookSignatureVerifier.sign(SECRET, NOW.getEpochSecond(), BODY);

        assertThat(receiver.verify(header, BODY)).isEqualTo(VALID);
        assertThat(receiver.verify(header, BODY)).isEqualTo(REPLAYED);
        // a retry of the same notification is signed afresh and is accepted
        assertThat(receiver.verify(WebhookSignatureVerifier.sign(SECRET, NOW.getEpochSecond() + 1, BODY), BODY))
                .isEqualTo(VALID);
    }

    @Test
    void refusesHeadersThatAreNotASignature() {
        assertThat(receiver.verify(null, BODY)).isEqualTo(MALFORMED);
        assertThat(receiver.verify("v1=abc", BODY)).isEqualTo(MALFORMED);
        assertThat(receiver.verify("t=abc,v1=abc", BODY)).isEqualTo(MALFORMED);
        assertThat(receiver.verify("t=" + NOW.getEpochSecond(), BODY)).isEqualTo(MALFORMED);
    }

    /** Computed outside Java, so the test does not check the code against itself. */
    private static final class KnownHmac {
        static final String OF_TIMESTAMP_DOT_BODY = "1b6ad1bc9bf48c52ce01939866d5877c6cc4e87ddad27e16673cb8c4964394a3";
    }
}
