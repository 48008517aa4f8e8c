/** End to end through the ingress REST API, with the engine's outcome in each answer. */
package io.gream.perf.rest;
