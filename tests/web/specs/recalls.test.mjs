// Field safety notices in the browser (issue 8): a manager registers a notice for a serial range (a bad
// range refused first, with its rule); the affected list shows the devices in stock and on loan apart,
// the on-loan one with its municipality; the device reserved for a case is held, and the delivery
// checklist names the notice; the actions are recorded one by one, the progress moves, and the notice
// closes with the last. A transfer is cancelled with a reason on the transfers page. Axe at both sizes,
// keyboard-only steps, screenshots and the load times printed.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { BhmServer } from '../support/server.mjs';
import { launch, newPage, signIn, open, ready, checkBothSizes, screenshot, tabTo, loadTimes, noPageErrors } from '../support/browser.mjs';

let server;
let browser;
let window;   // consecutive devices of one model: ≥2 in stock (one then reserved for a case) and ≥1 on loan
let model;
let reservedFor;
before(async () => {
  server = await new BhmServer().start();
  browser = await launch();
  const devices = [];
  for (const state of ['available', 'on_loan']) {
    let cursor = '';
    do {
      const page = (await server.api('manager', 'GET', `/devices?state=${state}&limit=200${cursor ? `&cursor=${cursor}` : ''}`)).body;
      devices.push(...page.items);
      cursor = page.next_cursor || '';
    } while (cursor);
  }
  const suffix = (s) => /^(.*?)(\d+)$/.exec(s);
  const byModel = new Map();
  for (const d of devices) {
    const m = suffix(d.serial || '');
    if (!m || !d.model) continue;
    const key = `${d.model.gtin}|${m[1]}`;
    if (!byModel.has(key)) byModel.set(key, []);
    byModel.get(key).push({ ...d, n: Number(m[2]) });
  }
  const approved = (await server.api('caseworker', 'GET', '/cases?status=approved&limit=100')).body.items;
  for (const [key, list] of byModel) {
    list.sort((a, b) => a.n - b.n);
    for (let i = 0; i + 1 < list.length && !window; i++) {
      for (let size = 3; size <= 6 && i + size <= list.length; size++) {
        const w = list.slice(i, i + size);
        if (w.filter((d) => d.state === 'available').length >= 2 && w.some((d) => d.state === 'on_loan')) { window = w; break; }
      }
    }
    if (!window) continue;
    model = { gtin: key.split('|')[0], category: window[0].model.category };
    for (const c of approved) {
      const full = (await server.api('caseworker', 'GET', `/cases/${c.id}`)).body;
      if (full.category !== model.category) continue;
      const check = (await server.api('caseworker', 'GET', `/cases/${c.id}/delivery-check`)).body;
      if (check.device) continue;
      const device = window.find((d) => d.state === 'available');
      const r = await server.api('caseworker', 'POST', `/cases/${c.id}/reservation`, { device_id: device.id });
      if (r.status >= 300) continue;
      reservedFor = { c: full, device };
      break;
    }
    if (reservedFor) break;
    window = undefined;
  }
  assert.ok(window && reservedFor, 'the demo data has a model with devices in stock and on loan, and an approved case of its category');
});
after(async () => { await browser?.close(); await server?.dispose(); });

const timings = [];
async function timed(page, route, selector) {
  await page.goto('about:blank');
  await page.goto(`${server.url}/#${route}`);
  await ready(page);
  await page.waitForSelector(`main[data-page="${route}"]`);
  if (selector) await page.waitForSelector(selector);
  const t = await loadTimes(page);
  timings.push({ route, ...t });
  assert.ok(t.load_ms < 1000 && t.ready_ms < 1000, `${route} loads in under 1 s (${JSON.stringify(t)})`);
}

test('a notice for a serial range: listed by where each device is, a blocked delivery named, the actions done, closed', async () => {
  const page = await newPage(browser);
  await signIn(page, server, 'manager');
  await timed(page, '/recalls', '#recall-form');
  const first = window[0].serial;
  const last = window[window.length - 1].serial;
  await page.fill('#rc-reference', 'FSN-WEB-2026-01');
  await page.selectOption('#rc-action', 'inspect');
  await page.fill('#rc-text', 'Kontroller festet for slangen; bytt det om det er sprukket.');
  await page.fill('#rc-gtin', model.gtin);
  await page.selectOption('#rc-coverage', 'serial_range');
  await page.fill('#rc-from', last);
  await page.fill('#rc-to', first);
  await page.click('#rc-submit');
  await page.waitForSelector('#recalls-out [data-code=recall_range_invalid]');
  assert.match(await page.textContent('#recalls-out'), /Et serienummerområde/, 'the refusal in Norwegian');
  await checkBothSizes(page, 'field safety notices');
  await screenshot(page, 'recalls-register-refused');
  // By keyboard: put the range right and register.
  await tabTo(page, '#rc-from', 200);
  await page.keyboard.press('Control+A');
  await page.keyboard.type(first);
  await page.keyboard.press('Tab');
  await page.keyboard.press('Control+A');
  await page.keyboard.type(last);
  await tabTo(page, '#rc-submit');
  await page.keyboard.press('Enter');
  await page.waitForSelector('main[data-page^="/recalls/"] #recall-progress-text');
  const id = Number((await page.evaluate(() => document.querySelector('main').dataset.page)).split('/').pop());
  const total = window.length;
  assert.match(await page.textContent('#recall-progress-text'), new RegExp(`0 av ${total} utført`));
  const inStock = window.filter((d) => d.state === 'available' && d.id !== reservedFor.device.id);
  const onLoan = window.filter((d) => d.state === 'on_loan');
  for (const d of inStock) await page.waitForSelector(`#affected-in_stock tr[data-device="${d.id}"]`);
  for (const d of onLoan) {
    const row = page.locator(`#affected-on_loan tr[data-device="${d.id}"]`);
    const affected = (await server.api('manager', 'GET', `/recalls/${id}/affected`)).body.devices.on_loan.find((x) => x.device_id === d.id);
    assert.match(await row.textContent(), new RegExp(affected.municipality), 'the municipality of the home');
  }
  assert.equal(await page.locator(`#affected-reserved tr[data-device="${reservedFor.device.id}"]`).count(), 1, 'the reserved device apart');
  assert.equal(await page.locator('#affected-in_stock tr[data-device]').count(), inStock.length);
  const csv = await page.getAttribute('#recall-csv', 'href');
  const download = await page.evaluate(async (u) => { const r = await fetch(u); return { type: r.headers.get('content-type'), text: await r.text() }; }, csv);
  assert.match(download.type, /text\/csv/);
  assert.match(download.text, new RegExp(window[0].asset_tag));
  await checkBothSizes(page, 'notice with its affected list');
  await screenshot(page, 'recall-affected');
  await timed(page, `/recalls/${id}`, '#recall-progress-text');

  // The device reserved for a case: its page and the delivery checklist name the notice.
  await open(page, server, `/devices/${reservedFor.device.id}`, '#device-recall-holds');
  assert.match(await page.textContent('#device-recall-holds'), /FSN-WEB-2026-01/);
  await open(page, server, `/cases/${reservedFor.c.id}`, '#delivery-checklist li');
  await page.waitForSelector('#delivery-checklist li[data-item=recall_hold]');
  assert.match(await page.textContent('#delivery-checklist'), /FSN-WEB-2026-01/);
  await page.click('#l-deliver');
  await page.waitForSelector('#delivery-out [data-code=recall_action_pending]');
  await screenshot(page, 'recall-delivery-blocked');

  // Record the action per device; the progress moves and the notice closes with the last.
  await open(page, server, `/recalls/${id}`, '#recall-progress-text');
  for (let done = 0; done < total; done++) {
    const button = page.locator('button.record-done').first();
    if (done === 0) { await tabTo(page, 'button.record-done', 200); await page.keyboard.press('Enter'); } else await button.click();
    await page.waitForFunction((n) => document.querySelector('#recall-progress-text').textContent.includes(`${n} av`), done + 1);
  }
  await page.waitForSelector('#recall-status[data-status=closed]');
  assert.match(await page.textContent('#recall-progress-text'), new RegExp(`lukket: ${total} av ${total} utført`));
  assert.match(await page.textContent('#recall-out'), /meldingen er lukket/);
  await screenshot(page, 'recall-closed');
  await open(page, server, '/recalls', `a[data-recall="${id}"]`);
  assert.equal(await page.locator(`tr:has(a[data-recall="${id}"]) [data-status]`).getAttribute('data-status'), 'closed');
  // The device history reads in plain words.
  await open(page, server, `/devices/${reservedFor.device.id}`, '#device-history');
  assert.match(await page.textContent('#device-history li[data-kind=recall_action_done]'), /Tiltak etter sikkerhetsmelding utført/);
  noPageErrors(page);
  await page.context().close();
});

test('a notice on consumable lots: the lots listed, the action recorded per lot, in English too', async () => {
  const lots = (await server.api('manager', 'GET', '/consumables/stock')).body;
  const lot = lots.find((l) => l.effective_status === 'available');
  const r = await server.api('manager', 'POST', '/recalls', { reference: 'FSN-WEB-LOTS-1', issued_on: new Date().toISOString().slice(0, 10),
    action: 'return', user_text: 'Return the packs of these lots.', gtin: lot.gtin, coverage: 'lot_list', lots: [lot.lot, 'NOT-IN-STOCK-1'] });
  assert.equal(r.status, 201, JSON.stringify(r.body));
  const page = await newPage(browser);
  await signIn(page, server, 'warehouse');
  await open(page, server, `/recalls/${r.body.id}`, '#affected-lots');
  await page.click('button.link[lang=en]');
  await page.waitForFunction(() => /0 of 2 done/.test(document.querySelector('#recall-progress-text')?.textContent || ''));
  for (const name of [lot.lot, 'NOT-IN-STOCK-1']) {
    await page.click(`#affected-lots li[data-lot="${name}"] button.record-done`);
    await page.waitForSelector(`#affected-lots li[data-lot="${name}"][data-done=true]`);
  }
  await page.waitForSelector('#recall-status[data-status=closed]');
  assert.match(await page.textContent('#recall-progress-text'), /closed: 2 of 2 done/);
  await checkBothSizes(page, 'a lot notice, closed, in English');
  await screenshot(page, 'recall-lots-closed-en');
  await page.click('button.link[lang=nb]');
  noPageErrors(page);
  await page.context().close();
});

test('a pending transfer is cancelled with a reason on the transfers page', async () => {
  const list = (await server.api('caseworker', 'GET', '/cases?status=delivered&limit=100')).body.items;
  const other = (await server.api('caseworker', 'GET', '/units/directory')).body.find((u) => !u.own);
  let started;
  for (const c of list) {
    const r = await server.api('caseworker', 'POST', `/cases/${c.id}/transfer`, { to_unit_id: other.id, reason: 'Pasienten flytter' });
    if (r.status < 300) { started = { c, transfer: r.body }; break; }
  }
  assert.ok(started, 'a transfer started');
  const page = await newPage(browser);
  await signIn(page, server, 'caseworker');
  await timed(page, '/transfers', '.cancel-transfer');
  const row = `#transfers-out-table tr[data-transfer="${started.transfer.id}"]`;
  await page.click(`${row} .cancel-transfer`);
  await page.waitForSelector('#transfers-out [data-code=missing_field]');
  await checkBothSizes(page, 'transfers with a cancel');
  await tabTo(page, `#cancel-reason-${started.transfer.id}`, 200);
  await page.keyboard.type('Pasienten blir boende likevel');
  await page.keyboard.press('Enter');
  await page.waitForSelector('#transfer-cancelled');
  await page.waitForSelector(`${row}[data-status=cancelled]`);
  assert.match(await page.textContent(row), /Pasienten blir boende likevel/);
  await screenshot(page, 'transfer-cancelled');
  noPageErrors(page);
  await page.context().close();
  console.log('page load times on loopback (ms): route, Navigation Timing load event, app ready');
  for (const t of timings) console.log(`  ${t.route.padEnd(28)} load ${String(t.load_ms).padStart(4)}  ready ${String(t.ready_ms).padStart(4)}`);
});
