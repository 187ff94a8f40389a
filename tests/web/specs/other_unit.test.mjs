// A user of another unit (warehouse2, OUS) sees none of the first unit's (UNN) data in any page:
// stock, device pages, and cases are the server's unit-scoped answers, so nothing leaks to a page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { BhmServer } from '../support/server.mjs';
import { launch, newPage, signIn, open, screenshot, noPageErrors } from '../support/browser.mjs';

let server;
let browser;
before(async () => { server = await new BhmServer().start(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.dispose(); });

test('warehouse2 sees none of UNN\'s devices, device pages or cases', async () => {
  const unn = (await server.api('warehouse', 'GET', '/devices?limit=500')).body.items;
  const unnCase = (await server.api('caseworker', 'GET', '/cases?limit=1')).body.items[0];
  const page = await newPage(browser);
  await signIn(page, server, 'warehouse2');
  await open(page, server, '/stock', '#stock-table tbody tr');
  const shown = await page.$$eval('#stock-table tbody tr td:first-child', (cells) => cells.map((c) => c.textContent));
  const unnTags = new Set(unn.map((d) => d.asset_tag));
  assert.deepEqual(shown.filter((tag) => unnTags.has(tag)), [], 'no UNN asset tag in the stock list');
  await screenshot(page, 'other-unit-stock');
  const failed = [];
  page.on('response', (r) => { if (r.url().includes(`/api/v1/devices/${unn[0].id}`)) failed.push(r.status()); });
  await page.goto(`${server.url}/#/devices/${unn[0].id}`);
  await page.waitForSelector('#page-error[data-status="404"]');
  assert.ok(failed.length && failed.every((s) => s === 404), 'the device answers 404 to another unit');
  assert.doesNotMatch(await page.textContent('main'), new RegExp(unn[0].asset_tag));
  await page.goto(`${server.url}/#/scan`);
  await page.waitForSelector('#scan-code');
  await page.fill('#scan-code', unn[0].asset_tag);
  await page.press('#scan-code', 'Enter');
  await page.waitForSelector('#scan-answers li:not(.sending)');
  assert.notEqual(await page.getAttribute('#scan-answers li', 'data-result'), 'ok', 'a UNN device cannot be counted by OUS');
  const cases = await page.evaluate(async (id) => (await fetch(`/api/v1/cases/${id}`)).status, unnCase.id);
  assert.equal(cases, 404);
  await screenshot(page, 'other-unit-scan');
});
