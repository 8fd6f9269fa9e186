// Poster campaigns shown on the kiosks' idle screens and the public screens: for a province, a district or one
// site, between two days, and if wished only on some days of the week and hours of the day.
import '../strings-targets.js';
import { t } from '../../app/i18n.js';
import { api, upload } from '../../shared/session.js';
import { h, clear, field, select, table, td, badge, day, addDays } from '../../shared/dom.js';
import { heading, busy } from './common.js';

const DAYS = [1, 2, 3, 4, 5, 6, 7];

/** The schedule fields: a box per weekday, from and until; read() gives the wire form (null: always). */
function scheduleFields(s) {
  // defaultChecked, so that the form's reset() ticks them again
  const days = DAYS.map((d) => h('input', { type: 'checkbox', name: 'day' + d, value: d,
    defaultChecked: !s || !s.days || s.days.includes(d) }));
  const from = h('input', { type: 'time', name: 'from', value: (s && s.from) || '' });
  const until = h('input', { type: 'time', name: 'until', value: (s && s.until && s.until !== '24:00') ? s.until : '' });
  const box = h('fieldset', { className: 'schedule' }, h('legend', {}, t('schedule.title')),
    h('div', { className: 'inline-fields' }, days.map((c, i) => h('label', { className: 'check' }, c, ' ', t('day.' + DAYS[i])))),
    h('div', { className: 'inline-fields' }, field(t('schedule.from'), from), field(t('schedule.until'), until)));
  box.read = () => {
    const chosen = days.filter((c) => c.checked).map((c) => Number(c.value));
    const out = {};
    if (chosen.length < 7) out.days = chosen;
    // an end left empty after a start means "to the end of the day"
    if (from.value) { out.from = from.value; out.until = until.value || '24:00'; } else if (until.value) { out.from = '00:00'; out.until = until.value; }
    return Object.keys(out).length ? out : null;
  };
  return box;
}

/** "T2, T3 · 07:00–11:30", "Mọi ngày · Cả ngày". */
function scheduleText(s) {
  const days = s && s.days ? s.days.map((d) => t('day.' + d)).join(', ') : t('schedule.everyDay');
  const hours = s && s.from ? s.from + '–' + s.until : t('schedule.allDay');
  return days + ' · ' + hours;
}

export function render(main, ctx) {
  main.append(heading('campaigns.title'));
  const list = h('div', { className: 'results' });
  const editor = h('div', {});
  const title = h('input', { name: 'title', required: true, maxLength: 200 });
  // Without a site a campaign is for the caller's whole area: their district, their province, or everywhere.
  const area = [ctx.me.district, ctx.me.province].filter((x) => x).join(', ');
  const choices = ctx.me.role === 'manager' ? [] : [['', area || '—']];
  const where = select('siteId', [...choices, ...ctx.sites.map((s) => [s.id, s.name])], ctx.sites.length === 1 ? ctx.sites[0].id : '');
  const starts = h('input', { type: 'date', name: 'startsOn', required: true, value: day(0) });
  const ends = h('input', { type: 'date', name: 'endsOn', required: true, value: addDays(day(0), 30) });
  const file = h('input', { type: 'file', name: 'image', accept: 'image/png,image/jpeg' });
  const schedule = scheduleFields(null);
  const save = h('button', { type: 'submit', className: 'primary' }, t('common.create'));
  const form = h('form', { className: 'card editor' }, h('h2', {}, t('campaigns.new')),
    h('div', { className: 'grid' }, field(t('campaigns.name'), title, 'wide'), field(t('campaigns.where'), where),
      field(t('campaigns.startsOn'), starts), field(t('campaigns.endsOn'), ends), field(t('campaigns.image'), file, 'wide')),
    schedule, h('div', { className: 'actions' }, save));
  main.append(form, editor, list);

  async function load() {
    try {
      const items = (await api('GET', '/api/v1/campaigns')).items;
      clear(list).append(items.length ? table([t('campaigns.name'), t('campaigns.where'), t('campaigns.startsOn'),
        t('campaigns.endsOn'), t('schedule.title'), '', ''], items.map((c) => h('tr', { dataset: { campaign: c.id } },
        td(h('strong', {}, c.title)),
        td(c.siteId ? (ctx.site(c.siteId) || { name: '#' + c.siteId }).name : [c.district, c.province].filter((x) => x).join(', ')),
        td(c.startsOn), td(c.endsOn), td(scheduleText(c.schedule), 'schedule-cell'),
        td(c.hasImage ? badge(t('campaigns.hasImage'), 'ok') : badge(t('campaigns.noImage'), 'warn')),
        td(h('button', { type: 'button', className: 'secondary', dataset: { edit: c.id }, onclick: () => edit(c) }, t('schedule.edit'))))))
        : h('p', { className: 'empty' }, t('common.none')));
    } catch (e) {
      ctx.fail(e);
    }
  }

  function edit(c) {
    const name = h('input', { name: 'title', required: true, maxLength: 200, value: c.title });
    const from = h('input', { type: 'date', name: 'startsOn', required: true, value: c.startsOn });
    const to = h('input', { type: 'date', name: 'endsOn', required: true, value: c.endsOn });
    const fields = scheduleFields(c.schedule);
    const store = h('button', { type: 'submit', className: 'primary' }, t('schedule.save'));
    const cancel = h('button', { type: 'button', className: 'secondary', onclick: () => clear(editor) }, t('common.cancel'));
    const f = h('form', { className: 'card editor campaign-editor', dataset: { campaign: c.id } }, h('h2', {}, c.title),
      h('div', { className: 'grid' }, field(t('campaigns.name'), name, 'wide'), field(t('campaigns.startsOn'), from),
        field(t('campaigns.endsOn'), to)), fields, h('div', { className: 'actions' }, store, cancel));
    f.addEventListener('submit', (ev) => {
      ev.preventDefault();
      busy(store, ctx, async () => {
        await api('PATCH', `/api/v1/campaigns/${c.id}`, { title: name.value.trim(), startsOn: from.value, endsOn: to.value,
          schedule: fields.read() });
        clear(editor);
        ctx.toast(t('common.saved'));
        await load();
      });
    });
    clear(editor).append(f);
    name.focus();
  }

  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    const b = { title: title.value.trim(), startsOn: starts.value, endsOn: ends.value };
    const s = schedule.read();
    if (s) b.schedule = s;
    if (where.value) b.siteId = Number(where.value);
    else if (ctx.me.province) {
      b.province = ctx.me.province;
      if (ctx.me.district) b.district = ctx.me.district;
    }
    busy(save, ctx, async () => {
      const c = await api('POST', '/api/v1/campaigns', b);
      if (file.files[0]) await upload(`/api/v1/campaigns/${c.id}/image`, await file.files[0].arrayBuffer());
      form.reset();
      ctx.toast(t('common.saved'));
      await load();
    });
  });
  load();
  return null;
}
