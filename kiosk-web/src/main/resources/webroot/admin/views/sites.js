// Sites (create, edit: opening hours, capacity, longest stay, poster code), posters, and each site's kiosks.
import { t } from '../../app/i18n.js';
import { api, download } from '../../shared/session.js';
import { h, clear, field, select, table, td, badge, dateTime, number } from '../../shared/dom.js';
import { heading, busy, KINDS } from './common.js';
import '../strings-targets.js';

export function render(main, ctx) {
  const create = h('button', { type: 'button', className: 'primary', hidden: !ctx.is('admin', 'officer') }, t('sites.new'));
  main.append(heading('sites.title', create));
  const list = h('div', { className: 'results' });
  const editor = h('div', {});
  const kiosks = h('section', { className: 'kiosks' });
  main.append(list, editor, kiosks);
  create.addEventListener('click', () => edit(null));

  function renderList() {
    clear(list).append(ctx.sites.length ? table([t('sites.name'), t('sites.kind'), t('sites.district'),
      [t('sites.capacity'), 'num'], [t('sites.maxStayShort'), 'num'], t('sites.hours'), t('sites.posterShort'), ''], ctx.sites.map((s) => h('tr', { dataset: { site: s.id } },
      td(h('strong', {}, s.name)), td(t('kind.' + s.kind)), td(s.district + ', ' + s.province),
      td(s.capacity ? number(s.capacity) : '—', 'num'), td(number(s.maxStayMinutes), 'num'),
      td(s.openingHours ? s.openingHours.opens + '–' + s.openingHours.closes : t('sites.alwaysOpen')),
      td(s.posterEnabled ? badge(t('sites.posterOn'), 'ok') : badge(t('sites.posterOff'), 'plain')),
      td(h('div', { className: 'row-actions' },
        h('button', { type: 'button', className: 'secondary', onclick: () => edit(s) }, t('common.edit')),
        h('button', { type: 'button', className: 'secondary', dataset: { kiosks: s.id }, onclick: () => showKiosks(s) }, t('sites.showKiosks')),
        posterButton(s)))))) : h('p', { className: 'empty' }, t('common.noSites')));
  }

  function posterButton(s) {
    const b = h('button', { type: 'button', className: 'secondary', dataset: { poster: s.id } }, t('sites.printPoster'));
    b.addEventListener('click', () => busy(b, ctx, async () => {
      const name = await download('GET', `/api/v1/sites/${s.id}/poster.pdf`, undefined, `poster-${s.id}.pdf`);
      ctx.toast(t('common.downloaded', { name }));
    }));
    return b;
  }

  function edit(s) {
    const isNew = !s;
    const v = s || { kind: 'office', province: ctx.me.province || '', district: ctx.me.district || '', maxStayMinutes: 720,
      timeZone: 'Asia/Ho_Chi_Minh', posterEnabled: true };
    const name = h('input', { name: 'name', required: true, maxLength: 200, value: v.name || '' });
    const kind = select('kind', KINDS.map((k) => [k, t('kind.' + k)]), v.kind);
    const province = h('input', { name: 'province', required: true, maxLength: 100, value: v.province || '' });
    const district = h('input', { name: 'district', required: true, maxLength: 100, value: v.district || '' });
    // A manager cannot move a site, an officer only within their area (the server refuses the rest).
    province.readOnly = ctx.me.role === 'manager' || !!ctx.me.province;
    district.readOnly = ctx.me.role === 'manager' || !!ctx.me.district;
    const address = h('input', { name: 'address', maxLength: 300, value: v.address || '' });
    const capacity = h('input', { name: 'capacity', type: 'number', min: 1, max: 1000000, value: v.capacity || '' });
    const maxStay = h('input', { name: 'maxStayMinutes', type: 'number', min: 1, max: 10080, required: true, value: v.maxStayMinutes });
    const always = h('input', { type: 'checkbox', name: 'alwaysOpen', checked: !v.openingHours });
    const opens = h('input', { type: 'time', name: 'opens', value: v.openingHours ? v.openingHours.opens : '07:00' });
    const closes = h('input', { type: 'time', name: 'closes', value: v.openingHours ? v.openingHours.closes : '17:30' });
    const zone = h('input', { name: 'timeZone', maxLength: 64, value: v.timeZone || 'Asia/Ho_Chi_Minh' });
    const poster = h('input', { type: 'checkbox', name: 'posterEnabled', checked: v.posterEnabled });
    // Who answers for the visitors' data (the notice names them); empty: the site itself.
    const controller = h('input', { name: 'controller', maxLength: 200, value: v.controller || '', placeholder: v.name || '' });
    const keepBirth = h('input', { type: 'checkbox', name: 'cccdBirthDate', checked: !!v.cccdBirthDate });
    const keepAddress = h('input', { type: 'checkbox', name: 'cccdAddress', checked: !!v.cccdAddress });
    const hoursFields = h('div', { className: 'inline-fields' }, field(t('sites.opens'), opens), field(t('sites.closes'), closes));
    const syncHours = () => { hoursFields.hidden = always.checked; };
    always.addEventListener('change', syncHours);
    syncHours();
    const save = h('button', { type: 'submit', className: 'primary' }, isNew ? t('common.create') : t('common.save'));
    const cancel = h('button', { type: 'button', className: 'secondary', onclick: () => clear(editor) }, t('common.cancel'));
    const form = h('form', { className: 'card editor site-editor' },
      h('h2', {}, isNew ? t('sites.new') : v.name),
      h('div', { className: 'grid' }, field(t('sites.name'), name, 'wide'), field(t('sites.kind'), kind),
        field(t('sites.province'), province), field(t('sites.district'), district), field(t('sites.address'), address, 'wide'),
        field(t('sites.capacity'), capacity), field(t('sites.maxStay'), maxStay), field(t('sites.timeZone'), zone),
        field(t('sites.controller'), controller, 'wide')),
      h('fieldset', {}, h('legend', {}, t('sites.hours')),
        h('label', { className: 'check' }, always, ' ', t('sites.alwaysOpen')), hoursFields),
      h('label', { className: 'check' }, poster, ' ', t('sites.poster')),
      h('fieldset', {}, h('legend', {}, t('sites.cccd')),
        h('label', { className: 'check' }, keepBirth, ' ', t('sites.cccdBirthDate')),
        h('label', { className: 'check' }, keepAddress, ' ', t('sites.cccdAddress'))),
      h('div', { className: 'actions' }, save, cancel));
    form.addEventListener('submit', (ev) => {
      ev.preventDefault();
      const b = {
        name: name.value.trim(), kind: kind.value, province: province.value.trim(), district: district.value.trim(),
        address: address.value.trim(), capacity: capacity.value ? Number(capacity.value) : null,
        maxStayMinutes: Number(maxStay.value), timeZone: zone.value.trim() || 'Asia/Ho_Chi_Minh',
        posterEnabled: poster.checked, openingHours: always.checked ? null : { opens: opens.value, closes: closes.value },
        controller: controller.value.trim() || null, cccdBirthDate: keepBirth.checked, cccdAddress: keepAddress.checked,
      };
      busy(save, ctx, async () => {
        if (isNew) await api('POST', '/api/v1/sites', b);
        else await api('PATCH', `/api/v1/sites/${v.id}`, b);
        await ctx.reloadSites();
        clear(editor);
        renderList();
        ctx.toast(t('common.saved'));
      });
    });
    clear(editor).append(form);
    name.focus();
  }

  async function showKiosks(s) {
    ctx.siteId = s.id;
    clear(kiosks).append(h('h2', {}, t('sites.kiosks', { name: s.name })), h('p', { className: 'muted' }, t('common.loading')));
    let items;
    try {
      items = (await api('GET', `/api/v1/sites/${s.id}/kiosks`)).items;
    } catch (e) {
      ctx.fail(e);
      return;
    }
    const body = items.length ? table([t('kiosks.name'), t('kiosks.kind'), t('kiosks.gate'), t('kiosks.mode'), t('kiosks.status'),
      t('kiosks.lastSeen'), ''], items.map((k) => kioskRow(s, k))) : h('p', { className: 'empty' }, t('kiosks.none'));
    const name = h('input', { name: 'kioskName', required: true, maxLength: 100 });
    const gate = h('input', { name: 'gate', maxLength: 100 });
    const mode = select('mode', [['both', t('kiosks.mode.both')], ['entry', t('kiosks.mode.entry')], ['exit', t('kiosks.mode.exit')]], 'both');
    // a public screen shows the code and the posters; its code goes either way, so it has no direction
    const kind = select('kind', [['kiosk', t('kiosks.kind.kiosk')], ['signage', t('kiosks.kind.signage')]], 'kiosk');
    kind.addEventListener('change', () => { mode.disabled = kind.value === 'signage'; });
    const add = h('button', { type: 'submit', className: 'primary' }, t('kiosks.new'));
    const code = h('div', { className: 'pairing', attrs: { 'aria-live': 'polite' } });
    const form = h('form', { className: 'filters' }, field(t('kiosks.name'), name), field(t('kiosks.kind'), kind),
      field(t('kiosks.gate'), gate), field(t('kiosks.mode'), mode), h('div', { className: 'actions' }, add));
    form.addEventListener('submit', (ev) => {
      ev.preventDefault();
      busy(add, ctx, async () => {
        const screen = kind.value === 'signage';
        const k = await api('POST', `/api/v1/sites/${s.id}/kiosks`, { name: name.value.trim(), gate: gate.value.trim(),
          kind: kind.value, mode: screen ? 'both' : mode.value });
        await showKiosks(s);
        kiosks.querySelector('.pairing').append(h('p', {}, t(screen ? 'kiosks.screenCode' : 'kiosks.pairingCode')),
          h('p', { className: 'code' }, k.pairingCode));
      });
    });
    clear(kiosks).append(h('h2', {}, t('sites.kiosks', { name: s.name })), body, form, code);
  }

  function kioskRow(s, k) {
    const status = k.revoked ? badge(t('kiosks.revoked'), 'plain') : !k.paired ? badge(t('kiosks.unpaired'), 'plain')
      : k.online ? badge(t('kiosks.online'), 'ok') : badge(t('kiosks.offline'), 'warn');
    const nameInput = h('input', { value: k.name, maxLength: 100, attrs: { 'aria-label': t('kiosks.name') } });
    const rename = h('button', { type: 'button', className: 'secondary' }, t('kiosks.rename'));
    rename.addEventListener('click', () => busy(rename, ctx, async () => {
      await api('PATCH', `/api/v1/kiosks/${k.id}`, { name: nameInput.value.trim() });
      ctx.toast(t('common.saved'));
    }));
    // Two clicks to revoke: a kiosk taken away by mistake has to be paired again.
    const revoke = h('button', { type: 'button', className: 'danger', hidden: k.revoked }, t('kiosks.revoke'));
    revoke.addEventListener('click', () => {
      if (!revoke.dataset.armed) {
        revoke.dataset.armed = '1';
        revoke.textContent = t('kiosks.revoke') + '?';
        return;
      }
      busy(revoke, ctx, async () => {
        await api('POST', `/api/v1/kiosks/${k.id}/revoke`);
        await showKiosks(s);
      });
    });
    return h('tr', { dataset: { kiosk: k.id, kind: k.kind } }, td(h('div', { className: 'inline-edit' }, nameInput, rename)),
      td(t('kiosks.kind.short.' + (k.kind || 'kiosk'))), td(k.gate || ''),
      td(k.kind === 'signage' ? '—' : t('kiosks.mode.' + k.mode)), td(status), td(k.lastSeenAt ? dateTime(k.lastSeenAt, s.timeZone) : '—', 'nowrap'),
      td(revoke));
  }

  renderList();
  return null;
}
