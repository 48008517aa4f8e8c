// Small DOM and formatting helpers shared by the pages. Text goes in through textContent only, never innerHTML,
// so nothing a user typed (a brand, a name) can become markup.

/** h('p', {class: 'x', onclick: fn}, 'text', child): builds an element. */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key.startsWith('on')) el.addEventListener(key.slice(2), value);
    else if (key === 'class') el.className = value;
    else if (value === true) el.setAttribute(key, '');
    else el.setAttribute(key, String(value));
  }
  for (const child of children.flat()) {
    if (child === undefined || child === null || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return el;
}

const won = new Intl.NumberFormat('ko-KR', { style: 'currency', currency: 'KRW' });
/** Minor units of KRW (won has no subunit) as "₩3,100". */
export const money = amount => (amount === null || amount === undefined ? '-' : won.format(amount));

/** "2d 4h", "3h 05m", "4m 09s", "12s", or "0s" once passed. */
export function timeLeft(ms) {
  const s = Math.max(0, Math.ceil(ms / 1000));
  const d = Math.floor(s / 86400), hr = Math.floor((s % 86400) / 3600), m = Math.floor((s % 3600) / 60), sec = s % 60;
  if (d > 0) return `${d}d ${hr}h`;
  if (hr > 0) return `${hr}h ${String(m).padStart(2, '0')}m`;
  if (m > 0) return `${m}m ${String(sec).padStart(2, '0')}s`;
  return `${sec}s`;
}

export const dateTime = iso => new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
export const clock = iso => new Date(iso).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit' });

/** A short message for everyone, also read out by screen readers (the container is aria-live). */
export function toast(text, kind = 'info') {
  const box = document.getElementById('toasts');
  const item = h('div', { class: `toast ${kind}` }, text);
  box.append(item);
  setTimeout(() => item.remove(), 8000);
}

/** A field with its label and an error slot that the field's aria-describedby points at. */
export function field({ id, label, hint, input }) {
  input.id = id;
  input.name = id;
  const error = h('p', { class: 'field-error', id: `${id}-error`, 'aria-live': 'polite' });
  const hintEl = hint ? h('p', { class: 'hint', id: `${id}-hint` }, hint) : null;
  input.setAttribute('aria-describedby', [hintEl ? `${id}-hint` : null, `${id}-error`].filter(Boolean).join(' '));
  return h('div', { class: 'field', 'data-field': id }, h('label', { for: id }, label), input, hintEl, error);
}

/** Shows (or clears, with '') the error of a field built by field(). */
export function setFieldError(form, id, message) {
  const input = form.querySelector(`#${CSS.escape(id)}`);
  const error = form.querySelector(`#${CSS.escape(id)}-error`);
  if (!input || !error) return false;
  error.textContent = message || '';
  if (message) input.setAttribute('aria-invalid', 'true');
  else input.removeAttribute('aria-invalid');
  return true;
}

export const reasonsInWords = {
  BID_TOO_LOW: 'Too low',
  ALREADY_LEADING: 'You already hold the highest bid.',
  SELF_BID: 'You cannot bid on your own auction.',
  AUCTION_CLOSED: 'This auction has closed: bids are no longer taken.',
  AUCTION_NOT_FOUND: 'There is no such auction.',
  AMOUNT_TOO_HIGH: 'That amount is above the highest bid allowed.',
  RATE_LIMITED: 'Too many requests at once: wait a moment and try again.',
  UNAUTHORIZED: 'Your sign-in has expired or is not valid: sign in again.',
  ENGINE_UNAVAILABLE: 'The auction house is busy for a moment: try again.',
  BROKER_UNAVAILABLE: 'The auction house is busy for a moment: try again.',
};
