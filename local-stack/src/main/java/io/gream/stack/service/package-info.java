/**
 * The Gream services as the local stack runs them: each one's definition (application, port, wiring) in
 * {@link io.gream.stack.service.GreamServices}, and a running instance in its own Spring context.
 */
package io.gream.stack.service;
