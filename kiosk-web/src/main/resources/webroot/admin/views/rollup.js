// For district and province officers: the day's figures per district (or province), and the sites that logged nothing.
import { t } from '../../app/i18n.js';
import { api, download, query } from '../../shared/session.js';
import { h, clear, field, select, table, td, badge, day, number, percent } from '../../shared/dom.js';
import { heading, busy } from './common.js';
import { showProblemAt, clearProblems } from '../../app/problems.js';

const collator = new Intl.Collator('vi');
const bare = (s) => s.normalize('NFD').replace(/\p{M}+/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase().trim();

/** The provinces and districts of the sites the caller sees: the only areas a roll-up can hold anything for. */
function areasOf(sites) {
  const byProvince = new Map();
  for (const s of sites) {
    if (!byProvince.has(s.province)) byProvince.set(s.province, new Set());
    byProvince.get(s.province).add(s.district);
  }
  return byProvince;
}

/** The option whose name matches a typed one without regard to case or diacritics ("quang tri" → Quảng Trị). */
function matching(names, typed) {
  return typed ? names.find((n) => bare(n) === bare(typed)) || '' : '';
}
import { targetFor, targetCell } from './targets.js';

export function render(main, ctx) {
  main.append(heading('rollup.title'));
  const date = h('input', { type: 'date', name: 'date', value: day(0), max: day(1) });
  const groupBy = select('groupBy', [['district', t('rollup.byDistrict')], ['province', t('rollup.byProvince')]], 'district');
  const areas = areasOf(ctx.sites);
  const provinces = [...areas.keys()].sort(collator.compare);
  const province = select('province', [['', t('rollup.allProvinces')], ...provinces.map((p) => [p, p])],
    matching(provinces, ctx.me.province) || (provinces.length === 1 ? provinces[0] : ''));
  const district = select('district', [], '');
  function fillDistricts(wanted) {
    const names = province.value ? [...(areas.get(province.value) || [])].sort(collator.compare) : [];
    clear(district).append(...[['', t('rollup.allDistricts')], ...names.map((d) => [d, d])]
      .map(([v, label]) => h('option', { value: v, selected: v === wanted }, label)));
    district.disabled = !province.value;
  }
  fillDistricts(matching([...(areas.get(province.value) || [])], ctx.me.district));
  province.addEventListener('change', () => fillDistricts(''));
  const apply = h('button', { type: 'submit', className: 'primary' }, t('common.apply'));
  const csv = h('button', { type: 'button', className: 'secondary', dataset: { export: 'csv' } }, t('common.exportCsv'));
  const xlsx = h('button', { type: 'button', className: 'secondary', dataset: { export: 'xlsx' } }, t('common.exportXlsx'));
  const pdf = h('button', { type: 'button', className: 'secondary', dataset: { export: 'pdf' } }, t('targets.pdf'));
  const form = h('form', { className: 'filters' }, field(t('common.date'), date), field(t('rollup.groupBy'), groupBy),
    field(t('rollup.province'), province), field(t('rollup.district'), district), h('div', { className: 'actions' }, apply, csv, xlsx, pdf));
  const results = h('div', { className: 'results' });
  const silentBox = h('section', { className: 'card silent-box', attrs: { 'aria-labelledby': 'silent-title' } });
  main.append(form, results, silentBox, h('p', { className: 'note' }, t('reports.rateNote')));

  const params = () => ({ date: date.value || day(0), groupBy: groupBy.value, province: province.value,
    district: province.value ? district.value : '' });

  // A count that adds up the sites (the day's visits are gone and no stored area count matches) is marked.
  const visitors = (g) => td(g.uniqueVisitorsSource === 'sum'
    ? [number(g.uniqueVisitors), h('span', { className: 'muted', title: t('rollup.summed') }, ' *')]
    : number(g.uniqueVisitors), 'num');

  async function load() {
    clearProblems(form);
    clear(results).append(h('p', { className: 'muted' }, t('common.loading')));
    try {
      const [r, targets] = await Promise.all([api('GET', '/api/v1/reports/daily' + query(params())),
        api('GET', '/api/v1/targets').then((x) => x.items)]);
      const byDistrict = r.groupBy === 'district';
      const headers = [t('rollup.province')];
      if (byDistrict) headers.push(t('rollup.district'));
      headers.push(...[t('rollup.sites'), t('rollup.activeSites'), t('reports.col.entries'), t('reports.col.exits'),
        t('reports.col.unique'), t('reports.col.rate'), t('reports.silent')].map((x) => [x, 'num']), t('rollup.target'));
      const rows = r.rows.map((g) => h('tr', { dataset: { area: byDistrict ? g.district : g.province } },
        td(g.province), byDistrict ? td(g.district) : null, td(number(g.sites), 'num'),
        td(number(g.activeSites), 'num'), td(number(g.entries), 'num'), td(number(g.exits), 'num'),
        visitors(g), td(percent(g.installRate), 'num'),
        td(g.silentSites.length ? badge(String(g.silentSites.length), 'warn') : badge('0', 'ok'), 'num'),
        td(byDistrict ? targetCell(targetFor(targets, g.province, g.district), g.installRate) : '')));
      const tot = r.totals;
      rows.push(h('tr', { className: 'total' }, td(t('reports.total')), byDistrict ? td('') : null,
        td(number(tot.sites), 'num'), td(number(tot.activeSites), 'num'), td(number(tot.entries), 'num'),
        td(number(tot.exits), 'num'), visitors(tot), td(percent(tot.installRate), 'num'),
        td(number(tot.sites - tot.activeSites), 'num'), td('')));
      const summed = [...r.rows, tot].some((g) => g.uniqueVisitorsSource === 'sum');
      clear(results).append(r.rows.length ? table(headers, rows) : h('p', { className: 'empty' }, t('common.none')));
      if (summed) results.append(h('p', { className: 'note' }, t('rollup.summed')));
      clear(silentBox).append(h('h2', { id: 'silent-title' }, t('rollup.silentTitle') + ' (' + r.silentSites.length + ')'),
        r.silentSites.length
          ? h('ul', { className: 'silent-list' }, r.silentSites.map((s) => h('li', { dataset: { site: s.siteId } },
            h('strong', {}, s.siteName), ' — ', s.district + ', ' + s.province, ' ', h('span', { className: 'muted' }, t('kind.' + s.kind)))))
          // no site at all is not "every site logged something"
          : h('p', { dataset: { empty: String(!tot.sites) } }, t(tot.sites ? 'rollup.noSilent' : 'rollup.noSites')));
    } catch (e) {
      clear(results);
      clear(silentBox);
      if (!showProblemAt(form, e)) ctx.fail(e);
    }
  }

  form.addEventListener('submit', (ev) => { ev.preventDefault(); load(); });
  for (const button of [csv, xlsx, pdf]) {
    button.addEventListener('click', () => busy(button, ctx, async () => {
      const f = button.dataset.export;
      const name = await download('GET', `/api/v1/reports/daily.${f}` + query(params()), undefined, 'report.' + f);
      ctx.toast(t('common.downloaded', { name }));
    }));
  }
  load();
  return null;
}
