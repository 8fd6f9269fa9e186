// The offline queue of a screen that records check-ins (the kiosk, the guard console): check-ins kept in
// IndexedDB (survives reloads and reboots) with their client id and original time, sent in order when the
// server answers again. The client id makes every send safe to repeat: the server stores each id once.
import { isProblem } from '../shared/api.js';

const VERSION = 1;

const req = (r) => new Promise((resolve, reject) => { r.onsuccess = () => resolve(r.result); r.onerror = () => reject(r.error); });

/** The queue kept in the IndexedDB database of that name (one per screen). */
export function openQueue(name) {
  let dbp = null;
  const db = () => (dbp = dbp || new Promise((resolve, reject) => {
    const r = indexedDB.open(name, VERSION);
    r.onupgradeneeded = () => {
      const d = r.result;
      if (!d.objectStoreNames.contains('queue')) d.createObjectStore('queue', { keyPath: 'id' });
      if (!d.objectStoreNames.contains('failed')) d.createObjectStore('failed', { keyPath: 'id' });
    };
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  }));

  async function tx(store, mode, fn) {
    const d = await db();
    return new Promise((resolve, reject) => {
      const t = d.transaction(store, mode);
      const s = t.objectStore(store);
      let result;
      Promise.resolve(fn(s)).then((r) => { result = r; });
      t.oncomplete = () => resolve(result);
      t.onerror = () => reject(t.error);
      t.onabort = () => reject(t.error);
    });
  }

  const q = {
    /**
     * item: {id, body, queuedAt, label, path?} — body is the exact POST body: a check-in (with its client id and
     * original occurredAt) for /api/v1/checkins, or {code} for /api/v1/confirmations (path set).
     */
    enqueue: (item) => tx('queue', 'readwrite', (s) => req(s.put(item))),
    async pending() {
      const items = await tx('queue', 'readonly', (s) => req(s.getAll()));
      const at = (i) => i.queuedAt || i.body.occurredAt || '';
      return items.sort((a, b) => (at(a) < at(b) ? -1 : at(a) > at(b) ? 1 : 0));
    },
    count: () => tx('queue', 'readonly', (s) => req(s.count())),
    remove: (id) => tx('queue', 'readwrite', (s) => req(s.delete(id))),
    /** The server refused it for good (e.g. too old): kept aside for the record, out of the queue. */
    async fail(item, reason) {
      await tx('failed', 'readwrite', (s) => req(s.put({ ...item, failedAt: new Date().toISOString(), reason })));
      await q.remove(item.id);
    },
    failedCount: () => tx('failed', 'readonly', (s) => req(s.count())),
  };
  return q;
}

/**
 * Sends the queued items of {@code q} in order with send(item) (a promise of the answer); stops at the first
 * that cannot be sent now (no network, time-out, server trouble, the screen's own sign-in refused) and returns
 * {sent, stopped}: the count stored and the error that stopped it, or null. An item the server refuses for good
 * is kept aside; 409 id-reused means an earlier attempt of this very id was stored (its answer never came, and
 * this replay carries its original time), so it counts as sent. onItem(item, answer, refused) follows each one
 * (refused: the ApiError of an item kept aside, for the screen to tell its user).
 */
export async function flush(q, send, { only = () => true, onItem = () => {} } = {}) {
  let sent = 0;
  for (const item of await q.pending()) {
    if (!only(item)) continue;
    let answer = null;
    let refused = null;
    try {
      answer = await send(item);
      await q.remove(item.id);
      sent++;
    } catch (e) {
      if (e.transient) return { sent, stopped: e };
      // the screen's own sign-in refused stops the queue; a visitor's pass refused is that item's refusal
      if (e.status === 401 && !isProblem(e, 'invalid-pass')) return { sent, stopped: e };
      if (isProblem(e, 'id-reused')) {
        await q.remove(item.id);
        sent++;
      } else {
        // e.g. 409 already-checked-in (a second scan, taken as no exit): never retried
        await q.fail(item, `${e.status} ${e.title}: ${e.detail}`);
        refused = e;
      }
    }
    await onItem(item, answer, refused);
  }
  return { sent, stopped: null };
}

// The kiosk's queue (its database name is older than the guard console's).
const kiosk = openQueue('kiosk-offline');
export const { enqueue, pending, count, remove, fail, failedCount } = kiosk;
export const kioskQueue = kiosk;
