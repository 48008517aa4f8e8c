package io.gream.support.problem;

import io.gream.support.json.StrictJsonConfiguration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A service that imports the shared problem+json and strict JSON configurations, over real HTTP: every failure is a
 * problem document with a stable {@code code}, whether a feature, Spring MVC or Tomcat itself refused the request.
 */
class ProblemJsonTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static ConfigurableApplicationContext service;
    private static String url;

    record Bid(long amount) {
    }

    @RestController
    static class BidController {

        @PostMapping("/bids")
        Bid bid(@RequestBody Bid bid) {
            if (bid.amount() <= 0) {
                throw ProblemException.invalid("amount", "must be positive");
            }
            if (bid.amount() == 429) {
                throw new ProblemException(HttpStatus.TOO_MANY_REQUESTS, "RATE_LIMITED", "slow down")
                        .withHeader("Retry-After", "3");
            }
            return bid;
        }
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration(excludeName = "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration")
    @Import({ProblemJsonConfiguration.class, StrictJsonConfiguration.class, BidController.class})
    static class Service {
    }

    @BeforeAll
    static void start() {
        service = new SpringApplicationBuilder(Service.class)
                .properties("server.port=0", "spring.main.banner-mode=off").run();
        url = "http://localhost:" + ((WebServerApplicationContext) service).getWebServer().getPort();
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    @Test
    void aFeaturesRefusalKeepsItsStatusCodeFieldsAndHeaders() throws Exception {
        HttpResponse<String> invalid = post("{\"amount\":0}");
        HttpResponse<String> limited = post("{\"amount\":429}");

        assertProblem(invalid, 400, "VALIDATION_FAILED");
        assertThat(json(invalid).path("errors").get(0).path("field").asString()).isEqualTo("amount");
        assertProblem(limited, 429, "RATE_LIMITED");
        assertThat(limited.headers().firstValue("Retry-After")).hasValue("3");
    }

    @Test
    void unreadableBodiesAreToldApartByWhatIsWrong() throws Exception {
        assertProblem(post("{\"amount\":"), 400, "MALFORMED_JSON");
        assertProblem(post("{\"amount\":1} {\"amount\":2}"), 400, "MALFORMED_JSON");
        assertProblem(post("{\"amount\":1,\"amount\":2}"), 400, "MALFORMED_JSON");
        assertProblem(post("{\"amount\":\"1500\"}"), 400, "WRONG_TYPE");
        assertProblem(post("{\"amount\":1500.5}"), 400, "WRONG_TYPE");
        HttpResponse<String> namesAUser = post("{\"amount\":1500,\"userId\":\"mallory\"}");
        assertProblem(namesAUser, 400, "UNKNOWN_PROPERTY");
        assertThat(json(namesAUser).path("detail").asString()).contains("subject of the bearer token");
    }

    @Test
    void theFrameworksOwnRefusalsCarryACodeToo() throws Exception {
        assertProblem(send(HttpRequest.newBuilder(URI.create(url + "/nowhere")).GET()), 404, "NOT_FOUND");
        assertProblem(send(HttpRequest.newBuilder(URI.create(url + "/bids")).GET()), 405, "METHOD_NOT_ALLOWED");
        assertProblem(send(HttpRequest.newBuilder(URI.create(url + "/bids")).header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("1500"))), 415, "UNSUPPORTED_MEDIA_TYPE");
    }

    @Test
    void aPathTomcatRefusesBeforeSpringMvcIsAProblemDocumentNotAnHtmlPage() throws Exception {
        HttpResponse<String> answer = send(HttpRequest.newBuilder(URI.create(url + "/bids/a%2Fb")).GET());

        assertProblem(answer, 400, "BAD_REQUEST");
        assertThat(answer.body()).doesNotContain("Tomcat");
    }

    private static HttpResponse<String> post(String body) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(url + "/bids")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    private static void assertProblem(HttpResponse<String> response, int status, String code) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(json(response).path("code").asString()).isEqualTo(code);
        assertThat(json(response).path("type").asString())
                .isEqualTo("urn:gream:problem:" + code.toLowerCase().replace('_', '-'));
    }
}
