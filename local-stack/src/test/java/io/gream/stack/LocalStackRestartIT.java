package io.gream.stack;

import io.gream.stack.GreamApi.Answer;
import io.gream.stack.service.GreamServices;
import io.gream.stack.service.ServiceDefinition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Stopping the stack and starting it again on the same data directory resumes: the broker keeps its log and
 * topics, the engine its auctions, a retried command still gets its original answer, and the notifier carries on.
 */
class LocalStackRestartIT {

    private LocalStack stack;

    @AfterEach
    void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    /** No settlement-worker: nothing here is sold, and one context fewer at each of the two starts saves time. */
    private static final List<ServiceDefinition> SERVICES = List.of(GreamServices.BID_ENGINE,
            GreamServices.INGRESS_API, GreamServices.NOTIFIER);

    @Test
    void aRestartOnTheSameDataDirectoryResumesAuctionsAndIdempotency() throws Exception {
        StackSettings settings = LocalStackIT.testSettings(Path.of("target", "it-data", UUID.randomUUID().toString()),
                SERVICES);
        String auctionId = "restart-" + UUID.randomUUID().toString().substring(0, 8);

        stack = LocalStack.start(settings);
        GreamApi api = new GreamApi(stack);
        Answer opened = api.open("sally", "open-1",
                LocalStackIT.auctionJson(auctionId, 3000, 100, null, Instant.now().plusSeconds(3600)));
        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
        Answer bid = api.bid("bob", auctionId, "bob-1", 3000);
        assertThat(bid.status()).as(bid.toString()).isEqualTo(201);
        stack.close();

        stack = LocalStack.start(settings);
        GreamApi again = new GreamApi(stack);
        JsonNode auction = again.auction(auctionId).body();
        assertThat(auction.path("status").asString()).isEqualTo("OPEN");
        assertThat(auction.path("leaderId").asString()).isEqualTo(again.aliasOf("bob", auctionId));
        assertThat(auction.path("currentPrice").asLong()).isEqualTo(3000);

        Answer retried = again.bid("bob", auctionId, "bob-1", 3000);
        assertThat(retried.status()).isEqualTo(201);
        assertThat(retried.body()).as("the original outcome, decided before the restart").isEqualTo(bid.body());
        Answer outbid = again.bid("carol", auctionId, "carol-1", 3100);
        assertThat(outbid.status()).as(outbid.toString()).isEqualTo(201);
        assertThat(outbid.body().path("seq").asLong()).as("seq continues where it stopped").isEqualTo(3);

        // The notifier resumed from its committed offsets on its kept database: bob is told once, nothing replayed.
        JsonNode inbox = await().atMost(Duration.ofSeconds(30)).until(() -> again.notifications("bob").body(),
                page -> page.path("notifications").size() >= 1);
        assertThat(inbox.path("total").asLong()).isEqualTo(1);
        assertThat(inbox.path("notifications").get(0).path("type").asString()).isEqualTo("OUTBID");
        assertThat(inbox.path("notifications").get(0).path("amount").asLong()).isEqualTo(3100);
    }

    @Test
    void aTakenPortStopsTheStartBeforeAnythingRuns() throws Exception {
        StackSettings settings = LocalStackIT.testSettings(Path.of("target", "it-data", UUID.randomUUID().toString()));
        int ingressPort = settings.servicePorts().get(GreamServices.INGRESS_API.name());
        try (java.net.ServerSocket taken = new java.net.ServerSocket(ingressPort)) {
            assertThatThrownBy(() -> LocalStack.start(settings))
                    .isInstanceOf(LocalStack.PortsUnavailableException.class)
                    .hasMessageContaining("port " + ingressPort + " for ingress-api (--ingress-port) is already in use");
        }
        assertThat(settings.dataDir().resolve("kafka")).as("no broker was started").doesNotExist();
    }
}
