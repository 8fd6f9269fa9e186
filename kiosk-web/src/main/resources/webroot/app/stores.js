// Where Bluezone is installed from: one QR and one link per store, so that an Android phone and an iPhone each
// land on the app's own page (the website only tells them to look for it).
import { t, lang } from './i18n.js';
import { drawQr } from './qr.js';
import { el } from '../shared/dom.js';

export const PLAY_URL = 'https://play.google.com/store/apps/details?id=com.mic.bluezone';
export const APP_STORE_URL = 'https://apps.apple.com/vn/app/bluezone/id1508062685';

const STORES = [
  { id: 'play', url: PLAY_URL, label: 'checkin.bz.play', os: 'stores.android' },
  { id: 'appstore', url: APP_STORE_URL, label: 'checkin.bz.appstore', os: 'stores.ios' },
];

/**
 * Fills box with the two stores: each a QR (for another phone, or a screenshot) and, with links, a button that
 * opens the store on this phone. Labels are Vietnamese first with the English under them.
 */
export function fillStores(box, { links = true } = {}) {
  if (box.childElementCount && box.dataset.lang === lang()) return box; // drawn already: keep what may be on screen
  box.dataset.lang = lang();
  box.replaceChildren(...STORES.map((s) => {
    const qr = el('div', { class: 'store-qr' });
    drawQr(qr, s.url, { ecl: 'M', label: t(s.label) });
    const item = el('div', { class: 'store', 'data-store': s.id },
      el('p', { class: 'store-os' }, t(s.os)), qr,
      el('p', { class: 'store-os-en', lang: 'en' }, t(s.os, null, 'en')));
    if (links) {
      item.append(el('a', { class: 'btn btn-ghost btn-block', href: s.url, rel: 'noopener', target: '_blank' }, t(s.label)));
    }
    return item;
  }));
  return box;
}
