package io.gream.ingress.testing;

import io.gream.ingress.IngressApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The ingress under the {@code local} profile (development tokens on) with a tight rate limit of three requests
 * per user per minute. Shared by the test classes that need either.
 */
@SpringBootTest(classes = IngressApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "gream.ingress.rate-limit.requests-per-period=3",
                "gream.ingress.rate-limit.period=1m"
        })
@ActiveProfiles("local")
public abstract class LocalProfileContext extends RunningIngress {
}
