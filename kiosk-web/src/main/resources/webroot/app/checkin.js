// The visitor's phone, opened from the kiosk or poster QR (/c/<site token>).
// The code in the URL (a kiosk's rotating code lives about a minute) is exchanged at once for a
// ten-minute session, which is what the check-in carries: typing may take longer than the code lives.
import { t, lang, applyI18n, langSwitch } from './i18n.js';
import { api, isProblem } from '../shared/api.js';
import { $, el, clear, show, timeOf, uuid } from '../shared/dom.js';
import { drawQr } from './qr.js';
import { openMyData } from './mydata.js';
import { loadNotice, renderNotice as renderPrivacyNotice, consentLabel } from './notice.js';
import { phoneChoice } from './sms.js';
import { mountDependants } from './dependants.js';
import { fillProblem, problemField, problemText, problemType } from './problems.js';
import { fillStores } from './stores.js';

const KEY = { profile: 'visitor.profile', bluezone: 'visitor.bluezone', pass: 'visitor.pass', draft: 'visitor.draft',
  consent: 'visitor.consent', family: 'visitor.family' };
const load = (k) => { try { return JSON.parse(localStorage.getItem(k)); } catch (e) { return null; } };
const save = (k, v) => { try { localStorage.setItem(k, JSON.stringify(v)); } catch (e) { /* private mode */ } };

const siteToken = decodeURIComponent(location.pathname.split('/').filter(Boolean).pop() || '');
const STEPS = ['s-details', 's-bluezone', 's-go', 's-done', 's-pass', 's-mydata'];
let pendingId = null; // reused when the same check-in is retried, so it is stored once
let pendingDirection = null; // what pendingId was sent for: a check-out after a check-in is another request
let bzChoice = null;
let lastDone = null;
let siteNotice = null; // the site's privacy notice, once loaded
let noticeLoading = true; // the notice is on its way: the site code is being read, or the notice fetched
let family = null; // "người đi cùng": checked in and out with the visitor, each a visit of their own
let checkedIn = null; // when this page checked the visitor in: the next tap asks before checking out
let asking = null; // the entry time shown in the "leaving?" question, while it is asked

const SESSION_MAX_MS = 10 * 60000; // the server's session validity
const SESSION_WARN_MS = 60000; // warn this long before the session ends
// state: opening | ok | ending | expired (code or session refused) | offline (not opened yet: no network)
// why: the notice that says why there is no session (the code was refused or the session ended)
const session = { token: null, deadline: 0, state: 'opening', site: null, why: null };

function step(id) {
  for (const s of STEPS) show($('#' + s), s === id);
  if (id !== 's-go') ask(null);
  // the Bluezone question stays visible under the button the first time
  if (id === 's-bluezone') show($('#s-go'), true);
  $('#go').disabled = id === 's-bluezone' && !bzChoice;
  showConsent(id);
  window.scrollTo(0, 0);
}

// ---------- the notice and the visitor's consent ----------

/** Consent is asked once per notice version and controller on this phone (kept with what they typed). */
function consentNeeded() {
  const c = load(KEY.consent);
  return !c || !siteNotice || c.version !== siteNotice.version || c.controller !== siteNotice.controller;
}

function showConsent(id) {
  const box = $('#consent');
  const visible = (id || currentStep()) !== 's-done' && (id || currentStep()) !== 's-pass'
    && (id || currentStep()) !== 's-mydata' && consentNeeded();
  show(box, visible);
  $('#consent-check').disabled = !siteNotice; // nothing can be agreed to before its text is on screen
  if (!visible) return;
  if (!siteNotice) {
    clear($('#consent-notice')).append(el('p', { class: 'hint' },
      t(noticeLoading ? 'common.loading' : 'pd.notice.unavailable')));
    return;
  }
  if ($('#consent-notice').dataset.version !== String(siteNotice.version)) renderPrivacyNotice($('#consent-notice'), siteNotice);
  clear($('#consent-label')).append(...consentLabel(siteNotice));
  const before = load(KEY.consent);
  $('#consent-title').textContent = before ? t('pd.consent.changed', { v: siteNotice.version }) : t('pd.consent.kioskLead');
}

function currentStep() {
  return STEPS.find((s) => !$('#' + s).hidden) || 's-details';
}

/** True when the visitor has agreed (now or before) to this notice; otherwise says what is missing. */
function agreed() {
  if (!consentNeeded()) return true;
  const err = $('#consent-error');
  if (!siteNotice || !$('#consent-check').checked) {
    err.textContent = siteNotice ? t('pd.consent.required') : t('pd.notice.unavailable');
    show(err, true);
    $('#consent-check').focus();
    return false;
  }
  show(err, false);
  save(KEY.consent, { version: siteNotice.version, controller: siteNotice.controller });
  show($('#consent'), false);
  return true;
}

async function openNotice(siteId) {
  noticeLoading = true;
  try {
    siteNotice = await loadNotice(siteId);
  } finally {
    noticeLoading = false;
  }
  if (siteNotice) renderPrivacyNotice(clear($('#privacy-notice')), siteNotice);
  showConsent();
}

let shown = null; // {key, vars} or {text}, and kind, of the notice on screen

/** A notice with text from the server (problem details) or none. */
function notice(text, kind) {
  shown = text ? { text, kind } : null;
  renderNotice();
}

/** A problem the server answered, in the page's words (never its English detail). */
function problem(e) {
  shown = { problem: { type: problemType(e), body: e.body, status: e.status, retryAfter: e.retryAfter }, kind: 'error' };
  renderNotice();
}

/** A notice from the string table: Vietnamese first, with the English line under it. */
function say(key, vars, kind) {
  shown = { key, vars, kind };
  renderNotice();
}

function renderNotice() {
  const n = clear($('#notice'));
  n.className = 'notice' + (shown && shown.kind === 'error' ? ' error' : '');
  n.dataset.key = shown && shown.key || '';
  n.dataset.problem = '';
  if (!shown) { show(n, false); return; }
  if (shown.problem) {
    n.append(el('span', { class: 'notice-main' }, problemText(shown.problem)));
    if (lang() === 'vi') n.append(el('span', { class: 'notice-en', lang: 'en' }, problemText(shown.problem, 'en')));
    n.dataset.problem = shown.problem.type;
  } else if (shown.key) {
    n.append(el('span', { class: 'notice-main' }, t(shown.key, shown.vars)));
    if (lang() === 'vi') n.append(el('span', { class: 'notice-en', lang: 'en' }, t(shown.key, shown.vars, 'en')));
  } else {
    n.append(el('span', { class: 'notice-main' }, shown.text));
  }
  show(n, true);
}

// ---------- the site code and the check-in session ----------

/** GET /api/v1/site-tokens/{token}: the site's name and a session; false when it cannot be had now. */
async function openSession() {
  if (!/^[kp]1\.[A-Za-z0-9._-]+$/.test(siteToken)) {
    refused('checkin.badToken');
    return false;
  }
  session.state = 'opening';
  try {
    const r = await api('/api/v1/site-tokens/' + encodeURIComponent(siteToken), { timeoutMs: 15000 });
    // The phone's clock may be wrong: trust expiresAt only as far as the session can live.
    let left = Date.parse(r.expiresAt) - Date.now();
    if (!(left > SESSION_WARN_MS && left <= SESSION_MAX_MS)) left = SESSION_MAX_MS;
    session.token = r.session;
    session.deadline = Date.now() + left;
    session.state = 'ok';
    session.site = { name: r.siteName, gate: r.gate };
    renderSite();
    openNotice(r.siteId);
    if (shown && (shown.key === 'common.networkError' || shown.key === 'checkin.codeExpired')) notice('');
    return true;
  } catch (e) {
    noticeLoading = false; // no site, no notice: said so rather than "loading"
    showConsent();
    if (e.status === 401 || e.status === 400 || e.status === 404) {
      refused('checkin.codeExpired');
    } else if (e.status === 429) {
      session.state = 'offline';
      say('checkin.tooMany', { s: e.retryAfter || 60 }, 'error');
    } else {
      session.state = 'offline';
      say('common.networkError', null, 'error');
    }
    return false;
  }
}

function renderSite() {
  const site = session.site;
  show($('#site-line'), !!site);
  if (!site) return;
  $('#site-name').textContent = site.name || '';
  $('#site-gate').textContent = site.gate ? ' · ' + site.gate : '';
  show($('#site-gate'), !!site.gate);
}

/** No session to be had from this page: the visitor scans the code again (what they typed is kept). */
function refused(why) {
  session.token = null;
  session.state = 'expired';
  session.why = why;
  say(why, null, 'error');
}

/** Warns a minute before the session ends and says so when it has; timers sleep with the screen, so this polls. */
function checkSession() {
  if (!session.token || lastDone) return; // after a check-in the done screen stays as it is
  const left = session.deadline - Date.now();
  if (left <= 0 && session.state !== 'expired') {
    session.state = 'expired';
    say('checkin.expired', null, 'error');
  } else if (left > 0 && left <= SESSION_WARN_MS && session.state === 'ok') {
    session.state = 'ending';
    say('checkin.ending', null, 'warn');
  }
}

// ---------- what the visitor typed survives a new scan ----------

function saveDraft() {
  const draft = {
    name: $('#name').value,
    phone: $('#phone').value,
    bzStatus: bzChoice,
    bzId: $('#bz-id').value,
  };
  save(KEY.draft, draft);
}

function restoreDraft() {
  const d = load(KEY.draft);
  if (!d) return null;
  if (typeof d.name === 'string') $('#name').value = d.name;
  if (typeof d.phone === 'string') $('#phone').value = d.phone;
  if (typeof d.bzId === 'string') $('#bz-id').value = d.bzId;
  return d;
}

function start() {
  applyI18n();
  fillStores($('#bz-stores'));
  document.querySelectorAll('.lang-switch').forEach(langSwitch);
  document.addEventListener('langchange', () => {
    renderMe(); renderNotice(); fillStores($('#bz-stores'));
    if (lastDone && !$('#confirmed-box').hidden) return; // the kiosk's answer stays as it was given
    if (lastDone) renderDone(lastDone);
    ask(asking);
  });
  bind();
  const draft = restoreDraft();
  home(draft);
  openSession();
  setInterval(checkSession, 5000);
  document.addEventListener('visibilitychange', () => { if (document.visibilityState === 'visible') checkSession(); });
}

function home(draft) {
  const profile = load(KEY.profile);
  const pass = load(KEY.pass);
  const editing = draft && (draft.name || draft.phone)
    && (!profile || draft.name !== profile.name || draft.phone !== profile.phone);
  if ((!profile && !pass) || editing) {
    step('s-details');
    return;
  }
  renderMe();
  const bz = load(KEY.bluezone);
  if (!bz) {
    const status = draft && draft.bzStatus || (bz && bz.status);
    if (status) chooseBluezone(status);
    step('s-bluezone');
  } else {
    step('s-go');
  }
}

function renderMe() {
  const profile = load(KEY.profile) || {};
  const passName = passDisplayName(load(KEY.pass));
  const name = profile.name || passName;
  show($('#me'), !!name);
  $('#me-name').textContent = name || '';
  $('#me-phone').textContent = profile.phone ? maskPhone(profile.phone) : '';
  const bz = load(KEY.bluezone);
  $('#me-bz').textContent = !bz ? '' : bz.status === 'declared'
    ? (bz.bluezoneId ? t('checkin.bz.summary.installed', { id: bz.bluezoneId }) : t('checkin.bz.summary.installedNoId'))
    : t('checkin.bz.summary.not');
  show($('#me-bz').parentElement, !!bz);
  show($('#go-pass'), !!load(KEY.pass));
  show($('#go-mydata'), !!load(KEY.pass));
}

function maskPhone(p) {
  const digits = p.replace(/\D/g, '');
  return digits.length > 4 ? '•'.repeat(Math.max(0, digits.length - 3)) + digits.slice(-3) : p;
}

function passDisplayName(pass) {
  if (!pass) return null;
  try {
    const b64 = pass.split('.')[3].replace(/-/g, '+').replace(/_/g, '/');
    const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
    return new TextDecoder().decode(bytes);
  } catch (e) {
    return null;
  }
}

/** A problem (the server's, or this page's own check named like one) under its field, or none. */
function fieldError(id, problem) {
  const e = $('#' + id + '-error');
  if (problem) fillProblem(e, problem);
  else e.textContent = '';
  show(e, !!problem);
  $('#' + id).setAttribute('aria-invalid', problem ? 'true' : 'false');
}

// Where each field the server may name lives: its step and its input.
const FIELDS = {
  'visitor.name': ['s-details', 'name'],
  'visitor.phone': ['s-details', 'phone'],
  'visitor.idNumber': ['s-details', 'phone'],
  'bluezone.bluezoneId': ['s-bluezone', 'bz-id'],
  'bluezone.status': ['s-bluezone', 'bz-id'],
};

/** The server refused what was typed: back to the step holding that field, the message under it. */
function refusedField(e) {
  const where = FIELDS[problemField(e)];
  if (!where) return false;
  const [id, input] = where;
  if (id === 's-details') {
    const p = load(KEY.profile) || {};
    $('#name').value = p.name || $('#name').value;
    $('#phone').value = p.phone || $('#phone').value;
    localStorage.removeItem(KEY.profile); // not accepted: asked again, the details stay in the form
  } else {
    chooseBluezone('declared');
  }
  step(id);
  notice('');
  fieldError(input, e);
  $('#' + input).focus();
  return true;
}

function bind() {
  $('#s-details').addEventListener('submit', (e) => {
    e.preventDefault();
    const name = $('#name').value.normalize('NFC').replace(/\s+/g, ' ').trim();
    const phone = $('#phone').value.trim();
    const digits = phone.replace(/[\s.()-]/g, '');
    let ok = true;
    if (!name || name.length > 100) {
      fieldError('name', { type: name ? 'invalid-name' : 'name-required' });
      ok = false;
    } else fieldError('name', null);
    if (!/^\+?\d{9,15}$/.test(digits)) {
      fieldError('phone', { type: digits ? 'invalid-phone' : 'phone-required' });
      ok = false;
    } else fieldError('phone', null);
    if (!ok) {
      (name ? $('#phone') : $('#name')).focus();
      return;
    }
    if (!agreed()) return;
    const before = load(KEY.profile);
    if (!before || before.name !== name || before.phone !== phone) {
      localStorage.removeItem(KEY.pass); // new details: the server finds the person by phone and issues a new pass
      pendingId = null;
    }
    save(KEY.profile, { name, phone });
    const draft = load(KEY.draft);
    if (draft) save(KEY.draft, { ...draft, name: '', phone: '' });
    renderMe();
    if (load(KEY.bluezone)) step('s-go');
    else step('s-bluezone');
  });

  for (const id of ['name', 'phone', 'bz-id']) {
    $('#' + id).addEventListener('input', () => { saveDraft(); fieldError(id, null); });
  }
  $('#bz-yes').addEventListener('click', () => { chooseBluezone('declared'); saveDraft(); });
  $('#bz-no').addEventListener('click', () => { chooseBluezone('not_installed'); saveDraft(); });
  $('#bz-change').addEventListener('click', () => {
    const bz = load(KEY.bluezone);
    chooseBluezone(bz ? bz.status : null);
    if (bz && bz.bluezoneId) $('#bz-id').value = bz.bluezoneId;
    step('s-bluezone');
  });
  $('#edit').addEventListener('click', () => {
    const p = load(KEY.profile) || {};
    $('#name').value = p.name || passDisplayName(load(KEY.pass)) || '';
    $('#phone').value = p.phone || '';
    step('s-details');
  });
  $('#go').addEventListener('click', () => (checkedIn ? ask(checkedIn) : checkIn()));
  $('#go-out').addEventListener('click', () => checkIn('out'));
  // the names of those who came along last time, for leaving together (and the next visit): removable
  family = mountDependants($('#family'));
  family.set(load(KEY.family) || []);
  $('#repeat-stay').addEventListener('click', () => ask(null));
  $('#done').addEventListener('click', () => { lastDone = null; watching = null; notice(''); home(); checkSession(); });
  $('#show-pass').addEventListener('click', showPass);
  $('#go-pass').addEventListener('click', showPass);
  $('#pass-back').addEventListener('click', () => (lastDone ? step('s-done') : home()));
  for (const id of ['#go-mydata', '#pass-mydata']) $(id).addEventListener('click', showMyData);
  $('#mydata-back').addEventListener('click', () => (lastDone ? step('s-done') : home()));
  $('#forget').addEventListener('click', () => {
    for (const k of Object.values(KEY)) localStorage.removeItem(k);
    lastDone = null;
    $('#name').value = '';
    $('#phone').value = '';
    $('#bz-id').value = '';
    say('checkin.forgotten');
    step('s-details');
  });
}

function chooseBluezone(status) {
  bzChoice = status;
  $('#bz-yes').setAttribute('aria-pressed', String(status === 'declared'));
  $('#bz-no').setAttribute('aria-pressed', String(status === 'not_installed'));
  show($('#bz-id-box'), status === 'declared');
  show($('#bz-install'), status === 'not_installed');
  $('#go').disabled = !status;
}

function bluezoneAnswer() {
  if (!$('#s-bluezone').hidden) {
    if (!bzChoice) return null;
    const id = $('#bz-id').value.trim().toUpperCase();
    // The ID lets the kiosk confirm the answer; a visitor who cannot find it is still let in as "declared".
    if (bzChoice === 'declared' && id && !/^[A-Za-z0-9]{4,12}$/.test(id)) {
      fieldError('bz-id', { type: 'invalid-request', body: { field: 'bluezone.bluezoneId' } });
      $('#bz-id').focus();
      return null;
    }
    fieldError('bz-id', null);
    const answer = bzChoice !== 'declared' ? { status: 'not_installed' }
      : id ? { status: 'declared', bluezoneId: id } : { status: 'declared' };
    save(KEY.bluezone, answer);
    return answer;
  }
  return load(KEY.bluezone);
}

/** "Checked in at 07:02 — leaving?" with a big check-out button instead of the check-in button (null: hide it). */
function ask(enteredAt) {
  asking = enteredAt;
  show($('#repeat'), !!enteredAt);
  show($('#go'), !enteredAt);
  show($('#go-hint'), !enteredAt);
  if (!enteredAt) return;
  const text = (l) => t('repeat.title', { time: timeOf(enteredAt) }, l) + ' — ' + t('repeat.ask', null, l);
  $('#repeat-text').textContent = text();
  $('#repeat-text-en').textContent = lang() === 'vi' ? text('en') : '';
}

async function checkIn(direction = 'auto') {
  const bluezone = bluezoneAnswer();
  if (!bluezone) {
    if (!bzChoice) step('s-bluezone');
    return;
  }
  const pass = load(KEY.pass);
  const profile = load(KEY.profile);
  if (!pass && !profile) { step('s-details'); return; }
  if (!agreed()) return;
  const go = direction === 'out' ? $('#go-out') : $('#go');
  const label = direction === 'out' ? 'repeat.out' : 'checkin.go';
  if (pendingDirection !== direction) pendingId = null;
  pendingDirection = direction;
  go.disabled = true;
  go.textContent = t('checkin.sending');
  // Not opened yet (no network when the page came up): try now, the code may still be fresh.
  if (!session.token && session.state !== 'expired' && !(await openSession())) {
    go.disabled = false;
    go.textContent = t(label);
    return;
  }
  // Refused before: nothing to send. (Past the end only as this phone counts it, the server decides:
  // the phone's clock may be off.)
  if (!session.token) {
    go.disabled = false;
    go.textContent = t(label);
    say(session.why || 'checkin.expired', null, 'error');
    return;
  }
  notice('');
  pendingId = pendingId || uuid();
  const consent = load(KEY.consent);
  const body = { id: pendingId, siteToken: session.token, direction, bluezone,
    consent: { version: consent.version, method: 'self' } };
  const companions = family.names();
  // with companions the visitor goes as the phone's person, so that they are that phone's persons too and can
  // leave together (a pass alone names no phone)
  if (pass && !(companions.length && profile)) body.pass = pass;
  else body.visitor = { name: profile.name, phone: profile.phone };
  if (companions.length) body.dependants = companions.map((name) => ({ name }));
  try {
    const r = await api('/api/v1/checkins', { method: 'POST', body, timeoutMs: 15000 });
    pendingId = null;
    save(KEY.family, companions);
    if (r.pass) save(KEY.pass, r.pass);
    localStorage.removeItem(KEY.draft);
    checkedIn = r.direction === 'in' ? r.occurredAt : null;
    lastDone = r;
    renderDone(r);
    step('s-done');
  } catch (e) {
    if (isProblem(e, 'already-checked-in')) {
      pendingId = null;
      checkedIn = e.body && e.body.enteredAt;
      ask(checkedIn);
      return;
    }
    if ((isProblem(e, 'invalid-pass') || isProblem(e, 'visitor-unknown')) && profile) {
      localStorage.removeItem(KEY.pass); // an old pass (keys renewed): fall back to the details once
      pendingId = null;
      go.disabled = false;
      go.textContent = t(label);
      checkIn(direction);
      return;
    }
    if (e.status === 401) { pendingId = null; refused('checkin.expired'); } // what was typed stays, for the next scan
    else if (e.status === 429) say('checkin.tooMany', { s: e.retryAfter || 60 }, 'error');
    else if (e.transient) say('common.networkError', null, 'error'); // same id on retry: stored once
    else if (isProblem(e, 'consent-required') || isProblem(e, 'invalid-consent')) {
      pendingId = null;
      localStorage.removeItem(KEY.consent); // asked again, on this step
      showConsent();
      fillProblem($('#consent-error'), e);
      show($('#consent-error'), true);
    } else {
      pendingId = null;
      if (!refusedField(e)) problem(e);
    }
  } finally {
    go.disabled = false;
    go.textContent = t(label);
  }
}

function renderDone(r) {
  const out = r.direction === 'out';
  $('#done-banner').className = 'done-banner' + (out ? ' out' : '');
  $('#done-title').textContent = out ? t('checkin.done.out') : t('checkin.done.in');
  $('#done-name').textContent = r.visitor && r.visitor.name || '';
  const deps = r.dependants || [];
  const list = clear($('#done-family'));
  for (const d of deps) list.append(el('li', { dir: 'auto' }, d.visitor && d.visitor.name || ''));
  show(list, deps.length > 0);
  $('#done-at').textContent = t('checkin.done.at', { site: r.siteName || '', time: timeOf(r.occurredAt) });
  const confirmation = !out && r.confirmation;
  show($('#confirm-box'), !!confirmation);
  if (confirmation) {
    drawQr($('#confirm-qr'), confirmation, { ecl: 'M', label: t('checkin.confirm.title') });
    const exp = Number(confirmation.split('.')[5]);
    $('#confirm-expires').textContent = exp ? t('checkin.confirm.expires', { time: timeOf(new Date(exp * 1000)) }) : '';
  }
  show($('#confirmed-box'), false);
  watchConfirmation(confirmation);
  show($('#done-install'), !out && r.bluezone === 'not_installed');
  if (!out && r.bluezone === 'not_installed') fillStores($('#done-stores'));
  const hasPass = !!load(KEY.pass);
  show($('#pass-saved'), hasPass && !!r.pass);
  show($('#show-pass'), hasPass);
  phoneChoice($('#sms-box'), load(KEY.pass));
}

let watching = null; // the confirmation being asked about, while the done screen shows it

/**
 * Asks every 2 s whether a kiosk or a guard has scanned the confirmation shown, until it has, it expires or the
 * screen moves on; then says so where the code was.
 */
function watchConfirmation(code) {
  const mine = code ? { code } : null; // a new screen (or language) starts a new watch; the old one stops
  watching = mine;
  if (!code) return;
  const expires = Number(code.split('.')[5]) * 1000;
  const ask = async () => {
    if (watching !== mine || !lastDone) return;
    try {
      const s = await api('/api/v1/confirmations/status', { method: 'POST', body: { code }, timeoutMs: 8000 });
      if (watching !== mine) return;
      if (s.confirmed) { confirmed(s); return; }
    } catch (e) {
      if (!e.transient) return; // expired or refused: nothing more to learn
    }
    if (Date.now() < expires + 60000) setTimeout(ask, 2000);
  };
  setTimeout(ask, 1500);
}

function confirmed(s) {
  watching = null;
  const key = s.bluezone === 'not_installed' ? 'checkin.confirmed.noBluezone'
    : s.bluezone === 'declared' ? 'checkin.confirmed.declared' : 'checkin.confirmed.ok';
  $('#confirmed-text').textContent = t(key);
  $('#confirmed-text-en').textContent = lang() === 'vi' ? t(key, null, 'en') : '';
  $('#confirmed-box').dataset.bluezone = s.bluezone || '';
  show($('#confirm-box'), false);
  show($('#confirmed-box'), true);
}

function showMyData() {
  step('s-mydata');
  // Nothing held any more (erased or expired): the pass on this phone opens nothing, so it goes.
  openMyData($('#mydata'), load(KEY.pass), () => localStorage.removeItem(KEY.pass));
}

function showPass() {
  const pass = load(KEY.pass);
  if (!pass) return;
  $('#pass-name').textContent = passDisplayName(pass) || '';
  drawQr($('#pass-qr'), pass, { ecl: 'M', label: t('checkin.pass.title') });
  step('s-pass');
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
else start();
