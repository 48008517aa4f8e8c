/** Test support: events, the database, a running notifier against a real broker, tokens and HTTP helpers. */
package io.gream.notifier.testing;
