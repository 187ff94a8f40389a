// The admin's pages in the browser: create a login, change its role, deactivate it (it can no longer
// sign in); issue a scan-station token that is shown once, and revoke it (it no longer scans).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { BhmServer } from '../support/server.mjs';
import { launch, newPage, signIn, open, checkAccessibility, screenshot, noPageErrors } from '../support/browser.mjs';

let server;
let browser;
let page;
before(async () => {
  server = await new BhmServer().start();
  browser = await launch();
  page = await newPage(browser);
  await signIn(page, server, 'admin');
});
after(async () => { await browser?.close(); await server?.dispose(); });

test('users: create, change role, deactivate', async () => {
  await open(page, server, '/admin/users', '#users-table tbody tr');
  await page.fill('#u-name', 'kari');
  await page.selectOption('#u-role', 'warehouse');
  await page.fill('#u-password', 'kari-passord-1');
  await page.click('#u-create');
  await page.waitForSelector('tr[data-user=kari]');
  const row = page.locator('tr[data-user=kari]');
  await row.locator('select').selectOption('technician');
  await row.locator('button', { hasText: 'Lagre rolle' }).click();
  await page.waitForSelector('#users-out .ok-text');
  await page.waitForFunction(() => document.querySelector('tr[data-user=kari] select').value === 'technician');
  await checkAccessibility(page, 'users');
  await row.locator('button.deactivate').click();
  await page.waitForFunction(() => document.querySelector('tr[data-user=kari] td:nth-child(3)').textContent === 'nei');
  await screenshot(page, 'admin-users');
  const login = await fetch(`${server.url}/api/v1/auth/session`, { method: 'POST', headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username: 'kari', password: 'kari-passord-1' }) });
  assert.equal(login.status, 401, 'a deactivated user cannot sign in');
});

test('stations: a token is shown once, and a revoked station can no longer scan', async () => {
  await open(page, server, '/admin/stations', '#stations-table tbody tr');
  await page.fill('#st-name', 'lager-nett');
  await page.click('#st-issue');
  await page.waitForSelector('#st-token');
  const token = (await page.textContent('#st-token')).trim();
  assert.ok(token.length >= 32);
  await checkAccessibility(page, 'stations');
  await screenshot(page, 'admin-stations');
  const scan = (id) => fetch(`${server.url}/api/v1/scans`, { method: 'POST', headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ id, mode: 'count', code: 'BHM00000018' }) });
  assert.equal((await scan(crypto.randomUUID())).status, 200);
  await page.reload();
  await page.waitForSelector('tr[data-station=lager-nett] button');
  assert.equal(await page.locator('#st-token').count(), 0, 'the token is not shown again');
  await page.click('tr[data-station=lager-nett] button');
  await page.waitForSelector('#stations-out .ok-text');
  assert.equal((await scan(crypto.randomUUID())).status, 401);
  noPageErrors(page);
});
