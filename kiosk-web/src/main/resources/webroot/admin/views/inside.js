// Who is inside one site now, and for how long; refreshed live from the site's event stream.
import { t } from '../../app/i18n.js';
import { api } from '../api.js';
import { h, clear, field, table, td, badge, dateTime, duration, number } from '../dom.js';
import { sitePicker, heading } from './common.js';
import { siteEvents } from '../live.js';

export function render(main, ctx) {
  main.append(heading('inside.title'));
  if (!ctx.sites.length) {
    main.append(h('p', {}, t('common.noSites')));
    return null;
  }
  let siteId = ctx.siteId;
  let stop = null;
  let refresh = null;
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

  // Each event refreshes the list (once for a burst); after a drop the list is reloaded, events may have been missed.
  function connect() {
    if (stop) stop();
    stop = siteEvents(siteId, {
      onEvent: () => {
        clearTimeout(refresh);
        refresh = setTimeout(load, 300);
      },
      onState: (on, reopened) => {
        live.hidden = !on;
        if (reopened) load();
      },
    });
  }

  const minutes = setInterval(load, 60_000);
  load();
  connect();
  return () => {
    clearInterval(minutes);
    clearTimeout(refresh);
    if (stop) stop();
  };
}
