/**
 * Renders a Kafka Streams {@link org.apache.kafka.streams.TopologyDescription} for people: a Mermaid diagram with
 * the real node, topic and store names, next to the {@code describe()} text.
 */
package io.gream.docs.topology;
