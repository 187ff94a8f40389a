// The weekly flows of issue 12 in the browser: a patient's death (loans end, pick-up tasks, shown on the
// case); an exchange at home through the delivery gate (refused with its missing items, each naming its
// rule, then done); a transfer started on the case and received by the other unit (its cancel: recalls.test.mjs);
// write-off, lost and a home visit on the device page. Each page: a refusal, the happy path, axe at both
// sizes, a keyboard-only step and a screenshot.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { BhmServer } from '../support/server.mjs';
import { launch, newPage, signIn, open, checkBothSizes, screenshot, tabTo, noPageErrors } from '../support/browser.mjs';

let server;
let browser;
let cases;   // delivered cases with a device at the patient's, each used by one test
before(async () => {
  server = await new BhmServer().start();
  browser = await launch();
  const list = (await server.api('caseworker', 'GET', '/cases?status=delivered&limit=100')).body.items;
  cases = [];
  const patients = new Set();
  for (const item of list) {
    const c = (await server.api('caseworker', 'GET', `/cases/${item.id}`)).body;
    const open = c.loans.find((l) => !l.returned_at);
    if (!open || patients.has(c.patient_id) || c.category !== 'oxygen_concentrator') continue;
    patients.add(c.patient_id);
    cases.push({ ...c, open });
    if (cases.length === 4) break;
  }
  assert.equal(cases.length, 4, 'four delivered oxygen cases of different patients in the demo data');
});
after(async () => { await browser?.close(); await server?.dispose(); });

const today = () => new Date().toISOString().slice(0, 10);
const tomorrow = () => new Date(Date.now() + 86400000).toISOString().slice(0, 10);

async function as(role) {
  const page = await newPage(browser);
  await signIn(page, server, role);
  return page;
}

test('a patient\'s death: a date in the future is refused; then the loans end and the pick-up task is shown', async () => {
  const c = cases[0];
  const page = await as('caseworker');
  await open(page, server, `/cases/${c.id}`, '#death-submit');
  await page.fill('#death-on', tomorrow());
  await page.click('#death-submit');
  await page.waitForSelector('#refusal [data-code=death_in_future]');
  assert.match(await page.textContent('#refusal'), /Dødsdatoen kan ikke/, 'the refusal in Norwegian');
  await page.fill('#death-on', today());
  await page.fill('#death-note', 'Melding fra hjemmesykepleien.');
  await tabTo(page, '#death-submit');
  await page.keyboard.press('Enter');
  await page.waitForSelector('#death-done');
  const device = (await server.api('caseworker', 'GET', `/devices/${c.open.device_id}`)).body;
  assert.match(await page.textContent('#death-pickups'), new RegExp(device.asset_tag), 'the pick-up task names the device');
  assert.match(await page.textContent('#case-status'), /avsluttet/);
  assert.ok(await page.locator('#case-history li[data-kind=loan_ended_by_death]').count() >= 1);
  assert.match(await page.textContent('#case-timeline'), /Avsluttet ved pasientens død/, 'the timeline says how the loan ended');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'death-done', 'the answer gets the focus');
  await checkBothSizes(page, 'case after a death');
  await screenshot(page, 'caseworker-death-recorded');
  const pickups = (await server.api('warehouse', 'GET', '/pickups')).body;
  assert.ok(pickups.some((p) => p.device_id === c.open.device_id && p.reason === 'death'), JSON.stringify(pickups.slice(0, 2)));
  noPageErrors(page);
  await page.context().close();
});

test('an exchange at home: refused with the gate\'s missing items, each naming its rule, then done', async () => {
  const c = cases[1];
  const page = await as('caseworker');
  await open(page, server, `/cases/${c.id}`, '#case-exchange');
  await tabTo(page, '#case-exchange');
  await page.keyboard.press('Enter');
  await page.waitForSelector('main[data-page$="/exchange"] #exchange-checklist li');
  assert.equal(await page.getAttribute('#exchange-checklist [data-item=manual]', 'data-ok'), 'false');
  assert.match(await page.textContent('#exchange-checklist [data-item=manual]'), /Prosedyre pkt\. 11/);
  assert.equal(await page.getAttribute('#exchange-checklist [data-item=decision]', 'data-ok'), 'true', 'a delivered case may exchange');
  await page.fill('#x-fault', 'Alarm ved oppstart, lav oksygenkonsentrasjon.');
  await page.click('#x-submit');
  await page.waitForSelector('#exchange-out #refusal');
  const codes = await page.$$eval('#exchange-out [data-code]', (xs) => xs.map((x) => x.dataset.code));
  assert.ok(codes.includes('manual_missing') && codes.includes('not_fitted'), codes.join(','));
  assert.match(await page.textContent('#exchange-out'), /Prosedyre pkt\. 4/);
  assert.match(await page.textContent('#exchange-out'), /Bruksanvisningen må følge utstyret/);
  await checkBothSizes(page, 'exchange refused');
  await screenshot(page, 'exchange-refused');
  await page.check('#x-manual');
  await page.check('#x-training');
  await page.fill('#x-trained', 'pasient og ektefelle');
  await page.check('#x-fitted');
  await page.waitForFunction(() => document.querySelectorAll('#exchange-checklist [data-ok=false]').length === 0);
  await page.click('#x-submit');
  await page.waitForSelector('#exchange-done');
  assert.match(await page.textContent('#exchange-done'), /Serviceordre \d+/);
  await checkBothSizes(page, 'exchange done');
  await screenshot(page, 'exchange-done');
  const after = (await server.api('caseworker', 'GET', `/cases/${c.id}`)).body;
  assert.equal(after.status, 'delivered', 'the case stays open');
  assert.equal(after.loans.find((l) => l.id === c.open.id).end_reason, 'exchanged');
  noPageErrors(page);
  await page.context().close();
});

test('a transfer: started on the case (a blank reason refused), received by the other unit by keyboard, listed at both', async () => {
  const c = cases[2];
  const page = await as('caseworker');
  await open(page, server, `/cases/${c.id}`, '#t-submit');
  assert.match(await page.textContent('#t-unit'), /Helse Sør-Øst/, 'every unit of the country, with its region');
  await page.selectOption('#t-unit', { label: 'Seksjon for behandlingshjelpemidler, OUS (Helse Sør-Øst)' });
  await page.click('#t-submit');
  await page.waitForSelector('#refusal [data-code=missing_field]');
  assert.match(await page.textContent('#refusal'), /påkrevd felt/, 'the refusal in Norwegian');
  await page.fill('#t-reason', 'Pasienten har flyttet til Oslo.');
  await page.click('#t-submit');
  await page.waitForSelector('#case-transfers li[data-status=pending]');
  assert.equal(await page.locator('#t-submit').count(), 0, 'no second transfer while one is pending');
  await checkBothSizes(page, 'case with a pending transfer');
  await open(page, server, '/transfers', '#transfers-out-table');
  assert.match(await page.textContent('#transfers-out-table'), new RegExp(c.number));
  assert.equal(await page.locator('main button.cancel-transfer').count(), 1, 'the pending transfer can be cancelled (tested in recalls.test.mjs)');

  const other = await as('warehouse2');
  await open(other, server, '/transfers', '#transfers-in-table');
  const row = other.locator(`#transfers-in-table tr:has-text("${c.number}")`);
  assert.equal(await row.getAttribute('data-status'), 'pending');
  assert.doesNotMatch(await other.textContent('main'), /\d{11}/, 'no national ID before it is received');
  await checkBothSizes(other, 'incoming transfers');
  await screenshot(other, 'transfers-incoming');
  await tabTo(other, `#transfers-in-table tr[data-transfer="${await row.getAttribute('data-transfer')}"] button.receive`);
  await other.keyboard.press('Enter');
  await other.waitForSelector('#transfer-received');
  assert.equal(await other.locator(`#transfers-in-table tr:has-text("${c.number}")`).getAttribute('data-status'), 'received');
  await screenshot(other, 'transfers-received');
  await open(page, server, '/transfers', '#transfers-out-table tr[data-status=received]');
  noPageErrors(page);
  noPageErrors(other);
  await other.context().close();
  await page.context().close();
});

test('the device page: a home visit (blank work refused), lost, and a write-off (blank reason refused)', async () => {
  const c = cases[3];
  const tech = await as('technician');
  await open(tech, server, `/devices/${c.open.device_id}`, '#home-visit');
  assert.match(await tech.textContent('#device-inspect'), /hos pasienten/, 'an inspection at the home is offered');
  await tabTo(tech, '#home-visit-submit');
  await tech.keyboard.press('Enter');
  await tech.waitForSelector('#home-visit-out [data-code=missing_field]');
  await tech.fill('#visit-work', 'Byttet inntaksfilter, testet alarm.');
  await tech.fill('#visit-parts', 'filter');
  await tech.click('#home-visit-submit');
  await tech.waitForSelector('#device-history li[data-kind=home_visit]');
  assert.match(await tech.textContent('#device-state'), /utlånt/, 'the device stays on loan');
  await checkBothSizes(tech, 'device page at home');
  await screenshot(tech, 'device-home-visit');
  // An inspection at the home: the form works for a device on loan, and it stays on loan.
  await tech.click('#device-inspect');
  await tech.waitForSelector('#v-equipment_leakage_ua:not(:empty)');
  await tech.check('#i-visual');
  await tech.check('#i-functional');
  for (const input of await tech.$$('.reading:not([hidden]) input')) {
    const name = await input.getAttribute('name');
    if (!/insulation/.test(name)) await input.fill(/ohm/.test(name) ? '0.05' : '20');
  }
  await tech.waitForSelector('#i-overall.pass');
  await tech.click('#i-save');
  await tech.waitForSelector('#i-saved[data-passed=true]');
  assert.equal((await server.api('technician', 'GET', `/devices/${c.open.device_id}`)).body.state, 'on_loan');
  noPageErrors(tech);
  await tech.context().close();

  const warehouse = await as('warehouse');
  await open(warehouse, server, `/devices/${c.open.device_id}`, '#lost');
  assert.equal(await warehouse.locator('#write-off').count(), 0, 'the warehouse does not write off');
  assert.ok(await warehouse.locator('#device-exchange').count() === 1, 'the warehouse may exchange');
  await warehouse.fill('#lost-note', 'Ikke funnet ved henting.');
  await warehouse.click('#lost-submit');
  await warehouse.waitForFunction(() => /tapt/.test(document.getElementById('device-state')?.textContent || ''));
  await screenshot(warehouse, 'device-lost');
  await warehouse.context().close();

  const manager = await as('manager');
  await open(manager, server, `/devices/${c.open.device_id}`, '#write-off');
  await manager.click('#write-off-submit');
  await manager.waitForSelector('#write-off-out [data-code=missing_field]');
  assert.match(await manager.textContent('#write-off-out'), /påkrevd felt/, 'the refusal in Norwegian');
  await manager.fill('#write-off-reason', 'Ikke gjenfunnet etter tre måneder.');
  await manager.click('#write-off-submit');
  await manager.waitForFunction(() => /kassert/.test(document.getElementById('device-state')?.textContent || ''));
  assert.equal(await manager.locator('#write-off').count(), 0);
  await checkBothSizes(manager, 'device written off');
  await screenshot(manager, 'device-written-off');
  noPageErrors(manager);
  await manager.context().close();
});
