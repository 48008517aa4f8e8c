// Opens an auction. The page checks what it can before sending (required fields, whole positive amounts, the price
// rules, an end in the future); the API checks everything again, and its problem+json field errors are shown next
// to their fields. One Idempotency-Key per intended auction, so a double submit or a retry opens it once.

import { api, serverNow, newIdempotencyKey, ApiError, NetworkError } from './api.js';
import { h, field, setFieldError, money } from './ui.js';

/** Engine rejection codes that belong to one field. */
const CODE_FIELDS = {
  AUCTION_EXISTS: 'auctionId',
  INVALID_END_TIME: 'endsAt',
};

export function sellPage(root) {
  const inputs = {
    'item.brand': h('input', { type: 'text', required: true, maxlength: 100, autocomplete: 'off' }),
    'item.name': h('input', { type: 'text', required: true, maxlength: 200, autocomplete: 'off' }),
    'item.faceValue': h('input', { type: 'number', required: true, min: 1, step: 1, inputmode: 'numeric' }),
    'item.voucherExpiresOn': h('input', { type: 'date', required: true }),
    startPrice: h('input', { type: 'number', required: true, min: 1, step: 1, inputmode: 'numeric' }),
    minIncrement: h('input', { type: 'number', required: true, min: 1, step: 1, inputmode: 'numeric', value: 100 }),
    reservePrice: h('input', { type: 'number', min: 1, step: 1, inputmode: 'numeric' }),
    buyNowPrice: h('input', { type: 'number', min: 1, step: 1, inputmode: 'numeric' }),
    endsAt: h('input', { type: 'datetime-local', required: true, step: 1 }),
    softCloseSeconds: h('input', { type: 'number', required: true, min: 0, step: 1, value: 60, inputmode: 'numeric' }),
    auctionId: h('input', { type: 'text', pattern: '[A-Za-z0-9_\\-]{1,64}', maxlength: 64, autocomplete: 'off' }),
  };
  // A sensible start: ends in an hour (on the server's clock), voucher valid for a year.
  const inAnHour = new Date(serverNow() + 3600_000);
  inputs.endsAt.value = localInputValue(inAnHour);
  inputs['item.voucherExpiresOn'].value = new Date(serverNow() + 365 * 86400_000).toISOString().slice(0, 10);

  const status = h('p', { class: 'form-status', id: 'sell-status', role: 'status', 'aria-live': 'polite' });
  const submit = h('button', { type: 'submit', id: 'sell-submit' }, 'Open auction');
  let inFlight = false;
  let intended = null; // {body, key}

  const form = h('form', { class: 'card sell-form', id: 'sell-form', novalidate: true, onsubmit: onSubmit },
    h('fieldset', {}, h('legend', {}, 'The voucher'),
      field({ id: 'item.brand', label: 'Brand', input: inputs['item.brand'] }),
      field({ id: 'item.name', label: 'Product', input: inputs['item.name'] }),
      h('div', { class: 'grid two' },
        field({ id: 'item.faceValue', label: 'Face value (KRW)', input: inputs['item.faceValue'] }),
        field({ id: 'item.voucherExpiresOn', label: 'Valid until', input: inputs['item.voucherExpiresOn'] }))),
    h('fieldset', {}, h('legend', {}, 'Prices'),
      h('div', { class: 'grid two' },
        field({ id: 'startPrice', label: 'Starting price (KRW)', input: inputs.startPrice }),
        field({ id: 'minIncrement', label: 'Bid step (KRW)', hint: 'Each bid must beat the last by at least this.', input: inputs.minIncrement }),
        field({ id: 'reservePrice', label: 'Reserve price (KRW, optional)', hint: 'Not shown to bidders; below it, nothing is sold.', input: inputs.reservePrice }),
        field({ id: 'buyNowPrice', label: 'Buy-now price (KRW, optional)', hint: 'A bid of this much ends the auction at once.', input: inputs.buyNowPrice }))),
    h('fieldset', {}, h('legend', {}, 'Timing'),
      h('div', { class: 'grid two' },
        field({ id: 'endsAt', label: 'Ends at (your time zone)', input: inputs.endsAt }),
        field({ id: 'softCloseSeconds', label: 'Soft close (seconds)', hint: 'A bid this close to the end extends it by this much. 0: off.', input: inputs.softCloseSeconds })),
      field({ id: 'auctionId', label: 'Auction id (optional)', hint: 'Letters, digits, _ and -. Left empty, the server picks one.', input: inputs.auctionId })),
    h('div', { class: 'actions' }, submit), status);

  root.append(h('div', { class: 'page-head' }, h('h1', {}, 'Sell a voucher'),
    h('p', { class: 'muted' }, 'Buyers bid up from your starting price until the end time.')), form);
  inputs['item.brand'].focus();

  function values() {
    const v = id => inputs[id].value.trim();
    const num = id => (v(id) === '' ? null : Number(v(id)));
    const ends = v('endsAt') ? new Date(v('endsAt')) : null; // datetime-local is read in the browser's zone
    const body = {
      item: { brand: v('item.brand'), name: v('item.name'), faceValue: num('item.faceValue'), voucherExpiresOn: v('item.voucherExpiresOn') || null },
      startPrice: num('startPrice'), minIncrement: num('minIncrement'),
      reservePrice: num('reservePrice'), buyNowPrice: num('buyNowPrice'),
      endsAt: ends && !Number.isNaN(ends.getTime()) ? ends.toISOString() : null,
      softCloseSeconds: num('softCloseSeconds'),
    };
    if (v('auctionId')) body.auctionId = v('auctionId');
    for (const key of ['reservePrice', 'buyNowPrice']) if (body[key] === null) delete body[key];
    return body;
  }

  /** The checks a person should not have to send a request to learn about. */
  function check(b) {
    const errors = {};
    const whole = (id, value, min = 1) => {
      if (value === null || value === undefined) errors[id] = 'Required.';
      else if (!Number.isSafeInteger(value) || value < min) errors[id] = min === 0 ? 'A whole number, 0 or more.' : 'A whole number above zero.';
    };
    if (!b.item.brand) errors['item.brand'] = 'Required.';
    if (!b.item.name) errors['item.name'] = 'Required.';
    whole('item.faceValue', b.item.faceValue);
    if (!b.item.voucherExpiresOn) errors['item.voucherExpiresOn'] = 'Required.';
    whole('startPrice', b.startPrice);
    whole('minIncrement', b.minIncrement);
    whole('softCloseSeconds', b.softCloseSeconds, 0);
    if (b.reservePrice !== undefined) {
      whole('reservePrice', b.reservePrice);
      if (!errors.reservePrice && b.startPrice && b.reservePrice < b.startPrice) errors.reservePrice = `At least the starting price (${money(b.startPrice)}).`;
    }
    if (b.buyNowPrice !== undefined) {
      whole('buyNowPrice', b.buyNowPrice);
      if (!errors.buyNowPrice && b.startPrice && b.buyNowPrice <= b.startPrice) errors.buyNowPrice = 'Above the starting price.';
      else if (!errors.buyNowPrice && b.reservePrice && b.buyNowPrice < b.reservePrice) errors.buyNowPrice = 'At least the reserve price.';
    }
    if (!b.endsAt) errors.endsAt = 'Required.';
    else {
      const ends = Date.parse(b.endsAt);
      if (ends <= serverNow()) errors.endsAt = 'Must be in the future.';
      else if (ends > serverNow() + 30 * 86400_000) errors.endsAt = 'At most 30 days from now.';
      else if (b.item.voucherExpiresOn && b.item.voucherExpiresOn < inputs.endsAt.value.slice(0, 10)) {
        errors['item.voucherExpiresOn'] = 'The voucher must still be valid when the auction ends.';
      }
    }
    if (b.auctionId && !/^[A-Za-z0-9_-]{1,64}$/.test(b.auctionId)) errors.auctionId = 'Letters, digits, _ and -, at most 64.';
    return errors;
  }

  function showErrors(errors) {
    Object.keys(inputs).forEach(id => setFieldError(form, id, ''));
    const unplaced = [];
    for (const [id, message] of Object.entries(errors)) {
      if (!setFieldError(form, id, message)) unplaced.push(`${id}: ${message}`);
    }
    const first = Object.keys(errors).find(id => inputs[id]);
    if (first) inputs[first].focus();
    return unplaced;
  }

  async function onSubmit(event) {
    event.preventDefault();
    if (inFlight) return;
    const body = values();
    const errors = check(body);
    if (Object.keys(errors).length) {
      showErrors(errors);
      status.className = 'form-status bad';
      status.textContent = 'Please correct the fields marked above.';
      return;
    }
    showErrors({});
    const same = intended && JSON.stringify(intended.body) === JSON.stringify(body);
    if (!same) intended = { body, key: newIdempotencyKey() };
    inFlight = true;
    submit.disabled = true;
    status.className = 'form-status';
    status.textContent = 'Opening your auction…';
    try {
      const answer = await api.openAuction(body, intended.key);
      const where = answer.headers.get('Location') || '';
      const id = answer.json?.auctionId || where.split('/').pop();
      intended = null;
      status.className = 'form-status good';
      status.textContent = answer.status === 202 ? 'Your auction is being opened…' : 'Your auction is open.';
      if (id) location.hash = `#/auction/${encodeURIComponent(id)}`;
    } catch (e) {
      status.className = 'form-status bad';
      if (e instanceof NetworkError) { status.textContent = `${e.message} Submitting again opens it only once.`; return; }
      intended = null;
      const fieldErrors = e instanceof ApiError ? e.fieldErrors() : {};
      const codeField = e instanceof ApiError ? CODE_FIELDS[e.code] : null;
      if (codeField) fieldErrors[codeField] = e.message;
      const unplaced = showErrors(fieldErrors);
      status.textContent = Object.keys(fieldErrors).length
        ? ['The server did not accept some fields (marked above).', ...unplaced].join(' ')
        : e.message;
    } finally {
      inFlight = false;
      submit.disabled = false;
    }
  }
}

/** A Date as the value of a datetime-local input, in the browser's time zone. */
function localInputValue(date) {
  const pad = n => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}
