// Starts the app: language, session, the header with the role's menu, and the hash router that
// mounts one page module at a time into <main>. Signed out, every route shows the login page.
import { h, clear } from './dom.js';
import { t, loadLanguage, savedLanguage, currentLanguage } from './i18n.js';
import { whenSignedOut, ApiProblem, Unreachable } from './api.js';
import * as session from './session.js';
import { routes, home, match } from './routes.js';
import { problemText } from './parts/problem_text.js';

const main = document.getElementById('main');
const top = document.getElementById('top');
let leavePage = null;

function path() { return (location.hash.replace(/^#/, '') || '/').split('?')[0]; }

export function go(to) {
  if (path() === to) route(); else location.hash = `#${to}`;
}

function header() {
  clear(top);
  const me = session.user();
  const other = currentLanguage() === 'nb' ? 'en' : 'nb';
  const brand = h('a', { class: 'brand', href: me ? `#${home[me.role] || '/stock'}` : '#/' }, 'BHM Tracker');
  const items = me ? routes.filter((r) => r.menu && r.roles.includes(me.role)) : [];
  const nav = h('nav', { 'aria-label': t('nav.label') },
    h('ul', {}, items.map((r) => h('li', {}, h('a', {
      href: `#${r.path}`, 'aria-current': path() === r.path ? 'page' : undefined, text: t(r.menu),
    })))));
  const lang = h('button', {
    type: 'button', class: 'link', lang: other, onclick: async () => { await loadLanguage(other); render(); },
    text: t('lang.switch'),
  });
  const who = me ? [
    h('span', { class: 'who', text: t('header.signed_in', { user: me.username, role: t(`role.${me.role}`) }) }),
    h('button', { type: 'button', class: 'link', id: 'logout', onclick: logout, text: t('header.logout') }),
  ] : [];
  top.append(brand, nav, h('div', { class: 'tools' }, lang, who));
  const skip = document.getElementById('skip');
  skip.textContent = t('header.skip');
  skip.onclick = () => main.focus();
}

async function logout() {
  await session.signOut();
  location.hash = '#/login';
  render();
}

async function route() {
  if (leavePage) { try { leavePage(); } catch { /* a page's cleanup must not stop the next page */ } leavePage = null; }
  const me = session.user();
  let p = path();
  if (!me) {
    if (p !== '/login') { history.replaceState(null, '', '#/login'); p = '/login'; }
  } else if (p === '/' || p === '/login') {
    p = home[me.role] || '/stock';
    history.replaceState(null, '', `#${p}`);
  }
  header();
  clear(main);
  delete main.dataset.page;
  let page;
  let params = {};
  if (p === '/login') {
    page = (await import('./pages/login.js')).default;
  } else {
    const found = match(p);
    if (!found || !found.route.roles.includes(me.role)) {
      page = (await import('./pages/not_found.js')).default;
    } else {
      page = (await found.route.load()).default;
      params = found.params;
    }
  }
  document.title = `${t(page.title)} · BHM Tracker`;
  try {
    const leave = await page.render(main, params, { go, refreshHeader: header });
    if (typeof leave === 'function') leavePage = leave;
  } catch (e) {
    // A page whose data the server refuses (another unit's record is 404) says so instead of going blank.
    clear(main);
    const key = e instanceof ApiProblem && [403, 404].includes(e.status) ? `error.http_${e.status}`
      : e instanceof Unreachable ? 'error.unreachable' : 'error.unknown';
    main.append(h('section', { class: 'card', id: 'page-error', 'data-status': e.status || '' },
      h('h1', { text: t(key) }), e instanceof ApiProblem && (e.body.code || e.body.detail) ? h('p', { text: problemText(e.body) }) : null,
      h('a', { href: '#/', text: t('notfound.home') })));
    if (!(e instanceof ApiProblem) && !(e instanceof Unreachable)) console.error(e);
  }
  main.dataset.page = p;
  if (!main.contains(document.activeElement) || document.activeElement === document.body) {
    const heading = main.querySelector('h1');
    if (heading) { heading.tabIndex = -1; heading.focus({ preventScroll: true }); }
  }
}

function render() { route(); }

whenSignedOut(() => { session.forget(); location.hash = '#/login'; render(); });
window.addEventListener('hashchange', route);

if ('serviceWorker' in navigator) navigator.serviceWorker.register('/sw.js').catch(() => { /* pages still work online */ });
await loadLanguage(savedLanguage());
await session.restore();
// Opened while the server was down: try again until it answers, to get the session's CSRF token back.
if (session.offline) {
  const retry = setInterval(async () => { await session.restore(); if (!session.offline) { clearInterval(retry); header(); } }, 3000);
}
await route();
performance.mark('bhm-ready');
document.body.dataset.ready = 'true';
