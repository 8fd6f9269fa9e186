// Pieces several views share.
import { t } from '../../app/i18n.js';
import { h, select } from '../../shared/dom.js';
import { clearProblems, showProblemAt } from '../../app/problems.js';

export const STATUSES = ['qr_confirmed', 'declared', 'installed_on_site', 'not_installed', 'no_smartphone', 'unknown'];
export const KINDS = ['office', 'bus_station', 'market', 'hospital', 'school', 'hotel', 'factory', 'shop', 'other'];

/** A select of the caller's sites; remembers the choice for the other per-site views. */
export function sitePicker(ctx, onChange, withAll) {
  const options = ctx.sites.map((s) => [s.id, s.name + ' — ' + s.district]);
  if (withAll) options.unshift(['', t('common.allSites')]);
  const s = select('siteId', options, withAll ? '' : ctx.siteId);
  s.addEventListener('change', () => {
    if (s.value) ctx.siteId = s.value;
    onChange(s.value ? Number(s.value) : null);
  });
  return s;
}

export function heading(key, extra) {
  return h('div', { className: 'view-head' }, h('h1', {}, t(key)), extra || null);
}

export function bluezoneLabel(status) {
  return t('bz.' + (status || 'unknown'));
}

export function bluezoneBadge(status) {
  const good = ['qr_confirmed', 'declared', 'installed_on_site'].includes(status);
  const bad = status === 'not_installed';
  return h('span', { className: 'badge ' + (good ? 'ok' : bad ? 'warn' : 'plain') }, bluezoneLabel(status));
}

export function methodLabel(method) {
  if (!method) return '';
  const key = 'method.' + method;
  const s = t(key);
  return s === key ? method : s;
}

/**
 * Runs an async action with the button disabled. A problem about one field of the button's form goes under that
 * field (cleared once it changes); any other is a toast.
 */
export async function busy(button, ctx, action) {
  button.disabled = true;
  const form = button.closest('form');
  if (form) clearProblems(form);
  try {
    return await action();
  } catch (e) {
    const at = form && e.status !== undefined ? showProblemAt(form, e) : null;
    if (at) at.focus();
    else ctx.fail(e);
    return undefined;
  } finally {
    button.disabled = false;
  }
}
