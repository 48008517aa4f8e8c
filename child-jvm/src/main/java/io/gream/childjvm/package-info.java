/**
 * Gream services and Kafka nodes run as child JVMs from their runnable jars: the one launcher of the benchmarks and
 * the failover drill, with a free port to start them on. It knows no service's settings beyond Spring Boot's
 * {@code --server.port}; the caller builds the rest of the command line.
 */
package io.gream.childjvm;
