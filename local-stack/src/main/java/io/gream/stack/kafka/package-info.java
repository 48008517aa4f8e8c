/**
 * The local stack's Kafka topics: the Gream topics created on its one node ({@link io.gream.kafka.KafkaNode}, a real
 * Apache Kafka node started from Kafka's own server code with a durable log directory).
 */
package io.gream.stack.kafka;
