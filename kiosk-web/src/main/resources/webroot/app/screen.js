// The public screen (a TV or LED board at a bus station or a one-stop counter): pairing once, then a
// full-screen carousel of the install posters and the campaigns of the hour, the site's rotating check-in QR
// (computed here, so it keeps working offline) and today's install rate. It records and reads no visit.
import './strings-screen.js';
import { t, lang, applyI18n, langSwitch } from './i18n.js';
import { api } from '../shared/api.js';
import { problemText } from './problems.js';
import { $, el, show, clear, timeOf } from '../shared/dom.js';
import { kioskToken, fromB64url } from './tokens.js';
import { drawQr } from './qr.js';
import { showsAt, localParts } from './schedule.js';
import { installPosters, loadCampaigns } from '../shared/campaigns.js';

const APP_VERSION = 'screen-1.0.0';
const SLIDE_MS = 10000;
const HEARTBEAT_MS = 30000;
const RATE_MS = 5 * 60000;
const CAMPAIGN_REFRESH_MS = 30 * 60000;
const CAMPAIGN_CACHE = 'screen-campaigns';
const KEY = { device: 'screen.device', self: 'screen.self', campaigns: 'screen.campaigns', rate: 'screen.rate',
  clock: 'screen.clockOffsetMs' };

const load = (k) => { try { return JSON.parse(localStorage.getItem(k)); } catch (e) { return null; } };
const save = (k, v) => { try { localStorage.setItem(k, JSON.stringify(v)); } catch (e) { /* full */ } };

const state = {
  device: load(KEY.device), // the pairing answer: kioskId (this screen's id), siteId, deviceToken, secret
  self: load(KEY.self), // {site, checkinBase, name, gate}
  rate: load(KEY.rate), // the last figure, with asOf
  clockOffset: Number(load(KEY.clock)) || 0,
  campaigns: [], // {id, title, src (blob:), startsOn, endsOn, schedule}
  online: navigator.onLine,
  live: false, // the figure on screen came from the server in this run
};

const serverNow = () => Date.now() + state.clockOffset;
const zone = () => (state.self && state.self.site && state.self.site.timeZone) || 'Asia/Ho_Chi_Minh';

function start() {
  applyI18n();
  document.querySelectorAll('.lang-switch').forEach(langSwitch);
  if ('serviceWorker' in navigator) navigator.serviceWorker.register('/sw.js').catch(() => { /* plain http on a LAN */ });
  if (state.device) run();
  else showPairing();
}

// ---------- pairing ----------

function showPairing(message) {
  show($('#screen'), false);
  show($('#pair'), true);
  const err = $('#pair-error');
  err.textContent = message || '';
  show(err, !!message);
  const form = $('#pair-form');
  if (form.dataset.bound) return;
  form.dataset.bound = '1';
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const button = form.querySelector('button[type=submit]');
    button.disabled = true;
    try {
      const paired = await api('/api/v1/kiosks/pair', { method: 'POST', body: { pairingCode: $('#pair-code').value.trim(), kind: 'signage' } });
      state.device = paired;
      save(KEY.device, paired);
      const d = document.documentElement;
      if (!document.fullscreenElement && d.requestFullscreen) d.requestFullscreen().catch(() => {});
      run();
    } catch (ex) {
      err.textContent = ex.status === 409 ? t('screen.pair.otherKind') : ex.status === 404 ? t('screen.pair.unknown')
        : ex.network ? t('common.networkError') : problemText(ex);
      show(err, true);
    } finally {
      button.disabled = false;
    }
  });
}

function unpair(message) {
  for (const k of [KEY.device, KEY.self, KEY.campaigns, KEY.rate]) localStorage.removeItem(k);
  state.device = null;
  state.self = null;
  showPairing(message);
}

let running = false;
function run() {
  show($('#pair'), false);
  show($('#screen'), true);
  renderSite();
  renderRate();
  if (running) return;
  running = true;
  rotateQr();
  startCarousel();
  tick();
  setInterval(tick, 10000);
  window.addEventListener('online', () => { setOnline(true); refresh(); });
  window.addEventListener('offline', () => setOnline(false));
  window.addEventListener('resize', () => sizeQr($('#screen-qr')));
  document.addEventListener('langchange', () => { renderSite(); renderRate(); tick(); });
  document.addEventListener('visibilitychange', () => { if (document.visibilityState === 'visible') rotateQr(); });
  setOnline(navigator.onLine);
  refresh();
  setInterval(heartbeat, HEARTBEAT_MS);
  setInterval(loadRate, RATE_MS);
  setInterval(refreshCampaigns, CAMPAIGN_REFRESH_MS);
}

async function refresh() {
  try {
    const self = await api('/api/v1/screen', { token: state.device.deviceToken, timeoutMs: 8000 });
    state.self = self;
    save(KEY.self, self);
    renderSite();
    rotateQr();
  } catch (e) {
    if (e.status === 401) { unpair(t('screen.revoked')); return; }
  }
  await heartbeat();
  await Promise.all([loadRate(), refreshCampaigns()]);
}

function renderSite() {
  const site = (state.self && state.self.site) || {};
  $('#site-name').textContent = site.name || '';
}

function tick() {
  $('#clock').textContent = timeOf(new Date(serverNow()), zone());
}

function setOnline(on) {
  state.online = on;
  const b = $('#net-badge');
  b.textContent = on ? t('common.online') : t('common.offline');
  b.className = 'badge ' + (on ? 'badge-ok' : 'badge-off');
  b.dataset.state = on ? 'online' : 'offline';
  if (!on) { state.live = false; renderRate(); }
}

/** The heartbeat keeps the fleet view current and gives the server's clock, which the codes and schedules follow. */
async function heartbeat() {
  if (!state.device) return;
  try {
    const sentAt = Date.now();
    const r = await api('/api/v1/kiosk/heartbeat', { method: 'POST', token: state.device.deviceToken, timeoutMs: 8000,
      body: { appVersion: APP_VERSION } });
    const receivedAt = Date.now();
    const server = r && Date.parse(r.serverTime);
    if (server && receivedAt - sentAt < 5000) {
      const offset = Math.round(server - (sentAt + receivedAt) / 2);
      if (Math.abs(offset - state.clockOffset) >= 1000) {
        state.clockOffset = offset;
        save(KEY.clock, offset);
        rotateQr();
      }
    }
    setOnline(true);
  } catch (e) {
    if (e.status === 401) { unpair(t('screen.revoked')); return; }
    if (e.transient) setOnline(false);
  }
}

// ---------- the check-in QR ----------

let qrTimer = null;
async function rotateQr() {
  clearTimeout(qrTimer);
  if (!state.device) return;
  const at = serverNow();
  try {
    const { token, nextAtMs } = await kioskToken(state.device.kioskId, fromB64url(state.device.secret), at);
    const base = (state.self && state.self.checkinBase) || location.origin + '/c/';
    const box = $('#screen-qr');
    const url = base + token;
    if (box.dataset.qrText !== url) {
      drawQr(box, url, { ecl: 'M', label: t('screen.scan') });
      sizeQr(box);
    }
    qrTimer = setTimeout(rotateQr, Math.max(250, nextAtMs - at + 50));
  } catch (e) {
    qrTimer = setTimeout(rotateQr, 5000);
  }
}

/**
 * Whole device pixels per module, as many as the box allows: on a 1080p panel the layout leaves the code at
 * least 720 px, so a version-5 code (37 modules + 8 of quiet zone) gets 16 px a module: 7.9 mm on a 43" panel,
 * about 3.5 camera pixels a module for a phone 3 m away (see docs/OPERATIONS.md, "Public screens").
 */
function sizeQr(box) {
  const svg = box.querySelector('svg');
  if (!svg) return;
  const side = Number(svg.getAttribute('viewBox').split(' ')[2]);
  const ratio = window.devicePixelRatio || 1;
  const room = Math.min(box.clientWidth, box.clientHeight) * ratio;
  const unit = Math.max(1, Math.floor(room / side));
  svg.setAttribute('width', String((unit * side) / ratio));
  svg.setAttribute('height', String((unit * side) / ratio));
  box.dataset.modulePx = String(unit);
  box.dataset.modules = String(side - 8);
}

// ---------- today's install rate ----------

async function loadRate() {
  if (!state.device) return;
  try {
    state.rate = await api('/api/v1/screen/install-rate', { token: state.device.deviceToken, timeoutMs: 8000 });
    state.live = true;
    save(KEY.rate, state.rate);
  } catch (e) {
    if (e.status === 401) { unpair(t('screen.revoked')); return; }
    state.live = false; // keep showing the last figure, with its time
  }
  renderRate();
}

const percent = (rate, forLang) => new Intl.NumberFormat(forLang === 'en' ? 'en-GB' : 'vi-VN',
  { style: 'percent', maximumFractionDigits: 1 }).format(rate);

function dayOf(ymd) {
  const [y, m, d] = ymd.split('-');
  return `${d}/${m}/${y}`;
}

function renderRate() {
  const box = $('#rate');
  const r = state.rate;
  if (!r) {
    box.dataset.state = 'waiting';
    $('#rate-value').textContent = '—';
    $('#rate-time').textContent = t('screen.rate.waiting');
    return;
  }
  const today = localParts(serverNow(), zone()).date;
  box.dataset.state = state.live ? 'live' : 'cached';
  box.dataset.asOf = r.asOf;
  $('#rate-value').textContent = r.installRate === null ? '—' : percent(r.installRate, lang());
  $('#rate-of').textContent = r.installRate === null ? t('screen.rate.none')
    : t('screen.rate.of', { installed: r.installed, known: r.known });
  const target = r.target;
  const reached = target && r.installRate !== null && r.installRate >= target.rate;
  const aim = (forLang) => (!target ? '' : reached ? t('screen.rate.reached', { rate: percent(target.rate, forLang) }, forLang)
    : t('screen.rate.target', { rate: percent(target.rate, forLang), date: dayOf(target.dueOn) }, forLang));
  $('#rate-target').textContent = aim('vi');
  $('#rate-target-en').textContent = aim('en');
  box.classList.toggle('reached', !!reached);
  const time = timeOf(r.asOf, zone());
  $('#rate-time').textContent = state.live && r.date === today ? t('screen.rate.asOf', { time })
    : t('screen.rate.cached', { time, date: dayOf(r.date) });
}

// ---------- the carousel ----------

/** The campaigns of the coming week with their images, kept for offline days. */
async function refreshCampaigns() {
  if (!state.device) return;
  state.campaigns = await loadCampaigns({ path: '/api/v1/screen/campaigns', token: state.device.deviceToken,
    listKey: KEY.campaigns, cacheName: CAMPAIGN_CACHE, previous: state.campaigns });
  showSlide(false);
}

/** What the carousel shows now: the install posters, then the campaigns whose dates and schedule hold now. */
function playlist() {
  const list = installPosters(state.self && state.self.site);
  const now = serverNow();
  for (const c of state.campaigns) {
    if (showsAt(c, now, zone())) list.push({ id: 'c' + c.id, src: c.src, title: c.title, campaign: true });
  }
  return list;
}

let slideTimer = null;
let current = 'bluezone';
function startCarousel() {
  clearInterval(slideTimer);
  showSlide(false);
  slideTimer = setInterval(() => showSlide(true), SLIDE_MS);
}

/** Shows the slide after the current one (or the current one again), choosing from the list as it is now. */
function showSlide(advance) {
  const list = playlist();
  const at = list.findIndex((s) => s.id === current);
  const slide = list[advance ? (at + 1) % list.length : Math.max(0, at)];
  current = slide.id;
  const stage = $('#stage');
  stage.dataset.playlist = list.map((s) => s.id).join(',');
  stage.dataset.slide = slide.id;
  const img = $('#slide-img');
  if (img.getAttribute('src') !== slide.src) img.setAttribute('src', slide.src);
  img.setAttribute('alt', slide.title || '');
  $('#slide').classList.toggle('campaign', !!slide.campaign);
  const qr = $('#slide-qr');
  if (slide.qr) { if (qr.dataset.qrText !== slide.qr) drawQr(qr, slide.qr, { ecl: 'M' }); } else clear(qr).removeAttribute('data-qr-text');
  show(qr, !!slide.qr);
  const dots = clear($('#slide-dots'));
  list.forEach((s) => dots.append(el('span', { class: 'dot' + (s.id === slide.id ? ' on' : '') })));
  show(dots, list.length > 1);
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
else start();
