// A site's live events (check-ins, check-outs, Bluezone confirmations) for a dashboard view.
// An EventSource cannot send the token: the stream opens with a single-use ticket, so the browser's own
// reconnect (which reuses the URL) cannot work; after any drop a new ticket is asked for, waiting longer
// after each failure (about 1, 2, 4 … 30 s, with jitter so many dashboards do not come back at once).
import { api, ApiError } from './api.js';

const TYPES = ['checkin', 'checkout', 'confirmation'];
const LONGEST_WAIT_MS = 30_000;

/**
 * Opens the stream of one site. onEvent(event) gets each parsed event of that site;
 * onState(live, reopened) is called when the stream opens (reopened: after a drop, so events may
 * have been missed) or drops (live false). Returns a function that closes it for good.
 */
export function siteEvents(siteId, { onEvent, onState = () => {} }) {
  let source = null;
  let timer = null;
  let closed = false;
  let failures = 0;
  let everOpen = false;

  async function open() {
    if (closed) return;
    let ticket;
    try {
      ({ ticket } = await api('POST', `/api/v1/sites/${siteId}/events/tickets`));
    } catch (e) {
      // Signed out (the page shows the sign-in form): nothing to reopen.
      if (!(e instanceof ApiError && e.status === 401)) retry();
      return;
    }
    if (closed) return;
    const es = new EventSource(`/api/v1/sites/${siteId}/events?ticket=${encodeURIComponent(ticket)}`);
    source = es;
    es.onopen = () => {
      const reopened = everOpen;
      everOpen = true;
      failures = 0;
      onState(true, reopened);
    };
    for (const type of TYPES) {
      es.addEventListener(type, (msg) => {
        let data;
        try { data = JSON.parse(msg.data); } catch (e) { return; }
        if (data && String(data.siteId) === String(siteId)) onEvent(data);
      });
    }
    es.onerror = () => {
      if (source !== es) return;
      es.close();
      source = null;
      onState(false, false);
      retry();
    };
  }

  function retry() {
    if (closed) return;
    failures++;
    const wait = Math.min(LONGEST_WAIT_MS, 1000 * 2 ** (failures - 1));
    timer = setTimeout(open, wait / 2 + Math.random() * (wait / 2));
  }

  open();
  return () => {
    closed = true;
    clearTimeout(timer);
    if (source) source.close();
    source = null;
  };
}
