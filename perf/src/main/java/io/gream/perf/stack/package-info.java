/**
 * What a run runs against: a Kafka broker (in this JVM, or an existing cluster) and the Gream services as child
 * JVMs started from their runnable jars, with their memory and state size measurable from outside.
 */
package io.gream.perf.stack;
