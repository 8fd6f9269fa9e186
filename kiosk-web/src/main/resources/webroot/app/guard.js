// The guard's console: sign in, pick the site, see arrivals and exits live,
// check people in by hand or with the camera, mark exits, print passes.
import { t, applyI18n, langSwitch } from './i18n.js';
import { api, isProblem } from '../shared/api.js';
import { siteEvents } from '../shared/live.js';
import { $, el, show, clear, timeOf, uuid, isolate } from '../shared/dom.js';
import { classify } from './tokens.js';
import { drawQr } from './qr.js';
import { Scanner } from './scanner.js';
import { beep, unlockAudio } from './sound.js';
import { InsideList } from './inside.js';
import { mountDesk } from './guard-privacy.js';
import { loadNotice, renderNotice } from './notice.js';
import { guardChoice, recordGuardChoice } from './sms.js';
import { mountReader, cardInForm, clearCard, isCode } from './guard-reader.js';
import { Outbox } from './guard-outbox.js';
import './guard-i18n.js';
import { PendingExits } from './guard-exits.js';
import { mountDependants } from './dependants.js';
import { fillProblem, problemText as problemWords, showProblemAt, clearProblems } from './problems.js';

const KEY = { session: 'guard.session', site: 'guard.site' };
const load = (k, store = localStorage) => { try { return JSON.parse(store.getItem(k)); } catch (e) { return null; } };
const save = (k, v, store = localStorage) => { try { store.setItem(k, JSON.stringify(v)); } catch (e) { /* full */ } };

const FEED_MAX = 100;
const POINTER_HOLD_MS = 10000; // the inside list holds still this long under a pointer that does not move
const INSIDE_SHOWN = 100; // rows drawn at once; the search finds the others (sites of 800 exist)

const state = {
  session: load(KEY.session),
  sites: [],
  site: null,
  stream: null, // the site's live events (shared/live.js siteEvents)
  feed: new Map(), // key type:visitId → entry
  inside: null, // InsideList of the site
  bluezone: new Map(), // visitId → status
  scanner: null,
  refreshTimer: null,
  notice: null, // the site's personal data notice, read to the visitor before their consent is ticked
  exits: null, // exits waiting out their undo window (PendingExits)
  exitsSent: new Set(), // visit ids whose exit was sent: the row stays, greyed, while the pointer is on the list
  pointerInList: false,
  pointerAt: 0,
  insideDeferred: false,
  outbox: null, // check-ins kept on the device while the server does not answer
  family: null, // the form's "người đi cùng"
  readCode: () => {}, // a code read (or typed in by a slow reader) taken as a scan
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
  placeToasts();
  setTimeout(() => { n.remove(); placeToasts(); }, kind === 'error' ? 7000 : 4000);
}

/** At the bottom, unless that would cover a button of the form (or the repeat question): then at the top. */
function placeToasts() {
  const area = $('#toasts');
  area.classList.remove('toast-top');
  if (!area.firstChild) return;
  const box = area.getBoundingClientRect();
  const covers = [...document.querySelectorAll('#manual button, #repeat button')].some((b) => {
    const r = b.getBoundingClientRect();
    return r.height > 0 && r.bottom > box.top && r.top < box.bottom && r.right > box.left && r.left < box.right;
  });
  area.classList.toggle('toast-top', covers);
  area.style.top = covers ? Math.max(0, $('.guard-bar').getBoundingClientRect().bottom) + 8 + 'px' : '';
}

// ---------- the gate of this console, chosen once and kept on the device ----------

const gateKey = (siteId) => 'guard.gate.' + siteId;

function loadGate() {
  const site = state.site;
  $('#gate').value = (site && load(gateKey(site.id))) || '';
  const list = clear($('#gates'));
  if (!site) return;
  call(`/api/v1/sites/${site.id}/kiosks`).then((r) => {
    const gates = new Set((r.items || []).map((k) => k.gate).filter(Boolean));
    for (const g of gates) list.append(el('option', { value: g }));
  }).catch(() => { /* a guard may not list kiosks: the gate is typed */ });
}

function saveGate() {
  const gate = $('#gate').value.normalize('NFC').replace(/\s+/g, ' ').trim();
  $('#gate').value = gate;
  if (state.site) save(gateKey(state.site.id), gate);
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
  state.family = mountDependants($('#m-dependants'));
  $('#gate').addEventListener('change', saveGate);
  $('#inside-search').addEventListener('input', renderInside);
  state.exits = new PendingExits({ send: sendExit, onChange: repaintRow });
  const insideList = $('#inside');
  const touch = () => { state.pointerInList = true; state.pointerAt = Date.now(); };
  insideList.addEventListener('pointerenter', touch);
  insideList.addEventListener('pointermove', touch, { passive: true });
  insideList.addEventListener('pointerdown', touch);
  insideList.addEventListener('pointerleave', () => {
    state.pointerInList = false;
    if (state.insideDeferred) renderInside();
  });
  window.addEventListener('scroll', placeToasts, { passive: true });
  window.addEventListener('resize', placeToasts);
  guardChoice($('#manual'), $('#manual-error')).then((wanted) => { state.smsWanted = wanted; });
  $('#scan-toggle').addEventListener('click', toggleScanner);
  state.readCode = mountReader({
    onCode: onScan,
    submitCard: () => $('#manual').requestSubmit(),
    onError: (text) => { toast(text, 'error'); beep('error'); },
  });
  $('#print-close').addEventListener('click', closePrint);
  $('#print-do').addEventListener('click', () => window.print());
  $('#last-print').addEventListener('click', (e) => openPrint(e.currentTarget.dataset.visitId, e.currentTarget));
  mountDesk(call, toast);
  state.outbox = new Outbox({
    post: (path, body, timeoutMs) => call(path, { method: 'POST', body, timeoutMs }),
    user: () => state.session && state.session.username,
    serverNow: () => Date.now() + (state.inside ? state.inside.skew : 0),
    onChange: renderLive,
    onSynced: (n) => {
      toast(t('guard.synced', { n }));
      refreshInside();
      loadFeed();
      if (state.stream) state.stream.now(); else openStream();
    },
    onRefused: keptRefused,
  });
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
    showLogin(ex.status === 401 ? t('guard.login.wrong')
      : ex.status === 429 ? t('guard.login.tooMany', { s: ex.retryAfter || 30 }) : problemText(ex));
  } finally {
    button.disabled = false;
  }
}

async function signOut(expired) {
  if (!expired) await state.exits.sendAll(); // the exits the guard meant still go, under their own sign-in
  if (!expired && token()) api('/api/v1/auth/logout', { method: 'POST', token: token() }).catch(() => {});
  localStorage.removeItem(KEY.session);
  state.session = null;
  closeStream();
  stopScanner();
  forgetScreen();
  showLogin();
}

/** What the guard who signed out saw goes with them: errors, the last visitor, the form, the desk's finding. */
function forgetScreen() {
  $('#manual').reset();
  clearCard();
  state.family.clear();
  $('#scan-consent').checked = false;
  for (const id of ['#manual-error', '#repeat', '#last']) show($(id), false);
  clear($('#toasts'));
  clear($('#pd-found'));
  $('#pd-query').value = '';
  $('#password').value = '';
}

async function enter() {
  show($('#login'), false);
  show($('#app'), true);
  state.outbox.count().then(() => state.outbox.retry());
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
  $('#inside-search').value = '';
  loadGate();
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
  if (state.stream) { state.stream(); state.stream = null; }
}

function openStream() {
  closeStream();
  const site = state.site;
  if (!site) return;
  state.stream = siteEvents(site.id, {
    ticket: async () => (await call(`/api/v1/sites/${site.id}/events/tickets`, { method: 'POST' })).ticket,
    onEvent,
    onState: (on, reopened, failures) => {
      if (on && failures > 0) { loadFeed(); refreshInside(); } // events missed while away
      renderLive(on);
    },
    onRetry: () => renderLive(false),
    longestWaitMs: 15000,
    jitter: false,
  });
}

function renderLive(on) {
  const b = $('#live-badge');
  const box = state.outbox;
  const live = on === true || on === false ? on : !!(state.stream && state.stream.live());
  const offline = box && !box.online;
  b.textContent = offline ? t('guard.offline') : live ? t('guard.live.connected') : t('guard.live.reconnecting');
  b.className = 'badge ' + (live && !offline ? 'badge-ok' : 'badge-off');
  b.dataset.state = offline ? 'offline' : live ? 'live' : 'down';
  const q = $('#guard-queue');
  const n = box ? box.queued : 0;
  q.textContent = t('guard.queue', { n });
  q.dataset.count = String(n);
  show(q, n > 0);
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
  const still = POINTER_HOLD_MS - (Date.now() - state.pointerAt);
  if (state.pointerInList && still > 0) {
    // no row moves under the guard's pointer: drawn again when it leaves the list, or rests there a while
    if (!state.insideDeferred) setTimeout(() => { if (state.insideDeferred) renderInside(); }, still + 50);
    state.insideDeferred = true;
    return;
  }
  state.insideDeferred = false;
  const list = clear($('#inside'));
  list.dataset.reads = occ.reloads; // whole reads of the list (the rest follows the events)
  const query = $('#inside-search').value.trim();
  const rows = occ.find(query);
  for (const v of rows.slice(0, INSIDE_SHOWN)) list.append(insideRow(v));
  const more = $('#inside-more');
  more.textContent = rows.length > INSIDE_SHOWN ? t('guard.inside.more', { n: rows.length - INSIDE_SHOWN })
    : query && !rows.length ? t('guard.inside.none', { q: query }) : '';
  show(more, !!more.textContent);
  show($('#inside-empty'), occ.inside === 0);
}

function insideRow(v) {
  const zone = state.site && state.site.timeZone;
  const minutes = state.inside.minutes(v);
  const bz = state.bluezone.get(v.visitId);
  const waiting = state.exits.has(v.visitId);
  const gone = state.exitsSent.has(v.visitId);
  const actions = el('span', { class: 'actions' });
  if (gone) {
    actions.append(el('span', { class: 'gone-label' }, t('guard.exit.gone')));
  } else if (waiting) {
    // the countdown where "Đánh dấu ra" was (a second tap lands on nothing), the undo beside it
    actions.append(el('button', { type: 'button', class: 'btn btn-small btn-danger exit-wait', disabled: true },
      t('guard.exit.pending', { s: state.exits.left(v.visitId) })),
    el('button', { type: 'button', class: 'btn btn-small btn-primary undo-btn', onclick: () => undoExit(v) }, t('guard.exit.undo')));
  } else {
    actions.append(el('button', { type: 'button', class: 'btn btn-small btn-danger', onclick: () => state.exits.start(v) }, t('guard.exit')));
    if (bz !== 'qr_confirmed' && bz !== 'installed_on_site') {
      actions.append(el('button', { type: 'button', class: 'btn btn-small btn-warn', onclick: () => markInstalled(v) }, t('guard.installed')));
    }
    // a pass card for anyone inside, e.g. a regular without a phone: the server signs one for the visit's visitor
    actions.append(el('button', { type: 'button', class: 'btn btn-small btn-ghost print-btn', onclick: (e) => openPrint(v.visitId, e.currentTarget) }, t('guard.print')));
  }
  return el('li', { class: 'row inside-row' + (waiting || gone ? ' leaving' : ''), dataset: { visitId: v.visitId } },
    el('span', { class: 'who' },
      el('span', { class: 'name', dir: 'auto' }, v.visitor && v.visitor.name || ''),
      el('span', { class: 'meta' }, [v.visitor && v.visitor.phoneMasked, timeOf(v.enteredAt, zone)].filter(Boolean).join(' · '))),
    el('span', { class: 'dur' + (minutes > 240 ? ' long' : '') }, duration(minutes)),
    el('span', { class: 'bz ' + bzClass(bz) }, bzLabel(bz)),
    actions);
}

/** One row drawn again in its place (its exit waits, was undone or sent), the others left where they are. */
function repaintRow(visitId) {
  const li = document.querySelector(`#inside li[data-visit-id="${CSS.escape(visitId)}"]`);
  const v = li && state.inside && state.inside.visitors().find((x) => x.visitId === visitId);
  if (v) {
    const row = insideRow(v);
    row.style.minHeight = li.getBoundingClientRect().height + 'px'; // never shorter: the rows below stay where they are
    li.replaceWith(row);
  }
  else if (li) renderInside();
}

function undoExit(v) {
  if (state.exits.undo(v.visitId)) toast(t('guard.exit.undone', { name: isolate(v.visitor.name) }));
}

async function sendExit(v, { keepalive } = {}) {
  state.exitsSent.add(v.visitId);
  repaintRow(v.visitId);
  try {
    const gate = $('#gate').value.trim();
    await call(`/api/v1/sites/${state.site.id}/visits/${v.visitId}/exit`,
      { method: 'POST', keepalive, body: gate ? { gate } : undefined });
    toast(t('guard.done.exit', { name: isolate(v.visitor.name) }));
    beep('ok');
    if (state.inside) state.inside.apply({ type: 'checkout', visitId: v.visitId, visitorId: v.visitor.id });
    afterOwnChange();
  } catch (e) {
    toast(problemText(e), 'error');
    refreshInside();
  } finally {
    state.exitsSent.delete(v.visitId);
  }
}

// The stream brings this console's own changes too; without it, read the list again.
function afterOwnChange() {
  if (!(state.stream && state.stream.live())) refreshInside();
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
  if (!cardInForm() && isCode(name)) {
    // a code typed in by a reader too slow to be told from typing: read it as a scan, never as a name
    $('#m-name').value = '';
    state.readCode(name);
    return;
  }
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
  const direction = document.querySelector('input[name=dir]:checked').value;
  const card = cardInForm();
  const body = { direction, bluezone: { status: $('#m-bz').value }, consent };
  const dependants = state.family.names();
  if (dependants.length) body.dependants = dependants.map((n) => ({ name: n }));
  if (card) {
    body.cccd = card.text;
  } else {
    body.visitor = { name };
    if (phone) body.visitor.phone = phone;
    if (idNumber) body.visitor.idNumber = idNumber;
  }
  const button = $('#manual button[type=submit]');
  button.disabled = true;
  button.classList.add('sending');
  button.textContent = t('guard.sending');
  try {
    const r = await record(body, name);
    if (r) {
      if (state.smsWanted() && r.visitId && !r.queued) {
        await recordGuardChoice(call, state.site.id, r.visitId)
          .then(() => toast(t('sms.guard.done', { name: isolate(r.visitor && r.visitor.name) })))
          .catch((ex) => toast(problemText(ex), 'error')); // the check-in stands either way
      }
      $('#manual').reset(); // the consent box too: the next visitor is asked again
      $('#scan-consent').checked = false;
      clearCard();
      state.family.clear();
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
    button.classList.remove('sending');
    button.textContent = t('guard.manual.submit');
  }
}

/**
 * POST a check-in for the current site; when the server does not answer in a few seconds it is kept on the
 * device and sent later with the same id ({queued: true} returned). A second scan soon after an entry is
 * answered "already checked in": the guard is asked, and null returned.
 */
async function record(part, label) {
  const body = { id: uuid(), siteId: state.site.id, ...part };
  const gate = $('#gate').value.trim();
  if (gate) body.gate = gate;
  show($('#repeat'), false);
  let r;
  try {
    r = await state.outbox.send(body, label);
  } catch (e) {
    if (!isProblem(e, 'already-checked-in')) throw e;
    askCheckOut(part, e.body || {});
    return null;
  }
  if (r.queued) {
    toast(t('guard.queued', { name: isolate(label || '') }), 'warn');
    beep('warn');
    return r;
  }
  const deps = r.dependants || [];
  const lead = isolate(r.visitor && r.visitor.name);
  const name = deps.length ? t('family.with', { name: lead, n: deps.length }) : lead;
  showLast(r);
  toast(t(r.direction === 'out' ? 'guard.done.out' : 'guard.done.in', { name }));
  beep('ok');
  afterOwnChange();
  return r;
}

/**
 * A check-in kept on the device that the server refused once it answered: a repeat scan asks as when online,
 * anything else is told with the person's name (it is not stored; the guard records it again).
 */
function keptRefused(item, e) {
  if (isProblem(e, 'already-checked-in')) {
    const { id, siteId, occurredAt, ...part } = item.body;
    askCheckOut(part, e.body || {});
  } else {
    toast(t('guard.keptRefused', { name: isolate(item.label || ''), reason: problemText(e) }), 'error');
    beep('error');
  }
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
  const deps = r.dependants || [];
  const lead = isolate(r.visitor && r.visitor.name);
  const name = deps.length ? t('family.with', { name: lead, n: deps.length }) : lead;
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
      await record({ cccd: scan.text, direction: 'auto', consent }, scan.card.name);
      $('#scan-consent').checked = false; // the next visitor is asked again
    } else if (scan.kind === 'pass') {
      const given = staffConsent($('#scan-consent')) || staffConsent($('#m-consent'));
      try {
        await record({ pass: scan.text, direction: 'auto', consent: given || { method: 'pass' } });
      } catch (e) {
        if (isProblem(e, 'consent-required')) throw new Error(t('pd.consent.passAgain'));
        throw e;
      }
      $('#scan-consent').checked = false;
      $('#m-consent').checked = false;
      $('#m-name').focus();
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
