/**
 * The web marketplace: static files under {@code classpath:/gream-web/} and the Spring MVC wiring that serves them.
 *
 * <p>A service serves the page by importing {@link io.gream.marketplace.WebConfiguration}; the ingress does. The
 * files live outside Spring Boot's default static locations on purpose, so the other services that share a
 * classpath in the local stack do not serve the page too.
 */
package io.gream.marketplace;
