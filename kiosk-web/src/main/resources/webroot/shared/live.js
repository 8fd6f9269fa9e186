// A site's live events (check-ins, check-outs, Bluezone confirmations), for the dashboard and the guard console.
// An EventSource cannot send the token: the stream opens with a single-use ticket, so the browser's own
// reconnect (which reuses the URL) cannot work; after any drop a new ticket is asked for, waiting longer
// after each failure (about 1, 2, 4 … up to longestWaitMs, with jitter so many screens do not come back at once).

const TYPES = ['checkin', 'checkout', 'confirmation'];

/**
 * Opens the stream of one site. ticket() asks the server for a single-use ticket (a promise of the string);
 * onEvent(event) gets each parsed event of that site; onState(live, reopened, failures) is called when the
 * stream opens (reopened: after a drop, so events may have been missed; failures: attempts that failed since
 * it was last open) or drops (live false). retryAfter(error) says whether a ticket that could not be had is
 * worth asking again (not when signed out); onRetry(failures) is told of each wait before trying again.
 * Returns a function that closes it for good, with .live() (open now) and .now() (stop waiting, try at once).
 */
export function siteEvents(siteId, {
  ticket, onEvent, onState = () => {}, onRetry = () => {}, retryAfter = () => true, longestWaitMs = 30_000, jitter = true,
}) {
  let source = null;
  let timer = null;
  let closed = false;
  let failures = 0;
  let everOpen = false;

  async function open() {
    if (closed) return;
    timer = null;
    let t;
    try {
      t = await ticket();
    } catch (e) {
      if (retryAfter(e)) retry();
      return;
    }
    if (closed) return;
    const es = new EventSource(`/api/v1/sites/${siteId}/events?ticket=${encodeURIComponent(t)}`);
    source = es;
    es.onopen = () => {
      const reopened = everOpen;
      const missed = failures;
      everOpen = true;
      failures = 0;
      onState(true, reopened, missed);
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
      onState(false, false, failures);
      retry();
    };
  }

  function retry() {
    if (closed) return;
    failures++;
    onRetry(failures);
    const wait = Math.min(longestWaitMs, 1000 * 2 ** (failures - 1));
    timer = setTimeout(open, jitter ? wait / 2 + Math.random() * (wait / 2) : wait);
  }

  open();
  const close = () => {
    closed = true;
    clearTimeout(timer);
    if (source) source.close();
    source = null;
  };
  close.live = () => !!(source && source.readyState === 1);
  close.now = () => {
    if (closed || source || !timer) return;
    clearTimeout(timer);
    open();
  };
  return close;
}
