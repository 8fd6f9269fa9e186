// fetch() for the Kiosk API: JSON in and out, problem+json errors, bearer tokens, time-outs.

export class ApiError extends Error {
  constructor({ status = 0, title = '', detail = '', type = '', retryAfter = null, network = false, body = null }) {
    super(detail || title || (network ? 'network error' : 'HTTP ' + status));
    this.status = status;
    this.title = title;
    this.detail = detail;
    this.type = type;
    this.retryAfter = retryAfter;
    this.network = network;
    this.body = body;
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

/**
 * api('/api/v1/checkins', {method: 'POST', body: {...}, token, timeoutMs})
 * → the parsed JSON (or null for 204); throws ApiError.
 */
export async function api(path, { method = 'GET', body, token, timeoutMs = 15000, raw, contentType, keepalive = false } = {}) {
  const headers = { Accept: 'application/json' };
  if (token) headers.Authorization = 'Bearer ' + token;
  let payload;
  if (raw !== undefined) {
    payload = raw;
    headers['Content-Type'] = contentType || 'application/octet-stream';
  } else if (body !== undefined) {
    payload = JSON.stringify(body);
    headers['Content-Type'] = 'application/json';
  }
  const ctrl = typeof AbortController === 'function' ? new AbortController() : null;
  const timer = ctrl ? setTimeout(() => ctrl.abort(), timeoutMs) : null;
  let res;
  try {
    res = await fetch(path, { method, headers, body: payload, signal: ctrl && ctrl.signal, cache: 'no-store', credentials: 'same-origin', keepalive });
  } catch (e) {
    throw new ApiError({ network: true, detail: String(e && e.message || e) });
  } finally {
    if (timer) clearTimeout(timer);
  }
  if (res.status === 204) return null;
  const type = res.headers.get('Content-Type') || '';
  let data = null;
  if (type.includes('json')) {
    try { data = await res.json(); } catch (e) { data = null; }
  }
  if (!res.ok) {
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
  return data;
}

/** The server refused a visitor's name (typed or on a CCCD card) by the one name definition (PersonName). */
export function isNameProblem(e) {
  const field = e && e.body && e.body.field;
  return e && e.status === 422 && (field === 'visitor.name' || field === 'cccd.name');
}
