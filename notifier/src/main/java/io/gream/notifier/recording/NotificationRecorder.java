package io.gream.notifier.recording;

import io.gream.notifier.inbox.NotificationInbox;
import io.gream.notifier.notification.Notification;
import io.gream.notifier.notification.NotificationDerivation;
import io.gream.notifier.webhook.DeliveryOutbox;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Instant;
import java.util.OptionalLong;

/**
 * Records what one event means, in one database transaction: the inbox rows of its notifications and, only for
 * those that are new, the webhook deliveries. The unique {@code (event_id, recipient_id)} key decides "new", so an
 * event read twice (redelivery after a crash, a rebalance, a second replica) creates nothing the second time. The
 * consumer commits the record's offset only after this transaction, so a crash in between means a redelivery, which
 * the key absorbs.
 */
@Component
class NotificationRecorder {

    /** Bounds how long a recording transaction may hold locks; also bounds how late a row can commit. */
    static final int TRANSACTION_TIMEOUT_SECONDS = 10;

    private final NotificationInbox inbox;
    private final DeliveryOutbox outbox;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final Counter created;
    private final Counter duplicates;

    NotificationRecorder(NotificationInbox inbox, DeliveryOutbox outbox, PlatformTransactionManager transactionManager,
                         Clock clock, MeterRegistry meters) {
        this.inbox = inbox;
        this.outbox = outbox;
        this.transactions = new TransactionTemplate(transactionManager);
        this.transactions.setTimeout(TRANSACTION_TIMEOUT_SECONDS);
        this.clock = clock;
        this.created = Counter.builder("gream.notifier.notifications").tag("result", "created")
                .description("Notifications stored, by result").register(meters);
        this.duplicates = Counter.builder("gream.notifier.notifications").tag("result", "duplicate")
                .description("Notifications stored, by result").register(meters);
    }

    /** @return how many notifications were new */
    int record(Object event) {
        var notifications = NotificationDerivation.derive(event);
        if (notifications.isEmpty()) {
            return 0;
        }
        Integer fresh = transactions.execute(status -> {
            Instant now = clock.instant();
            int count = 0;
            for (Notification notification : notifications) {
                OptionalLong id = inbox.insertIfAbsent(notification, now);
                if (id.isPresent()) {
                    outbox.enqueue(notification.recipientId(), id.getAsLong(), now);
                    count++;
                }
            }
            return count;
        });
        int newOnes = fresh == null ? 0 : fresh;
        created.increment(newOnes);
        duplicates.increment(notifications.size() - newOnes);
        return newOnes;
    }
}
