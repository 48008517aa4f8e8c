package io.gream.settlement.secondchance;

import io.gream.contracts.SecondChanceCommand;
import io.gream.settlement.worker.WorkerKafkaConfiguration;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.handler.annotation.Header;
import org.springframework.messaging.handler.annotation.Payload;

import java.time.Instant;

/**
 * Reads {@code gream.settlement-commands} and hands each command, with its broker time, to {@link SecondChances}.
 * Returns only when the command's outcome is recorded and published; the offset is then committed (ack mode RECORD),
 * so a crash before that delivers the command again.
 */
class SecondChanceCommandListener {

    static final String ID = "second-chance";

    private final SecondChances secondChances;

    SecondChanceCommandListener(SecondChances secondChances) {
        this.secondChances = secondChances;
    }

    @KafkaListener(id = ID, topics = "#{T(io.gream.contracts.Topics).SETTLEMENT_COMMANDS.name()}",
            groupId = "${gream.settlement.group-id}", concurrency = "${gream.settlement.concurrency}",
            containerFactory = WorkerKafkaConfiguration.SETTLEMENT_COMMANDS_CONTAINER_FACTORY)
    void onCommand(@Payload SecondChanceCommand command, @Header(KafkaHeaders.RECEIVED_TIMESTAMP) long timestamp) {
        secondChances.handle(command, Instant.ofEpochMilli(timestamp));
    }
}
