/**
 * What a user is told, and why: {@link io.gream.notifier.notification.NotificationDerivation} turns an auction or
 * settlement event into notifications, as a pure function. No Kafka, Spring or database here.
 */
package io.gream.notifier.notification;
