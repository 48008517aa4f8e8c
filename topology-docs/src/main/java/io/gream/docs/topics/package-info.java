/**
 * The topic catalog: every {@code gream.*} topic with its key, values, configs, writers and readers, a JSON Schema
 * generated from each contract record, and an example payload the real engine produced.
 *
 * <p>Facts come from the code wherever the code has them ({@code Topics}, the records' {@code @JsonSubTypes}, the
 * engine's topology); the rest restates DESIGN.md section 3.
 */
package io.gream.docs.topics;
