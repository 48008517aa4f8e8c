package io.gream.ingress.testing;

import io.gream.contracts.AuctionEvent;
import io.gream.contracts.GreamJson;
import io.gream.ingress.IngressApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.util.UUID;

/**
 * The ingress as it runs, on a random port, against the shared real broker and the shared engine stand-in. Every
 * test class extending this one has the same configuration, so Spring starts the application once for all of
 * them. Tests stay independent by using fresh auction and user ids.
 *
 * <p>Circuit breakers never open here (tests that make the stand-in fail would otherwise affect others); breaker
 * behaviour is tested on the engine client alone. Outcomes come back through the real event topic: tests decide
 * commands with the shared {@link EventLog}, and the engine stand-in answers only what the ingress still asks it
 * (reads, and the fallback for an outcome its tail did not see).
 */
@SpringBootTest(classes = IngressApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "gream.ingress.engine.read-timeout=1s",
                "gream.ingress.engine.retry-backoff=10ms",
                "gream.ingress.engine.circuit-breaker.minimum-number-of-calls=100000",
                "gream.ingress.engine.circuit-breaker.sliding-window-size=100000",
                "gream.ingress.rate-limit.requests-per-period=100000",
                "gream.ingress.rate-limit.anonymous-requests-per-period=100000",
                "gream.ingress.pseudonyms.key=" + Aliases.KEY
        })
public abstract class SharedIngressContext extends RunningIngress {

    protected final EngineStub engine = EngineStub.shared();
    protected final EventLog decisions = EventLog.shared();

    @DynamicPropertySource
    static void keys(DynamicPropertyRegistry registry) {
        identityProvider(registry);
    }

    /** A fresh id, so tests never see each other's auctions or users. */
    protected static String fresh(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    protected static String json(AuctionEvent event) {
        return GreamJson.mapper().writerFor(AuctionEvent.class).writeValueAsString(event);
    }
}
