/**
 * The server-sent event stream of a user's notifications, fed from the shared inbox by one tail per replica, with
 * {@code Last-Event-ID} resume.
 */
package io.gream.notifier.stream;
