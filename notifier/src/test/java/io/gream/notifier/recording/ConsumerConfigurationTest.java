package io.gream.notifier.recording;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.util.backoff.BackOffExecution;

import java.sql.SQLTransientConnectionException;

import static org.assertj.core.api.Assertions.assertThat;

/** Which failures hold the consumer until they pass, and which are dead-lettered after a minute of retries. */
class ConsumerConfigurationTest {

    @Test
    void aDatabaseThatCannotBeReachedIsWaitedForWithoutEnd() {
        assertThat(ConsumerConfiguration.databaseUnavailable(new ListenerExecutionFailedException("listener failed",
                new CannotCreateTransactionException("no connection",
                        new SQLTransientConnectionException("pool timed out"))))).isTrue();
        assertThat(ConsumerConfiguration.databaseUnavailable(
                new CannotGetJdbcConnectionException("refused"))).isTrue();

        BackOffExecution retries = ConsumerConfiguration.backOff(true).start();
        for (int attempt = 0; attempt < 10_000; attempt++) {
            assertThat(retries.nextBackOff()).isBetween(200L, 10_000L);
        }
    }

    @Test
    void anyOtherFailureIsRetriedForAboutAMinuteThenGivenUp() {
        assertThat(ConsumerConfiguration.databaseUnavailable(new ListenerExecutionFailedException("listener failed",
                new IllegalStateException("a bug")))).isFalse();

        BackOffExecution retries = ConsumerConfiguration.backOff(false).start();
        long waited = 0;
        int attempts = 0;
        for (long next = retries.nextBackOff(); next != BackOffExecution.STOP; next = retries.nextBackOff()) {
            waited += next;
            attempts++;
        }
        assertThat(attempts).isBetween(5, 20);
        assertThat(waited).isBetween(50_000L, 70_000L);
    }
}
