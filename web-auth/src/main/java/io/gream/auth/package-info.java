/**
 * Who is calling, for every Gream HTTP service: verification of the bearer JWT, and the acting user it names.
 *
 * <p>A service that {@code @Import}s {@link io.gream.auth.AuthConfiguration} requires a valid token on every
 * {@code /api/**} handler method that takes an {@link io.gream.auth.AuthenticatedUser} parameter; every other
 * handler is public. The token is a JWT signed by the identity provider (RS256, ES256 or EdDSA, verified with the
 * public keys of its JWKS) whose {@code sub} is the user, with {@code exp}, {@code iss} and {@code aud} required and
 * checked and a maximum lifetime ({@code gream.auth.*}); nothing else a client sends can name the acting user. An
 * HMAC key, which could also mint tokens, is accepted under the {@code local} profile only. Refusals are {@code 401} problem documents with a {@code WWW-Authenticate: Bearer} challenge.
 */
package io.gream.auth;
