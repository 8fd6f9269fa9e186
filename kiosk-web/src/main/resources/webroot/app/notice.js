// The personal data notice of a site (GET /api/v1/sites/{id}/privacy-notice): fetched, kept in
// localStorage for offline use, and shown Vietnamese first with the English under each part.
import './privacy-i18n.js';
import { t } from './i18n.js';
import { api } from '../shared/api.js';
import { el, clear } from '../shared/dom.js';

const KEY = (siteId) => 'notice.' + siteId;

/** The site's notice: fresh from the server, else the last one seen here (null when there is none). */
export async function loadNotice(siteId) {
  try {
    const n = await api(`/api/v1/sites/${siteId}/privacy-notice`, { timeoutMs: 8000 });
    try { localStorage.setItem(KEY(siteId), JSON.stringify(n)); } catch (e) { /* full or private */ }
    return n;
  } catch (e) {
    try { return JSON.parse(localStorage.getItem(KEY(siteId))); } catch (x) { return null; }
  }
}

function extra(n, lang) {
  const k = n.cccdKeeps || {};
  const what = [k.birthDate ? t('pd.notice.birthDate', null, lang) : null, k.address ? t('pd.notice.address', null, lang) : null]
    .filter(Boolean).join(lang === 'en' ? ' and ' : ' và ');
  return what ? ' ' + t('pd.notice.cccdExtra', { what }, lang) : '';
}

/** Fills {@code box} with the notice: each part in Vietnamese, its English under it. */
export function renderNotice(box, n) {
  clear(box);
  box.classList.add('pd-notice');
  box.dataset.version = String(n.version);
  box.append(el('p', { class: 'pd-notice-title' },
    t('pd.notice.title', null, 'vi') + ' · ' + t('pd.notice.version', { v: n.version }, 'vi'),
    el('span', { class: 'pd-en', lang: 'en' }, t('pd.notice.title', null, 'en') + ' · ' + t('pd.notice.version', { v: n.version }, 'en'))));
  const parts = [
    ['pd.notice.controller', n.controller, n.controller],
    ['pd.notice.purpose', n.vi.purpose, n.en.purpose],
    ['pd.notice.data', n.vi.data + extra(n, 'vi'), n.en.data + extra(n, 'en')],
    ['pd.notice.recipients', n.vi.recipients, n.en.recipients],
    ['pd.notice.retention', t('pd.notice.retentionDays', { n: n.retentionDays }, 'vi'), t('pd.notice.retentionDays', { n: n.retentionDays }, 'en')],
    ['pd.notice.rights', n.vi.rights, n.en.rights],
  ];
  const list = el('dl', { class: 'pd-notice-list' });
  for (const [key, vi, en] of parts) {
    list.append(el('dt', {}, t(key, null, 'vi'), el('span', { class: 'pd-en', lang: 'en' }, t(key, null, 'en'))),
      el('dd', { dataset: { part: key.slice(10) } }, vi, el('span', { class: 'pd-en', lang: 'en' }, en)));
  }
  box.append(list);
  return box;
}

/** The consent sentence for a checkbox label, Vietnamese then English. */
export function consentLabel(n) {
  return [t('pd.consent.agree', { controller: n.controller }, 'vi'),
    el('span', { class: 'pd-en', lang: 'en' }, t('pd.consent.agree', { controller: n.controller }, 'en'))];
}

export function methodLabel(method) {
  return t('pd.method.' + (method || 'none'));
}

