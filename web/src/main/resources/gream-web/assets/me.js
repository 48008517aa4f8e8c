// The signed-in user's page: notifications from the notifier's inbox, live, with the unread count; and the user's
// auctions derived from what exists: auctions won (WON notifications) and open auctions the user bid on (OUTBID
// notifications name them, and this browser remembers where it placed bids). There is no "my bids" query in the
// API; a bid placed on another device that was never outbid shows up here only once it is won.

import { api, session } from './api.js';
import { onNotification } from './live.js';
import { h, money, dateTime } from './ui.js';

const WORDS = {
  OUTBID: n => `You were outbid on ${n.auctionId}: the highest bid is now ${money(n.amount)}.`,
  WON: n => `You won ${n.auctionId} for ${money(n.amount)}.`,
  SOLD: n => `Your auction ${n.auctionId} sold for ${money(n.amount)}.`,
  NOT_SOLD: n => `Your auction ${n.auctionId} ended without a sale.`,
  SETTLED: n => n.message || `Payment of ${money(n.amount)} for ${n.auctionId} went through.`,
  PAYMENT_FAILED: n => n.message || `The payment for ${n.auctionId} failed.`,
};

export const notificationInWords = n => (WORDS[n.type] ? WORDS[n.type](n) : n.message || n.type);

/** Auctions this browser placed bids on, per user (a hint for the Me page, not a record of truth). */
export function rememberBid(auctionId) {
  const key = `gream.bids.${session.user}`;
  const ids = new Set(JSON.parse(localStorage.getItem(key) || '[]'));
  ids.add(auctionId);
  localStorage.setItem(key, JSON.stringify([...ids].slice(-100)));
}
const rememberedBids = () => JSON.parse(localStorage.getItem(`gream.bids.${session.user}`) || '[]');

export function mePage(root, { setUnread }) {
  const list = h('ul', { class: 'notifications', id: 'notifications' });
  const unreadLine = h('p', { class: 'muted', id: 'unread-line', role: 'status', 'aria-live': 'polite' });
  const markAll = h('button', { type: 'button', class: 'secondary small', id: 'mark-all-read', onclick: markAllRead }, 'Mark all as read');
  const openBids = h('ul', { class: 'mini', id: 'my-open-bids' });
  const won = h('ul', { class: 'mini', id: 'my-wins' });
  let items = [];

  root.append(
    h('div', { class: 'page-head' }, h('h1', {}, `Hello, ${session.user || 'there'}`)),
    h('div', { class: 'me-layout' },
      h('section', { class: 'card', 'aria-labelledby': 'notif-title' },
        h('div', { class: 'row' }, h('h2', { id: 'notif-title' }, 'Notifications'), markAll),
        unreadLine, list),
      h('div', {},
        h('section', { class: 'card', 'aria-labelledby': 'bids-title' }, h('h2', { id: 'bids-title' }, 'My open bids'), openBids),
        h('section', { class: 'card', 'aria-labelledby': 'won-title' }, h('h2', { id: 'won-title' }, 'Auctions I won'), won))));

  function render() {
    const unread = items.filter(n => !n.readAt).length;
    unreadLine.textContent = items.length ? `${unread} unread` : 'Nothing yet: outbids, wins, sales and payments show up here as they happen.';
    markAll.hidden = unread === 0;
    list.replaceChildren(...items.map(n => h('li', { class: `notification ${n.readAt ? 'read' : 'unread'} type-${n.type}` },
      h('span', { class: 'kind' }, n.type.replace('_', ' ').toLowerCase()),
      h('a', { href: `#/auction/${encodeURIComponent(n.auctionId)}`, class: 'what' }, notificationInWords(n)),
      h('time', { datetime: n.occurredAt || n.createdAt, class: 'muted' }, dateTime(n.occurredAt || n.createdAt)),
      n.readAt ? null : h('button', { type: 'button', class: 'link small', onclick: () => markRead(n) },
        h('span', { class: 'visually-hidden' }, `${notificationInWords(n)}: `), 'Mark read'))));
    won.replaceChildren(...wins().map(n => h('li', {}, h('a', { href: `#/auction/${encodeURIComponent(n.auctionId)}` }, n.auctionId), ` for ${money(n.amount)}`)));
    if (!won.children.length) won.append(h('li', { class: 'muted' }, 'None yet.'));
  }

  const wins = () => items.filter(n => n.type === 'WON');

  async function renderOpenBids() {
    const ids = new Set([...rememberedBids(), ...items.filter(n => n.type === 'OUTBID').map(n => n.auctionId)]);
    const rows = [];
    for (const id of ids) {
      try {
        const { json: a } = await api.auction(id);
        if (a.status !== 'OPEN') continue;
        // read with the token: `you` is how the auction names this user
        const leading = Boolean(a.leaderId) && (a.leaderId === a.you || a.leaderId === session.user);
        rows.push(h('li', {}, h('a', { href: `#/auction/${encodeURIComponent(id)}` }, `${a.item.brand} · ${a.item.name}`), ' ',
          h('span', { class: `pill ${leading ? 'ok' : 'warn'}` }, leading ? `leading at ${money(a.currentPrice)}` : `outbid: ${money(a.currentPrice)}`)));
      } catch { /* gone or unreadable: leave it out */ }
    }
    openBids.replaceChildren(...(rows.length ? rows : [h('li', { class: 'muted' }, 'None open.')]));
  }

  async function markRead(n) {
    try {
      await api.markRead(n.id);
      n.readAt = new Date().toISOString();
      setUnread(items.filter(x => !x.readAt).length);
      render();
    } catch { /* stays unread; try again */ }
  }

  async function markAllRead() {
    for (const n of items.filter(x => !x.readAt)) await markRead(n);
  }

  const off = onNotification(n => {
    if (items.some(x => x.id === n.id)) return;
    items.unshift(n);
    render();
    if (n.type === 'OUTBID' || n.type === 'WON') renderOpenBids();
  });

  (async () => {
    try {
      const { json } = await api.notifications(50);
      const seen = new Set(items.map(x => x.id));
      items = [...items, ...json.notifications.filter(n => !seen.has(n.id))].sort((a, b) => b.id - a.id);
      setUnread(json.unread ?? items.filter(n => !n.readAt).length);
      render();
      renderOpenBids();
    } catch (e) {
      unreadLine.textContent = `Could not load your notifications: ${e.message}`;
    }
  })();
  render();
  return off;
}
