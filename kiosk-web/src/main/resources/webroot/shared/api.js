// fetch() for the Kiosk API, for every screen: JSON in and out, problem+json errors as one ApiError,
// bearer tokens, time-outs. The dashboard's signed-in calls (token kept for the tab, a 401 signs out)
// are in session.js, on top of request() here.

export class ApiError extends Error {
  constructor({ status = 0, title = '', detail = '', type = '', retryAfter = null, network = false, body = null }) {
    super(detail || title || (network ? 'network error' : 'HTTP ' + status));
    this.status = status;
    this.title = title;
    this.detail = detail;
    /** the problem's type as the server sent it (https://kiosk.gov.vn/problems/<name>); see isProblem() */
    this.type = type;
    this.retryAfter = retryAfter;
    this.network = network;
    /** the problem+json body (null when there was none) */
    this.body = body;
  }

  /** the problem+json body, never null (its extra members: field, reference, until …) */
  get problem() {
    return this.body || {};
  }

  /** true when trying again later may work (no network, time-out, server trouble, rate limit) */
  get transient() {
    return this.network || this.status === 0 || this.status === 408 || this.status === 429 || this.status >= 500;
  }
}

/** true when e is the problem of that name (its type is https://kiosk.gov.vn/problems/<name>) */
export function isProblem(e, name) {
  return !!e && typeof e.type === 'string' && (e.type === name || e.type.endsWith('/' + name));
}

/** The server refused a visitor's name (typed or on a CCCD card) by the one name definition (PersonName). */
export function isNameProblem(e) {
  const field = e && e.body && e.body.field;
  return e && e.status === 422 && (field === 'visitor.name' || field === 'cccd.name');
}

/**
 * The one fetch: request('/api/v1/…', {method, body (JSON), raw (bytes) + contentType, token, timeoutMs, keepalive, accept})
 * → the Response when it is ok; throws ApiError otherwise (network: true when there was no answer).
 * timeoutMs 0 waits as long as the browser does; accept null sends no Accept header (downloads).
 */
export async function request(path, {
  method = 'GET', body, token, timeoutMs = 15000, raw, contentType, keepalive = false, accept = 'application/json',
} = {}) {
  const headers = {};
  if (accept) headers.Accept = accept;
  if (token) headers.Authorization = 'Bearer ' + token;
  let payload;
  if (raw !== undefined) {
    payload = raw;
    headers['Content-Type'] = contentType || 'application/octet-stream';
  } else if (body !== undefined) {
    payload = JSON.stringify(body);
    headers['Content-Type'] = 'application/json';
  }
  const ctrl = timeoutMs > 0 && typeof AbortController === 'function' ? new AbortController() : null;
  const timer = ctrl ? setTimeout(() => ctrl.abort(), timeoutMs) : null;
  let res;
  try {
    res = await fetch(path, { method, headers, body: payload, signal: ctrl ? ctrl.signal : undefined, cache: 'no-store', credentials: 'same-origin', keepalive });
  } catch (e) {
    throw new ApiError({ network: true, detail: String(e && e.message || e) });
  } finally {
    if (timer) clearTimeout(timer);
  }
  if (!res.ok) {
    let data = null;
    if ((res.headers.get('Content-Type') || '').includes('json')) {
      try { data = await res.json(); } catch (e) { data = null; }
    }
    const ra = res.headers.get('Retry-After');
    throw new ApiError({
      status: res.status,
      title: data && data.title || res.statusText,
      detail: data && data.detail || '',
      type: data && data.type || '',
      retryAfter: ra ? Number(ra) || null : null,
      body: data,
    });
  }
  return res;
}

/**
 * api('/api/v1/checkins', {method: 'POST', body: {...}, token, timeoutMs})
 * → the parsed JSON (or null for 204 or an answer that is not JSON); throws ApiError.
 */
export async function api(path, opts) {
  const res = await request(path, opts);
  if (res.status === 204) return null;
  if (!(res.headers.get('Content-Type') || '').includes('json')) return null;
  try { return await res.json(); } catch (e) { return null; }
}

/** ?a=1&b=2 from the values that are set ('' when none is). */
export function query(params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v !== undefined && v !== null && v !== '') q.set(k, v);
  }
  const s = q.toString();
  return s ? '?' + s : '';
}
