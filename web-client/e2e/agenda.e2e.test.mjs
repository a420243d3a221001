// Browser test of the partner agenda against a running, seeded API (seed-demo), in Debian's Chromium.
//
//   VIVAPOLIS_API_URL=http://127.0.0.1:5099 node --test e2e/agenda.e2e.test.mjs
//
// The API must serve the built element at /embed/agenda.js (npm run build:agenda, then the API's
// Vivapolis__Embed__AgendaScript=…/dist-agenda/agenda.js). This test serves embed-demo.html, the page partners
// copy, from another loopback origin (a server of its own on a free port), pointed at that API. The steps share
// one page and run in order; a step whose predecessor failed is skipped rather than failing for the same reason.
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';

const axeSource = createRequire(import.meta.url)('axe-core').source;
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const results = join(root, 'test-results', 'agenda');
const apiUrl = (process.env.VIVAPOLIS_API_URL ?? '').replace(/\/+$/, '');
const TIMEOUT = 15_000;
// The filters of the demo page (embed-demo.html): Auvergne-Rhône-Alpes, two events a page.
const FILTERS = 'region=84&limit=2&locale=fr';

let server;
let partnerUrl;
let context;
let userDataDir;
let page;
let failed = false;
let shot = 0;
const requests = [];
const pageErrors = [];

function step(name, fn) {
  it(name, { timeout: 60_000 }, async (t) => {
    if (failed) {
      t.skip('an earlier step failed');
      return;
    }
    try {
      await fn();
      await screenshot(name);
    } catch (error) {
      failed = true;
      await screenshot(`ÉCHEC ${name}`).catch(() => {});
      throw error;
    }
  });
}

async function screenshot(name) {
  if (!page) return;
  shot += 1;
  const file = `${String(shot).padStart(2, '0')}-${name.toLowerCase().normalize('NFD').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '')}.png`;
  await page.screenshot({ path: join(results, file), fullPage: true });
}

/** Every page of GET /api/v1/events with these filters, as a partner's code would read them. */
async function listed(query) {
  const all = [];
  let cursor = null;
  do {
    const response = await fetch(`${apiUrl}/api/v1/events?${query}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    assert.equal(response.status, 200, `GET /api/v1/events?${query}`);
    const body = await response.json();
    all.push(...body.items);
    cursor = body.next;
  } while (cursor);
  return all;
}

/** What each event of a list shows, read from the element's shadow root or the iframe's page alike. */
async function shown(scope) {
  return scope.locator('li').evaluateAll((items) =>
    items.map((li) => ({
      meta: li.querySelector('.meta')?.textContent.trim(),
      title: li.querySelector('[role="heading"], h2')?.textContent.trim(),
      when: li.querySelector('.when')?.textContent.trim(),
      datetimes: [...li.querySelectorAll('time')].map((t) => t.getAttribute('datetime')),
      where: li.querySelector('.where')?.textContent.trim() ?? null,
      summary: li.querySelector('.summary')?.textContent.trim() ?? null,
      links: [...li.querySelectorAll('.links a')].map((a) => a.textContent.trim()),
    })),
  );
}

/**
 * No WCAG 2.1 A/AA violation that axe finds in this frame (shadow roots included); each frame is checked on its
 * own. axe goes in through DevTools, as the embedded page's policy (rightly) refuses any inline script.
 */
async function assertAccessible(frame, where) {
  if (!(await frame.evaluate(() => 'axe' in window))) await frame.evaluate(axeSource);
  const violations = await frame.evaluate(async () => {
    const { violations } = await window.axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
      iframes: false,
    });
    return violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  });
  assert.deepEqual(violations, [], `accessibility of ${where}`);
}

/** The element focused, through shadow roots. */
const focused = () =>
  page.evaluate(() => {
    let element = document.activeElement;
    while (element?.shadowRoot?.activeElement) element = element.shadowRoot.activeElement;
    return { tag: element?.localName, text: element?.textContent?.trim(), part: element?.getAttribute('part') };
  });

const widget = () => page.locator('vivapolis-agenda');
const frame = () => page.frameLocator('iframe');

describe('partner agenda', () => {
  step('serve the demo page from another origin and open it in Chromium', async () => {
    assert.ok(/^https?:\/\//.test(apiUrl), 'VIVAPOLIS_API_URL must be set, e.g. http://127.0.0.1:5099');
    rmSync(results, { recursive: true, force: true });
    mkdirSync(results, { recursive: true });
    const script = await fetch(`${apiUrl}/embed/agenda.js`);
    assert.equal(script.status, 200, 'the API serves agenda.js: build it (npm run build:agenda) and set Vivapolis__Embed__AgendaScript');
    const demo = readFileSync(join(root, 'embed-demo.html'), 'utf8').replaceAll('http://127.0.0.1:5080', apiUrl);
    server = createServer((request, response) => {
      if (request.url !== '/') {
        response.writeHead(404).end();
        return;
      }
      response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(demo);
    });
    await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
    partnerUrl = `http://127.0.0.1:${server.address().port}/`;
    assert.notEqual(new URL(partnerUrl).origin, new URL(apiUrl).origin);

    userDataDir = mkdtempSync(join(tmpdir(), 'vivapolis-agenda-chromium-'));
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: '/usr/bin/chromium',
      headless: true,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
        '--disable-component-update', '--disable-sync'],
      viewport: { width: 1100, height: 900 },
      locale: 'fr-FR',
      timezoneId: 'Asia/Tokyo', // a reader far away still sees each event at the time of its own zone
    });
    page = context.pages()[0] ?? (await context.newPage());
    page.setDefaultTimeout(TIMEOUT);
    page.on('pageerror', (error) => pageErrors.push(String(error)));
    page.on('request', (request) => requests.push(request.url()));
    const response = await page.goto(partnerUrl);
    assert.equal(response?.status(), 200);
  });

  after(async () => {
    await context?.close().catch((e) => console.error('closing Chromium:', e));
    await new Promise((resolve) => (server ? server.close(resolve) : resolve()));
    if (userDataDir) rmSync(userDataDir, { recursive: true, force: true });
  });

  step('the element shows exactly the events of /api/v1/events with its filters, and pages with "Voir plus"', async () => {
    const expected = await listed(FILTERS);
    assert.ok(expected.length > 2, `the demo data has more than one page of events in region 84 (${expected.length})`);
    await widget().locator('li').first().waitFor();
    const firstPage = await shown(widget());
    assert.deepEqual(firstPage.map((e) => e.title), expected.slice(0, 2).map((e) => e.title));

    while ((await widget().locator('button[part="more"]').count()) > 0) {
      const before = await widget().locator('li').count();
      await widget().getByRole('button', { name: 'Voir plus' }).click();
      await page.waitForFunction((n) => document.querySelector('vivapolis-agenda').shadowRoot.querySelectorAll('li').length > n, before);
    }
    const all = await shown(widget());
    assert.deepEqual(all.map((e) => e.title), expected.map((e) => e.title));
    assert.deepEqual(all.map((e) => e.datetimes[0]), expected.map((e) => (e.allDay ? e.startDate : e.start.replace(/\.\d+/, ''))));
    assert.deepEqual(pageErrors, []);
  });

  step('the iframe without script shows the same events in the same words', async () => {
    const inFrame = frame().locator('li');
    await inFrame.first().waitFor();
    const fromFrame = await shown(frame());
    const fromWidget = (await shown(widget())).slice(0, fromFrame.length);
    assert.equal(fromFrame.length, 2);
    assert.deepEqual(fromFrame, fromWidget);
    // Its "Voir plus" shows the rest, without script.
    await frame().getByRole('link', { name: 'Voir plus' }).click();
    await frame().locator('li').nth(2).waitFor();
    assert.deepEqual(await shown(frame()), await shown(widget()));
  });

  step('the element and the iframe have no accessibility violation, light or dark', async () => {
    await assertAccessible(page.mainFrame(), 'the demo page and its element');
    const embedded = page.frames().find((f) => f.url().includes('/embed/agenda'));
    assert.ok(embedded, 'the iframe is loaded');
    await assertAccessible(embedded, 'the embedded agenda page');
    await page.emulateMedia({ colorScheme: 'dark', reducedMotion: 'reduce' });
    await assertAccessible(page.mainFrame(), 'the demo page in dark mode');
    await assertAccessible(embedded, 'the embedded agenda page in dark mode');
    await screenshot('dark');
    await page.emulateMedia({ colorScheme: 'light', reducedMotion: 'no-preference' });
  });

  step('the element is reachable by keyboard and "Voir plus" moves the focus to the first new event', async () => {
    await page.goto(partnerUrl);
    await widget().locator('li').first().waitFor();
    let reached = null;
    for (let i = 0; i < 12 && !reached; i++) {
      await page.keyboard.press('Tab');
      const now = await focused();
      if (now.part === 'more') reached = now;
    }
    assert.ok(reached, 'Tab reaches "Voir plus" through the links of the events');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelector('vivapolis-agenda').shadowRoot.querySelectorAll('li').length > 2);
    await page.waitForFunction(() => document.querySelector('vivapolis-agenda').shadowRoot.activeElement?.getAttribute('role') === 'heading');
    const third = (await shown(widget()))[2].title;
    assert.equal((await focused()).text, third);
  });

  step('the element asks nothing of any site but the API, and puts the events JSON-LD in the page', async () => {
    const api = new URL(apiUrl).origin;
    const partner = new URL(partnerUrl).origin;
    const others = requests.filter((url) => ![api, partner].includes(new URL(url).origin));
    assert.deepEqual(others, []);
    const jsonLd = JSON.parse(await page.locator('vivapolis-agenda > script[type="application/ld+json"]').textContent());
    const expected = await listed(FILTERS);
    assert.deepEqual(jsonLd.map((n) => n['@id']), expected.slice(0, 4).map((e) => `urn:uuid:${e.id}`));
    assert.ok(jsonLd.every((n) => n['@context'] === 'https://schema.org' && n['@type'] === 'Event'));
  });

  step('an English agenda of another filter, in compact layout, shows the events of that filter in English', async () => {
    await page.evaluate(() => {
      const element = document.querySelector('vivapolis-agenda');
      element.setAttribute('layout', 'compact');
      element.setAttribute('kind', 'webinaire');
      element.setAttribute('region', '');
      element.setAttribute('locale', 'en');
    });
    const expected = await listed('kind=webinaire&limit=2&locale=en');
    if (expected.length === 0) {
      await widget().getByText('No upcoming events.').waitFor();
    } else {
      await page.waitForFunction((title) => document.querySelector('vivapolis-agenda').shadowRoot.querySelector('[role="heading"]')?.textContent === title, expected[0].title);
      assert.equal(await widget().locator('.summary').count(), 0);
    }
    await assertAccessible(page.mainFrame(), 'the English agenda');
  });
});
