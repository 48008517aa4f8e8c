/**
 * {@code GET /api/auctions/{id}/events}: an auction's public decisions as server-sent events, as the tail reads
 * them, with {@code Last-Event-ID} resume by {@code seq}. One tail per replica feeds every watcher of every auction.
 */
package io.gream.ingress.live;
