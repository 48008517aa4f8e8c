/**
 * The docs generator: turns the code into {@code docs/topology.md} (the bid-engine topology) and
 * {@code docs/topics.md} (the topic catalog with generated JSON Schemas and real example payloads).
 *
 * <p>A build-time tool, never deployed. {@link io.gream.docs.DocsGenerator} writes the files; a test regenerates
 * them in every build and fails when the committed copies differ.
 */
package io.gream.docs;
