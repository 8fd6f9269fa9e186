// The kiosk's offline queue: check-ins kept in IndexedDB (survives reloads and reboots)
// with their client id and original time, sent in order when the network returns.

const DB = 'kiosk-offline';
const VERSION = 1;

function open() {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(DB, VERSION);
    req.onupgradeneeded = () => {
      const db = req.result;
      if (!db.objectStoreNames.contains('queue')) db.createObjectStore('queue', { keyPath: 'id' });
      if (!db.objectStoreNames.contains('failed')) db.createObjectStore('failed', { keyPath: 'id' });
    };
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

let dbp = null;
const db = () => (dbp = dbp || open());

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

const req = (r) => new Promise((resolve, reject) => { r.onsuccess = () => resolve(r.result); r.onerror = () => reject(r.error); });

/**
 * item: {id, body, queuedAt, label, path?} — body is the exact POST body: a check-in (with its client id and
 * original occurredAt) for /api/v1/checkins, or {code} for /api/v1/confirmations (path set).
 */
export function enqueue(item) {
  return tx('queue', 'readwrite', (s) => req(s.put(item)));
}

export async function pending() {
  const items = await tx('queue', 'readonly', (s) => req(s.getAll()));
  const at = (i) => i.queuedAt || i.body.occurredAt || '';
  return items.sort((a, b) => (at(a) < at(b) ? -1 : at(a) > at(b) ? 1 : 0));
}

export function count() {
  return tx('queue', 'readonly', (s) => req(s.count()));
}

export function remove(id) {
  return tx('queue', 'readwrite', (s) => req(s.delete(id)));
}

/** The server refused it for good (e.g. too old): kept aside for the record, out of the queue. */
export async function fail(item, reason) {
  await tx('failed', 'readwrite', (s) => req(s.put({ ...item, failedAt: new Date().toISOString(), reason })));
  await remove(item.id);
}

export function failedCount() {
  return tx('failed', 'readonly', (s) => req(s.count()));
}
