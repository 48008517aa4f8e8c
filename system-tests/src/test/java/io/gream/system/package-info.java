/**
 * Tests of Gream as a whole: real services (bid-engine instances, the ingress-api) and a real Kafka broker in one
 * JVM, driven only through the public REST API, the way a client uses it.
 */
package io.gream.system;
