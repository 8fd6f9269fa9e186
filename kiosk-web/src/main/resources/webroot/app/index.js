// The start page: Vietnamese first, English with ?lang=en (remembered); links keep the language.
import { applyI18n, langSwitch, lang } from './i18n.js';

function links() {
  for (const a of document.querySelectorAll('.tile')) {
    const url = new URL(a.getAttribute('href'), location.origin);
    if (lang() === 'en') url.searchParams.set('lang', 'en');
    else url.searchParams.delete('lang');
    a.setAttribute('href', url.pathname + url.search);
  }
}

applyI18n();
document.querySelectorAll('.lang-switch').forEach(langSwitch);
links();
document.addEventListener('langchange', links);
