/**
 * Dead letters made operable: every record on {@code gream.dead-letters}, whichever consumer wrote it (this worker,
 * the notifier, the bid-engine's Kafka Streams), is counted per source topic
 * ({@link io.gream.settlement.deadletter.DeadLetterMonitor}), and operators list them and replay them to their
 * original topic after a fix ({@link io.gream.settlement.deadletter.DeadLettersEndpoint}), at most once per original
 * record.
 */
package io.gream.settlement.deadletter;
