// Who is signed in: the browser session lives in an HttpOnly cookie the page never sees; the page
// keeps only the caller's name, role, unit and the CSRF token (recovered from /me after a reload).
import { api, get, post, setCsrfToken, ApiProblem, Unreachable } from './api.js';

let current = null;

export function user() { return current; }

// Who was signed in on this tab, without the CSRF token, so a page reloaded while the server is
// down (a scan station) can still open; the token comes back from /me once the server answers.
const remembered = 'bhm.signed-in';
function remember(me) {
  try {
    if (me) sessionStorage.setItem(remembered, JSON.stringify({ username: me.username, role: me.role, unit_id: me.unit_id }));
    else sessionStorage.removeItem(remembered);
  } catch { /* private mode */ }
}

export let offline = false;

export async function restore() {
  try {
    const me = await get('/me', { quiet: true });
    setCsrfToken(me.csrf_token);
    current = me;
    offline = false;
  } catch (e) {
    if (e instanceof Unreachable) {
      try { current = JSON.parse(sessionStorage.getItem(remembered)); } catch { current = null; }
      offline = current !== null;
      return current;
    }
    if (!(e instanceof ApiProblem)) throw e;
    current = null;
  }
  remember(current);
  return current;
}

export async function signIn(username, password) {
  const answer = await api('POST', '/auth/session', { username, password }, { quiet: true });
  setCsrfToken(answer.csrf_token);
  current = answer;
  try { Object.assign(current, await get('/me', { quiet: true })); } catch { /* the sign-in answer is enough */ }
  remember(current);
  return current;
}

export async function signOut() {
  try { await post('/auth/logout', {}, { quiet: true }); } catch { /* the session is gone either way */ }
  setCsrfToken(null);
  current = null;
  remember(null);
}

export function forget() { setCsrfToken(null); current = null; remember(null); }

export function hasRole(...roles) { return current !== null && roles.includes(current.role); }
