// "Người đi cùng": the children or elderly relatives a visitor checks in with them, by name only, up to 8 (the
// API's limit). Each becomes a visit of their own; the visitor's consent covers them.
import './guard-i18n.js';
import { t } from './i18n.js';
import { el, $$ } from '../shared/dom.js';

const MAX = 8;

/** Mounts the list into {@code box}; returns {names(), clear()}. */
export function mountDependants(box) {
  const list = el('ol', { class: 'dependants-list' });
  const add = el('button', { type: 'button', class: 'btn btn-small btn-ghost dependant-add' }, t('family.add'));
  const row = (value = '', focus = true) => {
    const n = list.children.length + 1;
    const input = el('input', { class: 'input dependant-name', maxlength: 100, autocomplete: 'off',
      'aria-label': t('family.name', { n }) });
    const remove = el('button', { type: 'button', class: 'link-btn dependant-remove', 'aria-label': t('family.remove') }, '✕');
    input.value = value;
    const li = el('li', { class: 'dependant' }, input, remove);
    remove.addEventListener('click', () => { li.remove(); add.hidden = false; });
    list.append(li);
    add.hidden = list.children.length >= MAX;
    if (focus) input.focus();
  };
  add.addEventListener('click', () => row());
  box.append(el('p', { class: 'dependants-title' }, t('family.title')), list, add);
  return {
    names: () => $$('.dependant-name', list).map((i) => i.value.normalize('NFC').replace(/\s+/g, ' ').trim()).filter(Boolean),
    clear: () => { list.textContent = ''; add.hidden = false; },
    set: (names) => { list.textContent = ''; add.hidden = false; for (const n of names.slice(0, MAX)) row(n, false); },
  };
}
