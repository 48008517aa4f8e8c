package io.gream.ingress.auth;

import io.gream.ingress.IngressApplication;
import io.gream.ingress.testing.Api;
import io.gream.testing.Tokens;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Development tokens (a token for anyone, on request) take two deliberate steps, and never coexist with a production
 * key source. Each case starts the real application (no broker needed to start).
 */
@ExtendWith(OutputCaptureExtension.class)
class DevTokenStartupTest {

    @Nested
    class TheEndpointDoesNotExist {

        @Test
        void underTheLocalProfileAlone() {
            try (ConfigurableApplicationContext app = start("--spring.profiles.active=local")) {
                assertThat(issue(app).status()).isEqualTo(404);
            }
        }

        @Test
        void withTheSwitchOnButWithoutTheLocalProfile() {
            try (ConfigurableApplicationContext app = start("--gream.auth.dev-tokens.enabled=true",
                    "--gream.auth.jwks.file=" + Tokens.jwksFile())) {
                assertThat(issue(app).status()).isEqualTo(404);
            }
        }
    }

    @Nested
    class TheServiceRefusesToStart {

        @Test
        void withDevelopmentTokensWhileTheIdentityProvidersKeysAreConfigured() {
            assertThatThrownBy(() -> start("--spring.profiles.active=local", "--gream.auth.dev-tokens.enabled=true",
                    "--gream.auth.jwks.file=" + Tokens.jwksFile()))
                    .rootCause().hasMessageContaining("identity provider's keys are configured");
        }

        @Test
        void withDevelopmentTokensWhileASigningSecretComesFromTheEnvironment() {
            assertThatThrownBy(() -> start("--spring.profiles.active=local", "--gream.auth.dev-tokens.enabled=true",
                    "--GREAM_AUTH_HMAC_SECRET=c2VjcmV0LWZyb20tdGhlLWVudmlyb25tZW50LTMyYnl0ZXMh"))
                    .rootCause().hasMessageContaining("GREAM_AUTH_HMAC_SECRET is set");
        }

        @Test
        void withAnHmacSecretOutsideTheLocalProfile() {
            assertThatThrownBy(() -> start("--gream.auth.hmac-secret=c2VjcmV0LWZyb20tdGhlLWVudmlyb25tZW50LTMyYnl0ZXMh"))
                    .rootCause().hasMessageContaining("gream.auth.hmac-secret is set outside the local profile");
        }

        @Test
        void withoutAnyKeySource() {
            assertThatThrownBy(() -> start()).rootCause().hasMessageContaining("no token keys");
        }
    }

    @Test
    void bothStepsIssueTokensAndWarnLoudly(CapturedOutput output) {
        try (ConfigurableApplicationContext app = start("--spring.profiles.active=local",
                "--gream.auth.dev-tokens.enabled=true")) {
            assertThat(issue(app).status()).isEqualTo(200);
            assertThat(output.getOut()).contains("WARN").contains("DEVELOPMENT TOKENS ARE ON");
        }
    }

    private static Api.Response issue(ConfigurableApplicationContext app) {
        return new Api(((WebServerApplicationContext) app).getWebServer().getPort()).post("/api/dev/tokens")
                .json("{\"userId\":\"alice\"}").send();
    }

    private static ConfigurableApplicationContext start(String... extra) {
        List<String> args = new ArrayList<>(List.of(
                "--server.port=0",
                "--spring.main.banner-mode=off",
                "--spring.kafka.bootstrap-servers=127.0.0.1:1",
                "--gream.ingress.engine-token=engine-token-for-tests-only"));
        args.addAll(List.of(extra));
        return new SpringApplicationBuilder(IngressApplication.class).run(args.toArray(String[]::new));
    }
}
