// The one place that talks HTTP: the session (token in sessionStorage), the server clock, and the API calls.
// Every answer that is not 2xx becomes an ApiError carrying the RFC 9457 problem document.

const TOKEN_KEY = 'gream.token';

export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail || problem?.title || `HTTP ${status}`);
    this.status = status;
    this.problem = problem || {};
    this.code = this.problem.code;
  }
  /** The problem's field errors as {field: message}. */
  fieldErrors() {
    const out = {};
    for (const e of this.problem.errors || []) out[e.field] = e.message;
    return out;
  }
}

/** Network failure: the request may or may not have reached the server. */
export class NetworkError extends Error {}

// ---- session -------------------------------------------------------------------------------------------------

export const session = {
  get token() { return sessionStorage.getItem(TOKEN_KEY); },
  /** The user the token names (its `sub`), read for display only: the server verifies the token. */
  get user() {
    const token = this.token;
    if (!token) return null;
    try {
      const payload = token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
      const claims = JSON.parse(decodeURIComponent(escape(atob(payload))));
      return claims.sub || null;
    } catch {
      return null;
    }
  },
  signIn(token) { sessionStorage.setItem(TOKEN_KEY, token.trim()); dispatchEvent(new Event('gream:session')); },
  signOut() { sessionStorage.removeItem(TOKEN_KEY); dispatchEvent(new Event('gream:session')); },
};

// ---- configuration and server time ----------------------------------------------------------------------------

let config = { notificationsUrl: '' };
let offsetMs = 0; // server time minus browser time

/** Reads /web-config.json and measures the browser clock against the server's, halving the round trip. */
export async function loadConfig() {
  const sent = Date.now();
  const response = await fetch('/web-config.json', { cache: 'no-store' });
  const received = Date.now();
  config = await response.json();
  const server = Date.parse(config.serverTime);
  if (!Number.isNaN(server)) offsetMs = server - (sent + received) / 2;
  return config;
}

/** The server's time now, in epoch milliseconds. */
export const serverNow = () => Date.now() + offsetMs;
export const notificationsBase = () => config.notificationsUrl || '';

// ---- requests -------------------------------------------------------------------------------------------------

async function request(url, { method = 'GET', body, headers = {}, auth = false } = {}) {
  const h = { Accept: 'application/json, application/problem+json', ...headers };
  if (body !== undefined) h['Content-Type'] = 'application/json';
  if (auth) {
    if (!session.token) throw new ApiError(401, { code: 'UNAUTHORIZED', detail: 'Sign in first.' });
    h.Authorization = `Bearer ${session.token}`;
  }
  let response;
  try {
    response = await fetch(url, { method, headers: h, body: body === undefined ? undefined : JSON.stringify(body) });
  } catch (e) {
    throw new NetworkError('The server could not be reached. Check your connection and try again.');
  }
  const text = await response.text();
  let json = null;
  try { json = text ? JSON.parse(text) : null; } catch { json = null; }
  if (response.status === 401 && auth) dispatchEvent(new Event('gream:unauthorized'));
  if (!response.ok) throw new ApiError(response.status, json);
  return { status: response.status, json, headers: response.headers };
}

export const api = {
  devToken: userId => request('/api/dev/tokens', { method: 'POST', body: { userId } }),
  auctions: ({ brand, cursor, limit = 12 } = {}) => {
    const q = new URLSearchParams({ status: 'OPEN', limit: String(limit) });
    if (brand) q.set('brand', brand);
    if (cursor) q.set('cursor', cursor);
    return request(`/api/auctions?${q}`);
  },
  /** With the user's token when signed in: the leader then also sees their own secret maximum. */
  auction: async id => {
    const url = `/api/auctions/${encodeURIComponent(id)}`;
    try {
      return await request(url, { auth: Boolean(session.token) });
    } catch (e) {
      if (e.status === 401 && session.token) return request(url); // an expired sign-in still lets you watch
      throw e;
    }
  },
  /** Newest first; answers 404 where the server has no bid history (then the page builds it from the stream). */
  bids: (id, limit = 20) => request(`/api/auctions/${encodeURIComponent(id)}/bids?limit=${limit}`),
  placeBid: (id, amount, idempotencyKey, maxAmount = null) => request(`/api/auctions/${encodeURIComponent(id)}/bids`, {
    method: 'POST', auth: true, body: maxAmount === null ? { amount } : { amount, maxAmount },
    headers: { 'Idempotency-Key': idempotencyKey, Prefer: 'wait=5' },
  }),
  /** Follows a 202: the command's outcome, waiting up to 5 s for it. */
  commandOutcome: location => request(location, { auth: true, headers: { Prefer: 'wait=5' } }),
  openAuction: (body, idempotencyKey) => request('/api/auctions', {
    method: 'POST', auth: true, body, headers: { 'Idempotency-Key': idempotencyKey, Prefer: 'wait=5' },
  }),
  notifications: (size = 50) => request(`${notificationsBase()}/api/notifications?size=${size}`, { auth: true }),
  markRead: id => request(`${notificationsBase()}/api/notifications/${id}/read`, { method: 'POST', auth: true }),
};

/** A fresh key for one intended action; the same key is sent again on every retry of that action. */
// getRandomValues, not randomUUID: the latter exists only on https and localhost pages.
export const newIdempotencyKey = () =>
  Array.from(crypto.getRandomValues(new Uint8Array(16)), b => b.toString(16).padStart(2, '0')).join('');
