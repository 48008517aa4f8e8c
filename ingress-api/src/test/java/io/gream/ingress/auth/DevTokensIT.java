package io.gream.ingress.auth;

import io.gream.ingress.testing.Api;
import io.gream.ingress.testing.LocalProfileContext;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Under the {@code local} profile, {@code POST /api/dev/tokens} issues tokens the API accepts. */
class DevTokensIT extends LocalProfileContext {

    @Test
    void issuedTokenActsAsTheRequestedUser() {
        Api.Response issued = api.post("/api/dev/tokens").json("{\"userId\":\"alice-dev\",\"ttlSeconds\":600}")
                .send();

        assertThat(issued.status()).as(issued.toString()).isEqualTo(200);
        assertThat(issued.json().path("tokenType").asString()).isEqualTo("Bearer");
        Api.Response bid = api.post("/api/auctions/dev-1/bids").token(issued.json().path("token").asString())
                .header("Idempotency-Key", "k1").header("Prefer", "wait=0").json("{\"amount\":1500}").send();
        assertThat(bid.status()).isEqualTo(202);
    }

    @Test
    void invalidUserIdOrLifetimeIs400() {
        assertThat(api.post("/api/dev/tokens").json("{\"userId\":\"has space\"}").send().status()).isEqualTo(400);
        assertThat(api.post("/api/dev/tokens").json("{\"userId\":\"alice\",\"ttlSeconds\":0}").send().status())
                .isEqualTo(400);
        assertThat(api.post("/api/dev/tokens").json("{\"userId\":\"alice\",\"role\":\"admin\"}").send().code())
                .isEqualTo("UNKNOWN_PROPERTY");
    }
}
