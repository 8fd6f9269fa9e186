// The tablet at the door: pairing, the rotating check-in QR, posters, the camera, the notice, result
// screens, and the offline queue's sending. What a scan does is kiosk-scan.js.
import { t, applyI18n, langSwitch } from './i18n.js';
import { api } from '../shared/api.js';
import { fillProblem } from './problems.js';
import { fillStores } from './stores.js';
import { $, el, show, clear, timeOf } from '../shared/dom.js';
import { kioskToken, fromB64url } from './tokens.js';
import { drawQr } from './qr.js';
import { Scanner, keyboardWedge } from './scanner.js';
import { beep, unlockAudio } from './sound.js';
import * as queue from './queue.js';
import { showsAt } from './schedule.js';
import { BLUEZONE_URL, installPosters, loadCampaigns } from '../shared/campaigns.js';
import { loadNotice, renderNotice } from './notice.js';
import { mountScans, forgetPresence } from './kiosk-scan.js';

const APP_VERSION = 'web-1.1.0';
const HEARTBEAT_MS = 30000;
const POSTER_MS = 9000;
const RESULT_MS = { ok: 4000, warn: 9000, error: 5000 };
const CONSENT_MS = 45000; // an unanswered notice closes: silence is not consent

const KEY = {
  device: 'kiosk.device',
  site: 'kiosk.site',
  passKey: 'kiosk.passKey',
  qrBase: 'kiosk.qrBase',
  clock: 'kiosk.clockOffsetMs',
  campaigns: 'kiosk.campaigns',
};
const CAMPAIGN_CACHE = 'kiosk-campaigns';
const CAMPAIGN_REFRESH_MS = 30 * 60000;

const load = (k) => { try { return JSON.parse(localStorage.getItem(k)); } catch (e) { return null; } };
const save = (k, v) => { try { localStorage.setItem(k, JSON.stringify(v)); } catch (e) { /* full */ } };

const state = {
  device: load(KEY.device),
  site: load(KEY.site),
  passKey: (() => { const k = load(KEY.passKey); try { return k ? fromB64url(k) : null; } catch (e) { return null; } })(),
  qrBase: load(KEY.qrBase) || location.origin,
  clockOffset: Number(load(KEY.clock)) || 0, // server time − tablet time, for the rotating code
  clockFromServerTime: false, // measured from the heartbeat's serverTime (better than the step-based guess)
  campaigns: [], // {id, title, src (a blob: URL)} for today's campaign posters
  notice: null, // the site's personal data notice (kept in localStorage for offline days)
  online: navigator.onLine,
  queued: 0,
  flushing: false,
  resultTimer: null,
  scanStartedAt: 0, // when the scan on screen began, for the result's timing
  scanner: null,
  wakeLock: null,
};

const scans = mountScans({ state, serverNow, siteZone, setOnline, refreshQueueCount, askConsent, showResult });

// ---------- start ----------

let started = false;
function start() {
  if (started) return;
  started = true;
  applyI18n();
  document.querySelectorAll('.lang-switch').forEach(langSwitch);
  if ('serviceWorker' in navigator) {
    navigator.serviceWorker.register('/sw.js').catch(() => { /* http on a LAN: no offline shell */ });
  }
  if (new URLSearchParams(location.search).has('unpair') && state.device && confirm('Unpair this kiosk?')) {
    unpair();
  }
  document.addEventListener('pointerdown', unlockAudio, { once: true });
  document.addEventListener('keydown', unlockAudio, { once: true });
  if (state.device) runKiosk();
  else showPairing();
}

function showPairing(message) {
  show($('#idle'), false);
  show($('#pair'), true);
  const err = $('#pair-error');
  err.textContent = message || '';
  show(err, !!message);
  const form = $('#pair-form');
  if (form.dataset.bound) return;
  form.dataset.bound = '1';
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    unlockAudio();
    const code = $('#pair-code').value.trim();
    const button = form.querySelector('button[type=submit]');
    button.disabled = true;
    try {
      const paired = await api('/api/v1/kiosks/pair', { method: 'POST', body: { pairingCode: code } });
      state.device = paired;
      save(KEY.device, paired);
      goFullscreen();
      runKiosk();
    } catch (ex) {
      if (ex.network) err.textContent = t('common.networkError');
      else fillProblem(err, ex);
      show(err, true);
    } finally {
      button.disabled = false;
    }
  });
}

function unpair(message) {
  for (const k of [KEY.device, KEY.site, KEY.qrBase]) localStorage.removeItem(k);
  forgetPresence();
  state.device = null;
  state.site = null;
  if (state.scanner) state.scanner.stop();
  showPairing(message);
}

let running = false;
function runKiosk() {
  show($('#pair'), false);
  show($('#idle'), true);
  renderSite();
  if (running) return;
  running = true;
  rotateQr();
  startPosters();
  tickClock();
  setInterval(tickClock, 10000);
  startCamera();
  keyboardWedge(scans.handleScan);
  keepAwake();
  $('#fullscreen').addEventListener('click', goFullscreen);
  $('#notice-open').addEventListener('click', () => askConsent(true));
  if (state.site && state.site.id) loadNotice(state.site.id).then((n) => { if (n) state.notice = n; });
  $('#result').addEventListener('click', hideResult);
  document.addEventListener('keydown', (e) => { if (e.key === 'Escape') hideResult(); });
  window.addEventListener('online', () => { setOnline(true); heartbeat(); });
  window.addEventListener('offline', () => setOnline(false));
  document.addEventListener('langchange', () => { renderSite(); renderBadges(); });
  setOnline(navigator.onLine);
  refreshQueueCount();
  refreshFromServer().then(refreshCampaigns);
  setInterval(refreshCampaigns, CAMPAIGN_REFRESH_MS);
  // a campaign's hours begin or end: the carousel changes when the posters of the minute do
  setInterval(() => { if (posters().map((p) => p.src).join() !== shownPosters) startPosters(); }, 60000);
  heartbeat();
  setInterval(heartbeat, HEARTBEAT_MS);
}

async function refreshFromServer() {
  const token = state.device.deviceToken;
  try {
    const self = await api('/api/v1/kiosk', { token });
    state.site = { ...self.site, gate: self.gate, mode: self.mode };
    save(KEY.site, state.site);
    renderSite();
    startPosters();
    state.notice = await loadNotice(state.site.id);
  } catch (e) {
    if (e.status === 401) { unpair(t('kiosk.revoked')); return; }
  }
  try {
    const key = await api('/api/v1/pass-key');
    state.passKey = fromB64url(key.publicKey);
    save(KEY.passKey, key.publicKey);
  } catch (e) { /* keep the cached key */ }
  try {
    const qr = await api('/api/v1/kiosk/qr', { token });
    const at = qr.payload.lastIndexOf('/c/');
    if (at > 0) {
      state.qrBase = qr.payload.slice(0, at);
      save(KEY.qrBase, state.qrBase);
    }
    // The server accepts a small clock window; a tablet whose clock is off by more follows the server's step.
    // Only a fallback, for servers whose heartbeat does not give the time (204).
    const m = /\/c\/k1\.\d+\.(\d+)\./.exec(qr.payload);
    if (m && !state.clockFromServerTime) {
      const diff = Number(m[1]) - Math.floor(Date.now() / 30000);
      state.clockOffset = Math.abs(diff) >= 2 ? diff * 30000 : 0;
      save(KEY.clock, state.clockOffset);
      rotateQr();
    }
  } catch (e) { /* offline: keep the cached base */ }
}

function renderSite() {
  const site = state.site || {};
  $('#site-name').textContent = site.name || '';
  const gate = (state.site && state.site.gate) || (state.device && state.device.gate) || '';
  $('#gate-name').textContent = gate;
  show($('#gate-name'), !!gate);
}

// ---------- rotating QR ----------

let qrTimer = null;
async function rotateQr() {
  clearTimeout(qrTimer);
  if (!state.device) return;
  const at = serverNow();
  try {
    const secret = fromB64url(state.device.secret);
    const { token, nextAtMs } = await kioskToken(state.device.kioskId, secret, at);
    const url = `${state.qrBase}/c/${token}`;
    const box = $('#kiosk-qr');
    if (box.dataset.qrText !== url) drawQr(box, url, { ecl: 'M', label: t('kiosk.scan') });
    qrTimer = setTimeout(rotateQr, Math.max(250, nextAtMs - at + 50));
  } catch (e) {
    qrTimer = setTimeout(rotateQr, 5000);
  }
}
// Timers sleep with the screen: redraw as soon as the page is seen again.
document.addEventListener('visibilitychange', () => { if (document.visibilityState === 'visible' && state.device) rotateQr(); });

// ---------- posters ----------

function posters() {
  const list = installPosters(state.site);
  for (const c of state.campaigns) {
    if (showsAt(c, serverNow(), siteZone())) list.push({ src: c.src, title: c.title, campaign: true });
  }
  return list;
}

/** Today's campaign posters for this kiosk (its site, district, province), kept for offline days. */
async function refreshCampaigns() {
  if (!state.device) return;
  state.campaigns = await loadCampaigns({ path: '/api/v1/kiosk/campaigns', token: state.device.deviceToken,
    listKey: KEY.campaigns, cacheName: CAMPAIGN_CACHE, previous: state.campaigns });
  startPosters();
}

let posterTimer = null;
let posterIndex = 0;
let shownPosters = '';
function startPosters() {
  clearInterval(posterTimer);
  const list = posters();
  shownPosters = list.map((p) => p.src).join();
  const dots = clear($('#poster-dots'));
  list.forEach((p, i) => dots.append(el('span', { class: 'dot', dataset: { i } })));
  show(dots, list.length > 1);
  const showPoster = () => {
    posterIndex = posterIndex % list.length;
    const p = list[posterIndex];
    const img = $('#poster-img');
    if (img.getAttribute('src') !== p.src) img.setAttribute('src', p.src);
    img.setAttribute('alt', p.title || '');
    $('.poster-panel .poster').classList.toggle('campaign', !!p.campaign);
    if (p.qr) drawQr($('#poster-qr'), p.qr, { ecl: 'M' });
    else clear($('#poster-qr')).removeAttribute('data-qr-text');
    show($('#poster-qr'), !!p.qr);
    dots.querySelectorAll('.dot').forEach((d, i) => d.classList.toggle('on', i === posterIndex));
  };
  showPoster();
  drawQr($('#result-poster-qr'), BLUEZONE_URL, { ecl: 'M' });
  fillStores($('#poster-stores'), { links: false });
  fillStores($('#result-stores'), { links: false });
  if (list.length > 1) posterTimer = setInterval(() => { posterIndex++; showPoster(); }, POSTER_MS);
}

// ---------- status bar ----------

function tickClock() {
  $('#clock').textContent = timeOf(new Date(serverNow()), (state.site && state.site.timeZone) || undefined);
}

function setOnline(on) {
  state.online = on;
  renderBadges();
  if (on) flushQueue();
}

function renderBadges() {
  const net = $('#net-badge');
  net.textContent = state.online ? t('common.online') : t('common.offline');
  net.className = 'badge ' + (state.online ? 'badge-ok' : 'badge-off');
  net.dataset.state = state.online ? 'online' : 'offline';
  const q = $('#queue-badge');
  q.textContent = t('kiosk.queue', { n: state.queued });
  q.dataset.count = String(state.queued);
  show(q, state.queued > 0);
}

async function refreshQueueCount() {
  try { state.queued = await queue.count(); } catch (e) { /* no IndexedDB */ }
  renderBadges();
}

/** Date.now() on the server's clock, as far as the tablet knows it. */
function serverNow() {
  return Date.now() + state.clockOffset;
}

/**
 * The heartbeat answers 200 {serverTime} (older servers 204, nothing): the offset is taken against the middle of
 * the round trip, so it is good to half the round trip; slow answers are not used.
 */
function syncClock(serverTime, sentAt, receivedAt) {
  const server = Date.parse(serverTime);
  const rtt = receivedAt - sentAt;
  if (isNaN(server) || rtt < 0 || rtt > 5000) return;
  const offset = Math.round(server - (sentAt + receivedAt) / 2);
  state.clockFromServerTime = true;
  // a change under a second is noise from the round trip; the codes change every 30 s
  if (Math.abs(offset - state.clockOffset) < 1000) return;
  state.clockOffset = offset;
  save(KEY.clock, offset);
  rotateQr();
  tickClock();
}

async function heartbeat() {
  if (!state.device) return;
  try {
    const sentAt = Date.now();
    const r = await api('/api/v1/kiosk/heartbeat', {
      method: 'POST', token: state.device.deviceToken, timeoutMs: 8000,
      body: { appVersion: APP_VERSION, queued: state.queued },
    });
    if (r && r.serverTime) syncClock(r.serverTime, sentAt, Date.now());
    setOnline(true);
  } catch (e) {
    if (e.status === 401) { unpair(t('kiosk.revoked')); return; }
    if (e.transient) setOnline(false);
  }
}

// ---------- screen awake, full screen ----------

async function keepAwake() {
  const ask = async () => {
    if (!('wakeLock' in navigator) || document.visibilityState !== 'visible') return;
    try {
      state.wakeLock = await navigator.wakeLock.request('screen');
    } catch (e) { /* not allowed here (no secure context or battery saver) */ }
  };
  document.addEventListener('visibilitychange', ask);
  ask();
}

function goFullscreen() {
  const d = document.documentElement;
  if (!document.fullscreenElement && d.requestFullscreen) d.requestFullscreen().catch(() => {});
}

// ---------- camera ----------

async function startCamera() {
  const video = $('#cam');
  state.scanner = new Scanner({ video, onText: scans.handleScan, facingMode: 'user', token: state.device.deviceToken });
  const ok = await state.scanner.start();
  show(video, ok);
  document.body.classList.toggle('no-camera', !ok);
  video.setAttribute('aria-label', ok ? t('kiosk.camera.on') : t('kiosk.camera.off'));
}

// ---------- the notice and the visitor's "Tôi đồng ý" ----------

/**
 * Shows the site's notice; resolves to the consent to send ({version, method: 'kiosk'}) when the visitor taps
 * "Tôi đồng ý", to null when they decline or leave it (after CONSENT_MS). {@code readOnly}: only to read.
 */
function askConsent(readOnly) {
  const n = state.notice;
  if (!n) {
    if (!readOnly) scans.refuse(t('pd.notice.unavailable'), t('pd.notice.unavailable', null, 'en'));
    return Promise.resolve(null);
  }
  renderNotice($('#consent-notice'), n);
  show($('#consent-agree'), !readOnly);
  show($('#consent-decline'), !readOnly);
  show($('#consent-close'), !!readOnly);
  show($('#consent-lead'), !readOnly);
  const view = $('#consent-view');
  show(view, true);
  (readOnly ? $('#consent-close') : $('#consent-agree')).focus();
  return new Promise((resolve) => {
    const done = (answer) => {
      clearTimeout(timer);
      for (const [id, fn] of handlers) $(id).removeEventListener('click', fn);
      show(view, false);
      resolve(answer);
    };
    const handlers = [
      ['#consent-agree', () => done({ version: n.version, method: 'kiosk' })],
      ['#consent-decline', () => { done(null); scans.refuse(t('pd.consent.declined'), t('pd.consent.declined', null, 'en')); }],
      ['#consent-close', () => done(null)],
    ];
    for (const [id, fn] of handlers) $(id).addEventListener('click', fn);
    const timer = setTimeout(() => done(null), CONSENT_MS);
  });
}

function siteZone() {
  return (state.site && state.site.timeZone) || undefined;
}

const ICONS = { ok: '✓', warn: '!', error: '✕' };

function showResult({ tone, title, titleEn, name, time, detail, detailEn, poster, direction, action }) {
  const box = $('#result');
  box.className = 'result result-' + tone;
  box.dataset.tone = tone;
  box.dataset.direction = direction || '';
  box.dataset.ms = state.scanStartedAt ? String(Math.round(performance.now() - state.scanStartedAt)) : ''; // scan → result, for tests
  $('#result-icon').textContent = ICONS[tone];
  $('#result-title').textContent = title || '';
  $('#result-title-en').textContent = titleEn && titleEn !== title ? titleEn : '';
  $('#result-name').textContent = name || '';
  $('#result-time').textContent = time || '';
  $('#result-detail').textContent = detail || '';
  $('#result-detail-en').textContent = detailEn && detailEn !== detail ? detailEn : '';
  const button = $('#result-action');
  $('#result-action-vi').textContent = action ? action.label : '';
  $('#result-action-en').textContent = action && action.labelEn !== action.label ? action.labelEn : '';
  button.onclick = action ? (e) => { e.stopPropagation(); hideResult(); action.run(); } : null;
  show(button, !!action);
  show($('#result-poster'), !!poster);
  show($('#result-stores'), !!poster);
  box.classList.toggle('with-poster', !!poster);
  show(box, true);
  beep(tone);
  clearTimeout(state.resultTimer);
  state.resultTimer = setTimeout(hideResult, RESULT_MS[tone] || 4000);
}

function hideResult() {
  clearTimeout(state.resultTimer);
  show($('#result'), false);
}

// ---------- the offline queue ----------

async function flushQueue() {
  if (state.flushing || !state.device) return;
  state.flushing = true;
  try {
    const { stopped } = await queue.flush(queue.kioskQueue, (item) => api(item.path || '/api/v1/checkins',
      { method: 'POST', body: item.body, token: state.device.deviceToken, timeoutMs: 10000 }), {
      onItem: async (item, r) => {
        if (r && r.direction) scans.remember(r.visitor && r.visitor.id, r.direction, r.occurredAt);
        await refreshQueueCount();
      },
    });
    if (stopped && stopped.network) setOnline(false);
  } catch (e) {
    // IndexedDB trouble: try again at the next heartbeat
  } finally {
    state.flushing = false;
    await refreshQueueCount();
  }
}
setInterval(() => { if (state.online && state.queued > 0) flushQueue(); }, 10000);

// Module scripts run after parsing; everything above is declared by now.
if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
else start();
