package io.gream.notifier;

import io.gream.notifier.testing.Http;
import io.gream.notifier.testing.Tokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The defaults work out of the box (H2 file under the data dir), and a missing signing secret stops startup. */
class NotifierStartupTest {

    @Test
    void startsOnAnH2FileDatabaseUnderTheDataDirByDefault(@TempDir Path dataDir) {
        try (ConfigurableApplicationContext app = NotifierApplication.builder().run(
                "--server.port=0", "--spring.main.banner-mode=off",
                "--spring.kafka.bootstrap-servers=127.0.0.1:1",
                "--gream.data-dir=" + dataDir,
                "--gream.auth.hmac-secret=" + Tokens.SECRET)) {
            Http http = new Http(((WebServerApplicationContext) app).getWebServer().getPort());

            Http.Response inbox = http.get("/api/notifications", "startup-user");

            assertThat(inbox.status()).isEqualTo(200);
            assertThat(inbox.json().path("total").asLong()).isZero();
            assertThat(dataDir.resolve("notifier").resolve("notifier.mv.db")).exists();
        }
    }

    @Test
    void refusesToStartWithoutASigningSecret(@TempDir Path dataDir) {
        assertThatThrownBy(() -> NotifierApplication.builder().run(
                "--server.port=0", "--spring.main.banner-mode=off",
                "--spring.kafka.bootstrap-servers=127.0.0.1:1",
                "--gream.data-dir=" + dataDir))
                .rootCause()
                .hasMessageContaining("gream.auth.hmac-secret is not set");
    }
}
