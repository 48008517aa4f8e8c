package io.gream.ingress.ratelimit;

import io.gream.ingress.command.CommandIds;
import io.gream.ingress.testing.Api;
import io.gream.ingress.testing.LocalProfileContext;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Three requests per user per minute (this context's limit): the fourth is 429, other users carry on. */
class RateLimitIT extends LocalProfileContext {

    @Test
    void userOverTheLimitIs429WithRetryAfterAndOthersAreUnaffected() {
        String auctionId = "rl-" + System.nanoTime();

        assertThat(bid(auctionId, "alice-rl", "k1").status()).isEqualTo(202);
        assertThat(bid(auctionId, "alice-rl", "k2").status()).isEqualTo(202);
        assertThat(api.post("/api/auctions/" + auctionId + "/bids").token(devToken("alice-rl"))
                .header("Idempotency-Key", "k3")
                .json("{\"amount\":0}").send().status()).isEqualTo(400); // invalid requests count as well
        Api.Response limited = bid(auctionId, "alice-rl", "k4");
        Api.Response other = bid(auctionId, "bob-rl", "k1");

        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.code()).isEqualTo("RATE_LIMITED");
        assertThat(Integer.parseInt(limited.header("Retry-After"))).isBetween(1, 60);
        assertThat(other.status()).isEqualTo(202);
        // alice's two accepted bids, then bob's: the limited request wrote nothing
        assertThat(commands.recordsUpTo(auctionId, CommandIds.commandId("PlaceBid", "bob-rl", auctionId, "k1")))
                .hasSize(3);
    }

    @Test
    void publicReadsAreNotChargedToAnyUser() {
        for (int i = 0; i < 5; i++) {
            assertThat(api.get("/api/auctions/unknown-rl").send().status()).isEqualTo(404);
        }
    }

    private Api.Response bid(String auctionId, String userId, String key) {
        return api.post("/api/auctions/" + auctionId + "/bids").token(devToken(userId)).header("Idempotency-Key", key)
                .header("Prefer", "wait=0").json("{\"amount\":1500}").send();
    }

    /** This context runs under the local profile: its tokens are the development tokens it issues. */
    private String devToken(String userId) {
        return api.post("/api/dev/tokens").json("{\"userId\":\"" + userId + "\"}").send().json().path("token")
                .asString();
    }
}
