// "Dữ liệu của tôi / My data" on the visitor's phone: with the pass kept on this phone, what the sites have
// recorded (POST /api/v1/my-data) and requests about it (POST /api/v1/my-data/requests). No account.
import './privacy-i18n.js';
import { t } from './i18n.js';
import { api } from '../shared/api.js';
import { el, clear, show, dateTimeOf } from '../shared/dom.js';
import { methodLabel } from './notice.js';

const TYPES = ['access', 'correction', 'deletion', 'withdrawal'];

/** Shows the visitor's data in {@code box}; {@code onGone} runs when nothing is held any more. */
export async function openMyData(box, pass, onGone) {
  clear(box).append(el('h1', {}, t('pd.my.title')), el('p', { class: 'hint' }, t('pd.my.lead')));
  if (!pass) {
    box.append(el('p', { class: 'pd-empty' }, t('pd.my.noPass')));
    return;
  }
  const status = el('p', { class: 'hint', role: 'status' }, t('pd.my.loading'));
  box.append(status);
  let data;
  try {
    data = await api('/api/v1/my-data', { method: 'POST', body: { pass }, timeoutMs: 15000 });
  } catch (e) {
    if (e.status === 404 || e.status === 401) {
      status.remove();
      box.append(el('p', { class: 'pd-empty', dataset: { gone: '1' } }, t('pd.my.none')));
      if (onGone) onGone();
      return;
    }
    status.textContent = e.network ? t('common.networkError') : [e.title, e.detail].filter(Boolean).join(': ');
    return;
  }
  status.remove();
  render(box, pass, data, onGone);
}

function render(box, pass, data, onGone) {
  const p = data.person;
  const c = p.consent || {};
  const consent = c.withdrawnAt ? t('pd.my.consentWithdrawn', { at: dateTimeOf(c.withdrawnAt) })
    : c.version ? t('pd.my.consentGiven', { v: c.version, how: methodLabel(c.method), at: dateTimeOf(c.at) }) : methodLabel(null);
  box.append(el('section', { class: 'pd-person', 'aria-label': t('pd.my.person') },
    el('h2', {}, t('pd.my.person')),
    el('p', { class: 'me-name', id: 'my-name' }, p.name || ''),
    el('p', { class: 'me-phone', id: 'my-phone' }, [p.phoneMasked, p.idMasked].filter(Boolean).join(' · ')),
    el('p', { id: 'my-consent' }, t('pd.my.consent') + ': ' + consent)));

  const visits = el('ol', { class: 'pd-visits', id: 'my-visits' });
  for (const v of data.visits) {
    visits.append(el('li', { class: 'pd-visit' },
      el('strong', {}, v.siteName),
      el('span', {}, [v.enteredAt ? t('pd.my.in') + ' ' + dateTimeOf(v.enteredAt) : null,
        v.exitedAt ? t('pd.my.out') + ' ' + dateTimeOf(v.exitedAt) : t('pd.my.stillInside')].filter(Boolean).join(' · ')),
      el('span', { class: 'hint' }, 'Bluezone: ' + t('bz.' + (v.bluezone || 'unknown')))));
  }
  box.append(el('h2', {}, t('pd.my.visits', { n: data.visits.length })),
    data.visits.length ? visits : el('p', { class: 'hint' }, t('pd.my.noVisits')));

  if (data.requests.length) {
    const reqs = el('ul', { class: 'pd-requests', id: 'my-requests' });
    for (const r of data.requests) {
      reqs.append(el('li', { dataset: { type: r.type, state: r.state } },
        el('strong', {}, t('pd.type.' + r.type)), ' — ', t('pd.state.' + r.state),
        r.state === 'received' || r.state === 'in_progress' ? ' · ' + t('pd.due', { due: dateTimeOf(r.dueAt) }) : '',
        r.outcome ? el('span', { class: 'hint' }, r.outcome) : null));
    }
    box.append(el('h2', {}, t('pd.my.requests')), reqs);
  }
  box.append(askForm(box, pass, onGone));
}

function askForm(box, pass, onGone) {
  const form = el('form', { class: 'pd-ask', id: 'my-ask' });
  const result = el('p', { class: 'hint', role: 'status', id: 'my-ask-result' });
  const detail = el('textarea', { id: 'my-detail', class: 'input', maxlength: 1000, rows: 3 });
  const choices = el('div', { class: 'choice', role: 'group' });
  let chosen = null;
  const confirm = el('button', { type: 'submit', class: 'btn btn-primary btn-block', id: 'my-send', disabled: true }, t('pd.my.send'));
  for (const type of TYPES) {
    choices.append(el('button', {
      type: 'button', class: 'btn btn-choice', 'aria-pressed': 'false', dataset: { type },
      onclick: (e) => {
        chosen = type;
        choices.querySelectorAll('button').forEach((b) => b.setAttribute('aria-pressed', String(b === e.currentTarget)));
        confirm.disabled = false;
        confirm.textContent = type === 'deletion' || type === 'withdrawal' ? t('pd.my.confirm') : t('pd.my.send');
        result.textContent = type === 'deletion' ? t('pd.my.confirmDelete') : type === 'withdrawal' ? t('pd.my.confirmWithdraw') : '';
      },
    }, t('pd.type.' + type)));
  }
  form.append(el('h2', {}, t('pd.my.ask')), choices, el('label', { for: 'my-detail' }, t('pd.my.detail')), detail, confirm, result);
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    if (!chosen) return;
    confirm.disabled = true;
    try {
      const body = { pass, type: chosen };
      if (detail.value.trim()) body.detail = detail.value.trim();
      const r = await api('/api/v1/my-data/requests', { method: 'POST', body, timeoutMs: 15000 });
      clear(box);
      await openMyData(box, pass, onGone);
      const sent = box.querySelector('#my-ask-result');
      if (sent) sent.textContent = t('pd.my.sent', { due: dateTimeOf(r.dueAt) });
    } catch (ex) {
      result.textContent = ex.status === 409 ? t('pd.desk.open') : ex.network ? t('common.networkError')
        : [ex.title, ex.detail].filter(Boolean).join(': ');
      confirm.disabled = false;
    }
  });
  show(result, true);
  return form;
}
