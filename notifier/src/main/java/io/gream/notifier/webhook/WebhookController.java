package io.gream.notifier.webhook;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.gream.auth.AuthenticatedUser;
import io.gream.support.problem.ProblemException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/**
 * A user's webhooks: register (the signing secret is in this one answer only), list, rotate the secret, delete.
 * Registration refuses URLs the {@link DestinationGuard} does not allow, with {@code 400 WEBHOOK_URL_NOT_ALLOWED}.
 * Rotation answers the new secret once; the previous one keeps signing beside it for a grace period, so a receiver
 * can switch without refusing a delivery.
 */
@RestController
class WebhookController {

    static final String URL_NOT_ALLOWED = "WEBHOOK_URL_NOT_ALLOWED";
    static final String TOO_MANY = "TOO_MANY_WEBHOOKS";

    private static final Logger log = LoggerFactory.getLogger(WebhookController.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final WebhookRegistry registry;
    private final DestinationGuard guard;
    private final WebhookProperties properties;
    private final Clock clock;

    WebhookController(WebhookRegistry registry, DestinationGuard guard, WebhookProperties properties, Clock clock) {
        this.registry = registry;
        this.guard = guard;
        this.properties = properties;
        this.clock = clock;
    }

    record RegisterWebhook(String url) {
    }

    /** @param gracePeriodSeconds how long the current secret keeps signing beside the new one */
    record RotateSecret(Long gracePeriodSeconds) {
    }

    /**
     * @param secret                  only in the answer to registration or rotation; keep it, it cannot be shown
     *                                again
     * @param previousSecretExpiresAt until when the secret before the last rotation still signs as well
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record WebhookView(String id, String url, Instant createdAt, String secret, Instant previousSecretExpiresAt) {

        static WebhookView of(Webhook webhook, boolean withSecret) {
            return new WebhookView(webhook.id(), webhook.url(), webhook.createdAt(),
                    withSecret ? webhook.secret() : null, webhook.previousSecretExpiresAt());
        }
    }

    record WebhookList(List<WebhookView> webhooks) {
    }

    @PostMapping(path = "/api/webhooks", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<WebhookView> register(AuthenticatedUser user, @RequestBody RegisterWebhook request) {
        if (request.url() == null || request.url().isBlank()) {
            throw ProblemException.invalid("url", "required");
        }
        URI url;
        try {
            url = guard.check(request.url());
        } catch (UnsafeDestinationException e) {
            log.info("Refused webhook URL for user {}: {}", user.userId(), e.getMessage());
            throw new ProblemException(HttpStatus.BAD_REQUEST, URL_NOT_ALLOWED, "url: " + e.getMessage())
                    .withProperty("errors", List.of(java.util.Map.of("field", "url", "message", e.getMessage())));
        }
        if (registry.countOwnedBy(user.userId()) >= properties.maxPerUser()) {
            throw new ProblemException(HttpStatus.CONFLICT, TOO_MANY,
                    "You have " + properties.maxPerUser() + " webhooks, the most allowed; delete one first.");
        }
        Webhook webhook = new Webhook(UUID.randomUUID().toString(), user.userId(), url.toString(), newSecret(),
                clock.instant(), null);
        registry.add(webhook);
        log.info("User {} registered webhook {} for {}", user.userId(), webhook.id(), url.getHost());
        return ResponseEntity.created(URI.create("/api/webhooks/" + webhook.id()))
                .body(WebhookView.of(webhook, true));
    }

    @GetMapping("/api/webhooks")
    WebhookList list(AuthenticatedUser user) {
        return new WebhookList(registry.ownedBy(user.userId()).stream().map(w -> WebhookView.of(w, false)).toList());
    }

    @PostMapping("/api/webhooks/{id}/rotate-secret")
    WebhookView rotateSecret(AuthenticatedUser user, @PathVariable String id,
                             @RequestBody(required = false) RotateSecret request) {
        Duration grace = properties.rotationGrace();
        if (request != null && request.gracePeriodSeconds() != null) {
            long seconds = request.gracePeriodSeconds();
            if (seconds < 0 || seconds > properties.maxRotationGrace().toSeconds()) {
                throw ProblemException.invalid("gracePeriodSeconds",
                        "must be in 0.." + properties.maxRotationGrace().toSeconds());
            }
            grace = Duration.ofSeconds(seconds);
        }
        Webhook rotated = registry.rotate(user.userId(), id, newSecret(), clock.instant().plus(grace))
                .orElseThrow(() -> notFound(id));
        log.info("User {} rotated the secret of webhook {}; the previous one signs until {}", user.userId(), id,
                rotated.previousSecretExpiresAt());
        return WebhookView.of(rotated, true);
    }

    @DeleteMapping("/api/webhooks/{id}")
    ResponseEntity<Void> delete(AuthenticatedUser user, @PathVariable String id) {
        if (!registry.remove(user.userId(), id)) {
            throw notFound(id);
        }
        return ResponseEntity.noContent().build();
    }

    private static ProblemException notFound(String id) {
        return new ProblemException(HttpStatus.NOT_FOUND, "WEBHOOK_NOT_FOUND", "You have no webhook " + id + ".");
    }

    /** 32 random bytes: as strong as the HMAC-SHA256 it keys. */
    private static String newSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return "whsec_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
