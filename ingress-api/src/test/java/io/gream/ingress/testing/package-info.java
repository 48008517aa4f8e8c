/**
 * Test stand-ins shared by the ingress tests: one real in-JVM Kafka broker (KRaft) for the whole test run, a local
 * HTTP server that answers like the bid-engine, token minting (valid and forged), an HTTP client, and a
 * {@code read_committed} reader of the command topic.
 */
package io.gream.ingress.testing;
