// Legal holds: while a trace runs or an authority has asked in writing, a person's data (or everyone's at a
// site in a period) is kept; deletion requests are refused until the hold ends or is released.
import { t } from '../../app/i18n.js';
import { api } from '../../shared/session.js';
import { h, clear, field, select, table, td, badge, dateTime, day, addDays, isoToLocal, localToIso, VN } from '../../shared/dom.js';
import { heading, busy, sitePicker } from './common.js';
import { dmy } from './privacy.js';

export function render(main, ctx) {
  main.append(heading('pd.holds.title'), h('p', { className: 'lead' }, t('pd.holds.lead')));
  const list = h('div', { className: 'results' });
  main.append(form(), list);

  function form() {
    const site = sitePicker(ctx, () => {});
    const kind = select('kind', [['trace', t('pd.holds.kind.trace')], ['authority', t('pd.holds.kind.authority')]], 'trace');
    const reference = h('input', { name: 'reference', required: true, maxLength: 200 });
    const authority = h('input', { name: 'authority', maxLength: 200 });
    const until = h('input', { name: 'until', type: 'date', required: true, value: addDays(day(), 14) });
    const who = h('input', { name: 'who', maxLength: 30, autocomplete: 'off' });
    const now = new Date();
    const from = h('input', { name: 'from', type: 'datetime-local', value: isoToLocal(new Date(now.getTime() - 14 * 86_400_000), VN) });
    const to = h('input', { name: 'to', type: 'datetime-local', value: isoToLocal(now, VN) });
    const save = h('button', { type: 'submit', className: 'primary' }, t('pd.holds.new'));
    const f = h('form', { className: 'card editor', dataset: { hold: 'new' } }, h('h2', {}, t('pd.holds.new')),
      h('div', { className: 'grid' }, field(t('common.site'), site), field(t('pd.holds.kind'), kind),
        field(t('pd.holds.reference'), reference), field(t('pd.holds.authority'), authority), field(t('pd.holds.until'), until),
        field(t('pd.holds.who'), who, 'wide'), field(t('pd.holds.from'), from), field(t('pd.holds.to'), to)),
      h('div', { className: 'actions' }, save));
    f.addEventListener('submit', (ev) => {
      ev.preventDefault();
      const b = { siteId: Number(site.value), kind: kind.value, reference: reference.value.trim(), until: until.value };
      if (authority.value.trim()) b.authority = authority.value.trim();
      const w = who.value.replace(/\s/g, '');
      if (w) b[/^\d{9}$|^\d{12}$/.test(w) ? 'idNumber' : 'phone'] = w;
      else { b.from = localToIso(from.value, VN); b.to = localToIso(to.value, VN); }
      busy(save, ctx, async () => {
        await api('POST', '/api/v1/privacy/holds', b);
        ctx.toast(t('common.saved'));
        reference.value = '';
        who.value = '';
        await load();
      });
    });
    return f;
  }

  async function load() {
    let items;
    try {
      items = (await api('GET', '/api/v1/privacy/holds')).items;
    } catch (e) {
      ctx.fail(e);
      return;
    }
    clear(list).append(items.length ? table([t('common.site'), t('pd.holds.kind'), t('pd.holds.reference'),
      t('pd.holds.who').split(' (')[0], t('pd.holds.until'), ''], items.map(row)) : h('p', { className: 'empty' }, t('pd.holds.none')));
  }

  function row(x) {
    const release = h('button', { type: 'button', className: 'secondary', hidden: !x.active }, t('pd.holds.release'));
    release.addEventListener('click', () => busy(release, ctx, async () => {
      await api('POST', `/api/v1/privacy/holds/${x.id}/release`);
      await load();
    }));
    const scope = x.visitorId ? t('pd.holds.person') : t('pd.holds.period', { from: dateTime(x.from), to: dateTime(x.to) });
    return h('tr', { dataset: { hold: x.id, active: String(x.active) } },
      td((ctx.site(x.siteId) || { name: '#' + x.siteId }).name), td(t('pd.holds.kind.' + x.kind)),
      td([h('strong', {}, x.reference), x.authority ? h('div', { className: 'small muted' }, x.authority) : null]),
      td(scope), td([dmy(x.until), ' ', x.active ? badge(t('pd.holds.active'), 'warn') : badge(t('pd.holds.ended'), 'plain')]),
      td(release));
  }

  load();
  return null;
}
