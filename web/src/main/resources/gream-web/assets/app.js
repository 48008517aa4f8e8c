// The shell: routes (#/, #/auction/<id>, #/sell, #/me, #/signin), the signed-in user, and the unread count.
// Each page is a function that renders into <main> and returns a function that stops its timers and streams.

import { api, session, loadConfig, ApiError } from './api.js';
import { h, toast } from './ui.js';
import { followNotifications, onNotification } from './live.js';
import { browsePage } from './browse.js';
import { auctionPage } from './auction.js';
import { sellPage } from './sell.js';
import { mePage, notificationInWords } from './me.js';

const main = document.getElementById('main');
let leave = () => {};
let unread = 0;

function route() {
  const hash = location.hash.replace(/^#/, '') || '/';
  const [, page, arg] = hash.split('/');
  if (page === 'auction' && arg) return { name: 'auction', render: () => auctionPage(main, decodeURIComponent(arg)) };
  if (page === 'sell') return { name: 'sell', needsUser: true, render: () => sellPage(main) };
  if (page === 'me') return { name: 'me', needsUser: true, render: () => mePage(main, { setUnread }) };
  if (page === 'signin') return { name: 'signin', render: () => signInPage(main) };
  return { name: 'browse', render: () => browsePage(main) };
}

function show() {
  leave();
  leave = () => {};
  const r = route();
  document.querySelectorAll('[data-nav]').forEach(a => {
    if (a.dataset.nav === r.name) a.setAttribute('aria-current', 'page'); else a.removeAttribute('aria-current');
  });
  main.replaceChildren();
  if (r.needsUser && !session.token) {
    sessionStorage.setItem('gream.after-signin', location.hash);
    location.hash = '#/signin';
    return;
  }
  leave = r.render() || (() => {});
}

function renderWho() {
  const who = document.getElementById('who');
  const user = session.user;
  who.replaceChildren(user
    ? h('span', {}, h('span', { class: 'muted' }, 'Signed in as '), h('strong', { id: 'current-user' }, user), ' ',
      h('button', { type: 'button', class: 'link', onclick: () => { session.signOut(); location.hash = '#/'; } }, 'Sign out'))
    : h('a', { href: '#/signin', class: 'button small' }, 'Sign in'));
}

function setUnread(count) {
  unread = Math.max(0, count);
  const badge = document.getElementById('unread');
  badge.textContent = String(unread);
  badge.hidden = unread === 0;
  badge.setAttribute('aria-label', `${unread} unread notification${unread === 1 ? '' : 's'}`);
}

async function startNotifications() {
  setUnread(0);
  if (!session.token) { followNotifications(null); return; }
  try {
    const { json } = await api.notifications(1);
    setUnread(json.unread ?? 0);
    // Resume after the newest one the inbox already holds: the stream then brings only what is new.
    followNotifications(json.notifications?.[0]?.id ?? 0);
  } catch (e) {
    followNotifications(0);
  }
}

onNotification(n => {
  if (n.readAt) return;
  setUnread(unread + 1);
  toast(notificationInWords(n), n.type === 'OUTBID' || n.type === 'PAYMENT_FAILED' ? 'warn' : 'info');
});

// ---- sign in --------------------------------------------------------------------------------------------------

function signInPage(root) {
  const userInput = h('input', { type: 'text', autocomplete: 'username', required: true, pattern: '[A-Za-z0-9_.@:\\-]{1,128}',
    placeholder: 'e.g. bob' });
  const tokenInput = h('textarea', { rows: 3, spellcheck: 'false', placeholder: 'eyJhbGciOi...' });
  const status = h('p', { class: 'form-status', role: 'status', 'aria-live': 'polite' });
  const done = () => {
    const next = sessionStorage.getItem('gream.after-signin') || '#/';
    sessionStorage.removeItem('gream.after-signin');
    location.hash = next;
  };
  const devForm = h('form', { class: 'card', 'aria-labelledby': 'dev-title', onsubmit: async e => {
    e.preventDefault();
    if (!userInput.checkValidity()) { status.textContent = 'A user name is letters, digits and _ . @ : -'; return; }
    status.textContent = 'Signing in…';
    try {
      const { json } = await api.devToken(userInput.value.trim());
      session.signIn(json.token || json.access_token);
      done();
    } catch (err) {
      status.textContent = err instanceof ApiError && (err.status === 404 || err.status === 405)
        ? 'Development sign-in is off on this server: paste a token from your identity provider below.'
        : err.message;
    }
  } },
  h('h2', { id: 'dev-title' }, 'Sign in with a user name'),
  h('p', { class: 'muted' }, 'On a local Gream (./gream-local) any name works: the server issues a development token.'),
  h('div', { class: 'field' }, h('label', { for: 'signin-user' }, 'User name'), Object.assign(userInput, { id: 'signin-user' })),
  h('button', { type: 'submit', id: 'signin-submit' }, 'Sign in'), status);

  const tokenForm = h('form', { class: 'card', 'aria-labelledby': 'token-title', onsubmit: e => {
    e.preventDefault();
    const token = tokenInput.value.trim().replace(/^Bearer\s+/i, '');
    if (token.split('.').length !== 3) { tokenStatus.textContent = 'That does not look like a JWT (three dot-separated parts).'; return; }
    session.signIn(token);
    done();
  } },
  h('h2', { id: 'token-title' }, 'Or use a token'),
  h('p', { class: 'muted' }, 'A bearer token from your identity provider. It stays in this tab only (sessionStorage).'),
  h('div', { class: 'field' }, h('label', { for: 'signin-token' }, 'Bearer token'), Object.assign(tokenInput, { id: 'signin-token' })),
  h('button', { type: 'submit', class: 'secondary' }, 'Use this token'));
  const tokenStatus = h('p', { class: 'form-status', role: 'status', 'aria-live': 'polite' });
  tokenForm.append(tokenStatus);

  root.append(h('h1', {}, 'Sign in'), h('div', { class: 'grid two' }, devForm, tokenForm));
  userInput.focus();
}

// ---- start ----------------------------------------------------------------------------------------------------

addEventListener('hashchange', () => { show(); main.focus({ preventScroll: true }); });
addEventListener('gream:session', () => { renderWho(); startNotifications(); });
addEventListener('gream:unauthorized', () => toast('Your sign-in is no longer valid: sign in again.', 'warn'));

(async () => {
  try { await loadConfig(); } catch { /* the page still works; the countdown then trusts this browser's clock */ }
  setInterval(() => loadConfig().catch(() => {}), 60000);
  renderWho();
  startNotifications();
  show();
})();
