// Sign-in through the login page: a wrong password is told, a right one opens the role's home page
// with the session cookie (HttpOnly, SameSite=Strict), logout ends the session on the server, and a
// cookie-authenticated write from another origin is refused (CSRF).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { BhmServer } from '../support/server.mjs';
import { launch, newPage, signIn, ready, checkAccessibility, screenshot, noPageErrors } from '../support/browser.mjs';

let server;
let browser;
before(async () => { server = await new BhmServer().start(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.dispose(); });

test('a wrong password is told in plain words and nobody is signed in', async () => {
  const page = await newPage(browser);
  await page.goto(`${server.url}/`);
  await ready(page);
  await checkAccessibility(page, 'login');
  await page.fill('input[name=username]', 'warehouse');
  await page.fill('input[name=password]', 'not-the-password');
  await page.press('input[name=password]', 'Enter');
  await page.waitForSelector('#login-error:not(:empty)');
  assert.match(await page.textContent('#login-error'), /Feil brukernavn eller passord/);
  assert.equal(await page.locator('#logout').count(), 0);
  await screenshot(page, 'login-wrong-password');
  noPageErrors(page);
  await page.context().close();
});

test('Norwegian by default, English one click away, and back', async () => {
  const page = await newPage(browser);
  await page.goto(`${server.url}/`);
  await ready(page);
  assert.equal(await page.textContent('main h1'), 'Logg inn');
  await page.click('header button[lang=en]');
  await page.waitForFunction(() => document.querySelector('main h1')?.textContent === 'Sign in');
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  await checkAccessibility(page, 'login in English');
  await page.click('header button[lang=nb]');
  await page.waitForFunction(() => document.querySelector('main h1')?.textContent === 'Logg inn');
  await page.context().close();
});

test('sign in sets an HttpOnly SameSite=Strict cookie, opens the home page, and logout ends the session', async () => {
  const page = await newPage(browser);
  await signIn(page, server, 'warehouse');
  assert.match(page.url(), /#\/scan$/);
  const cookies = await page.context().cookies();
  const session = cookies.find((c) => c.name === 'bhm_session');
  assert.ok(session, 'bhm_session cookie');
  assert.equal(session.httpOnly, true);
  assert.equal(session.sameSite, 'Strict');
  assert.equal(await page.evaluate(() => document.cookie.includes('bhm_session')), false);
  // A reload keeps the session and recovers the CSRF token from /me.
  await page.reload();
  await ready(page);
  await page.waitForSelector('#logout');
  await page.click('#logout');
  await page.waitForSelector('input[name=username]');
  await screenshot(page, 'login-after-logout');
  const stale = await fetch(`${server.url}/api/v1/me`, { headers: { Cookie: `bhm_session=${session.value}` } });
  assert.equal(stale.status, 401, 'the old cookie no longer works after logout');
  noPageErrors(page);
  await page.context().close();
});

test('a cookie-authenticated write from another origin is refused', async () => {
  const page = await newPage(browser);
  await signIn(page, server, 'admin');
  const session = (await page.context().cookies()).find((c) => c.name === 'bhm_session');
  const forged = await fetch(`${server.url}/api/v1/stations`, { method: 'POST',
    headers: { Cookie: `bhm_session=${session.value}`, Origin: 'http://evil.example', 'Content-Type': 'application/json' },
    body: JSON.stringify({ name: 'forged' }) });
  assert.equal(forged.status, 403);
  assert.equal((await forged.json()).code, 'csrf_refused');
  // The page itself, same origin with its token, may write.
  const own = await page.evaluate(async () => (await import('/js/api.js')).post('/stations', { name: 'own-page' }).then((r) => r.name));
  assert.equal(own, 'own-page');
  await page.context().close();
});
