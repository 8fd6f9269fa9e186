// Calls to the Kiosk API with the bearer token kept in sessionStorage (gone when the tab closes).
const TOKEN_KEY = 'kiosk.admin.token';

export class ApiError extends Error {
  constructor(status, problem) {
    super((problem && (problem.detail || problem.title)) || ('HTTP ' + status));
    this.status = status;
    this.type = problem && problem.type ? problem.type.replace(/^.*\/problems\//, '') : null;
    this.problem = problem || {};
  }
}

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
  const headers = {};
  const t = token();
  if (t) headers.Authorization = 'Bearer ' + t;
  let payload;
  if (raw) {
    headers['Content-Type'] = 'application/octet-stream';
    payload = raw;
  } else if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
    payload = JSON.stringify(body);
  }
  const res = await fetch(path, { method, headers, body: payload, cache: 'no-store' });
  if (!res.ok) {
    let problem = null;
    try { problem = await res.json(); } catch (e) { /* not JSON */ }
    if (res.status === 401 && path !== '/api/v1/auth/login') {
      setToken(null);
      onSignedOut();
    }
    throw new ApiError(res.status, problem);
  }
  return res;
}

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

export function query(params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v !== undefined && v !== null && v !== '') q.set(k, v);
  }
  const s = q.toString();
  return s ? '?' + s : '';
}
