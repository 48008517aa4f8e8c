package io.gream.settlement.payment;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PaymentGatewayConfigurationTest {

    private static final GatewayProperties.Simulated SIMULATED = new GatewayProperties.Simulated(Duration.ZERO, 0, 0,
            0, Duration.ZERO, 1);

    @Test
    void buildsTheSimulatedGatewayByDefaultAndTossWhenAsked() {
        assertThat(PaymentGatewayConfiguration.gateway(properties("simulated", "")))
                .isInstanceOf(SimulatedPaymentGateway.class);
        assertThat(PaymentGatewayConfiguration.gateway(properties("toss", "test_sk_x")))
                .isInstanceOf(TossPaymentsGateway.class);
    }

    @Test
    void refusesToStartTossWithoutASecretKeyOrAnUnknownGateway() {
        assertThatThrownBy(() -> PaymentGatewayConfiguration.gateway(properties("toss", "")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("GREAM_TOSS_SECRET_KEY");
        assertThatThrownBy(() -> PaymentGatewayConfiguration.gateway(properties("paypal", "")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("simulated or toss");
    }

    private static GatewayProperties properties(String type, String secretKey) {
        return new GatewayProperties(type, Duration.ofSeconds(1), null, null, null, SIMULATED,
                new GatewayProperties.Toss(URI.create("http://127.0.0.1:1"), secretKey, Duration.ofSeconds(1),
                        Duration.ofSeconds(1), Map.of()));
    }
}
