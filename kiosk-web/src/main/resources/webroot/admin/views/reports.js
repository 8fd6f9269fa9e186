// The daily report of the caller's sites: a table, hourly traffic and the install rate over recent days.
import { t } from '../../app/i18n.js';
import { api, download, query } from '../../shared/session.js';
import { h, clear, field, table, td, badge, day, addDays, number, percent } from '../../shared/dom.js';
import { sitePicker, heading, STATUSES, busy } from './common.js';

const BLUE = '#0b5394';
const GREEN = '#17733a';
const STATUS_COLOURS = ['#17733a', '#4f9a5f', '#8cc084', '#b3261e', '#a94a07', '#9aa3b2'];

export function render(main, ctx) {
  main.append(heading('reports.title'));
  if (!ctx.sites.length) {
    main.append(h('p', {}, t('common.noSites')));
    return null;
  }
  let siteId = null;
  const charts = [];
  const date = h('input', { type: 'date', name: 'date', value: day(0), max: day(1) });
  const apply = h('button', { type: 'submit', className: 'primary' }, t('common.apply'));
  const csv = h('button', { type: 'button', className: 'secondary', dataset: { export: 'csv' } }, t('common.exportCsv'));
  const xlsx = h('button', { type: 'button', className: 'secondary', dataset: { export: 'xlsx' } }, t('common.exportXlsx'));
  const form = h('form', { className: 'filters' },
    field(t('common.site'), sitePicker(ctx, (id) => { siteId = id; load(); }, true)),
    field(t('common.date'), date), h('div', { className: 'actions' }, apply, csv, xlsx));
  const summary = h('div', { className: 'cards' });
  const chartsBox = h('div', { className: 'charts' });
  const results = h('div', { className: 'results' });
  main.append(form, summary, chartsBox, results, h('p', { className: 'note' }, t('reports.rateNote')));

  const params = () => ({ date: date.value || day(0), siteId });

  async function load() {
    clear(results).append(h('p', { className: 'muted' }, t('common.loading')));
    try {
      const [report, series] = await Promise.all([
        api('GET', '/api/v1/reports/daily' + query(params())),
        api('GET', '/api/v1/reports/days' + query({ from: addDays(date.value || day(0), -13), to: date.value || day(0), siteId })),
      ]);
      renderSummary(report.totals);
      renderTable(report.rows);
      renderCharts(report.totals, series.days);
    } catch (e) {
      clear(results);
      ctx.fail(e);
    }
  }

  function renderSummary(total) {
    const card = (label, value, cls) => h('div', { className: 'card stat ' + (cls || '') },
      h('span', { className: 'stat-value' }, value), h('span', { className: 'stat-label' }, label));
    clear(summary).append(
      card(t('reports.col.entries'), number(total.entries)),
      card(t('reports.col.exits'), number(total.exits)),
      card(t('reports.col.unique'), number(total.uniqueVisitors)),
      card(t('reports.col.rate'), percent(total.installRate), 'accent'),
      card(t('reports.silent'), number(total.sites - total.activeSites) + ' / ' + number(total.sites),
        total.sites > total.activeSites ? 'warn' : ''));
  }

  function renderTable(rows) {
    clear(results).append(table([[t('reports.col.site'), 'site-col'], [t('reports.col.entries'), 'num'],
      [t('reports.col.exits'), 'num'], [t('reports.col.unique'), 'num'], [t('reports.col.peak'), 'num'],
      [t('reports.col.rate'), 'num'], t('reports.bluezoneSplit'), t('reports.col.status')],
    rows.map((r) => h('tr', { dataset: { site: r.siteId }, className: r.silent ? 'silent' : '' },
      td([h('strong', {}, r.siteName), h('br'), h('span', { className: 'muted' }, r.district)]),
      td(number(r.entries), 'num'), td(number(r.exits), 'num'), td(number(r.uniqueVisitors), 'num'),
      td(number(r.peakOccupancy), 'num'), td(percent(r.installRate), 'num'),
      td(STATUSES.filter((s) => r.bluezone[s]).map((s) => h('span', { className: 'split' }, t('bz.' + s) + ': ' + r.bluezone[s]))),
      td(r.silent ? badge(t('reports.silent'), 'warn') : badge(t('reports.active'), 'ok'))))));
  }

  function chartBox(title) {
    const canvas = h('canvas', { attrs: { role: 'img', 'aria-label': title } });
    chartsBox.append(h('figure', { className: 'card chart' }, h('figcaption', {}, title), h('div', { className: 'chart-area' }, canvas)));
    return canvas;
  }

  function renderCharts(total, days) {
    charts.splice(0).forEach((c) => c.destroy());
    clear(chartsBox);
    if (!window.Chart) return;
    const Chart = window.Chart;
    Chart.defaults.font.family = getComputedStyle(document.body).fontFamily;
    charts.push(new Chart(chartBox(t('reports.hourly')), {
      type: 'bar',
      data: {
        labels: total.hourly.map((n, i) => String(i).padStart(2, '0') + 'h'),
        datasets: [{ label: t('reports.col.entries'), data: total.hourly, backgroundColor: BLUE }],
      },
      options: { maintainAspectRatio: false, animation: false, plugins: { legend: { display: false } },
        scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } },
    }));
    charts.push(new Chart(chartBox(t('reports.rateOverTime')), {
      data: {
        labels: days.map((d) => d.date.slice(5).split('-').reverse().join('/')),
        datasets: [
          { type: 'line', label: t('reports.col.rate'), data: days.map((d) => (d.installRate === null ? null : d.installRate * 100)),
            borderColor: GREEN, backgroundColor: GREEN, yAxisID: 'rate', spanGaps: true, tension: 0.2 },
          { type: 'bar', label: t('reports.entriesOverTime'), data: days.map((d) => d.entries),
            backgroundColor: 'rgba(11, 83, 148, 0.25)', yAxisID: 'count' },
        ],
      },
      options: { maintainAspectRatio: false, animation: false,
        scales: {
          rate: { position: 'left', min: 0, max: 100, ticks: { callback: (v) => v + '%' } },
          count: { position: 'right', beginAtZero: true, grid: { drawOnChartArea: false }, ticks: { precision: 0 } },
        } },
    }));
    const split = STATUSES.map((s) => total.bluezone[s] || 0);
    if (split.some((n) => n > 0)) {
      charts.push(new Chart(chartBox(t('reports.bluezoneSplit')), {
        type: 'doughnut',
        data: { labels: STATUSES.map((s) => t('bz.' + s)), datasets: [{ data: split, backgroundColor: STATUS_COLOURS }] },
        options: { maintainAspectRatio: false, animation: false, plugins: { legend: { position: 'right' } } },
      }));
    }
  }

  form.addEventListener('submit', (ev) => { ev.preventDefault(); load(); });
  for (const button of [csv, xlsx]) {
    button.addEventListener('click', () => busy(button, ctx, async () => {
      const f = button.dataset.export;
      const name = await download('GET', `/api/v1/reports/daily.${f}` + query(params()), undefined, 'report.' + f);
      ctx.toast(t('common.downloaded', { name }));
    }));
  }
  load();
  return () => charts.forEach((c) => c.destroy());
}
