// SMS reminders: the visitor's own choice on the phone page and the guard's record of a spoken one.
// Offered only when the server has an SMSC (GET /api/v1/sms); an explicit choice, never ticked in advance.
import { t, lang } from './i18n.js';
import { api, isProblem } from '../shared/api.js';
import { el, show, clear } from '../shared/dom.js';

let enabled = null;

/** Whether this server sends SMS reminders at all (asked once per page). */
export function smsEnabled() {
  if (!enabled) enabled = api('/api/v1/sms', { timeoutMs: 10000 }).then((r) => !!(r && r.enabled)).catch(() => false);
  return enabled;
}

/** Vietnamese, with the English line under it while the page is in Vietnamese. */
function twoLines(key, cls) {
  return el('span', { class: cls },
    el('span', { class: 'sms-vi' }, t(key)),
    lang() === 'vi' ? el('span', { class: 'notice-en', lang: 'en' }, t(key, null, 'en')) : null);
}

/** The phone page: a choice in `box` for the holder of `pass`, showing what is stored now. */
export async function phoneChoice(box, pass) {
  clear(box);
  show(box, false);
  if (!pass || !(await smsEnabled())) return;
  let status;
  try {
    status = await api('/api/v1/sms/consent/status', { method: 'POST', body: { pass }, timeoutMs: 10000 });
  } catch (e) {
    return; // an old pass or no network: no choice to offer now
  }
  const input = el('input', { type: 'checkbox', id: 'sms-opt' });
  input.checked = !!status.optedIn;
  const note = el('p', { id: 'sms-note', class: 'hint', role: 'status' });
  input.addEventListener('change', async () => {
    const want = input.checked;
    input.disabled = true;
    try {
      const r = await api('/api/v1/sms/consent', { method: 'POST', body: { pass, optIn: want }, timeoutMs: 10000 });
      input.checked = !!r.optedIn;
      note.dataset.key = r.optedIn ? 'sms.on' : 'sms.off';
    } catch (e) {
      input.checked = !want;
      note.dataset.key = isProblem(e, 'no-phone') ? 'sms.noPhone' : 'common.networkError';
    } finally {
      input.disabled = false;
    }
    clear(note).append(twoLines(note.dataset.key, 'sms-note-text'));
  });
  box.append(el('label', { for: 'sms-opt', class: 'sms-label' }, input, twoLines('sms.remind', 'sms-text')),
    el('p', { class: 'hint' }, t('sms.remind.hint')), note);
  show(box, true);
}

/** The guard console: a box in the manual form; returns whether the visitor said yes, read at submit. */
export async function guardChoice(form, before) {
  if (!(await smsEnabled())) return () => false;
  const input = el('input', { type: 'checkbox', id: 'm-sms' });
  const label = el('label', { for: 'm-sms', class: 'sms-label' }, input, el('span', { 'data-i18n': 'sms.guard' }, t('sms.guard')));
  form.insertBefore(label, before);
  return () => input.checked;
}

/** Records the visitor's yes on the visit just checked in, as staff. */
export async function recordGuardChoice(call, siteId, visitId) {
  return call(`/api/v1/sites/${siteId}/visits/${encodeURIComponent(visitId)}/sms-consent`,
    { method: 'POST', body: { optIn: true }, timeoutMs: 10000 });
}
