// The posters a paired device shows (the kiosk's idle carousel, the public screen): the install posters of the
// apps the orders name, and the campaigns of its site, district and province. The campaign images need the
// device token, so they are fetched here, kept in Cache Storage for offline days and shown through blob: URLs.
import { api } from './api.js';

export const BLUEZONE_URL = 'https://bluezone.gov.vn/';
export const SMART_THANH_HOA_URL = 'https://play.google.com/store/search?q=Smart%20Thanh%20H%C3%B3a&c=apps';

/** The install posters for a site: Bluezone everywhere, Smart Thanh Hóa in that province. */
export function installPosters(site) {
  const list = [{ id: 'bluezone', src: '/posters/bluezone.svg', qr: BLUEZONE_URL }];
  const province = ((site && site.province) || '').normalize('NFC').toLowerCase();
  if (province.includes('thanh hóa')) {
    list.push({ id: 'smart-thanh-hoa', src: '/posters/smart-thanh-hoa.svg', qr: SMART_THANH_HOA_URL });
  }
  return list;
}

/**
 * The campaigns from {@code path} (the list kept in localStorage under {@code listKey} when offline), each with
 * {@code src}, a blob: URL of its image (from the network, else the cache {@code cacheName}); the images of
 * campaigns no longer listed leave the cache, and the blob: URLs of {@code previous} are released.
 */
export async function loadCampaigns({ path, token, listKey, cacheName, previous = [] }) {
  let items = [];
  try { items = JSON.parse(localStorage.getItem(listKey)) || []; } catch (e) { /* none kept */ }
  try {
    items = (await api(path, { token, timeoutMs: 8000 })).items || [];
    try { localStorage.setItem(listKey, JSON.stringify(items)); } catch (e) { /* full */ }
  } catch (e) { /* offline: the list from last time */ }
  const cache = window.caches ? await caches.open(cacheName).catch(() => null) : null;
  const next = [];
  for (const c of items) {
    let blob = null;
    try {
      const res = await fetch(c.image, { headers: { Authorization: 'Bearer ' + token }, cache: 'no-store' });
      if (res.ok) {
        blob = await res.clone().blob();
        if (cache) await cache.put(c.image, res);
      }
    } catch (e) { /* offline */ }
    if (!blob && cache) {
      const hit = await cache.match(c.image);
      if (hit) blob = await hit.blob();
    }
    if (blob) next.push({ ...c, src: URL.createObjectURL(blob) });
  }
  if (cache) {
    const keep = new Set(items.map((c) => new URL(c.image, location.origin).href));
    for (const req of await cache.keys()) if (!keep.has(req.url)) cache.delete(req);
  }
  for (const old of previous) URL.revokeObjectURL(old.src);
  return next;
}
