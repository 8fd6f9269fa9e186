// Building screens from data without ever parsing it as markup: everything a visitor typed goes in as textContent.
// el() (class/attribute names as in HTML) is what the kiosk, phone, guard and screen use; h() (DOM property
// names, attrs for attributes) and the form/table helpers below it are the dashboard's.
import { t, locale } from '../app/i18n.js';

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

/** The sites' time zone unless one says otherwise. */
export const VN = 'Asia/Ho_Chi_Minh';
const ZONE = VN;

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

// ---- the dashboard's builders ----

/**
 * h('button', {className: 'primary', type: 'button', onclick: fn, dataset: {id: 1}}, 'Text', child)
 * Props starting with "on" become listeners; "attrs" sets attributes (aria-*, for, ...); strings become text nodes.
 */
export function h(tag, props, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(props || {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k.startsWith('on') && typeof v === 'function') {
      el.addEventListener(k.slice(2), v);
    } else if (k === 'dataset') {
      Object.assign(el.dataset, v);
    } else if (k === 'attrs') {
      for (const [a, av] of Object.entries(v)) {
        if (av !== undefined && av !== null && av !== false) el.setAttribute(a, av === true ? '' : String(av));
      }
    } else if (k === 'text') {
      el.textContent = v;
    } else {
      el[k] = v;
    }
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const c of children) {
    if (c === undefined || c === null || c === false) continue;
    if (Array.isArray(c)) append(el, c);
    else el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
}

/** A labelled form field; returns the wrapper, the control is wrapper.control. */
export function field(label, control, extraClass) {
  const id = control.id || ('f-' + Math.random().toString(36).slice(2, 9));
  control.id = id;
  const wrap = h('div', { className: 'field' + (extraClass ? ' ' + extraClass : '') },
    h('label', { attrs: { for: id } }, label), control);
  wrap.control = control;
  return wrap;
}

export function select(name, options, value) {
  const s = h('select', { name });
  for (const [v, label] of options) {
    s.append(h('option', { value: v, selected: String(v) === String(value) }, label));
  }
  return s;
}

/** headers: labels, or [label, className] for a column that needs one (e.g. 'num' for right-aligned figures). */
export function table(headers, rows, opts = {}) {
  const thead = h('thead', {}, h('tr', {}, headers.filter((x) => x !== null).map((x) => (Array.isArray(x)
    ? h('th', { attrs: { scope: 'col' }, className: x[1] }, x[0]) : h('th', { attrs: { scope: 'col' } }, x)))));
  const tbody = h('tbody', {}, rows);
  return h('div', { className: 'table-wrap' }, h('table', { className: opts.className || 'data' }, thead, tbody));
}

export function td(content, className) {
  return h('td', { className, dir: className === 'name' ? 'auto' : undefined }, content);
}

export function badge(text, kind) {
  return h('span', { className: 'badge ' + (kind || '') }, text);
}

// ---- formatting (times shown in the site's zone, Vietnam by default) ----

export function dateTime(iso, zone) {
  if (!iso) return '';
  return new Intl.DateTimeFormat(locale(), {
    timeZone: zone || VN, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit',
  }).format(new Date(iso));
}

export function time(iso, zone) {
  if (!iso) return '';
  return new Intl.DateTimeFormat(locale(), { timeZone: zone || VN, hour: '2-digit', minute: '2-digit' })
    .format(new Date(iso));
}

export function duration(minutes) {
  const m = Math.max(0, Math.floor(minutes));
  return m < 60 ? t('common.minutes', { n: m }) : t('common.hoursMinutes', { h: Math.floor(m / 60), m: m % 60 });
}

/** +84912345678 → 0912 345 678, as people here write and dial it. */
export function phone(e164) {
  if (!e164) return '';
  if (!e164.startsWith('+84')) return e164;
  const n = '0' + e164.slice(3);
  return n.length === 10 ? `${n.slice(0, 4)} ${n.slice(4, 7)} ${n.slice(7)}` : n;
}

export function number(n) {
  return new Intl.NumberFormat(locale()).format(n || 0);
}

export function percent(rate) {
  if (rate === null || rate === undefined) return '—';
  return new Intl.NumberFormat(locale(), { style: 'percent', maximumFractionDigits: 1 }).format(rate);
}

/** Today (or today + days) as YYYY-MM-DD in a zone. */
export function day(offsetDays = 0, zone = VN) {
  const d = new Date(Date.now() + offsetDays * 86_400_000);
  return new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(d);
}

export function addDays(ymd, n) {
  const d = new Date(ymd + 'T12:00:00Z');
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** "+07:00" for a zone at a given local day (the zone's offset that day). */
export function offset(zone, ymd) {
  const name = new Intl.DateTimeFormat('en-US', { timeZone: zone || VN, timeZoneName: 'longOffset' })
    .formatToParts(new Date(ymd + 'T12:00:00Z')).find((p) => p.type === 'timeZoneName').value;
  const m = /GMT([+-]\d{2}:\d{2})/.exec(name);
  return m ? m[1] : '+00:00';
}

/** Local midnight of a day in a zone, as an ISO time with offset. */
export function midnight(ymd, zone) {
  return ymd + 'T00:00:00' + offset(zone, ymd);
}

/** A datetime-local value (YYYY-MM-DDTHH:mm, Vietnam time) as an ISO time with offset. */
export function localToIso(value, zone) {
  return value.length === 16 ? value + ':00' + offset(zone, value.slice(0, 10)) : value + offset(zone, value.slice(0, 10));
}

export function isoToLocal(date, zone) {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: zone || VN, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
  }).formatToParts(date);
  const get = (type) => parts.find((p) => p.type === type).value;
  return `${get('year')}-${get('month')}-${get('day')}T${get('hour')}:${get('minute')}`;
}
