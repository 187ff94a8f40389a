// The manager's day in the browser: the dashboard finds the overdue loans and each number opens its
// list; a device's history reads as sentences; the annual report draws its SVG charts and exports
// the same figures as CSV and JSON.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { BhmServer } from '../support/server.mjs';
import { launch, newPage, signIn, open, checkAccessibility, screenshot, noPageErrors } from '../support/browser.mjs';

let server;
let browser;
let page;
before(async () => {
  server = await new BhmServer().start();
  browser = await launch();
  page = await newPage(browser);
  await signIn(page, server, 'manager');
});
after(async () => { await browser?.close(); await server?.dispose(); });

test('the dashboard finds the overdue loans, and the number opens their list', async () => {
  await open(page, server, '/dashboard', '#tile-overdue-loans');
  const overdue = (await server.api('manager', 'GET', '/loans/overdue')).body;
  assert.ok(overdue.length > 0, 'the demo data has overdue loans');
  assert.equal(await page.getAttribute('#tile-overdue-loans', 'data-count'), String(overdue.length));
  for (const tile of ['inspections-overdue', 'inspections-soon', 'awaiting-decision', 'awaiting-delivery'])
    assert.ok(await page.isVisible(`#tile-${tile}`));
  await checkAccessibility(page, 'dashboard');
  await screenshot(page, 'manager-dashboard');
  await page.click('#tile-overdue-loans');
  await page.waitForSelector('main[data-page="/dashboard/overdue-loans"] #list-table tbody tr');
  assert.equal(await page.locator('#list-table tbody tr').count(), overdue.length);
  assert.match(await page.textContent('#list-table'), new RegExp(overdue[0].case_number));
  await checkAccessibility(page, 'overdue loans list');
  await screenshot(page, 'manager-overdue-loans');
  await page.goBack();
  await page.waitForSelector('main[data-page="/dashboard"]');
  await page.click('#tile-awaiting-decision');
  await page.waitForSelector('main[data-page="/dashboard/awaiting-decision"] #list-table tbody tr');
});

test('a device history is told in plain words, not raw events', async () => {
  const loan = (await server.api('manager', 'GET', '/loans/overdue')).body[0];
  await open(page, server, `/devices/${loan.device_id}`, '#device-history li');
  const text = await page.textContent('#device-history');
  assert.match(text, /Mottatt av warehouse, \d+\. \w+\.? \d{4}/, 'received by whom and when');
  assert.match(text, /Utlånt av /);
  assert.doesNotMatch(text, /take_return|pass_inspection|record_cleaning/, 'no raw event names');
  for (const format of ['png', 'svg', 'zpl']) {
    const href = await page.getAttribute(`a[href$="/label.${format}"]`, 'href');
    const type = await page.evaluate(async (url) => { const r = await fetch(url); return `${r.status} ${r.headers.get('content-type')}`; }, href);
    assert.match(type, /^200 /, `label as ${format}`);
  }
  await checkAccessibility(page, 'device history');
  await screenshot(page, 'manager-device-history');
});

test('the annual report shows its charts and exports CSV and JSON', async () => {
  await open(page, server, '/report', '#chart-months rect[data-value]');
  const bars = await page.$$eval('#chart-months rect[data-value]', (r) => r.map((x) => Number(x.dataset.value)));
  assert.equal(bars.length, 24, 'delivered and returned for 12 months');
  assert.ok(bars.some((v) => v > 0));
  assert.ok(await page.locator('#chart-waiting rect[data-value]').count() >= 5);
  assert.ok(await page.locator('#report-table tbody tr').count() > 0);
  await checkAccessibility(page, 'annual report');
  await screenshot(page, 'manager-annual-report');
  const [csv] = await Promise.all([page.waitForEvent('download'), page.click('#report-csv')]);
  const text = readFileSync(await csv.path(), 'utf8');
  assert.match(text.split('\r\n')[0], /^unit,category,devices_in_use_at_year_end/);
  assert.ok(text.split('\r\n').length > 2);
  const [json] = await Promise.all([page.waitForEvent('download'), page.click('#report-json')]);
  const data = JSON.parse(readFileSync(await json.path(), 'utf8'));
  assert.ok(Array.isArray(data.rows) && data.charts.months.length === 12);
  noPageErrors(page);
});
