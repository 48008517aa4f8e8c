/**
 * Gream services and Kafka nodes run as child JVMs from their runnable jars: the one launcher of the benchmarks and
 * the failover drill. It knows no service's settings; the caller builds the command line.
 */
package io.gream.childjvm;
