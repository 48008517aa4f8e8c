package io.gream.marketplace;

import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Instant;

/**
 * {@code GET /web-config.json}: where the page finds the notifier, and the server's time. The page counts auctions
 * down from this time (offset by the request's round trip), not from the browser's clock, which may be minutes off.
 *
 * <p>The offset is only as good as half the round trip; a countdown does not need better.
 */
@RestController
class WebConfigController {

    private final WebProperties properties;
    private final Clock clock;

    WebConfigController(WebProperties properties) {
        this.properties = properties;
        this.clock = Clock.systemUTC();
    }

    record WebConfig(String notificationsUrl, Instant serverTime) {
    }

    @GetMapping("/web-config.json")
    ResponseEntity<WebConfig> config() {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore())
                .body(new WebConfig(properties.notificationsUrl(), clock.instant()));
    }
}
