/**
 * The auction rules of DESIGN.md section 2 as a pure decider: {@link io.gream.engine.auction.AuctionRules#decide}
 * turns (state, command, time) into events and {@link io.gream.engine.auction.AuctionRules#evolve} folds an event
 * into the state.
 *
 * <p>No Kafka, no Spring, no clock: time is always passed in (the command's broker timestamp or the partition's
 * clock), so replaying the same commands yields the same events. Money is {@code long} minor units.
 */
package io.gream.engine.auction;
