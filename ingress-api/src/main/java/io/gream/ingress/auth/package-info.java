/**
 * Who is calling: verification of the bearer JWT, and the acting user it names.
 *
 * <p>A handler method that takes an {@link io.gream.ingress.auth.AuthenticatedUser} parameter requires a valid
 * token; every other handler is public. The token is an HMAC-signed JWT (jjwt) whose {@code sub} is the user,
 * with {@code exp}, {@code iss} and {@code aud} required and checked; nothing else a client sends can name the
 * acting user. A development token endpoint exists only under the {@code local} profile.
 */
package io.gream.ingress.auth;
