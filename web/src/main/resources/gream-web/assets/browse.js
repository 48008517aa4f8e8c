// Open auctions, ending soonest first, a brand filter, and "Show more" pages that follow the API's cursor, so an
// auction is never skipped between pages (one extended by soft close may move down the list; it is shown once).

import { api, serverNow } from './api.js';
import { h, money, timeLeft } from './ui.js';

export function browsePage(root) {
  const params = new URLSearchParams(location.hash.split('?')[1] || '');
  let brand = params.get('brand') || '';
  let cursor = null;
  const shown = new Map(); // auctionId -> time-left element
  const list = h('ul', { class: 'cards', id: 'auction-list', 'aria-live': 'off' });
  const status = h('p', { class: 'muted', role: 'status', 'aria-live': 'polite' });
  const more = h('button', { type: 'button', class: 'secondary', id: 'show-more', hidden: true, onclick: () => load() }, 'Show more');
  const brandInput = h('input', { type: 'search', id: 'brand-filter', value: brand, placeholder: 'e.g. Starbucks', autocomplete: 'off' });

  const filter = h('form', { class: 'filter', role: 'search', onsubmit: e => {
    e.preventDefault();
    brand = brandInput.value.trim();
    history.replaceState(null, '', brand ? `#/?brand=${encodeURIComponent(brand)}` : '#/');
    reset();
  } },
  h('label', { for: 'brand-filter' }, 'Brand'), brandInput, h('button', { type: 'submit' }, 'Filter'));

  root.append(h('div', { class: 'page-head' }, h('h1', {}, 'Open auctions'),
    h('p', { class: 'muted' }, 'Ending soonest first. Prices in Korean won.')), filter, status, list, more);

  function reset() {
    cursor = null;
    shown.clear();
    list.replaceChildren();
    load();
  }

  async function load() {
    more.disabled = true;
    status.textContent = 'Loading…';
    try {
      const { json } = await api.auctions({ brand, cursor });
      for (const a of json.auctions) {
        if (shown.has(a.auctionId)) continue;
        list.append(card(a));
      }
      cursor = json.next || null;
      more.hidden = !cursor;
      status.textContent = shown.size === 0
        ? (brand ? `No open auctions of ${brand}.` : 'No open auctions right now. Sell a voucher!')
        : `${shown.size} auction${shown.size === 1 ? '' : 's'} shown${cursor ? '' : ', that is all'}.`;
    } catch (e) {
      status.textContent = `Could not load the auctions: ${e.message}`;
    } finally {
      more.disabled = false;
    }
  }

  function card(a) {
    const left = h('span', { class: 'time-left', 'data-ends': a.endsAt });
    shown.set(a.auctionId, left);
    const reserve = a.reserveMet === undefined || a.reserveMet === null ? null
      : h('span', { class: `pill ${a.reserveMet ? 'ok' : ''}` }, a.reserveMet ? 'Reserve met' : 'Reserve not met');
    return h('li', { class: 'card auction-card' },
      h('a', { href: `#/auction/${encodeURIComponent(a.auctionId)}`, class: 'card-link' },
        h('span', { class: 'brand-name' }, a.item.brand),
        h('span', { class: 'item-name' }, a.item.name)),
      h('dl', { class: 'facts' },
        h('div', {}, h('dt', {}, 'Face value'), h('dd', {}, money(a.item.faceValue))),
        h('div', {}, h('dt', {}, a.bidCount ? 'Price' : 'Starts at'), h('dd', { class: 'price' }, money(a.currentPrice ?? a.startPrice))),
        h('div', {}, h('dt', {}, 'Bids'), h('dd', {}, String(a.bidCount))),
        h('div', {}, h('dt', {}, 'Time left'), h('dd', {}, left))),
      reserve);
  }

  const tick = () => shown.forEach(el => {
    const ms = Date.parse(el.dataset.ends) - serverNow();
    el.textContent = ms > 0 ? timeLeft(ms) : 'ending';
    el.classList.toggle('soon', ms < 60000);
  });
  const timer = setInterval(tick, 1000);
  const observer = new MutationObserver(tick);
  observer.observe(list, { childList: true });
  load();
  return () => { clearInterval(timer); observer.disconnect(); };
}
