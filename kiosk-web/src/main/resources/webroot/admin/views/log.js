// The entry log of one site: filters, search with or without diacritics, keyset pages, CSV/XLSX export,
// and live rows from the site's event stream on the first page.
import { t } from '../../app/i18n.js';
import { api, download, query, ApiError, siteEvents } from '../../shared/session.js';
import { h, clear, field, select, table, td, badge, dateTime, day, addDays, midnight, number } from '../../shared/dom.js';
import { sitePicker, heading, bluezoneBadge, methodLabel, STATUSES, busy } from './common.js';

const PAGE = 50;

export function render(main, ctx) {
  main.append(heading('log.title'));
  if (!ctx.sites.length) {
    main.append(h('p', {}, t('common.noSites')));
    return null;
  }
  // The filters live in the address (#log?site=…&from=…): a reload or "back" shows the same rows.
  const saved = new URLSearchParams(location.hash.split('?')[1] || '');
  const ymd = (v) => (/^\d{4}-\d{2}-\d{2}$/.test(v || '') ? v : null);
  if (ctx.site(Number(saved.get('site')))) ctx.siteId = Number(saved.get('site'));
  let siteId = ctx.siteId;
  const from = h('input', { type: 'date', name: 'from', value: ymd(saved.get('from')) || day(-1) });
  const to = h('input', { type: 'date', name: 'to', value: ymd(saved.get('to')) || day(0) });
  const q = h('input', { type: 'search', name: 'q', maxLength: 100, placeholder: t('log.search'), autocomplete: 'off',
    value: (saved.get('q') || '').slice(0, 100) });
  const gate = h('input', { type: 'text', name: 'gate', maxLength: 100, value: (saved.get('gate') || '').slice(0, 100) });
  const state = select('inside', [['', t('log.state.all')], ['true', t('log.state.inside')], ['false', t('log.state.exited')]],
    saved.get('inside') || '');
  const bz = select('bluezone', [['', t('log.bluezone.all')], ...STATUSES.map((s) => [s, t('bz.' + s)])],
    saved.get('bluezone') || '');
  const apply = h('button', { type: 'submit', className: 'primary' }, t('common.apply'));
  const csv = h('button', { type: 'button', className: 'secondary', dataset: { export: 'csv' } }, t('common.exportCsv'));
  const xlsx = h('button', { type: 'button', className: 'secondary', dataset: { export: 'xlsx' } }, t('common.exportXlsx'));
  const form = h('form', { className: 'filters', attrs: { role: 'search' } },
    field(t('common.site'), sitePicker(ctx, (id) => { siteId = id; reset(); connect(); })),
    field(t('common.from'), from), field(t('common.to'), to),
    field(t('log.search'), q, 'wide'), field(t('log.gate'), gate), field(t('log.state'), state),
    field(t('log.bluezone'), bz),
    h('div', { className: 'actions' }, apply, csv, xlsx));
  const results = h('div', { className: 'results' });
  const pager = h('div', { className: 'pager' });
  const live = h('span', { className: 'live', hidden: true }, t('inside.live'));
  const notice = h('button', { type: 'button', className: 'secondary new-entries', hidden: true, onclick: () => reset() });
  main.append(form, h('div', { className: 'live-bar' }, live, notice), results, pager);

  // Keyset pages: the cursor of each page seen, so "previous" goes back without offsets.
  let cursors = [null];
  let page = 0;
  // What the table shows: the filters it was loaded with, its rows by visit id, whether a next page exists.
  let view = null;
  let shown = new Map();
  let tbody = null;
  let generation = 0;
  let loading = Promise.resolve();
  let connected = false;
  let stop = null;
  const unseen = new Set();
  const chains = new Map();

  function filters() {
    const zone = (ctx.site(siteId) || {}).timeZone;
    return {
      from: midnight(from.value || day(-1), zone),
      to: midnight(addDays(to.value || day(0), 1), zone),
      q: q.value.trim(), gate: gate.value.trim(), inside: state.value, bluezone: bz.value,
    };
  }

  function reload() {
    generation++;
    loading = load(generation);
    return loading;
  }

  async function load(gen) {
    clear(results).append(h('p', { className: 'muted' }, t('common.loading')));
    unseen.clear();
    renderNotice();
    const zone = (ctx.site(siteId) || {}).timeZone;
    const f = filters();
    try {
      const r = await api('GET', `/api/v1/sites/${siteId}/visits` + query({ ...f, limit: PAGE, cursor: cursors[page] }));
      if (gen !== generation) return;
      if (r.next && cursors.length === page + 1) cursors.push(r.next);
      view = { siteId, zone, f, page, more: Boolean(r.next) };
      shown = new Map();
      tbody = null;
      clear(results);
      if (!r.items.length) {
        results.append(h('p', { className: 'empty' }, t('common.none')));
      } else {
        for (const v of r.items) put(v, { before: null });
      }
      renderPager();
      renderLive();
    } catch (e) {
      if (gen !== generation) return;
      view = null;
      clear(results);
      ctx.fail(e);
    }
  }

  function renderPager() {
    const more = view ? view.more : false;
    const prev = h('button', { type: 'button', className: 'secondary', disabled: page === 0, onclick: () => { page--; reload(); } },
      '← ' + t('log.prev'));
    const next = h('button', { type: 'button', className: 'secondary', disabled: !more, dataset: { next: '' },
      onclick: () => { page++; reload(); } }, t('log.next') + ' →');
    clear(pager).append(prev, h('span', { className: 'page-info' }, t('log.page', { n: page + 1, count: number(shown.size) })), next);
  }

  function reset() {
    cursors = [null];
    page = 0;
    remember(false);
    reload();
  }

  /** Writes the filters into the address: a new history entry when they changed, so "back" returns to the last. */
  function remember(replace) {
    const p = new URLSearchParams();
    p.set('site', siteId);
    for (const [k, c] of [['from', from], ['to', to], ['q', q], ['gate', gate], ['inside', state], ['bluezone', bz]]) {
      const v = c.value.trim();
      if (v) p.set(k, v);
    }
    const next = '#log?' + p.toString();
    if (location.hash === next) return;
    if (replace) history.replaceState(history.state, '', next);
    else history.pushState(null, '', next);
  }

  // ---- live: the site's events update the first page at once; elsewhere they are counted in a notice ----

  /** The first page of a range that includes now: the only view new rows may enter without moving the reader. */
  function isLive() {
    if (!view || view.page !== 0) return false;
    const now = Date.now();
    return Date.parse(view.f.from) <= now && now < Date.parse(view.f.to);
  }

  function renderLive() {
    live.hidden = !(connected && isLive());
  }

  function renderNotice() {
    notice.hidden = unseen.size === 0;
    notice.textContent = t('log.newEntries', { n: number(unseen.size) });
  }

  function note(id) {
    unseen.add(id);
    renderNotice();
  }

  function onEvent(e) {
    const id = e.visitId;
    if (!id || !view) return;
    const f = view.f;
    if (shown.has(id)) {
      refresh(id);
    } else if (couldEnter(e, f)) {
      // The search matches names without diacritics and phone or ID hashes the browser does not have:
      // with a search, say there is something new instead of guessing.
      if (isLive() && !f.q) refresh(id);
      else note(id);
    }
  }

  // The event carries the name but not the masked phone and ID of the row: fetch the visit itself, one
  // request at a time per visit so an older answer never overwrites a newer one.
  function refresh(id) {
    const gen = generation;
    const next = (chains.get(id) || Promise.resolve()).then(async () => {
      await loading;
      if (gen !== generation || !view) return;
      let v;
      try {
        v = await api('GET', `/api/v1/sites/${view.siteId}/visits/${encodeURIComponent(id)}`);
      } catch (e) {
        if (gen === generation && !(e instanceof ApiError && e.status === 404)) note(id);
        return;
      }
      if (gen === generation) place(v);
    }).finally(() => { if (chains.get(id) === next) chains.delete(id); });
    chains.set(id, next);
  }

  function place(v) {
    const old = shown.get(v.id);
    const fits = matches(v, view.f);
    if (old) {
      if (!fits && isLive()) {
        old.tr.remove();
        shown.delete(v.id);
      } else {
        put(v, { replace: old.tr, fresh: true });
      }
    } else if (fits && isLive()) {
      let before = null;
      for (const tr of tbody ? tbody.children : []) {
        if (newer(v, shown.get(tr.dataset.visit).v)) { before = tr; break; }
      }
      // Older than the last row while more pages follow: it belongs to a later page.
      if (!before && view.more) return;
      put(v, { before, fresh: true });
    } else {
      return;
    }
    renderPager();
  }

  /** Puts a visit's row in place of `replace`, or before `before` (last when null); `fresh` highlights it briefly. */
  function put(v, { replace = null, before = null, fresh = false }) {
    if (!tbody) {
      const wrap = table([t('log.col.in'), t('log.col.out'), t('log.col.name'), t('log.col.phone'), t('log.col.id'),
        t('log.col.gate'), t('log.col.bluezone'), t('log.col.method')], []);
      clear(results).append(wrap);
      tbody = wrap.querySelector('tbody');
    }
    const tr = row(v, view.zone);
    if (fresh) {
      tr.classList.add('fresh');
      tr.addEventListener('animationend', () => tr.classList.remove('fresh'), { once: true });
    }
    if (replace) replace.replaceWith(tr);
    else tbody.insertBefore(tr, before);
    shown.set(v.id, { v, tr });
  }

  function connect() {
    if (stop) stop();
    connected = false;
    renderLive();
    stop = siteEvents(siteId, {
      onEvent,
      onState: (on, reopened) => {
        connected = on;
        renderLive();
        // Events sent while the stream was down are lost: read the first page again.
        if (reopened && isLive()) reload();
      },
    });
  }

  form.addEventListener('submit', (ev) => { ev.preventDefault(); reset(); });
  for (const button of [csv, xlsx]) {
    button.addEventListener('click', () => busy(button, ctx, async () => {
      const format = button.dataset.export;
      const f = filters();
      if (format === 'csv') delete f.inside;
      const name = await download('GET', `/api/v1/sites/${siteId}/visits.${format}` + query(f), undefined, 'visits.' + format);
      ctx.toast(t('common.downloaded', { name }));
    }));
  }
  remember(true);
  reload();
  connect();
  return () => {
    generation++;
    if (stop) stop();
  };
}

/**
 * Whether an event could add a visit the view does not show, judged from what the event carries:
 * a check-in in the range that fits the gate, state and Bluezone filters; a check-out while the view
 * filters on "left" or on its exit gate; a confirmation that gives a visit the Bluezone status filtered
 * on. Without such a filter a check-out or confirmation only changes a row, shown or not.
 */
function couldEnter(e, f) {
  const bluezone = !f.bluezone || (e.bluezone || 'unknown') === f.bluezone;
  if (e.type === 'checkin') {
    const at = Date.parse(e.occurredAt);
    return at >= Date.parse(f.from) && at < Date.parse(f.to) && f.inside !== 'false'
      && (!f.gate || e.gate === f.gate) && bluezone;
  }
  if (e.type === 'checkout') return f.inside === 'false' || (Boolean(f.gate) && e.gate === f.gate);
  if (e.type === 'confirmation') return Boolean(f.bluezone) && bluezone;
  return false;
}

/** The server's filters (VisitQuery) but the search, applied to one visit. */
function matches(v, f) {
  const at = Date.parse(v.enteredAt);
  return at >= Date.parse(f.from) && at < Date.parse(f.to)
    && (!f.gate || v.gate === f.gate || v.exitGate === f.gate)
    && (!f.bluezone || (v.bluezone || 'unknown') === f.bluezone)
    && (f.inside !== 'true' || !v.exitedAt) && (f.inside !== 'false' || Boolean(v.exitedAt));
}

/** The log's order: entered newest first, then id (as the server's keyset). */
function newer(a, b) {
  const ta = Date.parse(a.enteredAt);
  const tb = Date.parse(b.enteredAt);
  return ta !== tb ? ta > tb : a.id > b.id;
}

function row(v, zone) {
  const out = v.exitedAt
    ? [dateTime(v.exitedAt, zone), v.exitInferred ? [' ', badge(t('log.inferred'), 'warn')] : null]
    : badge(t('log.inside'), 'ok');
  const gates = [v.gate, v.exitGate].filter((g) => g).filter((g, i, a) => a.indexOf(g) === i).join(' → ');
  return h('tr', { dataset: { visit: v.id } },
    td(v.entryMissing ? badge(t('log.entryMissing'), 'plain') : dateTime(v.enteredAt, zone), 'nowrap'),
    td(out, 'nowrap'),
    td(v.visitor.name, 'name'),
    td(v.visitor.phoneMasked || '', 'mono'),
    td(v.visitor.idMasked || '', 'mono'),
    td(gates),
    td(bluezoneBadge(v.bluezone)),
    td(methodLabel(v.method)));
}
