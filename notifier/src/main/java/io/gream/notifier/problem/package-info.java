/** Failed requests as RFC 9457 {@code application/problem+json} with a stable {@code code}, as in the ingress-api. */
package io.gream.notifier.problem;
