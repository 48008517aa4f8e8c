package io.gream.ingress;

import io.gream.ingress.testing.Api;
import io.gream.ingress.testing.SharedIngressContext;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What operators and API users get besides the API: health, metrics, and the OpenAPI description. */
class OperationsIT extends SharedIngressContext {

    @Test
    void healthIsUpWithoutAToken() {
        Api.Response response = api.get("/actuator/health").send();

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().path("status").asString()).isEqualTo("UP");
    }

    @Test
    void prometheusExposesCommandAndEngineClientMetrics() {
        api.post("/api/auctions/" + fresh("a") + "/bids").as(fresh("bob")).header("Idempotency-Key", "k1")
                .header("Prefer", "wait=0").json("{\"amount\":1500}").send();

        Api.Response response = api.get("/actuator/prometheus").send();

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).contains("gream_ingress_commands_total", "resilience4j_circuitbreaker_state",
                "http_server_requests");
    }

    @Test
    void openApiDescribesTheEndpointsAndTheBearerScheme() {
        Api.Response docs = api.get("/v3/api-docs").send();
        Api.Response ui = api.get("/swagger-ui/index.html").send();

        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.json().path("paths").propertyNames()).contains("/api/auctions",
                "/api/auctions/{auctionId}", "/api/auctions/{auctionId}/bids", "/api/auctions/{auctionId}/cancel",
                "/api/auctions/{auctionId}/bids/{commandId}");
        assertThat(docs.json().path("components").path("securitySchemes").path("bearer").path("scheme").asString())
                .isEqualTo("bearer");
        assertThat(docs.body()).doesNotContain("AuthenticatedUser");
        assertThat(ui.status()).isEqualTo(200);
    }
}
