// Who is inside one site now, and for how long; refreshed live from the site's event stream.
import { t } from '../../app/i18n.js';
import { api, siteEvents } from '../../shared/session.js';
import { h, clear, field, table, td, badge, dateTime, duration, number } from '../../shared/dom.js';
import { sitePicker, heading } from './common.js';
import { InsideList } from '../../app/inside.js';

export function render(main, ctx) {
  main.append(heading('inside.title'));
  if (!ctx.sites.length) {
    main.append(h('p', {}, t('common.noSites')));
    return null;
  }
  let siteId = ctx.siteId;
  let stop = null;
  const live = h('span', { className: 'live', hidden: true }, t('inside.live'));
  const summary = h('div', { className: 'summary' });
  const list = h('div', { className: 'results' });
  main.append(h('div', { className: 'filters' }, field(t('common.site'), sitePicker(ctx, (id) => { siteId = id; connect(); load(); })),
    h('div', { className: 'actions' }, live)), summary, list);

  let inside = null;

  function render() {
    const zone = (ctx.site(siteId) || {}).timeZone;
    const rows = inside.visitors();
    clear(summary).append(h('p', { className: 'big-number' }, t('inside.count', { n: number(inside.inside) })),
      inside.capacity ? h('p', {}, t('inside.capacity', { n: number(inside.capacity) }), ' ',
        inside.atCapacity ? badge(t('inside.atCapacity'), 'warn') : null) : null);
    clear(list).append(rows.length
      ? table([t('log.col.name'), t('log.col.phone'), t('log.col.in'), t('inside.col.since')],
        rows.map((v) => h('tr', {}, td(v.visitor.name, 'name'), td(v.visitor.phoneMasked || '', 'mono'),
          td(dateTime(v.enteredAt, zone), 'nowrap'), td(duration(Math.floor(inside.minutes(v))), 'nowrap'))))
      : h('p', { className: 'empty' }, t('common.none')));
  }

  function load() {
    inside.reload().catch((e) => ctx.fail(e));
  }

  // The list follows the site's events (InsideList); it is read whole on opening, after a drop (events may
  // have been missed), when the server's count disagrees with it, and every few minutes.
  function connect() {
    if (stop) stop();
    if (inside) inside.close();
    inside = new InsideList(siteId, (path) => api('GET', path), render);
    stop = siteEvents(siteId, {
      onEvent: (e) => inside.apply(e),
      onState: (on, reopened) => {
        live.hidden = !on;
        if (reopened) load();
      },
    });
  }

  const minutes = setInterval(() => { if (inside.ready) render(); }, 60_000);
  const whole = setInterval(load, 5 * 60_000);
  connect();
  load();
  return () => {
    clearInterval(minutes);
    clearInterval(whole);
    inside.close();
    if (stop) stop();
  };
}
