package io.gream.lockingbaseline;

import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.security.Keys;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The baseline answers Gream's bid API as Gream does, or the benchmark would compare different work: a token is
 * required, an accepted bid is {@code 201}, a refused one a {@code 409} problem naming the rule, and a repeated
 * key gets the first answer. On H2 in MySQL mode; the locking itself is covered on MariaDB by
 * {@link LockingBidServiceTest}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:bid-controller;MODE=MySQL;DB_CLOSE_DELAY=-1",
        "spring.datasource.username=sa",
        "spring.profiles.active=local", // web-auth takes an HMAC key only under the local profile
        "gream.auth.hmac-secret=" + BidControllerTest.SECRET})
class BidControllerTest {

    static final String SECRET = "cGVyZi1sb2NraW5nLWJhc2VsaW5lLXRlc3Qta2V5LTMyYnl0ZXM=";

    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Autowired
    LockingBidService service;

    @BeforeEach
    void auction() {
        if (service.standing("a-1").isEmpty()) {
            service.open(new String[] {"a-1"}, "seller", 1_000, 100, Instant.now().plusSeconds(3600).toEpochMilli());
        }
    }

    private String token(String user) {
        return Jwts.builder().subject(user).issuer("gream").audience().add("gream-ingress").and()
                .expiration(Date.from(Instant.now().plusSeconds(600)))
                .signWith(Keys.hmacShaKeyFor(Base64.getDecoder().decode(SECRET))).compact();
    }

    private HttpResponse<String> bid(String user, String key, long amount) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/api/auctions/a-1/bids"))
                .header("Content-Type", "application/json").header("Idempotency-Key", key)
                .POST(HttpRequest.BodyPublishers.ofString("{\"amount\":" + amount + "}"));
        if (user != null) {
            request.header("Authorization", "Bearer " + token(user));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void answersLikeGream() throws Exception {
        assertThat(bid(null, "k0", 5_000).statusCode()).isEqualTo(401);

        HttpResponse<String> accepted = bid("u1", "k1", 5_000);
        assertThat(accepted.statusCode()).isEqualTo(201);
        assertThat(accepted.body()).contains("\"bidderId\":\"u1\"").contains("\"amount\":5000");

        HttpResponse<String> tooLow = bid("u2", "k2", 5_000);
        assertThat(tooLow.statusCode()).isEqualTo(409);
        assertThat(tooLow.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(tooLow.body()).contains("\"reason\":\"BID_TOO_LOW\"");

        assertThat(bid("u1", "k1", 5_000).statusCode()).as("a repeated key").isEqualTo(201);
        assertThat(service.standing("a-1")).contains(new LockingBidService.Standing(5_000L, "u1", 1));
    }
}
