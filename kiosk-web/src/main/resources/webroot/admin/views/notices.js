// The admin's notice versions (never edited: a change is a new version) and the breach notification for
// the authority (a Vietnamese PDF whose counts come from the data and the audit log).
import { t } from '../../app/i18n.js';
import { api, download } from '../../shared/session.js';
import { h, clear, field, dateTime, isoToLocal, localToIso, VN, day } from '../../shared/dom.js';
import { heading, busy } from './common.js';

const SECTIONS = ['purpose', 'data', 'recipients', 'rights'];

export function render(main, ctx) {
  main.append(heading('pd.notices.title'), h('h2', {}, t('pd.notices.versions')), h('p', { className: 'lead' }, t('pd.notices.lead')));
  const versions = h('div', { className: 'results' });
  const editor = h('div', {});
  main.append(versions, editor, breachForm(ctx));

  async function load() {
    let items;
    try {
      items = (await api('GET', '/api/v1/privacy/notices')).items;
    } catch (e) {
      ctx.fail(e);
      return;
    }
    const newer = h('button', { type: 'button', className: 'primary' }, t('pd.notices.new'));
    newer.addEventListener('click', () => edit(items[0]));
    clear(versions).append(h('div', { className: 'actions' }, newer), ...items.map((n) => h('details', { className: 'card',
      dataset: { version: n.version } }, h('summary', {}, t('pd.notice.version', { v: n.version }) + ' · ' + dateTime(n.createdAt)),
      ...SECTIONS.map((s) => h('p', {}, h('strong', {}, t('pd.notice.' + s) + ': '), n.body.vi[s], h('br', {}),
        h('span', { className: 'muted small' }, n.body.en[s]))))));
  }

  function edit(latest) {
    const inputs = {};
    const groups = ['vi', 'en'].map((lang) => h('fieldset', {}, h('legend', {}, t('pd.notices.' + lang)),
      ...SECTIONS.map((s) => {
        inputs[lang + '.' + s] = h('textarea', { name: lang + '.' + s, required: true, maxLength: 2000, rows: 3,
          value: latest ? latest.body[lang][s] : '' });
        return field(t('pd.notice.' + s), inputs[lang + '.' + s], 'wide');
      })));
    const save = h('button', { type: 'submit', className: 'primary' }, t('pd.notices.new'));
    const form = h('form', { className: 'card editor notice-editor' }, ...groups, h('div', { className: 'actions' }, save,
      h('button', { type: 'button', className: 'secondary', onclick: () => clear(editor) }, t('common.cancel'))));
    form.addEventListener('submit', (ev) => {
      ev.preventDefault();
      const body = { vi: {}, en: {} };
      for (const [k, input] of Object.entries(inputs)) {
        const [lang, s] = k.split('.');
        body[lang][s] = input.value.normalize('NFC').trim();
      }
      busy(save, ctx, async () => {
        const r = await api('POST', '/api/v1/privacy/notices', body);
        clear(editor);
        ctx.toast(t('pd.notices.created', { v: r.version }));
        await load();
      });
    });
    clear(editor).append(form);
  }

  load();
  return null;
}

function breachForm(ctx) {
  const now = new Date();
  const input = (name, attrs) => h('input', { name, maxLength: 300, ...attrs });
  const area = (name) => h('textarea', { name, required: true, maxLength: 5000, rows: 3 });
  const f = {
    from: input('from', { type: 'datetime-local', value: isoToLocal(new Date(now.getTime() - 7 * 86_400_000), VN) }),
    to: input('to', { type: 'datetime-local', value: isoToLocal(now, VN) }),
    discoveredAt: input('discoveredAt', { type: 'datetime-local', value: isoToLocal(now, VN) }),
    province: input('province', { maxLength: 100 }),
    organization: input('organization', { required: true }),
    description: area('description'), consequences: area('consequences'), measures: area('measures'),
    name: input('contactName', { required: true, maxLength: 200 }), role: input('contactRole', { maxLength: 200 }),
    phone: input('contactPhone', { required: true, maxLength: 30 }), email: input('contactEmail', { maxLength: 200 }),
  };
  const go = h('button', { type: 'submit', className: 'primary' }, t('pd.breach.export'));
  const form = h('form', { className: 'card editor breach-form' }, h('h2', {}, t('pd.breach.title')),
    h('p', { className: 'muted' }, t('pd.breach.lead')),
    h('div', { className: 'grid' }, field(t('common.from'), f.from), field(t('common.to'), f.to),
      field(t('pd.breach.discovered'), f.discoveredAt), field(t('pd.breach.province'), f.province),
      field(t('pd.breach.organization'), f.organization, 'wide'), field(t('pd.breach.description'), f.description, 'wide'),
      field(t('pd.breach.consequences'), f.consequences, 'wide'), field(t('pd.breach.measures'), f.measures, 'wide'),
      field(t('pd.breach.contactName'), f.name), field(t('pd.breach.contactRole'), f.role),
      field(t('pd.breach.contactPhone'), f.phone), field(t('pd.breach.contactEmail'), f.email)),
    h('div', { className: 'actions' }, go));
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    const body = {
      from: localToIso(f.from.value, VN), to: localToIso(f.to.value, VN), discoveredAt: localToIso(f.discoveredAt.value, VN),
      organization: f.organization.value.trim(), description: f.description.value.trim(),
      consequences: f.consequences.value.trim(), measures: f.measures.value.trim(),
      contact: { name: f.name.value.trim(), phone: f.phone.value.trim() },
    };
    if (f.province.value.trim()) body.province = f.province.value.trim();
    if (f.role.value.trim()) body.contact.role = f.role.value.trim();
    if (f.email.value.trim()) body.contact.email = f.email.value.trim();
    busy(go, ctx, async () => {
      const name = await download('POST', '/api/v1/privacy/breach-report', body, `thong-bao-vi-pham-${day()}.pdf`);
      ctx.toast(t('common.downloaded', { name }));
    });
  });
  return form;
}
