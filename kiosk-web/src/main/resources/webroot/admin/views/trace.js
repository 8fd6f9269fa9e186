// Contact tracing: a person (phone, ID or a visit), a window, the least overlap and depth → their visits and contacts.
import { t } from '../../app/i18n.js';
import { api, download } from '../../shared/session.js';
import { h, clear, field, select, table, td, badge, dateTime, isoToLocal, localToIso, VN, number, phone } from '../../shared/dom.js';
import { heading, busy } from './common.js';

export function render(main, ctx) {
  main.append(heading('trace.title'), h('p', { className: 'lead' }, t('trace.lead')));
  const by = select('by', [['phone', t('trace.by.phone')], ['idNumber', t('trace.by.idNumber')], ['visitId', t('trace.by.visitId')]], 'phone');
  const value = h('input', { type: 'text', name: 'value', required: true, maxLength: 40, autocomplete: 'off', inputMode: 'tel' });
  const now = new Date();
  const from = h('input', { type: 'datetime-local', name: 'from', value: isoToLocal(new Date(now.getTime() - 14 * 86_400_000), VN) });
  const to = h('input', { type: 'datetime-local', name: 'to', value: isoToLocal(new Date(now.getTime() + 60_000), VN) });
  const min = h('input', { type: 'number', name: 'minOverlapMinutes', min: 0, max: 1440, value: 15 });
  const hops = select('hops', [['1', t('trace.hops1')], ['2', t('trace.hops2')]], '1');
  const arrival = h('input', { type: 'number', name: 'arrivalBufferMinutes', min: 0, max: 720, value: 0 });
  const departure = h('input', { type: 'number', name: 'departureBufferMinutes', min: 0, max: 720, value: 0 });
  const run = h('button', { type: 'submit', className: 'primary' }, t('trace.run'));
  const form = h('form', { className: 'filters trace-form' },
    field(t('trace.by'), by), field(t('trace.value'), value, 'wide'), field(t('trace.from'), from), field(t('trace.to'), to),
    field(t('trace.minOverlap'), min), field(t('trace.hops'), hops), field(t('trace.arrival'), arrival),
    field(t('trace.departure'), departure), h('div', { className: 'actions' }, run));
  const results = h('div', { className: 'results' });
  main.append(form, results);
  by.addEventListener('change', () => { value.inputMode = by.value === 'phone' ? 'tel' : 'text'; });

  function body() {
    const b = {
      minOverlapMinutes: Number(min.value || 0), hops: Number(hops.value),
      arrivalBufferMinutes: Number(arrival.value || 0), departureBufferMinutes: Number(departure.value || 0),
    };
    b[by.value] = value.value.trim();
    if (from.value) b.from = localToIso(from.value, VN);
    if (to.value) b.to = localToIso(to.value, VN);
    return b;
  }

  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    const request = body();
    busy(run, ctx, async () => {
      clear(results).append(h('p', { className: 'muted' }, t('common.loading')));
      try {
        show(await api('POST', '/api/v1/traces', request), request);
      } catch (e) {
        clear(results);
        if (e.status === 404) results.append(h('p', { className: 'empty' }, t('trace.notFound')));
        else throw e;
      }
    });
  });

  function siteZone(id) {
    return (ctx.site(id) || {}).timeZone || VN;
  }

  function show(r, request) {
    clear(results);
    const s = r.subject;
    results.append(h('section', { className: 'card subject' },
      h('h2', {}, t('trace.subject')),
      h('p', { className: 'subject-name', dir: 'auto' }, s.name),
      h('p', { className: 'mono' }, [phone(s.phone), s.idMasked].filter((x) => x).join(' · ')),
      r.limitedToYourSites ? h('p', { className: 'note' }, t('trace.limited')) : null,
      r.truncated ? h('p', { className: 'warn-text' }, t('trace.truncated')) : null,
      h('p', { className: 'muted small' }, t('trace.took', { ms: number(Math.round(r.tookMs)) }))));
    results.append(h('h2', {}, t('trace.visits', { n: r.visits.length })),
      table([t('common.site'), t('log.col.in'), t('log.col.out'), t('log.col.bluezone')], r.visits.map((v) => h('tr', {},
        td(v.siteName || String(v.siteId)), td(dateTime(v.enteredAt, siteZone(v.siteId)), 'nowrap'),
        td(exit(v), 'nowrap'), td(t('bz.' + (v.bluezone || 'unknown')))))));
    const listCsv = h('button', { type: 'button', className: 'primary', dataset: { callList: 'csv' } }, t('trace.callList'));
    const listXlsx = h('button', { type: 'button', className: 'secondary', dataset: { callList: 'xlsx' } }, t('trace.callListXlsx'));
    for (const b of [listCsv, listXlsx]) {
      b.addEventListener('click', () => busy(b, ctx, async () => {
        const f = b.dataset.callList;
        // the trace's own "now": open stays are measured as on screen, however much later the list is fetched
        const name = await download('POST', '/api/v1/traces/call-list?format=' + f, { ...request, asOf: r.asOf }, 'call-list.' + f);
        ctx.toast(t('common.downloaded', { name }));
      }));
    }
    results.append(h('div', { className: 'view-head' }, h('h2', {}, t('trace.contacts', { n: r.contacts.length })),
      r.contacts.length ? h('div', { className: 'actions' }, listCsv, listXlsx) : null));
    if (!r.contacts.length) {
      results.append(h('p', { className: 'empty' }, t('trace.noContacts')));
      return;
    }
    results.append(table([t('trace.col.level'), t('log.col.name'), t('log.col.phone'), t('log.col.id'), t('common.site'), t('log.col.in'),
      t('log.col.out'), [t('trace.col.overlap'), 'num'], t('trace.col.via')], r.contacts.map((c) => h('tr', { dataset: { visit: c.visitId } },
      td(badge('F' + c.hop, c.hop === 1 ? 'f1' : 'f2')), td(c.visitor.name, 'name'),
      td(phone(c.visitor.phone) || c.visitor.phoneMasked || '', 'mono nowrap'), td(c.visitor.idMasked || '', 'mono nowrap'),
      td(c.siteName || String(c.siteId)),
      td(dateTime(c.enteredAt, siteZone(c.siteId)), 'nowrap'), td(exit(c), 'nowrap'),
      td(t('common.minutes', { n: number(c.overlapMinutes) }), 'num nowrap'), h('td', { dir: 'auto' }, c.via ? c.via.name : '')))));
  }

  function exit(v) {
    if (v.open) return badge(t('log.inside'), 'ok');
    return [dateTime(v.exitedAt, siteZone(v.siteId)), v.inferredExit ? [' ', badge(t('log.inferred'), 'warn')] : null];
  }
  return null;
}
