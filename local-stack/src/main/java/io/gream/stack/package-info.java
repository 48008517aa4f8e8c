/**
 * The local launcher: one command starts a real Kafka broker, the Gream topics and every service on one machine,
 * with all data under one directory that survives restarts.
 */
package io.gream.stack;
