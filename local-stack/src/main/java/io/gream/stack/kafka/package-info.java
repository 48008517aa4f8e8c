/**
 * The local stack's Kafka: one real Apache Kafka node (KRaft, broker and controller) started from Kafka's own server
 * code with a durable log directory, and the Gream topics created on it.
 */
package io.gream.stack.kafka;
