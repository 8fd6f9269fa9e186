// The queue of personal data requests (access, correction, deletion, withdrawal): deadlines, overdue ones
// first, each moved on by whoever handles it; and filing a request for someone who asks at the desk.
import { t } from '../../app/i18n.js';
import { api } from '../../shared/session.js';
import { isProblem } from '../../shared/api.js';
import { h, clear, field, select, table, td, badge, dateTime } from '../../shared/dom.js';
import { heading, busy } from './common.js';

const TYPES = ['access', 'correction', 'deletion', 'withdrawal'];
/** 2026-12-18 → 18/12/2026, as dates are written here. */
export const dmy = (ymd) => (ymd ? ymd.split('-').reverse().join('/') : '');
const OPEN = ['received', 'in_progress'];

export function render(main, ctx) {
  const which = select('state', [['open', t('pd.queue.open')], ['all', t('pd.queue.all')]], 'open');
  main.append(heading('pd.queue.title', h('div', { className: 'actions' }, which)));
  const summary = h('p', { className: 'lead', attrs: { role: 'status' } });
  const list = h('div', { className: 'results' });
  const panel = h('div', {});
  main.append(summary, list, panel, desk(ctx, () => load()));
  which.addEventListener('change', () => load());

  async function load() {
    let r;
    try {
      r = await api('GET', '/api/v1/privacy/requests?state=' + which.value);
    } catch (e) {
      ctx.fail(e);
      return;
    }
    clear(summary).append(r.overdue ? badge(t('pd.queue.overdue', { n: r.overdue }), 'f1') : '');
    clear(list).append(r.items.length ? table([t('pd.queue.received'), t('pd.desk.type'), t('pd.queue.person'),
      t('pd.queue.due'), t('pd.queue.handled'), ''], r.items.map(row))
      : h('p', { className: 'empty' }, t('pd.queue.none')));
  }

  function row(q) {
    const open = OPEN.includes(q.state);
    const status = [badge(t('pd.state.' + q.state), q.state === 'done' ? 'ok' : q.state === 'refused' ? 'plain' : 'warn')];
    if (q.overdue) status.push(' ', badge(t('pd.overdue'), 'f1'));
    const person = q.subjectErased ? t('pd.queue.erased')
      : [q.person.name, q.person.phoneMasked || q.person.idMasked].filter(Boolean).join(' · ');
    const actions = h('div', { className: 'row-actions' });
    if (q.state === 'received') actions.append(button('pd.queue.start', () => move(q, { state: 'in_progress' })));
    if (open) {
      actions.append(button('pd.queue.done', () => complete(q)), button('pd.queue.refuse', () => refuse(q)));
      actions.append(button('pd.queue.data', () => showData(q)));
    }
    return h('tr', { className: q.overdue ? 'overdue' : '', dataset: { request: q.id, state: q.state, type: q.type } },
      td(dateTime(q.receivedAt), 'nowrap'), td([h('strong', {}, t('pd.type.' + q.type)), h('br', {}),
        h('span', { className: 'small muted' }, t('pd.channel.' + q.channel) + (q.filedBy ? ' · ' + q.filedBy : ''))]),
      td([person, q.detail ? h('div', { className: 'small muted' }, q.detail) : null]),
      td([dateTime(q.dueAt), ' ', status, open && !q.overdue ? h('div', { className: 'small muted' }, t('pd.hoursLeft', { h: q.hoursLeft })) : null]),
      td([q.handledBy || '', q.outcome ? h('div', { className: 'small muted' }, q.outcome) : null]), td(actions));
  }

  function button(key, onclick) {
    const b = h('button', { type: 'button', className: 'secondary', dataset: { action: key.slice(9) } }, t(key));
    b.addEventListener('click', () => busy(b, ctx, onclick));
    return b;
  }

  async function move(q, body) {
    try {
      await api('PATCH', `/api/v1/privacy/requests/${q.id}`, body);
      clear(panel);
      ctx.toast(t('common.saved'));
    } catch (e) {
      if (isProblem(e, 'legal-hold')) {
        ctx.toast(t('pd.queue.legalHold', { reference: e.problem.reference, until: dmy(e.problem.until) }), 'error');
      }
      else if (e.status === 403) ctx.toast(t('pd.queue.wider'), 'error');
      else ctx.fail(e);
    }
    await load();
  }

  function complete(q) {
    const outcome = h('input', { name: 'outcome', maxLength: 1000 });
    const fields = [field(t('pd.queue.outcome'), outcome, 'wide')];
    const fix = {};
    if (q.type === 'correction') {
      for (const [k, label] of [['name', 'pd.queue.newName'], ['phone', 'pd.queue.newPhone'], ['idNumber', 'pd.queue.newId']]) {
        fix[k] = h('input', { name: k, maxLength: k === 'name' ? 100 : 30 });
        fields.push(field(t(label), fix[k]));
      }
    }
    const erases = q.type === 'deletion' || q.type === 'withdrawal';
    const save = h('button', { type: 'submit', className: erases ? 'danger' : 'primary' }, t('pd.queue.done'));
    const note = h('p', { className: 'warn-text', hidden: !erases }, erases ? t('pd.queue.confirmErase') : '');
    const form = h('form', { className: 'card editor', dataset: { complete: q.id } }, h('h2', {}, t('pd.type.' + q.type)),
      h('div', { className: 'grid' }, fields), note, h('div', { className: 'actions' }, save,
        h('button', { type: 'button', className: 'secondary', onclick: () => clear(panel) }, t('common.cancel'))));
    form.addEventListener('submit', (ev) => {
      ev.preventDefault();
      // Two presses to erase: a person's data cannot come back.
      if (erases && !save.dataset.armed) {
        save.dataset.armed = '1';
        save.textContent = t('pd.my.confirm');
        return;
      }
      const body = { state: 'done' };
      if (outcome.value.trim()) body.outcome = outcome.value.trim();
      const correction = {};
      for (const [k, input] of Object.entries(fix)) if (input.value.trim()) correction[k] = input.value.trim();
      if (q.type === 'correction') body.correction = correction;
      busy(save, ctx, () => move(q, body));
    });
    clear(panel).append(form);
    outcome.focus();
  }

  function refuse(q) {
    const reason = h('input', { name: 'reason', required: true, maxLength: 1000 });
    const save = h('button', { type: 'submit', className: 'primary' }, t('pd.queue.refuse'));
    const form = h('form', { className: 'card editor', dataset: { refuse: q.id } }, h('h2', {}, t('pd.type.' + q.type)),
      h('div', { className: 'grid' }, field(t('pd.queue.reason'), reason, 'wide')),
      h('div', { className: 'actions' }, save, h('button', { type: 'button', className: 'secondary', onclick: () => clear(panel) },
        t('common.cancel'))));
    form.addEventListener('submit', (ev) => {
      ev.preventDefault();
      busy(save, ctx, () => move(q, { state: 'refused', outcome: reason.value.trim() }));
    });
    clear(panel).append(form);
    reason.focus();
  }

  async function showData(q) {
    const r = await api('GET', `/api/v1/privacy/requests/${q.id}/data`);
    const rows = r.visits.map((v) => h('tr', {}, td(v.siteName), td(dateTime(v.enteredAt), 'nowrap'),
      td(dateTime(v.exitedAt), 'nowrap'), td(t('bz.' + (v.bluezone || 'unknown'))),
      td(v.consent.version ? t('pd.notice.version', { v: v.consent.version }) + ' · ' + t('pd.method.' + v.consent.method)
        : t('pd.method.none'))));
    clear(panel).append(h('section', { className: 'card', dataset: { data: q.id } },
      h('h2', {}, [r.person.name, r.person.phoneMasked, r.person.idMasked].filter(Boolean).join(' · ')),
      table([t('sites.name'), t('pd.my.in'), t('pd.my.out'), 'Bluezone', t('pd.my.consent')], rows)));
  }

  load();
  return null;
}

/** Someone asks at the desk: find them by phone, ID or pass among the caller's sites, then file for them. */
function desk(ctx, reload) {
  const by = select('by', [['phone', t('common.phone')], ['idNumber', t('pd.queue.newId')], ['pass', 'v1.…']], 'phone');
  const value = h('input', { name: 'value', required: true, maxLength: 600, autocomplete: 'off' });
  const find = h('button', { type: 'submit', className: 'secondary' }, t('pd.desk.find'));
  const out = h('div', {});
  const form = h('form', { className: 'filters', dataset: { desk: '1' } }, field(t('pd.desk.query'), by),
    field('', value, 'wide'), h('div', { className: 'actions' }, find));
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    busy(find, ctx, async () => {
      clear(out);
      let r;
      try {
        r = await api('POST', '/api/v1/privacy/people', { [by.value]: value.value.trim() });
      } catch (e) {
        if (e.status === 404) { out.append(h('p', { className: 'empty' }, t('pd.desk.notFound'))); return; }
        throw e;
      }
      const p = r.person;
      const visits = r.sites.reduce((n, s) => n + s.visits, 0);
      const type = select('type', TYPES.map((k) => [k, t('pd.type.' + k)]), 'access');
      const detail = h('input', { name: 'detail', maxLength: 1000 });
      const file = h('button', { type: 'submit', className: 'primary' }, t('pd.desk.file'));
      const f = h('form', { className: 'filters' }, field(t('pd.desk.type'), type), field(t('pd.my.detail'), detail, 'wide'),
        h('div', { className: 'actions' }, file));
      f.addEventListener('submit', (e2) => {
        e2.preventDefault();
        busy(file, ctx, async () => {
          const body = { visitorId: p.id, type: type.value };
          if (detail.value.trim()) body.detail = detail.value.trim();
          const q = await api('POST', '/api/v1/privacy/requests', body);
          ctx.toast(t('pd.desk.filed', { type: t('pd.type.' + q.type), name: p.name || '—', due: dateTime(q.dueAt) }));
          clear(out);
          value.value = '';
          await reload();
        });
      });
      out.append(h('p', { className: 'subject-name' }, t('pd.desk.found', { name: p.name || '—',
        phone: p.phoneMasked || p.idMasked || '', visits })), f);
    });
  });
  return h('section', { className: 'card' }, h('h2', {}, t('pd.queue.fileTitle')), h('p', { className: 'muted' },
    t('pd.desk.lead')), form, out);
}
