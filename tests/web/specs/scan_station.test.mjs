// The warehouse scan station in a real browser: receive scans typed with a reader's timing in every
// form the group separator takes, a refusal with its rule, collect-then-send with a duplicate caught
// before sending, and an offline burst that reaches the server once each after it comes back.
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
  await signIn(page, server, 'warehouse');
  await open(page, server, '/scan', '#scan-code');
});
after(async () => { await browser?.close(); await server?.dispose(); });

const gtin = '07099990001015';   // a demo model (OxyHome 5)

async function mode(name) {
  await page.check(`input[name=mode][value=${name}]`);
  await page.waitForFunction(() => document.activeElement?.id === 'scan-code');
}

// A keyboard-wedge reader: a few ms per key, Enter at the end. `parts` are text or a GS form.
async function readerTypes(parts) {
  for (const part of parts) {
    if (part === 'ctrl]') await page.keyboard.press('Control+BracketRight');
    else if (part === 'alt0029') {
      await page.keyboard.down('Alt');
      for (const d of '0029') await page.keyboard.press(`Numpad${d}`);
      await page.keyboard.up('Alt');
    } else await page.keyboard.type(part, { delay: 4 });
  }
  await page.keyboard.press('Enter');
}

async function answers() { return page.locator('#scan-answers li').count(); }
async function nextAnswer(before) {
  await page.waitForFunction((n) => document.querySelectorAll('#scan-answers li:not(.sending)').length > n, before);
  return page.locator('#scan-answers li').first();
}

test('five receive scans with a reader\'s timing, each group separator form reaching the server as GS', async () => {
  await mode('receive');
  const forms = [['ctrl]'], ['alt0029'], ['\u241d'], ['\ue70b'], []];
  for (let i = 0; i < forms.length; i++) {
    const serial = `WEB-RCV-${i + 1}`;
    const n = await answers();
    const tail = forms[i].length ? [...forms[i], '10LOT42'] : [];
    await readerTypes([`]d201${gtin}21${serial}`, ...tail]);
    const row = await nextAnswer(n);
    assert.equal(await row.getAttribute('data-result'), 'ok', await row.textContent());
    assert.equal(await row.getAttribute('data-source'), 'reader');
    assert.equal(await row.getAttribute('data-sound'), 'ok');
  }
  // A long code (80 characters: GTIN, expiry, production date, lot, GS, serial) arrives whole.
  const n = await answers();
  await readerTypes([`]d201${gtin}1727123111260101` + '10LOT0123456789ABCDEF', 'ctrl]', '21WEBLONG-1234567890AB']);
  const long = await nextAnswer(n);
  assert.equal(await long.getAttribute('data-result'), 'ok', await long.textContent());
  assert.equal(await page.locator('#scan-answers li').count(), n + 1, 'one answer: the code was not split');
  assert.equal(await page.inputValue('#scan-code'), '', 'the field is empty and ready');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'scan-code', 'the field keeps focus');
  const devices = (await server.api('warehouse', 'GET', '/devices?state=received&limit=500')).body.items;
  for (let i = 1; i <= 5; i++) assert.ok(devices.some((d) => d.serial === `WEB-RCV-${i}`), `serial WEB-RCV-${i} exactly (GS ended it)`);
  assert.ok(devices.some((d) => d.serial === 'WEBLONG-1234567890AB'), 'the long code\'s serial whole');
  await checkAccessibility(page, 'scan station');
  await screenshot(page, 'scan-station-receive');
});

test('a person typing an asset tag slowly is taken as typed by hand', async () => {
  // The mode sheet's barcode switches mode, as in bhm-scan (an AIM prefix in front is fine).
  await readerTypes([']C0MODE:count']);
  await page.waitForFunction(() => document.querySelector('input[name=mode][value=count]').checked);
  const tag = (await server.api('warehouse', 'GET', '/devices?state=available&limit=1')).body.items[0].asset_tag;
  const n = await answers();
  await page.keyboard.type(tag, { delay: 90 });
  await page.keyboard.press('Enter');
  const row = await nextAnswer(n);
  assert.equal(await row.getAttribute('data-source'), 'keyboard');
  assert.equal(await row.getAttribute('data-result'), 'ok', await row.textContent());
});

test('a refusal is red with the rule it comes from, and sounds different', async () => {
  await mode('receive');
  const n = await answers();
  await readerTypes([`]d201${gtin}21WEB-RCV-1`]);   // the same device again
  const row = await nextAnswer(n);
  assert.notEqual(await row.getAttribute('data-result'), 'ok');
  assert.notEqual(await row.getAttribute('data-sound'), 'ok');
  // Issue to an approved case a device that has had no inspection: refused, naming IEC 62353.
  await mode('issue');
  const m = await answers();
  await readerTypes(['CASE:UNN-2026-000060']);
  await page.waitForFunction((k) => document.querySelectorAll('#scan-answers li').length > k, m);
  const unchecked = (await server.api('warehouse', 'GET', '/devices?state=received&category=suction&limit=1')).body.items[0];
  const k = await answers();
  await readerTypes([unchecked.asset_tag]);
  const refused = await nextAnswer(k);
  assert.match(await refused.getAttribute('data-result'), /refused|conflict/);
  assert.match(await refused.textContent(), /IEC 62353/);
  assert.equal(await refused.evaluate((el) => getComputedStyle(el).borderLeftColor), 'rgb(164, 22, 26)', 'red');
  await screenshot(page, 'scan-station-refusal');
  await readerTypes(['END']);
});

test('scan many then commit: the duplicate is shown and held back, the rest go through /scans/batch', async () => {
  await mode('count');
  const tags = (await server.api('warehouse', 'GET', '/devices?state=available&limit=3')).body.items.map((d) => d.asset_tag);
  await page.check('#scan-collect');
  await page.focus('#scan-code');
  for (const tag of [tags[0], tags[1], tags[0], tags[2]]) await readerTypes([tag]);
  await page.waitForFunction(() => document.querySelectorAll('#scan-collected li').length === 4);
  assert.equal(await page.locator('#scan-collected li[data-duplicate]').count(), 1);
  assert.match(await page.textContent('#scan-send-collected'), /Send 3 skann/);
  await screenshot(page, 'scan-station-collected');
  const n = await page.locator('#scan-answers li.ok').count();
  await page.click('#scan-send-collected');
  await page.waitForFunction((k) => document.querySelectorAll('#scan-answers li.ok').length === k + 3, n);
  assert.equal(await page.locator('#scan-collected li').count(), 0);
  await page.uncheck('#scan-collect');
});

test('offline burst: the page reloads with the server down, three scans wait in IndexedDB and arrive once each', async () => {
  await mode('count');
  const devices = (await server.api('warehouse', 'GET', '/devices?state=available&limit=8')).body.items.slice(5, 8);
  await server.stop();
  // The station is reloaded while the server is down: the service worker has the page, the tab its user.
  await page.reload();
  await page.waitForSelector('main[data-page="/scan"] #scan-code');
  await page.waitForFunction(() => document.querySelector('input[name=mode][value=count]').checked);
  await page.focus('#scan-code');
  for (const d of devices) await readerTypes([d.asset_tag]);
  await page.waitForFunction(() => document.querySelectorAll('#scan-answers li.queued').length === 3);
  await page.waitForFunction(() => document.getElementById('scan-waiting').dataset.waiting === '3');
  await screenshot(page, 'scan-station-offline');
  const ids = await page.$$eval('#scan-answers li.queued', (rows) => rows.map((r) => r.dataset.scanId));
  await server.start();
  await page.waitForFunction(() => document.getElementById('scan-waiting').dataset.waiting === '0', null, { timeout: 20000 });
  await page.waitForFunction(() => document.querySelectorAll('#scan-answers li.queued').length === 0);
  for (const d of devices) {
    const history = (await server.api('warehouse', 'GET', `/devices/${d.id}/history`)).body.events;
    const counted = history.filter((e) => e.kind === 'counted' && ids.includes(e.scan_id));
    assert.equal(counted.length, 1, `device ${d.asset_tag} counted once from the queue`);
  }
  await screenshot(page, 'scan-station');
  noPageErrors(page);
});
