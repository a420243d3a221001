// What the editor's browser tests share: serving dist/ for the API under test, Chromium from Debian, steps that
// stop at the first failure and leave a screenshot each, axe, the phone width, and signing in.
import { it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';
import { preview } from 'vite';

// axe-core itself, injected into the page (it looks into open shadow roots by itself); the
// @axe-core/playwright wrapper declares node >= 22.12 and this machine has node 20.
const axeSource = createRequire(import.meta.url)('axe-core').source;

export const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const dist = join(root, 'dist');
export const results = join(root, 'test-results');
export const apiUrl = (process.env.VIVAPOLIS_API_URL ?? '').replace(/\/+$/, '');
export const webPort = Number(process.env.VIVAPOLIS_E2E_WEB_PORT);
export const webUrl = `http://127.0.0.1:${webPort}/`;
export const TIMEOUT = 15_000;
export const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

// The demo accounts of `seed-demo` (api/Demo/DemoData.cs).
export const ADMIN = { email: 'admin@example.org', password: 'vivapolis-admin-demo' };
export const EDITOR = { email: 'editor@example.org', password: 'vivapolis-editor-demo' };
export const AUTHOR = { email: 'author@example.org', password: 'vivapolis-author-demo' };
export const SALES = { email: 'sales@example.org', password: 'vivapolis-sales-demo' };

const CHROMIUM_ARGS = ['--headless', '--lang=fr-FR', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/**
 * One browser test file: `step`s share one page and run in order; a step whose predecessor failed is skipped rather
 * than failing for the same reason again. Screenshots go to test-results/, named `{prefix}{n}-{step}.png`.
 */
export function browserTest(prefix = '') {
  const t = {
    page: null,
    context: null,
    server: null,
    userDataDir: null,
    failed: false,
    shot: 0,
    pageErrors: [],

    /** Serves dist/ for the API with vite preview (in this process, so it cannot outlive the test) and opens Chromium. */
    async start({ clean = false, contextOptions = {} } = {}) {
      assert.ok(/^https?:\/\//.test(apiUrl), 'VIVAPOLIS_API_URL must be set, e.g. http://127.0.0.1:5099');
      assert.ok(webPort > 0, 'VIVAPOLIS_E2E_WEB_PORT must be set, e.g. 5199');
      assert.ok(existsSync(join(dist, 'index.html')), 'dist/ is missing: run `npm run build` first');
      if (clean) rmSync(results, { recursive: true, force: true }); // screenshots of this run only
      mkdirSync(results, { recursive: true });
      writeFileSync(join(dist, 'config.json'), JSON.stringify({ apiBaseUrl: apiUrl }) + '\n');
      t.server = await preview({ root, logLevel: 'warn', preview: { host: '127.0.0.1', port: webPort, strictPort: true, open: false } });
      t.userDataDir = mkdtempSync(join(tmpdir(), 'vivapolis-chromium-'));
      t.context = await chromium.launchPersistentContext(t.userDataDir, {
        executablePath: '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS,
        viewport: { width: 1280, height: 900 }, locale: 'fr-FR', ...contextOptions,
      });
      t.page = t.context.pages()[0] ?? (await t.context.newPage());
      t.page.setDefaultTimeout(TIMEOUT);
      t.page.on('pageerror', (error) => t.pageErrors.push(String(error)));
      const response = await t.page.goto(webUrl);
      assert.equal(response?.status(), 200, 'vite preview serves index.html');
    },

    /** For `after()`: each stop on its own, so that one failing does not keep the others from running. */
    async stop() {
      await t.context?.close().catch((e) => console.error('closing Chromium:', e));
      await t.server?.close().catch((e) => console.error('stopping vite preview:', e));
      if (t.userDataDir) rmSync(t.userDataDir, { recursive: true, force: true });
    },

    step(name, fn, timeout = 90_000) {
      it(name, { timeout }, async (test) => {
        if (t.failed) {
          test.skip('an earlier step failed');
          return;
        }
        try {
          await fn();
          await t.screenshot(name);
        } catch (error) {
          t.failed = true;
          await t.screenshot(`ÉCHEC ${name}`).catch(() => {});
          throw error;
        }
      });
    },

    async screenshot(name, { target = t.page, fullPage = true } = {}) {
      if (!target) return;
      t.shot += 1;
      const slug = name.toLowerCase().normalize('NFD').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 80);
      await target.screenshot({ path: join(results, `${prefix}${String(t.shot).padStart(2, '0')}-${slug}.png`), fullPage });
    },

    /** At phone width: nothing wider than the screen; `check` for what must be in reach. */
    async atPhoneWidth(name, check) {
      await t.page.setViewportSize({ width: 390, height: 844 });
      try {
        await t.page.waitForTimeout(150);
        const width = await t.page.evaluate(() => document.documentElement.scrollWidth);
        assert.ok(width <= 390, `${name}: no sideways scrolling at 390 px (the page is ${width} px wide)`);
        await check?.();
        // What the phone shows, not the whole page: the sticky bar is where the thumb is.
        await t.screenshot(`${name} (390 px)`, { fullPage: false });
      } finally {
        await t.page.setViewportSize({ width: 1280, height: 900 });
      }
    },

    /** The session's bearer token, for the API calls a test makes on the side. */
    async bearer() {
      const session = JSON.parse(await t.page.evaluate(() => localStorage.getItem('vivapolis.session')));
      return { Authorization: `Bearer ${session.token}`, 'Accept-Language': 'fr' };
    },
  };
  return t;
}

/** Waits until the locator's text (as rendered: shadow roots included) matches, then returns that text. */
export async function textOf(locator, expected = /\S/) {
  const deadline = Date.now() + TIMEOUT;
  let text = '';
  while (Date.now() < deadline) {
    text = ((await locator.count()) > 0 ? await locator.first().innerText().catch(() => '') : '') ?? '';
    if (expected instanceof RegExp ? expected.test(text) : text.includes(expected)) return text.trim();
    await new Promise((r) => setTimeout(r, 100));
  }
  assert.fail(`expected ${locator} to show ${expected}, it shows ${JSON.stringify(text)}`);
}

/** Waits until the input's value is `expected` (a field the page fills by itself, after a call). */
export async function valueOf(locator, expected) {
  const deadline = Date.now() + TIMEOUT;
  let value;
  while (Date.now() < deadline) {
    value = await locator.inputValue();
    if (value === expected) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  assert.equal(value, expected, `${locator} holds ${expected}`);
}

/** No WCAG 2.1 A/AA violation that axe can find, in the page (or in the part `include` selects). */
export async function assertAccessible(target, where, include = null) {
  if (!(await target.evaluate(() => 'axe' in window))) await target.addScriptTag({ content: axeSource });
  const violations = await target.evaluate(async (selector) => {
    const { violations } = await window.axe.run(selector ? { include: [[selector]] } : document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    });
    return violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  }, include);
  assert.deepEqual(violations, [], `accessibility of ${where}`);
}

/** The element that has the focus, through shadow roots: focus is never lost to the page's body. */
export function focused(target) {
  return target.evaluate(() => {
    let el = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    return el ? `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''} ${(el.textContent ?? '').trim().slice(0, 40)}` : 'none';
  });
}

export const isCall = (path, method) => (response) =>
  new URL(response.url()).pathname === path && response.request().method() === method;

/** Signs in from the sign-in screen; the answer must be 200. */
export async function signIn(target, { email, password }) {
  await target.getByRole('heading', { name: 'Connexion', level: 1 }).waitFor();
  await target.locator('#email').fill(email);
  await target.locator('#password').fill(password);
  const answer = target.waitForResponse(isCall('/api/v1/auth/token', 'POST'));
  await target.getByRole('button', { name: 'Se connecter' }).click();
  assert.equal((await answer).status(), 200, `the API accepts ${email}`);
}
