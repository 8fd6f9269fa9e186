// The guard console's desk for personal data requests: find the person who asks (phone, CCCD number or the
// pass code) among the visits of the guard's sites, and file their request into the managers' queue.
import './privacy-i18n.js';
import { t } from './i18n.js';
import { $, el, clear, show, dateTimeOf } from '../shared/dom.js';

const TYPES = ['access', 'correction', 'deletion', 'withdrawal'];

/** {@code call(path, opts)} is the console's signed-in fetch; {@code toast(text, kind)} its messages. */
export function mountDesk(call, toast) {
  const form = $('#pd-find');
  const found = $('#pd-found');
  let person = null;
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const q = $('#pd-query').value.trim();
    if (!q) return;
    const body = q.startsWith('v1.') ? { pass: q } : /^\d{9}$|^\d{12}$/.test(q.replace(/\s/g, '')) && !/^0\d{9}$/.test(q.replace(/\s/g, ''))
      ? { idNumber: q.replace(/\s/g, '') } : { phone: q };
    person = null;
    clear(found);
    try {
      const r = await call('/api/v1/privacy/people', { method: 'POST', body });
      person = r.person;
      const visits = r.sites.reduce((n, s) => n + s.visits, 0);
      found.append(el('p', { id: 'pd-person', class: 'last-text' },
        t('pd.desk.found', { name: person.name || '—', phone: person.phoneMasked || person.idMasked || '', visits })), fileForm());
    } catch (ex) {
      found.append(el('p', { class: 'form-error', role: 'alert' }, ex.status === 404 ? t('pd.desk.notFound')
        : [ex.title, ex.detail].filter(Boolean).join(': ')));
    }
  });

  function fileForm() {
    const type = el('select', { id: 'pd-type', class: 'input' });
    for (const k of TYPES) type.append(el('option', { value: k }, t('pd.type.' + k)));
    const detail = el('textarea', { id: 'pd-detail', class: 'input', rows: 2, maxlength: 1000 });
    const submit = el('button', { type: 'submit', class: 'btn btn-primary btn-small' }, t('pd.desk.file'));
    const f = el('form', { id: 'pd-file', class: 'pd-desk' }, el('label', { for: 'pd-type' }, t('pd.desk.type')), type,
      el('label', { for: 'pd-detail' }, t('pd.my.detail')), detail, submit);
    f.addEventListener('submit', async (e) => {
      e.preventDefault();
      submit.disabled = true;
      try {
        const body = { visitorId: person.id, type: type.value };
        if (detail.value.trim()) body.detail = detail.value.trim();
        const r = await call('/api/v1/privacy/requests', { method: 'POST', body });
        toast(t('pd.desk.filed', { type: t('pd.type.' + r.type), name: person.name || '—', due: dateTimeOf(r.dueAt) }));
        clear(found).append(el('p', { id: 'pd-filed', class: 'last-text' },
          t('pd.desk.filed', { type: t('pd.type.' + r.type), name: person.name || '—', due: dateTimeOf(r.dueAt) })));
        $('#pd-query').value = '';
      } catch (ex) {
        toast(ex.status === 409 ? t('pd.desk.open') : [ex.title, ex.detail].filter(Boolean).join(': '), 'error');
        submit.disabled = false;
      }
    });
    return f;
  }
  show(found, true);
}
