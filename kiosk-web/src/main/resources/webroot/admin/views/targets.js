// Install-rate targets: set for a province or a district, each district's progress day by day against them
// (Chart.js, the target as a dashed line), and the report of results as a PDF for sending upward.
import '../strings-targets.js';
import { t } from '../../app/i18n.js';
import { api, download, query } from '../../shared/session.js';
import { h, clear, field, table, td, badge, day, addDays, percent, dateTime } from '../../shared/dom.js';
import { heading, busy } from './common.js';

const COLOURS = ['#0b5394', '#17733a', '#a94a07', '#6a1b9a', '#b3261e', '#00796b', '#5d4037', '#455a64'];
const norm = (s) => (s || '').normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase();

/** The target a district works to: its own, else its province's; null when there is none. */
export function targetFor(targets, province, district) {
  return targets.find((x) => norm(x.province) === norm(province) && x.district && norm(x.district) === norm(district))
    || targets.find((x) => norm(x.province) === norm(province) && !x.district) || null;
}

const ddmmyyyy = (ymd) => ymd.split('-').reverse().join('/');

/** "60% · 30/09/2021" with a reached / not reached badge, for a table cell; a dash without a target. */
export function targetCell(target, rate) {
  if (!target) return '—';
  const reached = rate !== null && rate !== undefined && rate >= target.rate;
  return [percent(target.rate) + ' · ' + ddmmyyyy(target.dueOn), ' ',
    rate === null || rate === undefined ? null
      : badge(reached ? t('targets.reached') : t('targets.notReached'), reached ? 'ok' : 'warn')];
}

export function render(main, ctx) {
  main.append(heading('targets.title'), h('p', { className: 'muted' }, t('targets.lead')));
  const canSet = ctx.is('admin', 'officer');
  const province = h('input', { name: 'province', maxLength: 100, value: ctx.me.province || (ctx.sites[0] || {}).province || '' });
  const district = h('input', { name: 'district', maxLength: 100, value: ctx.me.district || '' });
  const from = h('input', { type: 'date', name: 'from', value: addDays(day(0), -29), max: day(0) });
  const to = h('input', { type: 'date', name: 'to', value: day(0), max: day(1) });
  const apply = h('button', { type: 'submit', className: 'primary' }, t('common.apply'));
  const filters = h('form', { className: 'filters' }, field(t('targets.province'), province), field(t('rollup.district'), district),
    field(t('targets.from'), from), field(t('targets.to'), to), h('div', { className: 'actions' }, apply));
  const chartBox = h('div', { className: 'charts' });
  const progress = h('div', { className: 'results' });
  const list = h('div', { className: 'results' });
  main.append(filters, chartBox, h('h2', {}, t('targets.progress')), progress, h('h2', {}, t('nav.targets')), list);
  if (canSet) main.append(setForm());
  main.append(pdfForm());

  let chart = null;
  let targets = [];
  const area = () => ({ province: province.value.trim(), district: district.value.trim() });

  async function load() {
    try {
      const [tg, series] = await Promise.all([api('GET', '/api/v1/targets'),
        api('GET', '/api/v1/reports/days' + query({ groupBy: 'district', ...area(), from: from.value, to: to.value }))]);
      targets = tg.items;
      const districts = districtsOf(series.days);
      renderTargets();
      renderChart(series.days, districts);
      renderProgress(series.days, districts);
    } catch (e) {
      ctx.fail(e);
    }
  }

  function districtsOf(days) {
    const seen = new Map();
    for (const d of days) for (const a of d.areas || []) seen.set(a.province + '\u0000' + a.district, { province: a.province, district: a.district });
    return [...seen.values()].sort((a, b) => (a.province + a.district).localeCompare(b.province + b.district, 'vi'));
  }

  const rateOf = (d, a) => {
    const x = (d.areas || []).find((y) => y.province === a.province && y.district === a.district);
    return x ? x.installRate : null;
  };

  function renderChart(days, districts) {
    if (chart) chart.destroy();
    chart = null;
    clear(chartBox);
    if (!window.Chart || !districts.length) return;
    const canvas = h('canvas', { attrs: { role: 'img', 'aria-label': t('targets.chart') } });
    chartBox.append(h('figure', { className: 'card chart' }, h('figcaption', {}, t('targets.chart')),
      h('div', { className: 'chart-area' }, canvas)));
    const datasets = [];
    districts.forEach((a, i) => {
      const colour = COLOURS[i % COLOURS.length];
      datasets.push({ label: a.district, data: days.map((d) => { const r = rateOf(d, a); return r === null ? null : r * 100; }),
        borderColor: colour, backgroundColor: colour, spanGaps: true, tension: 0.2 });
      const target = targetFor(targets, a.province, a.district);
      if (target) {
        datasets.push({ label: t('targets.targetOf', { name: a.district }), data: days.map(() => target.rate * 100),
          borderColor: colour, borderDash: [8, 5], borderWidth: 2, pointRadius: 0, fill: false });
      }
    });
    chart = new window.Chart(canvas, {
      type: 'line',
      data: { labels: days.map((d) => d.date.slice(5).split('-').reverse().join('/')), datasets },
      options: { maintainAspectRatio: false, animation: false,
        scales: { y: { min: 0, max: 100, ticks: { callback: (v) => v + '%' } } } },
    });
  }

  function renderProgress(days, districts) {
    const last = days[days.length - 1];
    if (!last || !districts.length) {
      clear(progress).append(h('p', { className: 'empty' }, t('common.none')));
      return;
    }
    const rows = districts.map((a) => {
      const rate = rateOf(last, a);
      const target = targetFor(targets, a.province, a.district);
      const left = target ? Math.round((Date.parse(target.dueOn) - Date.parse(last.date)) / 86_400_000) : null;
      const gap = target && rate !== null && rate < target.rate ? percent(target.rate - rate) : '—';
      return h('tr', { dataset: { district: a.district } }, td(a.district), td(a.province), td(percent(rate), 'num'),
        td(targetCell(target, rate)), td(gap, 'num'),
        td(left === null ? '—' : left < 0 ? badge(t('targets.overdue'), 'warn') : t('targets.days', { n: left }), 'num'));
    });
    clear(progress).append(table([t('rollup.district'), t('rollup.province'), [t('targets.today'), 'num'], t('targets.target'),
      [t('targets.gap'), 'num'], [t('targets.daysLeft'), 'num']], rows));
  }

  function renderTargets() {
    clear(list).append(targets.length ? table([t('targets.area'), [t('targets.rate'), 'num'], t('targets.dueOn'),
      t('targets.setAt'), ''], targets.map((x) => {
      const remove = h('button', { type: 'button', className: 'danger', hidden: !canSet }, t('targets.remove'));
      remove.addEventListener('click', () => busy(remove, ctx, async () => {
        await api('DELETE', `/api/v1/targets/${x.id}`);
        await load();
      }));
      return h('tr', { dataset: { target: x.id } }, td((x.district ? x.district + ', ' : t('targets.wholeProvince') + ' ') + x.province),
        td(percent(x.rate), 'num'), td(ddmmyyyy(x.dueOn)), td(dateTime(x.setAt), 'nowrap'), td(remove));
    })) : h('p', { className: 'empty' }, t('targets.none')));
  }

  function setForm() {
    const p = h('input', { name: 'targetProvince', required: true, maxLength: 100, value: ctx.me.province || province.value });
    const d = h('input', { name: 'targetDistrict', maxLength: 100, value: ctx.me.district || '' });
    p.readOnly = !!ctx.me.province;
    d.readOnly = !!ctx.me.district;
    const rate = h('input', { name: 'rate', type: 'number', min: 1, max: 100, step: 0.1, required: true, value: 60 });
    const due = h('input', { name: 'dueOn', type: 'date', required: true, value: addDays(day(0), 30) });
    const save = h('button', { type: 'submit', className: 'primary' }, t('targets.set'));
    const form = h('form', { className: 'card editor target-editor' }, h('h2', {}, t('targets.set')),
      h('div', { className: 'grid' }, field(t('targets.province'), p), field(t('targets.district'), d),
        field(t('targets.rate'), rate), field(t('targets.dueOn'), due)), h('div', { className: 'actions' }, save));
    form.addEventListener('submit', (ev) => {
      ev.preventDefault();
      const b = { province: p.value.trim(), rate: Math.round(Number(rate.value) * 10) / 1000, dueOn: due.value };
      if (d.value.trim()) b.district = d.value.trim();
      busy(save, ctx, async () => {
        await api('POST', '/api/v1/targets', b);
        ctx.toast(t('common.saved'));
        await load();
      });
    });
    return form;
  }

  function pdfForm() {
    const date = h('input', { type: 'date', name: 'pdfDate', value: day(0), max: day(1) });
    const number = h('input', { name: 'number', maxLength: 120 });
    const issuer = h('input', { name: 'issuer', maxLength: 120 });
    const signerTitle = h('input', { name: 'signerTitle', maxLength: 120 });
    const signer = h('input', { name: 'signer', maxLength: 120 });
    const go = h('button', { type: 'submit', className: 'primary', dataset: { export: 'pdf' } }, t('targets.pdf.download'));
    const form = h('form', { className: 'card editor pdf-editor' }, h('h2', {}, t('targets.pdf')),
      h('p', { className: 'muted' }, t('targets.pdf.lead')),
      h('div', { className: 'grid' }, field(t('targets.pdf.date'), date), field(t('targets.pdf.number'), number),
        field(t('targets.pdf.issuer'), issuer, 'wide'), field(t('targets.pdf.signerTitle'), signerTitle),
        field(t('targets.pdf.signer'), signer)), h('div', { className: 'actions' }, go));
    form.addEventListener('submit', (ev) => {
      ev.preventDefault();
      busy(go, ctx, async () => {
        const name = await download('GET', '/api/v1/reports/daily.pdf' + query({ date: date.value, ...area(),
          number: number.value.trim(), issuer: issuer.value.trim(), signerTitle: signerTitle.value.trim(),
          signer: signer.value.trim() }), undefined, 'bao-cao.pdf');
        ctx.toast(t('common.downloaded', { name }));
      });
    });
    return form;
  }

  filters.addEventListener('submit', (ev) => { ev.preventDefault(); load(); });
  load();
  return () => { if (chart) chart.destroy(); };
}
