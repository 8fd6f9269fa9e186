// The entry log of one site: filters, search with or without diacritics, keyset pages, CSV/XLSX export.
import { t } from '../../app/i18n.js';
import { api, download, query } from '../api.js';
import { h, clear, field, select, table, td, badge, dateTime, day, addDays, midnight, number } from '../dom.js';
import { sitePicker, heading, bluezoneBadge, methodLabel, STATUSES, busy } from './common.js';

const PAGE = 50;

export function render(main, ctx) {
  main.append(heading('log.title'));
  if (!ctx.sites.length) {
    main.append(h('p', {}, t('common.noSites')));
    return null;
  }
  let siteId = ctx.siteId;
  const from = h('input', { type: 'date', name: 'from', value: day(-1) });
  const to = h('input', { type: 'date', name: 'to', value: day(0) });
  const q = h('input', { type: 'search', name: 'q', maxLength: 100, placeholder: t('log.search'), autocomplete: 'off' });
  const gate = h('input', { type: 'text', name: 'gate', maxLength: 100 });
  const state = select('inside', [['', t('log.state.all')], ['true', t('log.state.inside')], ['false', t('log.state.exited')]], '');
  const bz = select('bluezone', [['', t('log.bluezone.all')], ...STATUSES.map((s) => [s, t('bz.' + s)])], '');
  const apply = h('button', { type: 'submit', className: 'primary' }, t('common.apply'));
  const csv = h('button', { type: 'button', className: 'secondary', dataset: { export: 'csv' } }, t('common.exportCsv'));
  const xlsx = h('button', { type: 'button', className: 'secondary', dataset: { export: 'xlsx' } }, t('common.exportXlsx'));
  const form = h('form', { className: 'filters', attrs: { role: 'search' } },
    field(t('common.site'), sitePicker(ctx, (id) => { siteId = id; reset(); })),
    field(t('common.from'), from), field(t('common.to'), to),
    field(t('log.search'), q, 'wide'), field(t('log.gate'), gate), field(t('log.state'), state),
    field(t('log.bluezone'), bz),
    h('div', { className: 'actions' }, apply, csv, xlsx));
  const results = h('div', { className: 'results' });
  const pager = h('div', { className: 'pager' });
  main.append(form, results, pager);

  // Keyset pages: the cursor of each page seen, so "previous" goes back without offsets.
  let cursors = [null];
  let page = 0;

  function filters() {
    const zone = (ctx.site(siteId) || {}).timeZone;
    return {
      from: midnight(from.value || day(-1), zone),
      to: midnight(addDays(to.value || day(0), 1), zone),
      q: q.value.trim(), gate: gate.value.trim(), inside: state.value, bluezone: bz.value,
    };
  }

  async function load() {
    clear(results).append(h('p', { className: 'muted' }, t('common.loading')));
    const zone = (ctx.site(siteId) || {}).timeZone;
    try {
      const r = await api('GET', `/api/v1/sites/${siteId}/visits` + query({ ...filters(), limit: PAGE, cursor: cursors[page] }));
      if (r.next && cursors.length === page + 1) cursors.push(r.next);
      clear(results);
      if (!r.items.length) {
        results.append(h('p', { className: 'empty' }, t('common.none')));
      } else {
        results.append(table([t('log.col.in'), t('log.col.out'), t('log.col.name'), t('log.col.phone'), t('log.col.id'),
          t('log.col.gate'), t('log.col.bluezone'), t('log.col.method')], r.items.map((v) => row(v, zone))));
      }
      renderPager(r.items.length, Boolean(r.next));
    } catch (e) {
      clear(results);
      ctx.fail(e);
    }
  }

  function renderPager(count, more) {
    const prev = h('button', { type: 'button', className: 'secondary', disabled: page === 0, onclick: () => { page--; load(); } },
      '← ' + t('log.prev'));
    const next = h('button', { type: 'button', className: 'secondary', disabled: !more, dataset: { next: '' },
      onclick: () => { page++; load(); } }, t('log.next') + ' →');
    clear(pager).append(prev, h('span', { className: 'page-info' }, t('log.page', { n: page + 1, count: number(count) })), next);
  }

  function reset() {
    cursors = [null];
    page = 0;
    load();
  }

  form.addEventListener('submit', (ev) => { ev.preventDefault(); reset(); });
  for (const button of [csv, xlsx]) {
    button.addEventListener('click', () => busy(button, ctx, async () => {
      const format = button.dataset.export;
      const f = filters();
      if (format === 'csv') delete f.inside;
      const name = await download('GET', `/api/v1/sites/${siteId}/visits.${format}` + query(f), undefined, 'visits.' + format);
      ctx.toast(t('common.downloaded', { name }));
    }));
  }
  load();
  return null;
}

function row(v, zone) {
  const out = v.exitedAt
    ? [dateTime(v.exitedAt, zone), v.exitInferred ? [' ', badge(t('log.inferred'), 'warn')] : null]
    : badge(t('log.inside'), 'ok');
  const gates = [v.gate, v.exitGate].filter((g) => g).filter((g, i, a) => a.indexOf(g) === i).join(' → ');
  return h('tr', { dataset: { visit: v.id } },
    td(v.entryMissing ? badge(t('log.entryMissing'), 'plain') : dateTime(v.enteredAt, zone), 'nowrap'),
    td(out, 'nowrap'),
    td(v.visitor.name, 'name'),
    td(v.visitor.phoneMasked || '', 'mono'),
    td(v.visitor.idMasked || '', 'mono'),
    td(gates),
    td(bluezoneBadge(v.bluezone)),
    td(methodLabel(v.method)));
}
