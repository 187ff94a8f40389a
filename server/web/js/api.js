// The only door to the server: every call goes to /api/v1 with the session cookie, a JSON body
// and, for writes, the session's CSRF token. Refusals come back as ApiProblem (RFC 9457 fields),
// an unreachable server as Unreachable, so the scan station can queue instead of failing.
let csrfToken = null;
let onSignedOut = () => {};

export function setCsrfToken(token) { csrfToken = token || null; }
export function whenSignedOut(handler) { onSignedOut = handler; }

export class ApiProblem extends Error {
  constructor(status, body) {
    super((body && (body.detail || body.title)) || `HTTP ${status}`);
    this.status = status;
    this.body = body || {};
    this.code = this.body.code || '';
    this.rule = this.body.rule || '';
    this.reasons = Array.isArray(this.body.reasons) ? this.body.reasons : [];
  }
}

export class Unreachable extends Error {}

export async function api(method, path, body, options = {}) {
  const headers = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && method !== 'HEAD' && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  let res;
  try {
    res = await fetch(`/api/v1${path}`, {
      method, headers, credentials: 'same-origin', cache: 'no-store',
      body: body === undefined ? undefined : JSON.stringify(body), signal: options.signal,
    });
  } catch (e) {
    if (e.name === 'AbortError') throw e;
    throw new Unreachable(e.message);
  }
  const text = await res.text();
  let data = null;
  if (text) {
    try { data = JSON.parse(text); } catch { data = { detail: text }; }
  }
  if (!res.ok) {
    if (res.status === 401 && !options.quiet) onSignedOut();
    throw new ApiProblem(res.status, data);
  }
  return data;
}

export const get = (path, options) => api('GET', path, undefined, options);
export const post = (path, body = {}, options) => api('POST', path, body, options);
export const patch = (path, body, options) => api('PATCH', path, body, options);
export const put = (path, body, options) => api('PUT', path, body, options);

// Query strings from an object, leaving out empty values.
export function query(params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') q.set(k, v);
  const s = q.toString();
  return s ? `?${s}` : '';
}
