package io.gream.support.ratelimit;

import io.gream.support.problem.ProblemException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Requests without a token are charged to their client address, each address to its own allowance. */
class RateLimitInterceptorTest {

    private final Counter limited = new SimpleMeterRegistry().counter("limited");
    private final RateLimitInterceptor interceptor = new RateLimitInterceptor(
            new LocalRateLimits(100, Duration.ofHours(1), 10), new LocalRateLimits(2, Duration.ofHours(1), 10), limited);

    @Test
    void aClientAddressOverItsAllowanceIs429WhileAnotherAddressCarriesOn() {
        assertThat(read("203.0.113.7")).isTrue();
        assertThat(read("203.0.113.7")).isTrue();

        assertThatThrownBy(() -> read("203.0.113.7")).isInstanceOfSatisfying(ProblemException.class, problem ->
                assertThat(problem.getMessage()).contains("Too many requests"));
        assertThat(read("198.51.100.9")).isTrue();
        assertThat(limited.count()).isEqualTo(1);
    }

    private boolean read(String clientAddress) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/auctions/a-1");
        request.setRemoteAddr(clientAddress);
        return interceptor.preHandle(request, new MockHttpServletResponse(), new Object());
    }
}
