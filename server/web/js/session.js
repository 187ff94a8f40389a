// Who is signed in: the browser session lives in an HttpOnly cookie the page never sees; the page
// keeps only the caller's name, role, unit and the CSRF token (recovered from /me after a reload).
import { api, get, post, setCsrfToken, ApiProblem } from './api.js';

let current = null;

export function user() { return current; }

export async function restore() {
  try {
    const me = await get('/me', { quiet: true });
    setCsrfToken(me.csrf_token);
    current = me;
  } catch (e) {
    if (!(e instanceof ApiProblem)) throw e;
    current = null;
  }
  return current;
}

export async function signIn(username, password) {
  const answer = await api('POST', '/auth/session', { username, password }, { quiet: true });
  setCsrfToken(answer.csrf_token);
  current = answer;
  try { Object.assign(current, await get('/me', { quiet: true })); } catch { /* the sign-in answer is enough */ }
  return current;
}

export async function signOut() {
  try { await post('/auth/logout', {}, { quiet: true }); } catch { /* the session is gone either way */ }
  setCsrfToken(null);
  current = null;
}

export function forget() { setCsrfToken(null); current = null; }

export function hasRole(...roles) { return current !== null && roles.includes(current.role); }
