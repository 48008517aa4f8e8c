package io.gream.engine.query;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

class InternalTokenFilterTest {

    private final InternalTokenFilter filter = new InternalTokenFilter("s3cret-shared-by-services");

    @Test
    void refusesQueriesWithoutTheToken() throws Exception {
        MockHttpServletResponse response = run(request("/auctions/a-1", null));

        assertThat(response.getStatus()).isEqualTo(401);
        assertThat(response.getContentType()).isEqualTo("application/problem+json");
    }

    @Test
    void refusesQueriesWithAnotherToken() throws Exception {
        assertThat(run(request("/auctions/a-1", "guess")).getStatus()).isEqualTo(401);
    }

    @Test
    void passesQueriesWithTheToken() throws Exception {
        MockFilterChain chain = new MockFilterChain();
        filter.doFilter(request("/auctions/a-1", "s3cret-shared-by-services"), new MockHttpServletResponse(), chain);

        assertThat(chain.getRequest()).isNotNull();
    }

    @Test
    void leavesActuatorAlone() throws Exception {
        MockFilterChain chain = new MockFilterChain();
        filter.doFilter(request("/actuator/health", null), new MockHttpServletResponse(), chain);

        assertThat(chain.getRequest()).isNotNull();
    }

    private MockHttpServletResponse run(MockHttpServletRequest request) throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();
        filter.doFilter(request, response, chain);
        assertThat(chain.getRequest()).as("request must not pass").isNull();
        return response;
    }

    private static MockHttpServletRequest request(String uri, String token) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", uri);
        if (token != null) {
            request.addHeader(EngineForwarder.TOKEN_HEADER, token);
        }
        return request;
    }
}
