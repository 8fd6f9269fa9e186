// The dashboard's calls as a signed-in user: the bearer token kept in sessionStorage (gone when the tab
// closes), and a 401 on anything but the sign-in itself drops it and shows the sign-in form.
// Built on the one fetch in api.js (no time-out here: reports and traces can take long).
import { request, ApiError, query } from './api.js';
import { siteEvents as liveEvents } from './live.js';

export { ApiError, query };

const TOKEN_KEY = 'kiosk.admin.token';
const LOGIN = '/api/v1/auth/login';

let onSignedOut = () => {};

export function token() {
  try { return sessionStorage.getItem(TOKEN_KEY); } catch (e) { return null; }
}

export function setToken(value) {
  try {
    if (value) sessionStorage.setItem(TOKEN_KEY, value); else sessionStorage.removeItem(TOKEN_KEY);
  } catch (e) { /* private mode: the session lasts as long as the page */ }
}

export function whenSignedOut(handler) {
  onSignedOut = handler;
}

async function send(method, path, body, raw) {
  try {
    return await request(path, { method, body, raw, token: token(), timeoutMs: 0, accept: null });
  } catch (e) {
    if (e instanceof ApiError && e.status === 401 && path !== LOGIN) {
      setToken(null);
      onSignedOut();
    }
    throw e;
  }
}

/** api('GET', '/api/v1/sites') → the parsed JSON (null for 204). */
export async function api(method, path, body) {
  const res = await send(method, path, body);
  return res.status === 204 ? null : res.json();
}

export async function upload(path, bytes) {
  const res = await send('PUT', path, undefined, bytes);
  return res.status === 204 ? null : res.json();
}

/** Fetches a file with the token and hands it to the browser as a download; returns its name. */
export async function download(method, path, body, fallbackName) {
  const res = await send(method, path, body);
  const disposition = res.headers.get('Content-Disposition') || '';
  const m = /filename="([^"]+)"/.exec(disposition);
  const name = m ? m[1] : fallbackName;
  const blob = await res.blob();
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return name;
}

/** A site's live events (live.js) with tickets asked for as the signed-in user; signed out, it stops. */
export function siteEvents(siteId, opts) {
  return liveEvents(siteId, {
    ticket: async () => (await api('POST', `/api/v1/sites/${siteId}/events/tickets`)).ticket,
    // Signed out (the page shows the sign-in form): nothing to reopen.
    retryAfter: (e) => !(e instanceof ApiError && e.status === 401),
    ...opts,
  });
}
