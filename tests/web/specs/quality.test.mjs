// The quality bar across pages: axe-core finds nothing serious or critical on any page at 1280×800
// and 800×1280; each page loads in under 1 s (Navigation Timing, printed); everything can be done by
// keyboard with a visible focus; a 10,000-row list pages through the cursor without freezing; and a
// national ID is shown only to the roles the API allows and never put in an address.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BhmServer } from '../support/server.mjs';
import { artifacts } from '../support/paths.mjs';
import { launch, newPage, signIn, open, ready, checkAccessibility, screenshot, loadTimes, desktop, tablet, noPageErrors } from '../support/browser.mjs';

let server;
let browser;
before(async () => { server = await new BhmServer().start(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.dispose(); });

const pagesByRole = {
  warehouse: ['/scan', '/stock', '/pickups', '/transfers', '/consumables', '/supply', '/reorder', '/recalls'],
  technician: ['/inspections', '/service', '/instruments'],
  caseworker: ['/cases', '/cases/new', '/cases/1', '/cases/3', '/cases/3/exchange', '/collection-gaps'],
  manager: ['/dashboard', '/dashboard/overdue-loans', '/report', '/devices/1', '/recalls/1', '/consumable-orders/1'],
  admin: ['/admin/users', '/admin/stations'],
};

test('every page: axe finds nothing serious at 1280×800 and 800×1280, and loads in under 1 s', async () => {
  const timings = [];
  for (const [role, routes] of Object.entries(pagesByRole)) {
    for (const viewport of [desktop, tablet]) {
      const page = await newPage(browser, viewport);
      await signIn(page, server, role);
      for (const route of routes) {
        await open(page, server, route);
        await checkAccessibility(page, `${route} at ${viewport.width}×${viewport.height}`);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        assert.ok(overflow <= 1, `${route} fits ${viewport.width} px wide (overflow ${overflow} px)`);
        const name = `page${route.replace(/\//g, '-')}-${viewport.width}x${viewport.height}`;
        await screenshot(page, name);
        if (viewport === desktop) {
          await page.goto('about:blank');
          await page.goto(`${server.url}/#${route}`);
          await ready(page);
          await page.waitForSelector(`main[data-page="${route}"]`);
          const t = await loadTimes(page);
          timings.push({ route, role, ...t });
          assert.ok(t.ready_ms < 1000, `${route} ready in ${t.ready_ms} ms`);
          assert.ok(t.load_ms < 1000, `${route} loaded in ${t.load_ms} ms`);
        }
      }
      noPageErrors(page);
      await page.context().close();
    }
  }
  console.log('page load times on loopback (ms): route, Navigation Timing load event, app ready');
  for (const t of timings) console.log(`  ${t.route.padEnd(28)} load ${String(t.load_ms).padStart(4)}  ready ${String(t.ready_ms).padStart(4)}`);
  writeFileSync(join(artifacts, 'page-load-times.json'), JSON.stringify(timings, null, 2));
});

test('keyboard only: sign in, move through the menu and scan, with focus always visible', async () => {
  const page = await newPage(browser);
  await page.goto(`${server.url}/`);
  await ready(page);
  const focusVisible = () => page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return 'body';
    const s = getComputedStyle(el);
    return s.outlineStyle !== 'none' && s.outlineWidth !== '0px' ? 'visible' : `hidden:${el.tagName}#${el.id}`;
  });
  await page.keyboard.press('Tab');   // skip link
  for (let i = 0; i < 6 && !(await page.evaluate(() => document.activeElement.name === 'username')); i++) await page.keyboard.press('Tab');
  assert.equal(await focusVisible(), 'visible');
  await page.keyboard.type('warehouse');
  await page.keyboard.press('Tab');
  assert.equal(await focusVisible(), 'visible');
  await page.keyboard.type(server.password);
  await page.keyboard.press('Enter');
  await page.waitForSelector('#scan-code');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'scan-code');
  // Tab through the header and the page: every stop shows its focus.
  const stops = new Set();
  for (let i = 0; i < 18; i++) {
    await page.keyboard.press('Tab');
    const seen = await focusVisible();
    if (seen === 'body') continue;   // past the last control the browser's own UI has the focus
    const id = await page.evaluate(() => `${document.activeElement.tagName}:${document.activeElement.textContent.slice(0, 20)}:${document.activeElement.id}`);
    stops.add(id);
    assert.equal(seen, 'visible', `focus visible at stop ${i} (${id})`);
  }
  // Open the stock page from the menu with the keyboard alone.
  await page.focus('nav a[href="#/stock"]');
  await page.keyboard.press('Enter');
  await page.waitForSelector('main[data-page="/stock"] #stock-table');
  await page.focus('#stock-state');
  await page.keyboard.press('ArrowDown');
  await page.waitForSelector('#stock-table tbody tr');
  await screenshot(page, 'keyboard-stock');
  noPageErrors(page);
  await page.context().close();
});

test('a list of 10,000 devices pages through the cursor and the page never freezes', async () => {
  const gtin = '07099990001015';
  for (let b = 0; b < 100; b++) {
    const scans = Array.from({ length: 100 }, (_, i) => ({ id: crypto.randomUUID(), mode: 'receive',
      code: `]d201${gtin}21BULK-${String(b * 100 + i).padStart(5, '0')}` }));
    const res = await fetch(`${server.url}/api/v1/scans/batch`, { method: 'POST',
      headers: { Authorization: `Bearer ${server.stationToken}`, 'Content-Type': 'application/json' }, body: JSON.stringify({ scans }) });
    assert.equal(res.status, 200);
    const { results } = await res.json();
    assert.ok(results.every((r) => r.http_status === 200), JSON.stringify(results.find((r) => r.http_status !== 200)));
  }
  const page = await newPage(browser);
  await signIn(page, server, 'warehouse');
  await page.evaluate(() => {
    window.longTasks = [];
    new PerformanceObserver((list) => { for (const e of list.getEntries()) window.longTasks.push(e.duration); }).observe({ type: 'longtask', buffered: true });
  });
  await open(page, server, '/stock', '#stock-table tbody tr');
  await page.selectOption('#stock-state', 'received');
  await page.waitForFunction(() => /Side 1/.test(document.querySelector('.page-status').textContent));
  const requests = [];
  page.on('request', (r) => { if (r.url().includes('/api/v1/devices?')) requests.push(r.url()); });
  for (let i = 2; i <= 6; i++) {
    await page.click('.pager .next');
    await page.waitForFunction((n) => new RegExp(`Side ${n} `).test(document.querySelector('.page-status').textContent), i);
    assert.equal(await page.locator('#stock-table tbody tr').count(), 50);
  }
  assert.ok(requests.every((u) => /limit=50/.test(u) && /cursor=\d+/.test(u)), 'each page asks the server for 50 after a cursor');
  await page.click('.pager .prev');
  await page.waitForFunction(() => /Side 5 /.test(document.querySelector('.page-status').textContent));
  const longest = await page.evaluate(() => Math.max(0, ...window.longTasks));
  assert.ok(longest < 200, `no task blocked the page for 200 ms (longest ${longest} ms)`);
  await screenshot(page, 'stock-10000-paged');
  noPageErrors(page);
  await page.context().close();
});

test('a national ID is shown only to the roles the API allows, and never in an address', async () => {
  const nid = (await server.api('caseworker', 'GET', '/cases/1')).body.patient.national_id;
  assert.match(nid, /^\d{11}$/);
  const urls = [];
  const caseworker = await newPage(browser);
  caseworker.on('request', (r) => urls.push(r.url()));
  await signIn(caseworker, server, 'caseworker');
  await open(caseworker, server, '/cases/1', '#case-patient');
  assert.match(await caseworker.textContent('#case-patient'), new RegExp(nid));
  await open(caseworker, server, '/cases', '#cases-table tbody tr');
  assert.doesNotMatch(await caseworker.textContent('main'), /\d{11}/, 'the case list shows no national IDs');
  assert.deepEqual(urls.filter((u) => /\d{11}/.test(u)), [], 'no national ID in any address');
  await caseworker.context().close();
  for (const role of ['warehouse', 'technician']) {
    const page = await newPage(browser);
    await signIn(page, server, role);
    await page.goto(`${server.url}/#/cases/1`);
    await page.waitForSelector('main[data-page]');
    assert.doesNotMatch(await page.textContent('main'), new RegExp(nid));
    const body = await page.evaluate(async () => (await fetch('/api/v1/cases/1')).text());
    assert.doesNotMatch(body, new RegExp(nid), `the API gives ${role} no national ID`);
    for (const route of pagesByRole[role]) {
      await open(page, server, route);
      assert.doesNotMatch(await page.textContent('main'), new RegExp(nid));
    }
    await page.context().close();
  }
});
