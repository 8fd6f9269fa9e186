// The visitor's phone, opened from the kiosk or poster QR (/c/<site token>).
import { t, applyI18n, langSwitch } from './i18n.js';
import { api } from './api.js';
import { $, show, timeOf, uuid } from './dom.js';
import { drawQr } from './qr.js';

const KEY = { profile: 'visitor.profile', bluezone: 'visitor.bluezone', pass: 'visitor.pass' };
const load = (k) => { try { return JSON.parse(localStorage.getItem(k)); } catch (e) { return null; } };
const save = (k, v) => { try { localStorage.setItem(k, JSON.stringify(v)); } catch (e) { /* private mode */ } };

const siteToken = decodeURIComponent(location.pathname.split('/').filter(Boolean).pop() || '');
const STEPS = ['s-details', 's-bluezone', 's-go', 's-done', 's-pass'];
let pendingId = null; // reused when the same check-in is retried, so it is stored once
let bzChoice = null;
let lastDone = null;

function step(id) {
  for (const s of STEPS) show($('#' + s), s === id);
  // the Bluezone question stays visible under the button the first time
  if (id === 's-bluezone') show($('#s-go'), true);
  $('#go').disabled = id === 's-bluezone' && !bzChoice;
  window.scrollTo(0, 0);
}

function notice(text, kind) {
  const n = $('#notice');
  n.textContent = text || '';
  n.className = 'notice' + (kind === 'error' ? ' error' : '');
  show(n, !!text);
}

function start() {
  applyI18n();
  document.querySelectorAll('.lang-switch').forEach(langSwitch);
  document.addEventListener('langchange', () => { renderMe(); if (lastDone) renderDone(lastDone); });
  if (!/^[kp]1\.[A-Za-z0-9._-]+$/.test(siteToken)) notice(t('checkin.badToken'), 'error');
  bind();
  home();
}

function home() {
  const profile = load(KEY.profile);
  const pass = load(KEY.pass);
  if (!profile && !pass) {
    step('s-details');
    return;
  }
  renderMe();
  const bz = load(KEY.bluezone);
  if (!bz || (bz.status === 'declared' && !bz.bluezoneId)) {
    if (bz) chooseBluezone(bz.status);
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

function fieldError(id, text) {
  const e = $('#' + id + '-error');
  e.textContent = text || '';
  show(e, !!text);
  $('#' + id).setAttribute('aria-invalid', text ? 'true' : 'false');
}

function bind() {
  $('#s-details').addEventListener('submit', (e) => {
    e.preventDefault();
    const name = $('#name').value.normalize('NFC').replace(/\s+/g, ' ').trim();
    const phone = $('#phone').value.trim();
    const digits = phone.replace(/[\s.()-]/g, '');
    let ok = true;
    if (!name || name.length > 100) {
      fieldError('name', t('common.name') + ' ✱');
      ok = false;
    } else fieldError('name', '');
    if (!/^\+?\d{9,15}$/.test(digits)) {
      fieldError('phone', t('common.phone') + ' ✱');
      ok = false;
    } else fieldError('phone', '');
    if (!ok) {
      (name ? $('#phone') : $('#name')).focus();
      return;
    }
    const before = load(KEY.profile);
    if (!before || before.name !== name || before.phone !== phone) {
      localStorage.removeItem(KEY.pass); // new details: the server finds the person by phone and issues a new pass
      pendingId = null;
    }
    save(KEY.profile, { name, phone });
    renderMe();
    if (load(KEY.bluezone)) step('s-go');
    else step('s-bluezone');
  });

  $('#bz-yes').addEventListener('click', () => chooseBluezone('declared'));
  $('#bz-no').addEventListener('click', () => chooseBluezone('not_installed'));
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
  $('#go').addEventListener('click', checkIn);
  $('#done').addEventListener('click', () => { lastDone = null; notice(''); home(); });
  $('#show-pass').addEventListener('click', showPass);
  $('#go-pass').addEventListener('click', showPass);
  $('#pass-back').addEventListener('click', () => (lastDone ? step('s-done') : home()));
  $('#forget').addEventListener('click', () => {
    for (const k of Object.values(KEY)) localStorage.removeItem(k);
    lastDone = null;
    $('#name').value = '';
    $('#phone').value = '';
    notice(t('checkin.forgotten'));
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
    // The ID is the proof the kiosk confirms: without it the server treats the answer as "not installed".
    if (bzChoice === 'declared' && !/^[A-Za-z0-9]{4,12}$/.test(id)) {
      show($('#bz-id-error'), true);
      $('#bz-id').setAttribute('aria-invalid', 'true');
      $('#bz-id').focus();
      return null;
    }
    show($('#bz-id-error'), false);
    const answer = bzChoice === 'declared' ? { status: 'declared', bluezoneId: id } : { status: 'not_installed' };
    save(KEY.bluezone, answer);
    return answer;
  }
  return load(KEY.bluezone);
}

async function checkIn() {
  const bluezone = bluezoneAnswer();
  if (!bluezone) {
    if (!bzChoice) step('s-bluezone');
    return;
  }
  const go = $('#go');
  go.disabled = true;
  go.textContent = t('checkin.sending');
  notice('');
  const pass = load(KEY.pass);
  const profile = load(KEY.profile);
  pendingId = pendingId || uuid();
  const body = { id: pendingId, siteToken, direction: 'auto', bluezone };
  if (pass) body.pass = pass;
  else if (profile) body.visitor = { name: profile.name, phone: profile.phone };
  else { step('s-details'); return; }
  try {
    const r = await api('/api/v1/checkins', { method: 'POST', body, timeoutMs: 15000 });
    pendingId = null;
    if (r.pass) save(KEY.pass, r.pass);
    lastDone = r;
    renderDone(r);
    step('s-done');
  } catch (e) {
    if (e.type === 'invalid-pass' && profile) {
      localStorage.removeItem(KEY.pass); // an old pass (keys renewed): fall back to the details once
      pendingId = null;
      go.disabled = false;
      go.textContent = t('checkin.go');
      checkIn();
      return;
    }
    if (e.status === 401) { pendingId = null; notice(t('checkin.expired'), 'error'); }
    else if (e.status === 429) notice(t('checkin.tooMany', { s: e.retryAfter || 60 }), 'error');
    else if (e.transient) notice(t('common.networkError'), 'error'); // same id on retry: stored once
    else { pendingId = null; notice([e.title, e.detail].filter(Boolean).join(': '), 'error'); }
  } finally {
    go.disabled = false;
    go.textContent = t('checkin.go');
  }
}

function renderDone(r) {
  const out = r.direction === 'out';
  $('#done-banner').className = 'done-banner' + (out ? ' out' : '');
  $('#done-title').textContent = out ? t('checkin.done.out') : t('checkin.done.in');
  $('#done-name').textContent = r.visitor && r.visitor.name || '';
  $('#done-at').textContent = t('checkin.done.at', { site: r.siteName || '', time: timeOf(r.occurredAt) });
  const confirmation = !out && r.confirmation;
  show($('#confirm-box'), !!confirmation);
  if (confirmation) {
    drawQr($('#confirm-qr'), confirmation, { ecl: 'M', label: t('checkin.confirm.title') });
    const exp = Number(confirmation.split('.')[5]);
    $('#confirm-expires').textContent = exp ? t('checkin.confirm.expires', { time: timeOf(new Date(exp * 1000)) }) : '';
  }
  const hasPass = !!load(KEY.pass);
  show($('#pass-saved'), hasPass && !!r.pass);
  show($('#show-pass'), hasPass);
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
