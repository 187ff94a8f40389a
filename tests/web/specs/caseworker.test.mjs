// The caseworker's day in the browser: a new application whose requester rights are asked of the
// server as the form is filled in, the decision with the complaint-right text, a delivery refused
// with its missing items (each naming its rule) and then completed, and the case timeline.
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
  await signIn(page, server, 'caseworker');
});
after(async () => { await browser?.close(); await server?.dispose(); });

// A valid test national ID (the mod-11 check digits hold), never a real person's.
const nationalId = '15076500565';

test('an application: requester rights are checked live by the server, then the case is registered', async () => {
  await open(page, server, '/cases/new', '#c-rights p');
  await page.selectOption('#c-role', 'gp');
  await page.selectOption('#c-category', 'cpap');
  await page.waitForSelector('#c-rights[data-allowed=false]');
  assert.match(await page.textContent('#c-rights'), /Saksgang/, 'the refusal names the procedure appendix');
  await screenshot(page, 'caseworker-rights-refused');
  await page.selectOption('#c-role', 'specialist_doctor');
  await page.waitForSelector('#c-rights[data-allowed=true]');
  await page.fill('#c-hpr', '1234567');
  await page.fill('#c-requester', 'Dr. Test');
  await page.fill('#c-nid', nationalId);
  await page.fill('#c-name', 'Testpasient Nettleser');
  await page.fill('#c-municipality', 'Tromsø');
  await checkAccessibility(page, 'new application');
  await page.click('#c-submit');
  await page.waitForSelector('#case-status');
  assert.doesNotMatch(page.url(), /\d{11}/, 'no national ID in the address');
  assert.match(await page.textContent('#case-status'), /søkt/);
  assert.match(await page.textContent('#case-patient'), new RegExp(nationalId), 'a caseworker sees the national ID');
});

test('the decision shows the complaint-right text the patient receives', async () => {
  await page.fill('#d-grounds', 'Dokumentert behov for CPAP etter søvnregistrering.');
  await page.click('#d-submit');
  await page.waitForSelector('#complaint-text');
  assert.match(await page.textContent('#complaint-text'), /Statsforvalteren/);
  assert.match(await page.textContent('#complaint-text'), /§ 7-2/);
  await checkAccessibility(page, 'case with decision');
  await screenshot(page, 'caseworker-decision');
});

test('a delivery is refused with its missing items, each naming its rule, and then completed', async () => {
  // Demo case UNN-2026-000001: approved, journal note and site check recorded, a device picked.
  const c = (await server.api('caseworker', 'GET', '/cases?status=approved&limit=50')).body.items.find((x) => x.number === 'UNN-2026-000001');
  await open(page, server, `/cases/${c.id}`, '#delivery-checklist li');
  assert.equal(await page.getAttribute('#delivery-checklist [data-item=manual]', 'data-ok'), 'false');
  await page.click('#l-deliver');
  await page.waitForSelector('#refusal');
  const refused = await page.textContent('#refusal');
  assert.match(refused, /Prosedyre pkt\. 11/, 'manual: rule 11');
  assert.match(refused, /Prosedyre pkt\. 4/, 'fitted and tested: rule 4');
  assert.ok(await page.locator('#refusal li').count() >= 3);
  await screenshot(page, 'caseworker-delivery-refused');
  await page.check('#l-manual');
  await page.check('#l-training');
  await page.fill('#l-trained', 'pasient og ektefelle');
  await page.check('#l-fitted');
  await page.waitForFunction(() => document.querySelectorAll('#delivery-checklist [data-ok=false]').length === 0);
  await checkAccessibility(page, 'delivery checklist');
  await page.click('#l-deliver');
  await page.waitForFunction(() => /levert/.test(document.getElementById('case-status')?.textContent || ''));
  assert.match(await page.textContent('#case-timeline'), /Levert/);
  await screenshot(page, 'caseworker-delivered-timeline');
  noPageErrors(page);
});

test('after delivery: the loan is extended at its review, a complaint is recorded, and the history tells both', async () => {
  await page.waitForSelector('#r-due');
  const due = new Date(Date.now() + 400 * 86400000).toISOString().slice(0, 10);
  await page.fill('#r-due', due);
  await page.fill('#r-reason', 'Bruker fortsatt utstyret hver natt.');
  await page.click('#r-extend');
  await page.waitForFunction(() => [...document.querySelectorAll('#case-history li')].some((li) => li.dataset.kind === 'loan_extended'));
  await page.fill('#k-received', new Date().toISOString().slice(0, 10));
  await page.fill('#k-summary', 'Pasienten ønsker en stillere modell.');
  await page.click('#k-submit');
  await page.waitForFunction(() => [...document.querySelectorAll('#case-history li')].some((li) => li.dataset.kind === 'complaint_received'));
  const history = await page.textContent('#case-history');
  assert.match(history, /Utlån forlenget av caseworker/);
  assert.match(history, /Klage mottatt av caseworker/);
  await checkAccessibility(page, 'case with review and complaint');
  // Starting the return puts the device on the warehouse's pick-up list.
  await page.fill('#r-reason', 'Ikke lenger behov etter revurdering.');
  await page.click('#r-return');
  await page.waitForFunction(() => [...document.querySelectorAll('#case-history li')].some((li) => li.dataset.kind === 'loan_return_started'));
  const warehouse = await newPage(browser);
  await signIn(warehouse, server, 'warehouse');
  await open(warehouse, server, '/pickups', '#pickups-table tbody tr');
  assert.match(await warehouse.textContent('#pickups-table'), /UNN-2026-000001/);
  await checkAccessibility(warehouse, 'pick-ups');
  await screenshot(warehouse, 'warehouse-pickups');
  await warehouse.context().close();
  await screenshot(page, 'caseworker-review-complaint');
  noPageErrors(page);
});
