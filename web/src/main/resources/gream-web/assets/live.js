// Server-sent events over fetch: unlike EventSource, fetch can send the bearer token in a header, so no token ever
// goes into a URL. One reader serves the public auction stream and the user's notification stream alike.

import { session, notificationsBase } from './api.js';

/**
 * Reads a text/event-stream until it ends or `signal` aborts, calling onEvent({id, event, data}) per event.
 * Resolves with the last event id seen; rejects with {status} when the server refuses the stream.
 */
export async function readEventStream(url, { headers = {}, signal, onEvent, onOpen }) {
  const response = await fetch(url, { headers: { Accept: 'text/event-stream', ...headers }, signal, cache: 'no-store' });
  if (!response.ok || !response.body) {
    const error = new Error(`stream answered ${response.status}`);
    error.status = response.status;
    throw error;
  }
  onOpen?.();
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  let event = { data: [] };
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer += value;
    let newline;
    while ((newline = buffer.search(/\r\n|\r|\n/)) >= 0) {
      const line = buffer.slice(0, newline);
      buffer = buffer.slice(newline + (buffer.startsWith('\r\n', newline) ? 2 : 1));
      if (line === '') {
        if (event.data.length) onEvent({ id: event.id, event: event.event || 'message', data: event.data.join('\n') });
        event = { data: [] };
        continue;
      }
      if (line.startsWith(':')) continue; // comment (keep-alive)
      const colon = line.indexOf(':');
      const field = colon < 0 ? line : line.slice(0, colon);
      const val = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
      if (field === 'data') event.data.push(val);
      else if (field === 'id') event.id = val;
      else if (field === 'event') event.event = val;
    }
  }
}

/**
 * Keeps a stream open: reconnects with Last-Event-ID after an end or a failure (1 s, doubling to 15 s), until
 * stop() is called. `resumeFrom()` gives the id to resume after; `onRefused(status)` decides whether to go on.
 */
export function keepStreaming(urlFn, { headersFn = () => ({}), resumeFrom, onEvent, onOpen, onRefused }) {
  const controller = new AbortController();
  let stopped = false;
  (async () => {
    let backoff = 1000;
    while (!stopped) {
      try {
        const headers = { ...headersFn() };
        const last = resumeFrom();
        if (last !== undefined && last !== null) headers['Last-Event-ID'] = String(last);
        await readEventStream(urlFn(), { headers, signal: controller.signal, onEvent,
          onOpen: () => { backoff = 1000; onOpen?.(); } });
      } catch (e) {
        if (stopped) return;
        if (e.status && onRefused && onRefused(e.status) === false) return;
      }
      if (stopped) return;
      await new Promise(resolve => setTimeout(resolve, backoff));
      backoff = Math.min(backoff * 2, 15000);
    }
  })();
  return { stop() { stopped = true; controller.abort(); } };
}

// ---- the signed-in user's notifications -----------------------------------------------------------------------

const listeners = new Set();
let stream = null;
let lastId = null;

/** Calls fn(notification) for every notification that arrives while signed in. Returns an unsubscribe function. */
export function onNotification(fn) {
  listeners.add(fn);
  return () => listeners.delete(fn);
}

/** (Re)starts the notification stream for the current session; stops it when signed out. */
export function followNotifications(startAfterId) {
  stream?.stop();
  stream = null;
  lastId = startAfterId ?? null;
  if (!session.token) return;
  stream = keepStreaming(() => `${notificationsBase()}/api/notifications/stream`, {
    headersFn: () => ({ Authorization: `Bearer ${session.token}` }),
    resumeFrom: () => lastId,
    onEvent: ({ id, data }) => {
      if (id) lastId = id;
      let notification;
      try { notification = JSON.parse(data); } catch { return; }
      listeners.forEach(fn => fn(notification));
    },
    onRefused: status => status !== 401 && status !== 403,
  });
}
