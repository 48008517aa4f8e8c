package io.gream.support.ratelimit;

import io.gream.auth.AuthenticatedUser;
import io.gream.support.problem.ProblemCodes;
import io.gream.support.problem.ProblemException;
import io.micrometer.core.instrument.Counter;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.HandlerInterceptor;

import java.time.Duration;
import java.util.Optional;

/**
 * Charges each authenticated request to its user's allowance, and each request without a token (a public read) to
 * its client address's, right after the token is verified and before the body is read, so a client over the limit
 * costs almost nothing. Invalid requests count too: they cost work as well. The client address is the one Tomcat
 * reports: behind the load balancer, the {@code X-Forwarded-For} entry it added
 * ({@code server.forward-headers-strategy=native}).
 *
 * <p>A request refused for its token never gets here: the token check answers it first, uncharged.
 */
final class RateLimitInterceptor implements HandlerInterceptor {

    private final RateLimits users;
    private final RateLimits addresses;
    private final Counter limited;

    RateLimitInterceptor(RateLimits users, RateLimits addresses, Counter limited) {
        this.users = users;
        this.addresses = addresses;
        this.limited = limited;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (request.getDispatcherType() == DispatcherType.ASYNC) {
            return true; // the same request again, to write the answer of an asynchronous handler: counted once
        }
        Optional<AuthenticatedUser> user = AuthenticatedUser.of(request);
        Optional<Duration> wait = user.isPresent() ? users.acquire(user.get().userId())
                : addresses.acquire(request.getRemoteAddr());
        if (wait.isPresent()) {
            limited.increment();
            long seconds = Math.max(1, (wait.get().toMillis() + 999) / 1000);
            throw new ProblemException(HttpStatus.TOO_MANY_REQUESTS, ProblemCodes.RATE_LIMITED,
                    "Too many requests; retry in " + seconds + " s.")
                    .withHeader(HttpHeaders.RETRY_AFTER, String.valueOf(seconds));
        }
        return true;
    }
}
