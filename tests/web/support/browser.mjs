// Debian's chromium (/usr/bin/chromium) driven headless by playwright-core: nothing downloads a
// browser. Helpers every browser test uses: sign in through the login page, run axe-core in the
// page, save a screenshot under the build folder, read Navigation Timing.
import { chromium } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import assert from 'node:assert/strict';
import { artifacts } from './paths.mjs';

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export const flags = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync'];

export async function launch() {
  return chromium.launch({ executablePath: process.env.BHM_CHROMIUM || '/usr/bin/chromium', args: flags, headless: true });
}

export const desktop = { width: 1280, height: 800 };
export const tablet = { width: 800, height: 1280 };

export async function newPage(browser, viewport = desktop) {
  const context = await browser.newContext({ viewport, locale: 'nb-NO', timezoneId: 'Europe/Oslo', acceptDownloads: true });
  const page = await context.newPage();
  page.errors = [];
  page.on('pageerror', (e) => page.errors.push(e.message));
  return page;
}

export async function ready(page) {
  await page.waitForSelector('body[data-ready="true"]');
  await page.waitForSelector('main h1');
}

export async function signIn(page, server, username) {
  await page.goto(`${server.url}/#/login`);
  await ready(page);
  await page.fill('input[name=username]', username);
  await page.fill('input[name=password]', server.password);
  await page.click('form button[type=submit]');
  await page.waitForSelector('#logout');
  await page.waitForSelector('main[data-page]:not([data-page="/login"])');
}

// Opens a page by its hash route and waits until its heading and content are there.
export async function open(page, server, route, selector) {
  const target = `${server.url}/#${route}`;
  if (page.url() === target) await page.reload(); else await page.goto(target);
  await ready(page);
  await page.waitForSelector(`main[data-page="${route.split('?')[0]}"]`);
  if (selector) await page.waitForSelector(selector);
}

// axe-core inside the page: no violation of impact serious or critical.
export async function checkAccessibility(page, name) {
  // Evaluated through the DevTools protocol, so the pages keep their Content-Security-Policy.
  if (!(await page.evaluate(() => Boolean(window.axe)))) await page.evaluate(axeSource);
  const result = await page.evaluate(async () => {
    const r = await window.axe.run(document, { resultTypes: ['violations'] });
    return r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
  });
  assert.deepEqual(result, [], `axe on ${name}`);
}

export async function screenshot(page, name) {
  await page.screenshot({ path: join(artifacts, `${name}.png`), fullPage: false });
}

// Navigation Timing of the last full load, and when the app said its first page was ready.
export async function loadTimes(page) {
  return page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0];
    const mark = performance.getEntriesByName('bhm-ready')[0];
    return { load_ms: Math.round(nav.loadEventEnd - nav.startTime), ready_ms: mark ? Math.round(mark.startTime) : null,
      dom_ms: Math.round(nav.domContentLoadedEventEnd - nav.startTime) };
  });
}

export function noPageErrors(page) { assert.deepEqual(page.errors, [], 'errors thrown in the page'); }

// axe at both sizes on the page as it stands (1280×800, then the 10-inch tablet's 800×1280), and no
// sideways scrolling on the tablet; the page is left at its first size.
export async function checkBothSizes(page, name) {
  const first = page.viewportSize();
  await checkAccessibility(page, `${name} at 1280×800`);
  await page.setViewportSize(tablet);
  await checkAccessibility(page, `${name} at 800×1280`);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 1, `${name} fits 800 px wide (overflow ${overflow} px)`);
  await page.setViewportSize(first || desktop);
}

// Presses Tab until the element matching `selector` has the focus, and checks the focus is visible there.
export async function tabTo(page, selector, most = 80) {
  for (let i = 0; i < most; i++) {
    if (await page.evaluate((s) => document.activeElement && document.activeElement.matches(s), selector)) {
      const style = await page.evaluate(() => { const s = getComputedStyle(document.activeElement); return `${s.outlineStyle} ${s.outlineWidth}`; });
      assert.ok(!/^none|\s0px$/.test(style), `focus visible on ${selector} (${style})`);
      return;
    }
    await page.keyboard.press('Tab');
  }
  assert.fail(`${selector} was not reached with Tab in ${most} presses`);
}
