/**
 * The contract between Gream's modules: the commands written to {@code gream.auction-commands}, the events the
 * bid-engine decides, the topics they travel on and the JSON serdes that read and write them.
 *
 * <p>Plain Java records under sealed interfaces, with no Spring and no business rules: a record here checks only
 * that it is well formed (ids present, required fields set). Whether a well-formed command is <em>allowed</em> is
 * the bid-engine's decision, which it publishes as an event. Money is {@code long} in the currency's minor unit.
 *
 * <p>Schemas evolve only by adding optional fields, so readers ignore properties they do not know.
 */
package io.gream.contracts;
