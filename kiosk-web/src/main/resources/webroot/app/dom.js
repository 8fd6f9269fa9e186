// Small DOM helpers. Everything a visitor typed goes in as textContent, never as markup.
import { lang } from './i18n.js';

/** el('div', {class: 'x', dataset: {id: 1}, onclick: fn}, 'text', child, ...) */
export function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  if (attrs) {
    for (const [k, v] of Object.entries(attrs)) {
      if (v === undefined || v === null || v === false) continue;
      if (k === 'class') node.className = v;
      else if (k === 'dataset') Object.assign(node.dataset, v);
      else if (k === 'text') node.textContent = v;
      else if (k.startsWith('on') && typeof v === 'function') node.addEventListener(k.slice(2), v);
      else if (v === true) node.setAttribute(k, '');
      else node.setAttribute(k, String(v));
    }
  }
  for (const c of children) {
    if (c === undefined || c === null || c === false) continue;
    node.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return node;
}

/**
 * A name put into a sentence, isolated (FSI … PDI) so that a right-to-left name cannot reorder the words and
 * numbers around it ("VÀO: علي — 08:15" would otherwise show the time before the name). Names never hold
 * bidi controls of their own (the server refuses them), so these cannot be unbalanced.
 */
export function isolate(text) {
  return text ? '\u2068' + text + '\u2069' : text;
}

export const $ = (sel, root = document) => root.querySelector(sel);
export const $$ = (sel, root = document) => Array.from(root.querySelectorAll(sel));

export function show(node, visible = true) {
  if (node) node.hidden = !visible;
}

export function clear(node) {
  while (node && node.firstChild) node.removeChild(node.firstChild);
  return node;
}

const ZONE = 'Asia/Ho_Chi_Minh';

function locale() {
  return lang() === 'en' ? 'en-GB' : 'vi-VN';
}

/** 07:42 in the site's time zone. */
export function timeOf(iso, zone = ZONE) {
  const d = iso instanceof Date ? iso : new Date(iso);
  if (isNaN(d)) return '';
  try {
    return new Intl.DateTimeFormat(locale(), { hour: '2-digit', minute: '2-digit', hour12: false, timeZone: zone }).format(d);
  } catch (e) {
    return d.toTimeString().slice(0, 5);
  }
}

export function dateTimeOf(iso, zone = ZONE) {
  const d = iso instanceof Date ? iso : new Date(iso);
  if (isNaN(d)) return '';
  try {
    return new Intl.DateTimeFormat(locale(), {
      day: '2-digit', month: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false, timeZone: zone,
    }).format(d);
  } catch (e) {
    return d.toISOString();
  }
}

/** A random UUID v4; crypto.randomUUID exists only in secure contexts, getRandomValues everywhere. */
export function uuid() {
  if (window.crypto && typeof crypto.randomUUID === 'function') {
    try { return crypto.randomUUID(); } catch (e) { /* insecure context */ }
  }
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** Loads a classic script once (vendored UMD builds that set a global). */
const loaded = new Map();
export function loadScript(src) {
  if (!loaded.has(src)) {
    loaded.set(src, new Promise((resolve, reject) => {
      const s = document.createElement('script');
      s.src = src;
      s.onload = () => resolve();
      s.onerror = () => { loaded.delete(src); reject(new Error('cannot load ' + src)); };
      document.head.append(s);
    }));
  }
  return loaded.get(src);
}
