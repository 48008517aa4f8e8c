/**
 * The policy every Gream event consumer follows ({@link io.gream.support.kafka.ConsumerPolicy}): committed reads,
 * per-record commits, dead letters with their original bytes. A service opts in with
 * {@code @Import(ConsumerPolicyConfiguration.class)}.
 */
package io.gream.support.kafka;
