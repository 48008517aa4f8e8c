package io.gream.notifier.recording;

import io.gream.support.kafka.ConsumerPolicy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.ExponentialBackOff;

import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;

/**
 * The consumer of both event topics, and how long its failures are retried.
 *
 * <p>It follows the shared {@link ConsumerPolicy}: {@code read_committed} (aborted decisions must never notify),
 * the offset committed after the record's database transaction, {@code earliest} for a new group (a fresh notifier
 * catches up from the log), unreadable records straight to {@code gream.dead-letters} with their original bytes.
 * While the database is unreachable a record is retried with backoff for as long as it takes: the consumer stops
 * moving and resumes when the database returns, so an outage loses no notification. Any other processing failure
 * is retried for about a minute, then dead-lettered, so one bad record never stops the consumer.
 */
@Configuration(proxyBeanMethods = false)
class ConsumerConfiguration {

    static final String CONTAINER_FACTORY = "notifierListenerContainerFactory";

    @Bean(CONTAINER_FACTORY)
    ConcurrentKafkaListenerContainerFactory<String, Object> notifierListenerContainerFactory(ConsumerPolicy policy) {
        DefaultErrorHandler errors = policy.deadLettering(backOff(false));
        errors.setBackOffFunction((record, failure) -> databaseUnavailable(failure) ? backOff(true) : null);
        return policy.listenerContainerFactory(policy.consumerFactory(new EventDeserializer()), errors);
    }

    /** Backoff up to 10 s apart; for about a minute, or without end while the database is unavailable. */
    static BackOff backOff(boolean untilItSucceeds) {
        ExponentialBackOff backOff = new ExponentialBackOff(200, 2.0);
        backOff.setMaxInterval(10_000);
        backOff.setMaxElapsedTime(untilItSucceeds ? Long.MAX_VALUE : 60_000);
        return backOff;
    }

    /**
     * Whether a failure says the database could not be reached or could not serve, rather than that this record
     * cannot be recorded: retrying the first helps once the database is back, dead-lettering it would lose the
     * notification.
     */
    static boolean databaseUnavailable(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof TransientDataAccessException || cause instanceof DataAccessResourceFailureException
                    || cause instanceof RecoverableDataAccessException
                    || cause instanceof CannotCreateTransactionException
                    || cause instanceof SQLTransientException || cause instanceof SQLRecoverableException) {
                return true;
            }
        }
        return false;
    }
}
