package io.gream.ingress.pseudonym;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code gream.ingress.pseudonyms.*}.
 *
 * @param key Base64 of at least 32 random bytes, the HMAC key of the aliases. Empty: a random key for this process
 *            only, so aliases change at every restart and differ between replicas; every replica of a deployment
 *            must be given the same key
 */
@ConfigurationProperties("gream.ingress.pseudonyms")
record PseudonymProperties(String key) {
}
