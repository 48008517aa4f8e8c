/**
 * One way to start a real Apache Kafka node (KRaft, Kafka's own server code, durable log directory, or a throwaway
 * one), shared by the local stack, the failover drill and the benchmarks, and the one reading of a consumer group's
 * lag that the drill and the benchmarks wait on.
 */
package io.gream.kafka;
