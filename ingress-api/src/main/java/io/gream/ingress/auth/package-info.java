/**
 * Development tokens: {@code POST /api/dev/tokens}, only under the {@code local} profile.
 *
 * <p>Token verification itself (the bearer JWT and the acting user it names) lives in the {@code web-auth} library,
 * {@link io.gream.auth}, shared with the other Gream services.
 */
package io.gream.ingress.auth;
