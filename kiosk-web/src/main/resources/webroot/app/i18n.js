// The strings of every screen (start page, kiosk, phone, guard console, dashboard), Vietnamese first
// (shared/i18n/vi.js), English second (shared/i18n/en.js). ?lang=en (or vi) switches and is remembered.
// Every string is Unicode NFC. Elements carry data-i18n="key" (text),
// data-i18n-placeholder, data-i18n-aria-label or data-i18n-title; applyI18n()
// fills them with textContent / attributes, never with markup. Features with many strings of their own
// (strings-*.js, *-i18n.js) add them to STRINGS when loaded.
import vi from '../shared/i18n/vi.js';
import en from '../shared/i18n/en.js';

const STORE_KEY = 'kiosk.lang';

export const STRINGS = { vi, en };

function fromUrl() {
  try {
    const q = new URLSearchParams(location.search).get('lang');
    return q === 'en' || q === 'vi' ? q : null;
  } catch (e) {
    return null;
  }
}

function stored() {
  try {
    const v = localStorage.getItem(STORE_KEY);
    return v === 'en' || v === 'vi' ? v : null;
  } catch (e) {
    return null;
  }
}

let current = (() => {
  const asked = fromUrl();
  if (asked) {
    try { localStorage.setItem(STORE_KEY, asked); } catch (e) { /* private mode */ }
    return asked;
  }
  return stored() || 'vi';
})();

export function lang() {
  return current;
}

/** The locale for dates and numbers in the current language. */
export function locale() {
  return current === 'en' ? 'en-GB' : 'vi-VN';
}

/** The string for key in the current language (or the one given), with {name} placeholders filled. */
export function t(key, vars, forLang) {
  const table = STRINGS[forLang || current];
  let s = table[key];
  if (s === undefined) s = vi[key];
  if (s === undefined) return key;
  if (vars) {
    s = s.replace(/\{(\w+)\}/g, (m, k) => (vars[k] === undefined || vars[k] === null ? '' : String(vars[k])));
  }
  return s;
}

/** Fills every data-i18n* element under root from the current language. */
export function applyI18n(root = document) {
  document.documentElement.lang = current;
  root.querySelectorAll('[data-i18n]').forEach((el) => {
    el.textContent = t(el.dataset.i18n);
  });
  root.querySelectorAll('[data-i18n-en]').forEach((el) => {
    // Bilingual screens (the kiosk) show the English line under the Vietnamese one.
    el.textContent = t(el.dataset.i18nEn, null, 'en');
  });
  for (const attr of ['placeholder', 'aria-label', 'title']) {
    const data = 'i18n' + attr.replace(/(^|-)(\w)/g, (m, d, c) => c.toUpperCase());
    root.querySelectorAll('[data-i18n-' + attr + ']').forEach((el) => {
      el.setAttribute(attr, t(el.dataset[data]));
    });
  }
  const title = document.querySelector('title[data-i18n]');
  if (title) document.title = t(title.dataset.i18n);
}

export function setLang(next) {
  current = next === 'en' ? 'en' : 'vi';
  try { localStorage.setItem(STORE_KEY, current); } catch (e) { /* private mode */ }
  const url = new URL(location.href);
  url.searchParams.set('lang', current);
  history.replaceState(history.state, '', url);
  applyI18n();
  document.dispatchEvent(new CustomEvent('langchange', { detail: current }));
}

/** Makes a button switch between Vietnamese and English. */
export function langSwitch(button) {
  if (!button) return;
  const label = () => {
    button.textContent = t('lang.switch');
    button.setAttribute('aria-label', t('lang.switch.label'));
    button.setAttribute('lang', current === 'vi' ? 'en' : 'vi');
  };
  label();
  button.addEventListener('click', () => {
    setLang(current === 'vi' ? 'en' : 'vi');
    label();
  });
  document.addEventListener('langchange', label);
}
