/**
 * HTTP input hardening and API documentation: the request body size limit, answers without null fields, and the
 * OpenAPI description served by springdoc. The strict JSON mapping of request bodies is the shared one of
 * {@code service-support}.
 *
 * <p>Everything here runs before a controller sees a request, so an endpoint can rely on a body that is small,
 * well-formed JSON, of the right types and without unknown properties.
 */
package io.gream.ingress.web;
