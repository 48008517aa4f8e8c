// One auction, live: terms, price, leader and min next bid, a countdown on the server's clock, the bid history,
// a bid form that places each intended bid once, and the outcome when it closes.
//
// Live updates come from the public stream GET /api/auctions/{id}/events (SSE: id = seq, event = type). Where the
// server has no stream the page polls the auction once a second instead. The history comes from the stream's
// BidAccepted events, plus GET /api/auctions/{id}/bids (newest first) where the server offers it.
//
// The public reads name users by an alias per auction; read with the user's token, each answer and event also
// carries `you`, the user's own alias there, which the page shows as "you". The user's own bid answers name them by
// their id, so both count as "me".

import { api, session, serverNow, newIdempotencyKey, ApiError, NetworkError } from './api.js';
import { keepStreaming } from './live.js';
import { h, money, timeLeft, dateTime, clock, reasonsInWords } from './ui.js';
import { rememberBid } from './me.js';

export function auctionPage(root, auctionId) {
  let state = null;
  // Accepted bids by amount and bidder: the price only rises, so this names one bid whichever source (stream, bid
  // history query, the auction's own leader) reported it.
  const history = new Map();
  const myAliases = new Set(); // how the public reads name me in this auction (their `you`)
  let feed = null;
  let pollTimer = null;
  let leaving = false;

  const isMe = id => Boolean(id) && (id === session.user || myAliases.has(id));
  const who = id => (isMe(id) ? 'you' : id);
  const learnMe = json => { if (json && json.you) myAliases.add(json.you); };
  let streamWithToken = Boolean(session.token); // dropped if the server refuses the token (expired sign-in)

  // ---- layout ----
  const title = h('h1', { id: 'auction-title' }, 'Loading…');
  const terms = h('dl', { class: 'facts terms' });
  const price = h('p', { class: 'big-price', id: 'current-price' });
  const leader = h('p', { id: 'leader' });
  const priceLive = h('div', { class: 'live-price', 'aria-live': 'polite', 'aria-atomic': 'true', id: 'price-region' }, price, leader);
  const minNext = h('p', { id: 'min-next-bid' });
  const reserve = h('p', { id: 'reserve' });
  const countdown = h('p', { class: 'countdown', role: 'timer', id: 'countdown' });
  const endsAtLine = h('p', { class: 'muted', id: 'ends-at' });
  const extended = h('p', { class: 'notice', id: 'extended', hidden: true, role: 'status' });
  const outcome = h('div', { class: 'outcome', id: 'outcome', hidden: true, role: 'status', 'aria-live': 'polite' });
  const historyList = h('ol', { class: 'history', id: 'bid-history' });
  const historyEmpty = h('p', { class: 'muted' }, 'No bids yet.');
  const historyNote = h('p', { class: 'muted', id: 'history-note' });

  const amount = h('input', { type: 'number', id: 'bid-amount', inputmode: 'numeric', min: 1, step: 1, required: true });
  const bidButton = h('button', { type: 'submit', id: 'bid-submit' }, 'Place bid');
  const maxAmount = h('input', { type: 'number', id: 'bid-max', inputmode: 'numeric', min: 1, step: 1, 'aria-describedby': 'bid-max-hint' });
  const yourMax = h('p', { class: 'muted', id: 'your-max' });
  const bidResult = h('p', { class: 'bid-result', id: 'bid-result', role: 'status', 'aria-live': 'assertive' });
  const signInHint = h('p', { class: 'muted' }, h('a', { href: '#/signin' }, 'Sign in'), ' to bid.');
  const bidForm = h('form', { class: 'bid-form', id: 'bid-form', novalidate: true, onsubmit: onBid },
    h('div', { class: 'field' }, h('label', { for: 'bid-amount' }, 'Your bid (KRW)'),
      h('div', { class: 'inline' }, amount, bidButton)),
    h('details', { class: 'max-bid' }, h('summary', {}, 'Bid automatically up to a maximum'),
      h('div', { class: 'field' }, h('label', { for: 'bid-max' }, 'Your maximum (KRW, optional)'), maxAmount,
        h('p', { class: 'hint', id: 'bid-max-hint' }, 'Kept secret. When someone outbids you, Gream bids for you, one step at a time, up to this.'))),
    yourMax, bidResult);

  root.append(
    h('p', { class: 'crumbs' }, h('a', { href: '#/' }, '← All auctions')),
    h('div', { class: 'auction-layout' },
      h('section', { class: 'card', 'aria-labelledby': 'auction-title' }, title, terms),
      h('section', { class: 'card bid-card', 'aria-label': 'Price and bidding' },
        priceLive, minNext, reserve, countdown, endsAtLine, extended, outcome,
        session.token ? bidForm : signInHint),
      h('section', { class: 'card', 'aria-labelledby': 'history-title' },
        h('h2', { id: 'history-title' }, 'Bids'), historyEmpty, historyList, historyNote)));

  // ---- state ----
  function render() {
    if (!state) return;
    const item = state.item;
    title.textContent = `${item.brand} · ${item.name}`;
    terms.replaceChildren(
      fact('Face value', money(item.faceValue)),
      fact('Voucher valid until', item.voucherExpiresOn),
      fact('Starting price', money(state.startPrice)),
      fact('Bid steps', money(state.minIncrement)),
      fact('Buy now', state.buyNowPrice ? money(state.buyNowPrice) : 'no'),
      fact('Seller', who(state.sellerId)),
      fact('Auction id', state.auctionId));
    price.textContent = state.currentPrice ? `${money(state.currentPrice)}` : `Starts at ${money(state.startPrice)}`;
    leader.textContent = state.leaderId
      ? `Highest bid by ${who(state.leaderId)} · ${state.bidCount} bid${state.bidCount === 1 ? '' : 's'}`
      : 'No bids yet';
    leader.classList.toggle('me', isMe(state.leaderId));
    const open = state.status === 'OPEN';
    minNext.textContent = open && state.minNextBid ? `Next bid at least ${money(state.minNextBid)}` : '';
    yourMax.textContent = open && state.yourMaxAmount && isMe(state.leaderId) ? `Your secret maximum: ${money(state.yourMaxAmount)}` : '';
    reserve.textContent = state.reserveMet === undefined || state.reserveMet === null ? ''
      : state.reserveMet ? 'Reserve met: the highest bid wins.' : 'Reserve not met yet.';
    endsAtLine.textContent = `${open ? 'Ends' : 'Ended'} ${dateTime(state.endsAt)}`;
    if (open && state.minNextBid && (!amount.dataset.edited || Number(amount.value) < state.minNextBid)) {
      amount.value = String(state.minNextBid);
      delete amount.dataset.edited;
    }
    amount.min = String(state.minNextBid || 1);
    bidForm.hidden = !open;
    signInHint.hidden = !open;
    if (bidResult.dataset.kind === 'accepted' && open && state.leaderId && !isMe(state.leaderId)) {
      bidResult.dataset.kind = 'outbid';
      bidResult.className = 'bid-result bad';
      bidResult.textContent = `You have been outbid: ${who(state.leaderId)} bid ${money(state.currentPrice)}.`;
    }
    renderOutcome();
    renderHistory();
    tick();
  }

  function renderOutcome() {
    if (state.status === 'OPEN') { outcome.hidden = true; return; }
    let text;
    if (state.status === 'CANCELLED') text = 'The seller cancelled this auction.';
    else if (state.outcome === 'SOLD' || state.outcome === 'BUY_NOW') {
      text = `Sold to ${who(state.winnerId)} for ${money(state.price)}${state.outcome === 'BUY_NOW' ? ' (bought now)' : ''}.`;
      if (isMe(state.winnerId)) text = `You won! ${text}`;
    } else if (state.outcome === 'RESERVE_NOT_MET') text = `Ended without a sale: the highest bid (${money(state.currentPrice)}) did not reach the reserve price.`;
    else if (state.outcome === 'NO_BIDS') text = 'Ended without a sale: nobody bid.';
    else text = 'This auction has ended.';
    outcome.replaceChildren(h('strong', {}, 'Auction closed. '), text);
    outcome.hidden = false;
  }

  function renderHistory() {
    const bids = [...history.values()].sort((a, b) => b.amount - a.amount || b.order - a.order);
    historyEmpty.hidden = bids.length > 0;
    const earlier = state ? state.bidCount - bids.length : 0;
    historyNote.textContent = earlier > 0 ? `and ${earlier} earlier bid${earlier === 1 ? '' : 's'}` : '';
    historyList.replaceChildren(...bids.map(b => h('li', { class: isMe(b.bidderId) ? 'me' : '' },
      h('span', { class: 'amount' }, money(b.amount)), ' ',
      h('span', { class: 'bidder' }, who(b.bidderId)), b.byProxy ? h('span', { class: 'muted' }, ' (automatic raise)') : null, ' ',
      b.at ? h('time', { datetime: b.at, class: 'muted' }, clock(b.at)) : null)));
  }

  function addBid(bid) {
    // my own bid answer names me by id, the public reads by alias: one key for both
    const key = `${bid.amount}:${isMe(bid.bidderId) ? '\u0000me' : bid.bidderId}`;
    const known = history.get(key);
    if (known) {
      if (!known.at && bid.at) { known.at = bid.at; renderHistory(); }
      return;
    }
    history.set(key, { ...bid, order: history.size });
    renderHistory();
  }

  /** Applies one event of the auction's log; a gap in seq means we missed something: read the auction again. */
  function apply(type, e) {
    if (type === 'BidAccepted' || type === 'BidRaisedByProxy') {
      addBid({ bidderId: e.bidderId, amount: e.amount, at: e.at, byProxy: type === 'BidRaisedByProxy' });
    }
    if (!state || typeof e.seq !== 'number' || e.seq <= state.seq) return;
    if (e.seq > state.seq + 1) { refresh(); return; }
    state.seq = e.seq;
    switch (type) {
      case 'BidAccepted':
      case 'BidRaisedByProxy': // the engine bidding for the leader, within the leader's secret maximum
        Object.assign(state, { currentPrice: e.amount, leaderId: e.bidderId, bidCount: e.bidCount, minNextBid: e.minNextBid });
        if (!isMe(e.bidderId)) state.yourMaxAmount = undefined;
        if (state.reserveMet === false) refresh(); // the event does not say whether the hidden reserve is reached
        break;
      case 'AuctionExtended':
        state.endsAt = e.endsAt;
        extended.hidden = false;
        extended.textContent = `Extended by a late bid: now ends at ${clock(e.endsAt)}.`;
        break;
      case 'AuctionClosed':
        Object.assign(state, { status: 'CLOSED', outcome: e.outcome, winnerId: e.winnerId, price: e.price, bidCount: e.bidCount, minNextBid: null });
        break;
      case 'AuctionCancelled':
        Object.assign(state, { status: 'CANCELLED', minNextBid: null });
        break;
      default:
        break;
    }
    render();
    if (state.status !== 'OPEN') stopFeed();
  }

  async function refresh() {
    try {
      const { json } = await api.auction(auctionId);
      learnMe(json);
      if (!state || json.seq >= state.seq) state = json;
      // The highest bid is a bid of the history too (the only one known when the server offers no history).
      render();
      if (state.leaderId && state.currentPrice) addBid({ bidderId: state.leaderId, amount: state.currentPrice });
      if (state.status !== 'OPEN') clearInterval(pollTimer); // the stream, if any, ends by itself after the close
      return true;
    } catch (e) {
      if (e instanceof ApiError && e.status === 404) {
        title.textContent = 'No such auction';
        stopFeed();
      }
      return false;
    }
  }

  async function loadHistory() {
    try {
      const { json } = await api.bids(auctionId, 50);
      learnMe(json);
      for (const b of json.bids || json || []) {
        addBid({ bidderId: b.bidderId, amount: b.amount, at: b.at, byProxy: b.byProxy });
      }
    } catch {
      // no bid history on this server: the stream's replay (Last-Event-ID: 0) fills it where it can
    }
  }

  // ---- live feed ----
  let lastEventId = 0;
  function startFeed() {
    feed = keepStreaming(() => `/api/auctions/${encodeURIComponent(auctionId)}/events`, {
      // with the token, each event carries `you`
      headersFn: () => (streamWithToken && session.token ? { Authorization: `Bearer ${session.token}` } : {}),
      resumeFrom: () => lastEventId,
      onEvent: ({ id, event, data }) => {
        if (event === 'reset') {
          lastEventId = null;
          refresh().then(() => { if (state && state.status !== 'OPEN') stopFeed(); });
          loadHistory();
          return;
        }
        if (id && /^\d+$/.test(id)) lastEventId = Number(id);
        let e;
        try { e = JSON.parse(data); } catch { return; }
        learnMe(e);
        apply(e.type || event, e);
        if (event === 'AuctionClosed' || event === 'AuctionCancelled') stopFeed(); // the stream ends here
      },
      onOpen: () => refresh(), // whatever happened while (re)connecting is in the snapshot
      onRefused: status => {
        if (status === 401) { streamWithToken = false; return true; } // watch anonymously
        if (status === 404 || status === 405 || status === 501) { startPolling(); return false; }
        return true;
      },
    });
  }
  function startPolling() {
    clearInterval(pollTimer);
    pollTimer = setInterval(() => { if (!leaving) refresh(); }, 1000);
  }
  function stopFeed() {
    feed?.stop();
    feed = null;
    clearInterval(pollTimer);
  }

  // ---- countdown ----
  function tick() {
    if (!state) return;
    const ms = Date.parse(state.endsAt) - serverNow();
    if (state.status !== 'OPEN') {
      countdown.textContent = 'Closed';
      countdown.classList.remove('soon');
      return;
    }
    countdown.textContent = ms > 0 ? `Ends in ${timeLeft(ms)}` : 'Closing…';
    countdown.classList.toggle('soon', ms < 60000);
    // Past the end with no close event yet: ask the auction itself now and then, in case the stream is slow.
    if (ms < -2000 && Date.now() - lastForcedRefresh > 3000) {
      lastForcedRefresh = Date.now();
      refresh();
    }
  }
  let lastForcedRefresh = 0;
  const ticker = setInterval(tick, 250);

  // ---- bidding ----
  let inFlight = false;
  let intended = null; // {amount, key}: the bid the user means, retried with the same key until it has an answer

  amount.addEventListener('input', () => { amount.dataset.edited = '1'; });

  async function onBid(event) {
    event.preventDefault();
    if (inFlight) return; // a second click while the first is on its way places nothing
    const value = Number(amount.value);
    if (!Number.isSafeInteger(value) || value <= 0) {
      bidResult.className = 'bid-result bad';
      bidResult.textContent = 'Enter a whole number of won, above zero.';
      amount.setAttribute('aria-invalid', 'true');
      amount.focus();
      return;
    }
    amount.removeAttribute('aria-invalid');
    const max = maxAmount.value.trim() === '' ? null : Number(maxAmount.value);
    if (max !== null && (!Number.isSafeInteger(max) || max < value)) {
      bidResult.className = 'bid-result bad';
      bidResult.textContent = 'Your maximum must be a whole number of won, at least your bid.';
      maxAmount.setAttribute('aria-invalid', 'true');
      maxAmount.focus();
      return;
    }
    maxAmount.removeAttribute('aria-invalid');
    if (!intended || intended.amount !== value || intended.max !== max) intended = { amount: value, max, key: newIdempotencyKey() };
    inFlight = true;
    bidButton.disabled = true;
    bidButton.textContent = 'Placing…';
    bidResult.className = 'bid-result';
    bidResult.dataset.kind = 'placing';
    bidResult.textContent = `Placing your bid of ${money(value)}…`;
    try {
      let answer = await api.placeBid(auctionId, value, intended.key, intended.max);
      for (let i = 0; answer.status === 202 && i < 5; i++) {
        answer = await api.commandOutcome(answer.headers.get('Location'));
      }
      if (answer.status === 202) {
        bidResult.textContent = 'Your bid is in the queue and will be decided shortly. Press Place bid again to check: it will not be placed twice.';
        return;
      }
      const accepted = answer.json;
      rememberBid(auctionId);
      intended = null;
      delete amount.dataset.edited;
      if (accepted.outbidByProxy) {
        bidResult.className = 'bid-result bad';
        bidResult.dataset.kind = 'outbid';
        bidResult.textContent = `Your bid of ${money(accepted.offeredAmount ?? accepted.amount)} was taken, but another bidder's automatic maximum beat it at once.`;
        apply('BidAccepted', accepted);
        refresh();
        return;
      }
      bidResult.className = 'bid-result good';
      bidResult.dataset.kind = 'accepted';
      bidResult.textContent = `Accepted: your bid of ${money(accepted.amount)} is the highest.`;
      apply('BidAccepted', accepted);
      if (max !== null) refresh(); // the auction read with your token shows your maximum back to you
    } catch (e) {
      bidResult.className = 'bid-result bad';
      if (e instanceof NetworkError) {
        bidResult.textContent = `${e.message} Pressing Place bid again sends the same bid: it will not be placed twice.`;
        return;
      }
      intended = null;
      const p = e.problem || {};
      const reason = p.reason || e.code;
      if (reason === 'BID_TOO_LOW' && p.minNextBid) {
        bidResult.textContent = `Too low: the next bid must be at least ${money(p.minNextBid)}.`;
        amount.value = String(p.minNextBid);
        delete amount.dataset.edited;
        if (state && state.status === 'OPEN' && (!state.minNextBid || p.minNextBid > state.minNextBid)) refresh();
      } else if (reason === 'AUCTION_CLOSED') {
        bidResult.textContent = reasonsInWords.AUCTION_CLOSED;
        refresh();
      } else if (e.code === 'VALIDATION_FAILED') {
        bidResult.textContent = Object.values(e.fieldErrors()).join('; ') || e.message;
      } else {
        bidResult.textContent = reasonsInWords[reason] || e.message;
      }
    } finally {
      inFlight = false;
      bidButton.disabled = false;
      bidButton.textContent = 'Place bid';
    }
  }

  // ---- start ----
  (async () => {
    if (await refresh()) {
      await loadHistory();
      if (state.status === 'OPEN') startFeed();
      else if (state.bidCount > history.size) {
        // A closed auction's replay still fills its history; the stream ends after the close (or we stop it).
        startFeed();
        setTimeout(stopFeed, 10000);
      }
    }
  })();

  return () => { leaving = true; stopFeed(); clearInterval(ticker); };
}

function fact(label, value) {
  return h('div', {}, h('dt', {}, label), h('dd', {}, value));
}
