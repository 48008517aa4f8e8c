/**
 * One way to start a real Apache Kafka node (KRaft, Kafka's own server code, durable log directory), shared by the
 * local stack, the failover drill and the benchmarks.
 */
package io.gream.kafka;
