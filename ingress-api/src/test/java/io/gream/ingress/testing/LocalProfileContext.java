package io.gream.ingress.testing;

import io.gream.ingress.IngressApplication;
import io.gream.testing.Tokens;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The ingress under the {@code local} profile with development tokens turned on (both steps) and its public
 * development key, with a tight rate limit of three requests per user per minute. Shared by the test classes that
 * need either. Tokens here come from {@code POST /api/dev/tokens}, not from {@link Tokens}.
 */
@SpringBootTest(classes = IngressApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "gream.auth.dev-tokens.enabled=true",
                "gream.ingress.rate-limit.requests-per-period=3",
                "gream.ingress.rate-limit.period=1m",
                "gream.ingress.rate-limit.anonymous-requests-per-period=100000"
        })
@ActiveProfiles("local")
public abstract class LocalProfileContext extends RunningIngress {
}
