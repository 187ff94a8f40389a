// The test-instrument register in the browser (issue 12): the list marks an instrument out of
// calibration; a calibration dated in the future is refused with the server's rule in Norwegian; an
// instrument is added and a new calibration recorded by keyboard alone; the inspection form picks
// its instrument from the register and marks one out of calibration.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { BhmServer } from '../support/server.mjs';
import { launch, newPage, signIn, open, checkBothSizes, screenshot, tabTo, noPageErrors } from '../support/browser.mjs';

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

const day = (offset) => new Date(Date.now() + offset * 86400000).toISOString().slice(0, 10);

test('the register marks the instrument out of calibration, and a calibration in the future is refused with its reason', async () => {
  await open(page, server, '/instruments', '#instruments-table tbody tr[data-instrument]');
  const expired = (await server.api('technician', 'GET', '/instruments')).body.filter((x) => !x.in_calibration);
  assert.ok(expired.length >= 1, 'the demo data has an instrument out of calibration');
  const row = page.locator(`tr[data-instrument="${expired[0].identity}"]`);
  assert.equal(await row.locator('[data-calibrated]').getAttribute('data-calibrated'), 'false');
  assert.match(await row.textContent(), /utløpt kalibrering/);
  await checkBothSizes(page, 'instrument register');
  await screenshot(page, 'technician-instruments');

  await page.fill('#n-identity', 'Metron QA-90 (SN 9001)');
  await page.fill('#n-calibrated', day(3));
  await page.click('#n-add');
  await page.waitForSelector('#instruments-out [data-code=calibration_in_future]');
  assert.match(await page.textContent('#instruments-out'), /Kalibreringsdatoen kan ikke/, 'the refusal in Norwegian');
  await screenshot(page, 'technician-instruments-refused');
});

test('by keyboard alone: add an instrument, then record a new calibration of the expired one', async () => {
  await open(page, server, '/instruments', '#instruments-table tbody tr[data-instrument]');
  await tabTo(page, '#n-identity');
  await page.keyboard.press('Control+A');
  await page.keyboard.type('Metron QA-90 (SN 9001)');
  await tabTo(page, '#n-calibrated');
  await page.fill('#n-calibrated', day(-10));   // a date field's own widget; reached by Tab above
  await tabTo(page, '#n-add');
  await page.keyboard.press('Enter');
  await page.waitForSelector('tr[data-instrument="Metron QA-90 (SN 9001)"] [data-calibrated=true]');

  const expired = (await server.api('technician', 'GET', '/instruments')).body.find((x) => !x.in_calibration);
  await tabTo(page, `#cal-${expired.id}`);
  await page.fill(`#cal-${expired.id}`, day(0));
  await page.keyboard.press('Enter');   // submits the row's form
  await page.waitForSelector(`tr[data-instrument="${expired.identity}"] [data-calibrated=true]`);
  await checkBothSizes(page, 'instrument register after a calibration');
  noPageErrors(page);
});

test('the inspection form picks the instrument from the register, and marks one out of calibration', async () => {
  await server.api('technician', 'POST', '/instruments', { identity: 'Gammel tester (SN 1)', calibrated_on: '2019-05-01' });
  const device = (await server.api('technician', 'GET', '/devices?state=available&limit=1')).body.items[0];
  await open(page, server, `/inspect/${device.id}`, '#i-instrument');
  const options = await page.$$eval('#i-instrument option', (xs) => xs.map((o) => ({ value: o.value, text: o.textContent, ok: o.dataset.calibrated })));
  const register = (await server.api('technician', 'GET', '/instruments')).body;
  assert.deepEqual(options.map((o) => o.value).sort(), register.map((x) => x.identity).sort(), 'every instrument of the register, and only those');
  assert.equal(options[0].ok, 'true', 'an instrument in calibration is chosen first');
  const old = options.find((o) => o.value === 'Gammel tester (SN 1)');
  assert.equal(old.ok, 'false');
  assert.match(old.text, /UTLØPT/);
  // The server has the last word: an inspection with the expired instrument is refused with its rule.
  await page.check('#i-visual');
  await page.check('#i-functional');
  await page.selectOption('#i-instrument', 'Gammel tester (SN 1)');
  for (const input of await page.$$('.reading:not([hidden]) input')) await input.fill('0.1');
  await page.click('#i-save');
  await page.waitForSelector('#i-result .error');
  assert.match(await page.textContent('#i-result'), /kalibrering/i);
  await screenshot(page, 'technician-inspection-instrument-expired');
  noPageErrors(page);
});
