// The technician's day in the browser: the inspection due list (in stock and on loan, with the
// municipality), an IEC 62353 inspection that fails on leakage current and then one that passes,
// with the server's limits and live verdict beside each value; and the service-order list.
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
  await signIn(page, server, 'technician');
});
after(async () => { await browser?.close(); await server?.dispose(); });

test('the due list shows devices in stock and on loan, soonest first, with the municipality for those on loan', async () => {
  await open(page, server, '/inspections', '#due-table tbody tr');
  const rows = await page.locator('#due-table tbody tr').count();
  assert.ok(rows > 0);
  await page.selectOption('#due-within', '365');
  await page.waitForFunction((n) => document.querySelectorAll('#due-table tbody tr').length >= n, rows);
  const text = await page.textContent('#due-table');
  assert.match(text, /hos pasient i \p{L}+/u, 'a device on loan names its municipality');
  await checkAccessibility(page, 'inspections due');
  await screenshot(page, 'technician-due-list');
});

async function fillReadings(values) {
  for (const [name, value] of Object.entries(values)) await page.fill(`#i-${name}`, String(value));
}

test('an inspection that fails on leakage current, then one that passes', async () => {
  // A Class II device with a BF applied part, waiting for its first inspection.
  const device = (await server.api('technician', 'GET', '/inspections/due?within_days=30')).body
    .find((d) => d.state === 'received' && d.model.protection_class === 'II' && d.model.applied_part === 'BF');
  assert.ok(device, 'a received Class II BF device in the demo data');
  await open(page, server, `/inspect/${device.id}`, '#v-equipment_leakage_ua:not(:empty)');
  assert.match(await page.textContent('#v-equipment_leakage_ua'), /Grense 100 µA/, 'the limit came from the server');
  assert.equal(await page.isVisible('#i-protective_earth_ohm'), false, 'no protective earth on Class II');
  await page.check('#i-visual');
  await page.check('#i-functional');
  await fillReadings({ equipment_leakage_ua: 620, applied_part_leakage_ua: 40 });
  await page.waitForSelector('#v-equipment_leakage_ua[data-verdict=fail]');
  await page.waitForSelector('#v-applied_part_leakage_ua[data-verdict=pass]');
  await page.click('#i-save');
  await page.waitForSelector('#i-saved');
  assert.equal(await page.getAttribute('#i-saved', 'data-passed'), 'false');
  await checkAccessibility(page, 'inspection form');
  await screenshot(page, 'technician-inspection-failed');

  // A failed device goes to service and must be cleaned again before the next test.
  await open(page, server, `/devices/${device.id}`, '#device-cleaned');
  await page.click('#device-cleaned');
  await page.waitForFunction(() => !document.getElementById('device-cleaned') && document.querySelector('main[data-page]'));
  await open(page, server, `/inspect/${device.id}`, '#v-equipment_leakage_ua:not(:empty)');
  await page.check('#i-visual');
  await page.check('#i-functional');
  await fillReadings({ equipment_leakage_ua: 60, applied_part_leakage_ua: 40 });
  await page.waitForSelector('#v-equipment_leakage_ua[data-verdict=pass]');
  await page.waitForSelector('#i-overall.pass');
  await page.click('#i-save');
  await page.waitForSelector('#i-saved');
  assert.equal(await page.getAttribute('#i-saved', 'data-passed'), 'true');
  await screenshot(page, 'technician-inspection-passed');
  const inspections = (await server.api('technician', 'GET', `/devices/${device.id}/inspections`)).body;
  assert.deepEqual(inspections.slice(-2).map((i) => i.passed), [false, true]);
});

test('service orders: open from the device page, record work, listed as in progress', async () => {
  const device = (await server.api('technician', 'GET', '/devices?state=available&limit=1')).body.items[0];
  await open(page, server, `/devices/${device.id}`, '#device-fault');
  await page.fill('#device-fault', 'Alarm E12 ved oppstart');
  await page.click('form:has(#device-fault) button[type=submit]');
  await page.waitForSelector('form:has(#device-fault) .ok-text');
  await open(page, server, '/service', `[data-order]`);
  const order = page.locator('article[data-order]').filter({ hasText: device.asset_tag });
  await order.locator('textarea').fill('Byttet vifte');
  await order.locator('button', { hasText: 'Registrer arbeid' }).click();
  await page.waitForSelector('#service-message .ok-text');
  await page.waitForFunction((tag) => [...document.querySelectorAll('article[data-order]')]
    .some((a) => a.textContent.includes(tag) && a.textContent.includes('under arbeid')), device.asset_tag);
  await checkAccessibility(page, 'service orders');
  await screenshot(page, 'technician-service-orders');
  noPageErrors(page);
});
