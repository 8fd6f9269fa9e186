// The admin's user management: roles, areas, site scopes, disabling, password resets.
import { t } from '../../app/i18n.js';
import { api } from '../../shared/session.js';
import { h, clear, field, select, table, td, badge } from '../../shared/dom.js';
import { heading, busy } from './common.js';
import '../strings-users.js';

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
    // One's own password is not reset here: it would sign this very page out.
    const reset = h('button', { type: 'button', className: 'secondary', hidden: u.id === ctx.me.id, dataset: { reset: '' } },
      t('users.reset'));
    reset.addEventListener('click', () => resetPassword(u));
    return h('tr', { dataset: { user: u.id } }, td(h('strong', {}, u.username)), td(t('role.' + u.role)),
      td([u.district, u.province].filter((x) => x).join(', ')),
      td([siteNames(u.siteIds), u.disabled ? [' ', badge(t('users.disabled'), 'warn')] : null]),
      td(h('div', { className: 'row-actions' }, scope, reset, toggle)));
  }

  // Asks first; the server makes the password, shown once here and gone from the page when the dialog closes.
  function resetPassword(u) {
    const title = h('h2', { id: 'reset-title' }, t('users.resetTitle', { username: u.username }));
    const body = h('div', {}, h('p', {}, t('users.resetLead', { username: u.username })));
    const confirm = h('button', { type: 'button', className: 'danger', dataset: { confirm: '' } }, t('users.resetConfirm'));
    const actions = h('div', { className: 'actions' }, confirm,
      h('button', { type: 'button', className: 'secondary', dataset: { cancel: '' }, onclick: () => dialog.close() },
        t('common.cancel')));
    const dialog = h('dialog', { className: 'card reset-password', attrs: { 'aria-labelledby': 'reset-title' } },
      title, body, actions);
    dialog.addEventListener('close', () => dialog.remove());
    confirm.addEventListener('click', () => busy(confirm, ctx, async () => {
      const r = await api('POST', `/api/v1/users/${u.id}/password-reset`);
      clear(body).append(h('p', { className: 'muted' }, t('users.resetNew')),
        h('p', { className: 'temp-password', attrs: { translate: 'no' } }, r.temporaryPassword),
        h('p', {}, t('users.resetDone', { username: u.username })),
        h('p', { className: 'note' }, t('users.resetSessions', { n: r.sessionsEnded })));
      const close = h('button', { type: 'button', className: 'primary', dataset: { close: '' }, onclick: () => dialog.close() },
        t('common.close'));
      clear(actions).append(close);
      close.focus();
    }));
    document.body.append(dialog);
    dialog.showModal();
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
