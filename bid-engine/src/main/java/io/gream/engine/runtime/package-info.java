/**
 * Runs the topology inside Spring Boot: settings from {@code bid-engine.yml}, the topics it needs, the
 * {@link org.apache.kafka.streams.KafkaStreams} lifecycle, health and metrics. The only package of the engine that
 * knows about Spring.
 */
package io.gream.engine.runtime;
