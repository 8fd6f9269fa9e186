// Poster campaigns shown on the kiosks' idle screens: for a province, a district or one site, between two days.
import { t } from '../../app/i18n.js';
import { api, upload } from '../api.js';
import { h, clear, field, select, table, td, badge, day, addDays } from '../dom.js';
import { heading, busy } from './common.js';

export function render(main, ctx) {
  main.append(heading('campaigns.title'));
  const list = h('div', { className: 'results' });
  const title = h('input', { name: 'title', required: true, maxLength: 200 });
  // Without a site a campaign is for the caller's whole area: their district, their province, or everywhere.
  const area = [ctx.me.district, ctx.me.province].filter((x) => x).join(', ');
  const choices = ctx.me.role === 'manager' ? [] : [['', area || '—']];
  const where = select('siteId', [...choices, ...ctx.sites.map((s) => [s.id, s.name])], ctx.sites.length === 1 ? ctx.sites[0].id : '');
  const starts = h('input', { type: 'date', name: 'startsOn', required: true, value: day(0) });
  const ends = h('input', { type: 'date', name: 'endsOn', required: true, value: addDays(day(0), 30) });
  const file = h('input', { type: 'file', name: 'image', accept: 'image/png,image/jpeg' });
  const save = h('button', { type: 'submit', className: 'primary' }, t('common.create'));
  const form = h('form', { className: 'card editor' }, h('h2', {}, t('campaigns.new')),
    h('div', { className: 'grid' }, field(t('campaigns.name'), title, 'wide'), field(t('campaigns.where'), where),
      field(t('campaigns.startsOn'), starts), field(t('campaigns.endsOn'), ends), field(t('campaigns.image'), file, 'wide')),
    h('div', { className: 'actions' }, save));
  main.append(form, list);

  async function load() {
    try {
      const items = (await api('GET', '/api/v1/campaigns')).items;
      clear(list).append(items.length ? table([t('campaigns.name'), t('campaigns.where'), t('campaigns.startsOn'),
        t('campaigns.endsOn'), ''], items.map((c) => h('tr', {}, td(h('strong', {}, c.title)),
        td(c.siteId ? (ctx.site(c.siteId) || { name: '#' + c.siteId }).name : [c.district, c.province].filter((x) => x).join(', ')),
        td(c.startsOn), td(c.endsOn),
        td(c.hasImage ? badge(t('campaigns.hasImage'), 'ok') : badge(t('campaigns.noImage'), 'warn')))))
        : h('p', { className: 'empty' }, t('common.none')));
    } catch (e) {
      ctx.fail(e);
    }
  }

  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    const b = { title: title.value.trim(), startsOn: starts.value, endsOn: ends.value };
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
