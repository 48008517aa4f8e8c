/**
 * HTTP input hardening and API documentation: the strict JSON mapping of request bodies, the request body size
 * limit, and the OpenAPI description served by springdoc.
 *
 * <p>Everything here runs before a controller sees a request, so an endpoint can rely on a body that is small,
 * well-formed JSON, of the right types and without unknown properties.
 */
package io.gream.ingress.web;
