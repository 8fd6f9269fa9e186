// Who is inside one site now, and for how long; refreshed live from the site's event stream.
import { t } from '../../app/i18n.js';
import { api } from '../api.js';
import { h, clear, field, table, td, badge, dateTime, duration, number } from '../dom.js';
import { sitePicker, heading } from './common.js';

export function render(main, ctx) {
  main.append(heading('inside.title'));
  if (!ctx.sites.length) {
    main.append(h('p', {}, t('common.noSites')));
    return null;
  }
  let siteId = ctx.siteId;
  let source = null;
  let retry = null;
  let refresh = null;
  let closed = false;
  const live = h('span', { className: 'live', hidden: true }, t('inside.live'));
  const summary = h('div', { className: 'summary' });
  const list = h('div', { className: 'results' });
  main.append(h('div', { className: 'filters' }, field(t('common.site'), sitePicker(ctx, (id) => { siteId = id; connect(); load(); })),
    h('div', { className: 'actions' }, live)), summary, list);

  async function load() {
    try {
      const o = await api('GET', `/api/v1/sites/${siteId}/occupancy`);
      const zone = (ctx.site(siteId) || {}).timeZone;
      clear(summary).append(h('p', { className: 'big-number' }, t('inside.count', { n: number(o.inside) })),
        o.capacity ? h('p', {}, t('inside.capacity', { n: number(o.capacity) }), ' ',
          o.atCapacity ? badge(t('inside.atCapacity'), 'warn') : null) : null);
      clear(list).append(o.visitors.length
        ? table([t('log.col.name'), t('log.col.phone'), t('log.col.in'), t('inside.col.since')],
          o.visitors.map((v) => h('tr', {}, td(v.visitor.name, 'name'), td(v.visitor.phoneMasked || '', 'mono'),
            td(dateTime(v.enteredAt, zone), 'nowrap'), td(duration(v.minutesInside), 'nowrap'))))
        : h('p', { className: 'empty' }, t('common.none')));
    } catch (e) {
      ctx.fail(e);
    }
  }

  // An EventSource cannot send the token: it opens with a single-use ticket, and a new one after any drop.
  async function connect() {
    if (source) source.close();
    source = null;
    clearTimeout(retry);
    if (closed) return;
    try {
      const { ticket } = await api('POST', `/api/v1/sites/${siteId}/events/tickets`);
      if (closed) return;
      source = new EventSource(`/api/v1/sites/${siteId}/events?ticket=${encodeURIComponent(ticket)}`);
      source.onopen = () => { live.hidden = false; };
      const changed = () => {
        clearTimeout(refresh);
        refresh = setTimeout(load, 300);
      };
      for (const type of ['checkin', 'checkout', 'confirmation']) source.addEventListener(type, changed);
      source.onerror = () => {
        live.hidden = true;
        source.close();
        retry = setTimeout(connect, 5000);
      };
    } catch (e) {
      retry = setTimeout(connect, 15000);
    }
  }

  const minutes = setInterval(load, 60_000);
  load();
  connect();
  return () => {
    closed = true;
    clearInterval(minutes);
    clearTimeout(retry);
    clearTimeout(refresh);
    if (source) source.close();
  };
}
