// The admin's user management: roles, areas, site scopes, disabling.
import { t } from '../../app/i18n.js';
import { api } from '../api.js';
import { h, clear, field, select, table, td, badge } from '../dom.js';
import { heading, busy } from './common.js';

const ROLES = ['manager', 'guard', 'officer', 'admin'];

export function render(main, ctx) {
  const create = h('button', { type: 'button', className: 'primary' }, t('users.new'));
  main.append(heading('users.title', create));
  const editor = h('div', {});
  const list = h('div', { className: 'results' });
  main.append(editor, list);
  create.addEventListener('click', () => newUser());

  function siteChecks(chosen) {
    const box = h('div', { className: 'checks' });
    for (const s of ctx.sites) {
      box.append(h('label', { className: 'check' },
        h('input', { type: 'checkbox', value: String(s.id), checked: chosen.includes(s.id) }), ' ', s.name));
    }
    box.values = () => [...box.querySelectorAll('input:checked')].map((i) => Number(i.value));
    return box;
  }

  function siteNames(ids) {
    return ids.map((id) => (ctx.site(id) || { name: '#' + id }).name).join(', ');
  }

  async function load() {
    try {
      const users = (await api('GET', '/api/v1/users')).items;
      clear(list).append(table([t('users.username'), t('users.role'), t('users.area'), t('users.sites'), ''],
        users.map((u) => row(u))));
    } catch (e) {
      ctx.fail(e);
    }
  }

  function row(u) {
    const toggle = h('button', { type: 'button', className: u.disabled ? 'secondary' : 'danger', hidden: u.id === ctx.me.id },
      u.disabled ? t('users.enable') : t('users.disable'));
    toggle.addEventListener('click', () => busy(toggle, ctx, async () => {
      await api('PATCH', `/api/v1/users/${u.id}`, { disabled: !u.disabled });
      await load();
    }));
    const scope = h('button', { type: 'button', className: 'secondary', hidden: !['manager', 'guard', 'officer'].includes(u.role) },
      t('users.editSites'));
    scope.addEventListener('click', () => editSites(u));
    return h('tr', { dataset: { user: u.id } }, td(h('strong', {}, u.username)), td(t('role.' + u.role)),
      td([u.district, u.province].filter((x) => x).join(', ')),
      td([siteNames(u.siteIds), u.disabled ? [' ', badge(t('users.disabled'), 'warn')] : null]),
      td(h('div', { className: 'row-actions' }, scope, toggle)));
  }

  function editSites(u) {
    const checks = siteChecks(u.siteIds);
    const save = h('button', { type: 'submit', className: 'primary' }, t('common.save'));
    const form = h('form', { className: 'card editor' }, h('h2', {}, t('users.editSites') + ': ' + u.username), checks,
      h('div', { className: 'actions' }, save, h('button', { type: 'button', className: 'secondary', onclick: () => clear(editor) },
        t('common.cancel'))));
    form.addEventListener('submit', (ev) => {
      ev.preventDefault();
      busy(save, ctx, async () => {
        await api('PATCH', `/api/v1/users/${u.id}`, { siteIds: checks.values() });
        clear(editor);
        ctx.toast(t('common.saved'));
        await load();
      });
    });
    clear(editor).append(form);
  }

  function newUser() {
    const username = h('input', { name: 'username', required: true, minLength: 3, maxLength: 64, pattern: '[A-Za-z0-9._\\-]+',
      autocomplete: 'off' });
    const password = h('input', { name: 'password', type: 'password', required: true, minLength: 8, maxLength: 200,
      autocomplete: 'new-password' });
    const role = select('role', ROLES.map((r) => [r, t('role.' + r)]), 'manager');
    const province = h('input', { name: 'province', maxLength: 100 });
    const district = h('input', { name: 'district', maxLength: 100 });
    const checks = siteChecks([]);
    const save = h('button', { type: 'submit', className: 'primary' }, t('common.create'));
    const form = h('form', { className: 'card editor' }, h('h2', {}, t('users.new')),
      h('div', { className: 'grid' }, field(t('users.username'), username), field(t('users.password'), password),
        field(t('users.role'), role), field(t('sites.province'), province), field(t('sites.district'), district)),
      h('fieldset', {}, h('legend', {}, t('users.sites')), checks),
      h('div', { className: 'actions' }, save, h('button', { type: 'button', className: 'secondary', onclick: () => clear(editor) },
        t('common.cancel'))));
    form.addEventListener('submit', (ev) => {
      ev.preventDefault();
      const b = { username: username.value.trim(), password: password.value, role: role.value, siteIds: checks.values() };
      if (province.value.trim()) b.province = province.value.trim();
      if (district.value.trim()) b.district = district.value.trim();
      busy(save, ctx, async () => {
        await api('POST', '/api/v1/users', b);
        clear(editor);
        ctx.toast(t('common.saved'));
        await load();
      });
    });
    clear(editor).append(form);
    username.focus();
  }

  load();
  return null;
}
