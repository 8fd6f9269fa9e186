// The kiosk's scans: what a code is (a visitor pass, a CCCD, a Bluezone confirmation), the check-in it makes,
// and, when the server cannot be asked, the answer from what the tablet knows (the direction from its own
// record of who went in, a repeat scan asked about) with the check-in kept in the offline queue.
// kiosk.js owns the screen: it mounts this with its state and the views a scan ends in.
import { t } from './i18n.js';
import { api, ApiError, isNameProblem, isProblem } from '../shared/api.js';
import { problemText } from './problems.js';
import { timeOf, uuid } from '../shared/dom.js';
import { verifyPass, classify } from './tokens.js';
import * as queue from './queue.js';

const ONLINE_TIMEOUT_MS = 3500; // past this a scan is queued instead of waited for
// A scan this soon after an entry is not an exit (the server's default KIOSK_REPEAT_WINDOW_SECONDS; online the
// server decides, offline the kiosk asks by itself)
const REPEAT_MS = 60000;
const PRESENCE_KEY = 'kiosk.presence';

const load = (k) => { try { return JSON.parse(localStorage.getItem(k)); } catch (e) { return null; } };
const save = (k, v) => { try { localStorage.setItem(k, JSON.stringify(v)); } catch (e) { /* full */ } };

/**
 * {state (device, site, passKey, online, scanStartedAt), serverNow(), siteZone(), setOnline(on),
 * refreshQueueCount(), askConsent() → a consent or null, showResult(view)}.
 */
let ctx = null;

/**
 * Binds the scans to the kiosk screen; returns handleScan(text), remember(visitorId, direction, at) for the
 * answers of queued check-ins, and refuse(detail, detailEn) for the screen's own refusals.
 */
export function mountScans(context) {
  ctx = context;
  return { handleScan, remember, refuse };
}

/** Forgets who went in (an unpaired kiosk). */
export function forgetPresence() {
  localStorage.removeItem(PRESENCE_KEY);
}

function presence() { return load(PRESENCE_KEY) || {}; }
function remember(visitorId, direction, at) {
  if (!visitorId) return;
  const p = presence();
  p[visitorId] = { direction, at };
  // keep it small: only the last 500 visitors
  const keys = Object.keys(p);
  if (keys.length > 500) keys.sort((a, b) => (p[a].at < p[b].at ? -1 : 1)).slice(0, keys.length - 500).forEach((k) => delete p[k]);
  save(PRESENCE_KEY, p);
}

/** in or out, as the kiosk expects it while it cannot ask the server */
function guessDirection(visitorId) {
  const mode = (ctx.state.site && ctx.state.site.mode) || ctx.state.device.mode;
  if (mode === 'entry') return 'in';
  if (mode === 'exit') return 'out';
  const last = visitorId && presence()[visitorId];
  const maxStay = ((ctx.state.site && ctx.state.site.maxStayMinutes) || 720) * 60000;
  if (last && last.direction === 'in' && ctx.serverNow() - Date.parse(last.at) < maxStay) return 'out';
  return 'in';
}

let handling = false;
async function handleScan(text) {
  if (handling || !ctx.state.device) return;
  handling = true;
  ctx.state.scanStartedAt = performance.now();
  try {
    const scan = classify(text);
    if (scan.kind === 'confirmation') await confirmCode(scan);
    else if (scan.kind === 'pass') await passScan(scan.text);
    else if (scan.kind === 'cccd') await cccdScan(scan);
    else if (scan.kind === 'site') refuse(t('kiosk.reason.ownCode'), t('kiosk.reason.ownCode', null, 'en'));
    else refuse(t('kiosk.reason.unknown'), t('kiosk.reason.unknown', null, 'en'));
  } finally {
    handling = false;
  }
}

async function passScan(pass) {
  let claims = null;
  if (ctx.state.passKey) {
    claims = await verifyPass(pass, ctx.state.passKey);
    if (!claims) { refuse(t('kiosk.reason.pass'), t('kiosk.reason.pass', null, 'en')); return; }
  }
  await checkIn({ pass, consent: { method: 'pass' } }, claims ? { name: claims.displayName, visitorId: claims.visitorId } : null);
}

async function cccdScan(scan) {
  if (scan.card.error) {
    refuse(t('kiosk.reason.cccd', { detail: scan.card.error }), t('kiosk.reason.cccd', { detail: scan.card.error }, 'en'));
    return;
  }
  const consent = await ctx.askConsent();
  if (!consent) return;
  await checkIn({ cccd: scan.text, consent }, { name: scan.card.name, visitorId: 'id:' + scan.card.idNumber });
}

/** Sends a check-in; when the network is down or slow, queues it and answers from what the kiosk knows. */
async function checkIn(who, local) {
  const id = uuid();
  const occurredAt = new Date(ctx.serverNow()).toISOString(); // kept for the replay when offline
  const body = { id, direction: 'auto', ...who };
  if (ctx.state.online && navigator.onLine) {
    try {
      const r = await api('/api/v1/checkins', { method: 'POST', body, token: ctx.state.device.deviceToken, timeoutMs: ONLINE_TIMEOUT_MS });
      remember(r.visitor && r.visitor.id, r.direction, r.occurredAt);
      if (local && local.visitorId) remember(local.visitorId, r.direction, r.occurredAt);
      const noBluezone = r.direction === 'in' && (r.bluezone === 'not_installed');
      welcome(r.direction, r.visitor && r.visitor.name, r.occurredAt, noBluezone ? 'warn' : 'ok');
      return;
    } catch (e) {
      if (isProblem(e, 'already-checked-in')) {
        askCheckOut(who, local, e.body && e.body.enteredAt);
        return;
      }
      if (isProblem(e, 'consent-required') && who.pass && who.consent && who.consent.method === 'pass') {
        // the pass carries no consent to this notice: ask now, then record with the tap
        const consent = await ctx.askConsent();
        if (consent) await checkIn({ ...who, consent }, local);
        return;
      }
      if (!(e instanceof ApiError) || !e.transient) {
        refuseProblem(e);
        return;
      }
      if (e.network) ctx.setOnline(false);
    }
  }
  // Offline (or the server did not answer in time): the same id makes a later replay safe.
  const direction = body.direction === 'auto' ? guessDirection(local && local.visitorId) : body.direction;
  const last = local && local.visitorId && presence()[local.visitorId];
  const mode = (ctx.state.site && ctx.state.site.mode) || ctx.state.device.mode;
  if (body.direction === 'auto' && mode !== 'entry' && mode !== 'exit' && last && last.direction === 'in'
      && ctx.serverNow() - Date.parse(last.at) < REPEAT_MS) {
    askCheckOut(who, local, last.at);
    return;
  }
  await queue.enqueue({ id, body: { ...body, occurredAt }, queuedAt: occurredAt, label: local ? local.name : '' });
  if (local) remember(local.visitorId, direction, occurredAt);
  await ctx.refreshQueueCount();
  welcome(direction, local ? local.name : '', occurredAt, 'ok', true);
}

async function confirmCode(scan) {
  if (ctx.state.online && navigator.onLine) {
    try {
      const r = await api('/api/v1/confirmations', { method: 'POST', body: { code: scan.text }, token: ctx.state.device.deviceToken, timeoutMs: ONLINE_TIMEOUT_MS });
      const name = r.visitor && r.visitor.name;
      if (!r.installed) {
        ctx.showResult({ tone: 'warn', title: t('kiosk.noBluezone'), titleEn: t('kiosk.noBluezone', null, 'en'), name,
          detail: t('kiosk.noBluezone.detail'), detailEn: t('kiosk.noBluezone.detail', null, 'en'), poster: true });
        return;
      }
      const said = r.bluezone === 'declared' ? 'kiosk.declared' : r.alreadyConfirmed ? 'kiosk.alreadyConfirmed' : 'kiosk.confirmed';
      ctx.showResult({ tone: 'ok', title: t('kiosk.in'), titleEn: t(said, null, 'en'), name,
        time: timeOf(new Date(ctx.serverNow()), ctx.siteZone()), detail: t(said), detailEn: t(said, null, 'en') });
      return;
    } catch (e) {
      if (!e.transient) { refuseProblem(e); return; }
      if (e.network) ctx.setOnline(false);
    }
  }
  // Offline: only the server can check the code's tag, but its fields say whether Bluezone is installed;
  // it is sent when the network returns, while it is still valid (5 minutes).
  const c = scan.claims;
  if (!c || c.expiresAt * 1000 <= ctx.serverNow()) {
    refuse(t('kiosk.reason.confirmOffline'), t('kiosk.reason.confirmOffline', null, 'en'));
    return;
  }
  const now = new Date(ctx.serverNow()).toISOString();
  await queue.enqueue({ id: 'confirmation:' + c.visitRef, path: '/api/v1/confirmations', body: { code: scan.text }, queuedAt: now, label: '' });
  await ctx.refreshQueueCount();
  if (!c.installed) {
    ctx.showResult({ tone: 'warn', title: t('kiosk.noBluezone'), titleEn: t('kiosk.noBluezone', null, 'en'),
      detail: t('kiosk.noBluezone.detail'), detailEn: t('kiosk.noBluezone.detail', null, 'en'), poster: true });
    return;
  }
  ctx.showResult({ tone: 'ok', title: t('kiosk.in'), titleEn: t('kiosk.in', null, 'en'), time: timeOf(now, ctx.siteZone()),
    detail: t('kiosk.savedOffline'), detailEn: t('kiosk.savedOffline', null, 'en') });
}

function welcome(direction, name, at, tone, offline) {
  const out = direction === 'out';
  const warn = tone === 'warn';
  ctx.showResult({
    tone,
    title: out ? t('kiosk.out') : t('kiosk.in'),
    titleEn: out ? t('kiosk.out', null, 'en') : t('kiosk.in', null, 'en'),
    name,
    time: timeOf(at, ctx.siteZone()),
    detail: offline ? t('kiosk.savedOffline') : warn ? t('kiosk.noBluezone') + '. ' + t('kiosk.noBluezone.detail') : '',
    detailEn: offline ? t('kiosk.savedOffline', null, 'en') : warn ? t('kiosk.noBluezone.detail', null, 'en') : '',
    poster: warn,
    direction,
  });
}

/** "Checked in at 07:02 — leaving?" with a big check-out button: a second scan is not taken as an exit. */
function askCheckOut(who, local, enteredAt) {
  const time = timeOf(enteredAt, ctx.siteZone());
  ctx.showResult({
    tone: 'warn',
    title: t('repeat.title', { time }),
    titleEn: t('repeat.title', { time }, 'en'),
    name: local ? local.name : '',
    detail: t('repeat.ask'),
    detailEn: t('repeat.ask', null, 'en'),
    action: { label: t('repeat.out'), labelEn: t('repeat.out', null, 'en'), run: () => checkIn({ ...who, direction: 'out' }, local) },
  });
}

function refuse(detail, detailEn) {
  ctx.showResult({ tone: 'error', title: t('kiosk.refused'), titleEn: t('kiosk.refused', null, 'en'), detail, detailEn });
}

function refuseProblem(e) {
  if (isNameProblem(e)) {
    refuse(t('common.badName'), t('common.badName', null, 'en'));
  } else if (isProblem(e, 'invalid-pass')) {
    refuse(t('kiosk.reason.pass'), t('kiosk.reason.pass', null, 'en'));
  } else {
    // the server's own words are English for scripts: the visitor reads what the problem means
    refuse(problemText(e, 'vi'), problemText(e, 'en'));
  }
}
