// The guard's console: sign in, pick the site, see arrivals and exits live,
// check people in by hand or with the camera, mark exits, print passes.
import { t, applyI18n, langSwitch } from './i18n.js';
import { api, isProblem } from './api.js';
import { $, el, show, clear, timeOf, uuid, isolate } from './dom.js';
import { classify } from './tokens.js';
import { drawQr } from './qr.js';
import { Scanner } from './scanner.js';
import { beep, unlockAudio } from './sound.js';
import { InsideList } from './inside.js';
import { mountDesk } from './guard-privacy.js';
import { loadNotice, renderNotice } from './notice.js';
import { guardChoice, recordGuardChoice } from './sms.js';
import { fillProblem, problemText as problemWords, showProblemAt, clearProblems } from './problems.js';

const KEY = { session: 'guard.session', site: 'guard.site' };
const load = (k, store = localStorage) => { try { return JSON.parse(store.getItem(k)); } catch (e) { return null; } };
const save = (k, v, store = localStorage) => { try { store.setItem(k, JSON.stringify(v)); } catch (e) { /* full */ } };

const FEED_MAX = 100;

const state = {
  session: load(KEY.session),
  sites: [],
  site: null,
  es: null,
  esRetry: 0,
  feed: new Map(), // key type:visitId → entry
  inside: null, // InsideList of the site
  bluezone: new Map(), // visitId → status
  scanner: null,
  refreshTimer: null,
  notice: null, // the site's personal data notice, read to the visitor before their consent is ticked
  smsWanted: () => false, // the visitor said yes to SMS reminders (only offered when the server sends them)
};

function token() {
  return state.session && state.session.token;
}

async function call(path, opts = {}) {
  try {
    return await api(path, { ...opts, token: token() });
  } catch (e) {
    if (e.status === 401 && !opts.noLogout) {
      signOut(true);
    }
    throw e;
  }
}

// ---------- toasts ----------

function toast(text, kind = 'ok') {
  const n = el('div', { class: 'toast toast-' + kind, role: kind === 'error' ? 'alert' : 'status' }, text);
  $('#toasts').append(n);
  setTimeout(() => n.remove(), kind === 'error' ? 7000 : 4000);
}

function problemText(e) {
  if (e.network) return t('common.networkError');
  const vi = problemWords(e);
  const en = problemWords(e, 'en');
  return vi === en ? vi : vi + ' — ' + en;
}

// ---------- sign-in ----------

function start() {
  applyI18n();
  document.querySelectorAll('.lang-switch').forEach(langSwitch);
  document.addEventListener('langchange', () => { renderInside(); renderFeed(); renderLive(); });
  document.addEventListener('pointerdown', unlockAudio, { once: true });
  $('#login-form').addEventListener('submit', login);
  $('#logout').addEventListener('click', () => signOut(false));
  $('#site').addEventListener('change', () => pickSite(Number($('#site').value)));
  $('#manual').addEventListener('submit', manualCheckIn);
  guardChoice($('#manual'), $('#manual-error')).then((wanted) => { state.smsWanted = wanted; });
  $('#scan-toggle').addEventListener('click', toggleScanner);
  $('#print-close').addEventListener('click', closePrint);
  $('#print-do').addEventListener('click', () => window.print());
  $('#last-print').addEventListener('click', (e) => openPrint(e.currentTarget.dataset.visitId, e.currentTarget));
  mountDesk(call, toast);
  setInterval(renderInside, 30000); // durations tick
  setInterval(refreshInside, 5 * 60000); // and now and then the whole list, in case
  if (state.session && Date.parse(state.session.expiresAt) > Date.now()) enter();
  else showLogin();
}

function showLogin(message) {
  show($('#app'), false);
  show($('#login'), true);
  const err = $('#login-error');
  err.textContent = message || '';
  show(err, !!message);
  $('#username').focus();
}

async function login(e) {
  e.preventDefault();
  const button = $('#login-form button[type=submit]');
  button.disabled = true;
  try {
    const r = await api('/api/v1/auth/login', { method: 'POST', body: { username: $('#username').value.trim(), password: $('#password').value } });
    state.session = { token: r.token, role: r.role, expiresAt: r.expiresAt, username: $('#username').value.trim() };
    save(KEY.session, state.session);
    $('#password').value = '';
    enter();
  } catch (ex) {
    showLogin(ex.status === 401 ? t('guard.login.wrong') : problemText(ex));
  } finally {
    button.disabled = false;
  }
}

function signOut(expired) {
  if (!expired && token()) api('/api/v1/auth/logout', { method: 'POST', token: token() }).catch(() => {});
  localStorage.removeItem(KEY.session);
  state.session = null;
  closeStream();
  stopScanner();
  showLogin();
}

async function enter() {
  show($('#login'), false);
  show($('#app'), true);
  try {
    const r = await call('/api/v1/sites');
    state.sites = r.items || [];
  } catch (e) {
    if (state.session) toast(problemText(e), 'error');
    return;
  }
  const select = clear($('#site'));
  for (const s of state.sites) select.append(el('option', { value: s.id }, s.name));
  select.disabled = state.sites.length < 2;
  show($('#no-sites'), state.sites.length === 0);
  if (!state.sites.length) return;
  const remembered = load(KEY.site);
  const first = state.sites.find((s) => s.id === remembered) || state.sites[0];
  select.value = String(first.id);
  pickSite(first.id);
}

function pickSite(id) {
  state.site = state.sites.find((s) => s.id === id) || null;
  if (!state.site) return;
  save(KEY.site, id);
  state.feed.clear();
  state.bluezone.clear();
  if (state.inside) state.inside.close();
  state.inside = new InsideList(id, (path) => call(path), renderInside);
  loadNotice(id).then((n) => {
    state.notice = n;
    if (n && state.site && state.site.id === id) renderNotice(clear($('#guard-notice-text')), n);
  });
  renderFeed();
  loadFeed();
  refreshInside();
  openStream();
}

// ---------- live events (SSE with a single-use ticket) ----------

function closeStream() {
  if (state.es) { state.es.close(); state.es = null; }
}

async function openStream() {
  closeStream();
  const site = state.site;
  if (!site) return;
  let ticket;
  try {
    ticket = (await call(`/api/v1/sites/${site.id}/events/tickets`, { method: 'POST' })).ticket;
  } catch (e) {
    retryStream();
    return;
  }
  if (state.site !== site) return;
  const es = new EventSource(`/api/v1/sites/${site.id}/events?ticket=${encodeURIComponent(ticket)}`);
  state.es = es;
  es.onopen = () => {
    if (state.esRetry > 0) { loadFeed(); refreshInside(); } // events missed while away
    state.esRetry = 0;
    renderLive(true);
  };
  // The ticket is single use: the browser's own reconnect cannot work, so reopen with a new ticket.
  es.onerror = () => {
    if (state.es !== es) return;
    es.close();
    state.es = null;
    renderLive(false);
    retryStream();
  };
  for (const type of ['checkin', 'checkout', 'confirmation']) {
    es.addEventListener(type, (msg) => {
      let data;
      try { data = JSON.parse(msg.data); } catch (e) { return; }
      onEvent(data);
    });
  }
}

function retryStream() {
  state.esRetry++;
  renderLive(false);
  const wait = Math.min(15000, 1000 * 2 ** Math.min(state.esRetry - 1, 4));
  setTimeout(() => { if (!state.es && state.session) openStream(); }, wait);
}

function renderLive(on) {
  const b = $('#live-badge');
  const live = on === undefined ? !!(state.es && state.es.readyState === 1) : on;
  b.textContent = live ? t('guard.live.connected') : t('guard.live.reconnecting');
  b.className = 'badge ' + (live ? 'badge-ok' : 'badge-off');
  b.dataset.state = live ? 'live' : 'down';
}

function onEvent(e) {
  if (!state.site || e.siteId !== state.site.id) return;
  if (e.bluezone) state.bluezone.set(e.visitId, e.bluezone);
  addFeed({ type: e.type, visitId: e.visitId, name: e.name, at: e.occurredAt, method: e.method, bluezone: e.bluezone, inferred: e.inferred, fresh: true });
  renderFeed();
  if (state.inside) state.inside.apply(e);
}

// ---------- feed ----------

function addFeed(entry) {
  const key = entry.type + ':' + entry.visitId;
  const old = state.feed.get(key);
  state.feed.set(key, { ...old, ...entry });
  if (state.feed.size > FEED_MAX * 2) {
    const sorted = [...state.feed.entries()].sort((a, b) => (a[1].at < b[1].at ? 1 : -1));
    state.feed = new Map(sorted.slice(0, FEED_MAX));
  }
}

async function loadFeed() {
  const site = state.site;
  try {
    const r = await call(`/api/v1/sites/${site.id}/visits?limit=50`);
    if (state.site !== site) return;
    for (const v of r.items || []) {
      if (v.bluezone) state.bluezone.set(v.id, v.bluezone);
      const name = v.visitor && v.visitor.name;
      if (!v.entryMissing) addFeed({ type: 'checkin', visitId: v.id, name, at: v.enteredAt, method: v.method, bluezone: v.bluezone });
      if (v.exitedAt) addFeed({ type: 'checkout', visitId: v.id, name, at: v.exitedAt, method: v.exitMethod, bluezone: v.bluezone, inferred: v.exitInferred });
    }
    renderFeed();
  } catch (e) { /* the stream still brings new events */ }
}

function methodLabel(m) {
  const key = 'guard.method.' + m;
  const s = t(key);
  return s === key ? (m || '') : s;
}

function bzLabel(status) {
  return t('guard.bz.' + (status || 'unknown'));
}

function bzClass(status) {
  if (status === 'qr_confirmed' || status === 'installed_on_site' || status === 'declared') return 'bz-ok';
  if (status === 'not_installed' || status === 'no_smartphone') return 'bz-no';
  return 'bz-unknown';
}

function renderFeed() {
  const list = clear($('#feed'));
  const zone = state.site && state.site.timeZone;
  const items = [...state.feed.values()].sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0)).slice(0, FEED_MAX);
  for (const f of items) {
    const bz = state.bluezone.get(f.visitId) || f.bluezone;
    list.append(el('li', { class: 'row feed-row ev-' + f.type + (f.fresh ? ' fresh' : ''), dataset: { visitId: f.visitId, type: f.type } },
      el('span', { class: 'when' }, timeOf(f.at, zone)),
      el('span', { class: 'chip chip-' + f.type }, t('guard.ev.' + f.type)),
      el('span', { class: 'who' },
        el('span', { class: 'name', dir: 'auto' }, f.name || ''),
        el('span', { class: 'meta' }, [methodLabel(f.method), f.inferred ? t('guard.ev.inferred') : ''].filter(Boolean).join(' · '))),
      el('span', { class: 'bz ' + bzClass(bz) }, bzLabel(bz))));
    f.fresh = false;
  }
  show($('#feed-empty'), items.length === 0);
}

// ---------- who is inside ----------

// The list follows the site's events (InsideList); it is read whole on opening, after the stream was
// away, when the server's count disagrees with it, and every few minutes.
async function refreshInside() {
  const site = state.site;
  const inside = state.inside;
  if (!site || !inside) return;
  try {
    const [, visits] = await Promise.all([
      inside.reload(),
      call(`/api/v1/sites/${site.id}/visits?inside=true&limit=500`).catch(() => null),
    ]);
    if (state.site !== site) return;
    if (visits) for (const v of visits.items || []) if (v.bluezone) state.bluezone.set(v.id, v.bluezone);
    renderInside();
  } catch (e) { /* keep the last list */ }
}

function duration(minutes) {
  const m = Math.max(0, Math.floor(minutes));
  return m < 60 ? t('common.minutes', { n: m }) : t('common.hoursMinutes', { h: Math.floor(m / 60), m: m % 60 });
}

function renderInside() {
  const occ = state.inside;
  if (!occ || !occ.ready) return;
  const zone = state.site && state.site.timeZone;
  const cap = occ.capacity;
  const n = occ.inside;
  $('#inside-title').textContent = cap ? t('guard.inside.titleCap', { n, cap }) : t('guard.inside.title', { n });
  const banner = $('#capacity');
  if (cap && (occ.atCapacity || n >= cap * 0.9)) {
    banner.textContent = occ.atCapacity ? t('guard.capacity.full', { n, cap }) : t('guard.capacity.near', { n, cap });
    banner.className = 'capacity ' + (occ.atCapacity ? 'full' : 'near');
    show(banner, true);
  } else show(banner, false);
  const list = clear($('#inside'));
  list.dataset.reads = occ.reloads; // whole reads of the list (the rest follows the events)
  const rows = occ.visitors();
  for (const v of rows) {
    const minutes = occ.minutes(v);
    const bz = state.bluezone.get(v.visitId);
    const actions = el('span', { class: 'actions' },
      el('button', { type: 'button', class: 'btn btn-small btn-danger', onclick: (e) => markExit(v, e.currentTarget) }, t('guard.exit')));
    if (bz !== 'qr_confirmed' && bz !== 'installed_on_site') {
      actions.append(el('button', { type: 'button', class: 'btn btn-small btn-warn', onclick: () => markInstalled(v) }, t('guard.installed')));
    }
    // a pass card for anyone inside, e.g. a regular without a phone: the server signs one for the visit's visitor
    actions.append(el('button', { type: 'button', class: 'btn btn-small btn-ghost print-btn', onclick: (e) => openPrint(v.visitId, e.currentTarget) }, t('guard.print')));
    list.append(el('li', { class: 'row inside-row', dataset: { visitId: v.visitId } },
      el('span', { class: 'who' },
        el('span', { class: 'name', dir: 'auto' }, v.visitor && v.visitor.name || ''),
        el('span', { class: 'meta' }, [v.visitor && v.visitor.phoneMasked, timeOf(v.enteredAt, zone)].filter(Boolean).join(' · '))),
      el('span', { class: 'dur' + (minutes > 240 ? ' long' : '') }, duration(minutes)),
      el('span', { class: 'bz ' + bzClass(bz) }, bzLabel(bz)),
      actions));
  }
  show($('#inside-empty'), rows.length === 0);
}

async function markExit(v, button) {
  if (button) button.disabled = true; // a second tap would find the visit closed
  try {
    await call(`/api/v1/sites/${state.site.id}/visits/${v.visitId}/exit`, { method: 'POST' });
    toast(t('guard.done.exit', { name: isolate(v.visitor.name) }));
    beep('ok');
    if (state.inside) state.inside.apply({ type: 'checkout', visitId: v.visitId, visitorId: v.visitor.id });
    afterOwnChange();
  } catch (e) {
    toast(problemText(e), 'error');
    refreshInside();
  }
}

// The stream brings this console's own changes too; without it, read the list again.
function afterOwnChange() {
  if (!(state.es && state.es.readyState === 1)) refreshInside();
}

async function markInstalled(v) {
  try {
    await call(`/api/v1/sites/${state.site.id}/visits/${v.visitId}/bluezone`, { method: 'POST', body: { status: 'installed_on_site' } });
    state.bluezone.set(v.visitId, 'installed_on_site');
    toast(t('guard.done.installed', { name: isolate(v.visitor.name) }));
    renderInside();
    renderFeed();
  } catch (e) {
    toast(problemText(e), 'error');
  }
}

// ---------- checking people in ----------

// The fields a check-in problem may name, on the hand-typed form.
const MANUAL_FIELDS = {
  'visitor.name': () => $('#m-name'), 'visitor.phone': () => $('#m-phone'), 'visitor.idNumber': () => $('#m-id'),
  'bluezone.status': () => $('#m-bz'), consent: () => $('#m-consent'),
};

async function manualCheckIn(e) {
  e.preventDefault();
  const name = $('#m-name').value.normalize('NFC').replace(/\s+/g, ' ').trim();
  const phone = $('#m-phone').value.trim();
  const idNumber = $('#m-id').value.replace(/\s+/g, '');
  const err = $('#manual-error');
  clearProblems($('#manual'));
  if (!name) {
    showProblemAt($('#manual'), { type: 'name-required', body: { field: 'visitor.name' } }, MANUAL_FIELDS);
    show(err, false);
    $('#m-name').focus();
    return;
  }
  const consent = staffConsent($('#m-consent'));
  if (!consent) {
    err.textContent = t('pd.consent.staffRequired');
    show(err, true);
    $('#m-consent').focus();
    return;
  }
  show(err, false);
  const visitor = { name };
  if (phone) visitor.phone = phone;
  if (idNumber) visitor.idNumber = idNumber;
  const direction = document.querySelector('input[name=dir]:checked').value;
  const body = { visitor, direction, bluezone: { status: $('#m-bz').value }, consent };
  const button = $('#manual button[type=submit]');
  button.disabled = true;
  try {
    const r = await record(body);
    if (r) {
      if (state.smsWanted() && r.visitId) {
        await recordGuardChoice(call, state.site.id, r.visitId)
          .then(() => toast(t('sms.guard.done', { name: isolate(r.visitor && r.visitor.name) })))
          .catch((ex) => toast(problemText(ex), 'error')); // the check-in stands either way
      }
      $('#manual').reset(); // the consent box too: the next visitor is asked again
      $('#m-name').focus();
    }
  } catch (ex) {
    // under the field it is about when it is about one, else under the form
    const at = ex.network ? null : showProblemAt($('#manual'), ex, MANUAL_FIELDS);
    if (at) at.focus();
    else if (ex.network) { err.textContent = problemText(ex); show(err, true); }
    else { fillProblem(err, ex); show(err, true); }
  } finally {
    button.disabled = false;
  }
}

/**
 * POST a check-in for the current site; retried with the same id once on a network error. A second scan soon
 * after an entry is answered "already checked in": the guard is asked, and null returned.
 */
async function record(part) {
  const body = { id: uuid(), siteId: state.site.id, ...part };
  show($('#repeat'), false);
  let r;
  try {
    try {
      r = await call('/api/v1/checkins', { method: 'POST', body, timeoutMs: 10000 });
    } catch (e) {
      if (!e.transient) throw e;
      r = await call('/api/v1/checkins', { method: 'POST', body, timeoutMs: 10000 });
    }
  } catch (e) {
    if (!isProblem(e, 'already-checked-in')) throw e;
    askCheckOut(part, e.body || {});
    return null;
  }
  const name = isolate(r.visitor && r.visitor.name);
  showLast(r);
  toast(t(r.direction === 'out' ? 'guard.done.out' : 'guard.done.in', { name }));
  beep('ok');
  afterOwnChange();
  return r;
}

/** "Checked in at 07:02 — leaving?": check out only when the guard says so. */
function askCheckOut(part, problem) {
  const time = timeOf(problem.enteredAt, state.site.timeZone);
  $('#repeat-text').textContent = t('repeat.title', { time }) + ' — ' + t('repeat.ask');
  show($('#repeat'), true);
  $('#repeat').scrollIntoView({ block: 'nearest' });
  beep('warn');
  $('#repeat-out').onclick = () => record({ ...part, direction: 'out' }).catch((e) => toast(problemText(e), 'error'));
  $('#repeat-stay').onclick = () => show($('#repeat'), false);
  $('#repeat-out').focus();
}

function showLast(r) {
  const name = isolate(r.visitor && r.visitor.name);
  $('#last-text').textContent = t(r.direction === 'out' ? 'guard.done.out' : 'guard.done.in', { name }) + ' — ' + timeOf(r.occurredAt, state.site.timeZone);
  const p = $('#last-print');
  p.dataset.visitId = r.visitId || '';
  show(p, !!r.visitId);
  show($('#last'), true);
}

// ---------- camera ----------

async function toggleScanner() {
  if (state.scanner) { stopScanner(); return; }
  show($('#scan-box'), true);
  state.scanner = new Scanner({ video: $('#scan-video'), onText: onScan, facingMode: 'environment', token: token() });
  const ok = await state.scanner.start();
  show($('#scan-error'), !ok);
  show($('#scan-video'), ok);
  if (!ok) { state.scanner = null; return; }
  $('#scan-toggle').textContent = t('guard.scan.stop');
}

function stopScanner() {
  if (state.scanner) state.scanner.stop();
  state.scanner = null;
  show($('#scan-box'), false);
  $('#scan-toggle').textContent = t('guard.scan');
}

let scanning = false;
async function onScan(text) {
  if (scanning || !state.site) return;
  scanning = true;
  try {
    const scan = classify(text);
    if (scan.kind === 'cccd') {
      if (scan.card.error) throw new Error(t('kiosk.reason.cccd', { detail: scan.card.error }));
      const consent = staffConsent($('#scan-consent'));
      if (!consent) throw new Error(t('pd.consent.staffRequired'));
      await record({ cccd: scan.text, direction: 'auto', consent });
      $('#scan-consent').checked = false; // the next visitor is asked again
    } else if (scan.kind === 'pass') {
      const given = staffConsent($('#scan-consent'));
      try {
        await record({ pass: scan.text, direction: 'auto', consent: given || { method: 'pass' } });
      } catch (e) {
        if (isProblem(e, 'consent-required')) throw new Error(t('pd.consent.passAgain'));
        throw e;
      }
      $('#scan-consent').checked = false;
    } else if (scan.kind === 'confirmation') {
      const r = await call('/api/v1/confirmations', { method: 'POST', body: { code: scan.text } });
      toast(t('guard.done.confirm', { name: isolate(r.visitor && r.visitor.name) }), r.installed ? 'ok' : 'warn');
      beep(r.installed ? 'ok' : 'warn');
      afterOwnChange();
    } else {
      throw new Error(t('kiosk.reason.unknown'));
    }
  } catch (e) {
    toast(e.status !== undefined ? problemText(e) : e.message, 'error');
    beep('error');
  } finally {
    scanning = false;
  }
}

/** The consent a guard records after telling the visitor (the box ticked), or null. */
function staffConsent(box) {
  return box.checked && state.notice ? { version: state.notice.version, method: 'staff' } : null;
}

// ---------- printable pass card ----------

/** Fetches a pass for the visit's visitor (anyone's, not only a first-timer's) and shows the card to print. */
async function openPrint(visitId, button) {
  if (!visitId || !state.site) return;
  const site = state.site;
  if (button) button.disabled = true;
  let r;
  try {
    r = await call(`/api/v1/sites/${site.id}/visits/${encodeURIComponent(visitId)}/pass`, { method: 'POST', timeoutMs: 10000 });
  } catch (e) {
    toast(t('guard.print.none') + ' ' + problemText(e), 'error');
    return;
  } finally {
    if (button) button.disabled = false;
  }
  if (!r || !r.pass || state.site !== site) return;
  $('#print-site').textContent = site.name;
  $('#print-name').textContent = r.visitor && r.visitor.name || '';
  drawQr($('#print-qr'), r.pass, { ecl: 'M', label: t('guard.print.title') });
  document.body.classList.add('printing');
  show($('#print-view'), true);
  $('#print-do').focus();
}

function closePrint() {
  show($('#print-view'), false);
  document.body.classList.remove('printing');
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
else start();
