package io.gream.ingress.web;

import io.gream.ingress.testing.Api;
import io.gream.ingress.testing.SharedIngressContext;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** The marketplace page is served by the ingress to anyone, with its modules and the server's time. */
class MarketplacePageIT extends SharedIngressContext {

    @Test
    void theRootIsThePageAndItsModulesLoadWithoutAToken() {
        Api.Response page = api.get("/").send();
        Api.Response app = api.get("/assets/app.js").send();
        Api.Response styles = api.get("/assets/style.css").send();

        assertThat(page.status()).as(page.toString()).isEqualTo(200);
        assertThat(page.header("Content-Type")).startsWith("text/html");
        assertThat(page.body()).contains("<script type=\"module\" src=\"/assets/app.js\">");
        assertThat(app.status()).isEqualTo(200);
        assertThat(app.header("Content-Type")).contains("javascript");
        assertThat(app.body()).contains("import ");
        assertThat(app.header("Cache-Control")).isEqualTo("no-cache");
        assertThat(styles.status()).isEqualTo(200);
        assertThat(styles.header("Content-Type")).startsWith("text/css");
    }

    @Test
    void webConfigGivesTheServersTimeAndWhereTheNotifierIs() {
        Instant before = Instant.now();
        Api.Response config = api.get("/web-config.json").send();

        assertThat(config.status()).isEqualTo(200);
        assertThat(config.header("Cache-Control")).contains("no-store");
        assertThat(Instant.parse(config.json().path("serverTime").asString()))
                .isBetween(before.minus(Duration.ofSeconds(1)), Instant.now().plus(Duration.ofSeconds(1)));
        assertThat(config.json().path("notificationsUrl").asString()).isEmpty();
    }

    @Test
    void anUnknownAssetIs404() {
        assertThat(api.get("/assets/nothing-here.js").send().status()).isEqualTo(404);
    }
}
