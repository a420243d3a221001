// Browser test of the media elements (src/editor/media) against a running API, in Debian's Chromium:
// drag and drop of a real image with the upload's progress bar, the alt text prompt, choosing the image in the
// picker, the library screen, and an SVG refused by the API.
//
//   VIVAPOLIS_API_URL=http://127.0.0.1:5099 VIVAPOLIS_E2E_WEB_PORT=5199 npm run test:e2e
//
// The elements are not mounted in the editor shell yet: vite's dev server serves them on e2e/media-harness.html,
// on the web port the API allows for management calls (CORS). It runs after editor.e2e.test.mjs, never beside it.
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';
import { createServer } from 'vite';

const axeSource = createRequire(import.meta.url)('axe-core').source;
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const results = join(root, 'test-results');
const apiUrl = (process.env.VIVAPOLIS_API_URL ?? '').replace(/\/+$/, '');
const webPort = Number(process.env.VIVAPOLIS_E2E_WEB_PORT);
const EDITOR = { email: 'editor@example.org', password: 'vivapolis-editor-demo' };
const TIMEOUT = 15_000;
const stamp = new Date().toISOString().replace(/[-:.TZ]/g, '');
const fileName = `place-e2e-${stamp}.png`;

let server;
let context;
let userDataDir;
let page;
let failed = false;
let shot = 0;
let uploaded;
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
  const file = `media-${String(shot).padStart(2, '0')}-${name.toLowerCase().normalize('NFD').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '')}.png`;
  await page.screenshot({ path: join(results, file), fullPage: true });
}

async function assertAccessible(where, include) {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: axeSource });
  const violations = await page.evaluate(async (selector) => {
    const { violations } = await window.axe.run(selector ? { include: [[selector]] } : document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    });
    return violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  }, include ?? null);
  assert.deepEqual(violations, [], `accessibility of ${where}`);
}

/** A DataTransfer holding a file made in the page: a PNG drawn on a canvas, or text bytes. */
function fileDrop(kind, name) {
  return page.evaluateHandle(
    async ([kind, name]) => {
      let blob;
      if (kind === 'png') {
        const canvas = document.createElement('canvas');
        canvas.width = 1400;
        canvas.height = 900;
        const g = canvas.getContext('2d');
        // Noise, so that the PNG weighs a few megabytes and its upload takes long enough to watch.
        const pixels = g.createImageData(canvas.width, canvas.height);
        for (let i = 0; i < pixels.data.length; i += 4) {
          pixels.data[i] = (i / 4) % 256;
          pixels.data[i + 1] = Math.random() * 256;
          pixels.data[i + 2] = 120;
          pixels.data[i + 3] = 255;
        }
        g.putImageData(pixels, 0, 0);
        g.fillStyle = '#1d6b3a';
        g.font = 'bold 96px sans-serif';
        g.fillText('Place Bellecour', 120, 480);
        blob = await new Promise((resolve) => canvas.toBlob(resolve, 'image/png'));
      } else {
        blob = new Blob(['<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'], { type: 'image/svg+xml' });
      }
      const transfer = new DataTransfer();
      transfer.items.add(new File([blob], name, { type: blob.type }));
      return transfer;
    },
    [kind, name],
  );
}

describe('media library elements', () => {
  step('serve the elements and sign in', async () => {
    assert.ok(/^https?:\/\//.test(apiUrl), 'VIVAPOLIS_API_URL must be set');
    assert.ok(webPort > 0, 'VIVAPOLIS_E2E_WEB_PORT must be set');
    mkdirSync(results, { recursive: true });
    server = await createServer({ root, logLevel: 'warn', server: { host: '127.0.0.1', port: webPort, strictPort: true }, clearScreen: false });
    await server.listen();

    const signIn = await fetch(`${apiUrl}/api/v1/auth/token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(EDITOR),
    });
    assert.equal(signIn.status, 200, 'the demo editor signs in');
    const { accessToken, user } = await signIn.json();

    userDataDir = mkdtempSync(join(tmpdir(), 'vivapolis-chromium-'));
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: '/usr/bin/chromium',
      headless: true,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
        '--disable-component-update', '--disable-sync'],
      viewport: { width: 1280, height: 900 },
      locale: 'fr-FR',
    });
    page = context.pages()[0] ?? (await context.newPage());
    page.setDefaultTimeout(TIMEOUT);
    page.on('pageerror', (error) => pageErrors.push(String(error)));
    const response = await page.goto(`http://127.0.0.1:${webPort}/e2e/media-harness.html`);
    assert.equal(response?.status(), 200);
    await page.waitForFunction(() => window.mediaReady === true);
    await page.evaluate(([url, token, user]) => window.startMedia(url, token, user), [apiUrl, accessToken, { email: user.email, role: user.role }]);
    await page.getByRole('heading', { name: 'Médiathèque', level: 1 }).waitFor();
  });

  after(async () => {
    await context?.close().catch((e) => console.error('closing Chromium:', e));
    await server?.close().catch((e) => console.error('stopping vite:', e));
    if (userDataDir) rmSync(userDataDir, { recursive: true, force: true });
  });

  step('drop an image in the picker: a progress bar, then the alt text prompt', async () => {
    await page.getByRole('button', { name: 'Choisir une image de couverture' }).click();
    const dialog = page.getByRole('dialog', { name: 'Choisir une image' });
    await dialog.waitFor();
    await assertAccessible('the picker', 'vp-media-picker');

    // A slow uplink, so that the progress bar has time to show.
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 20, downloadThroughput: -1, uploadThroughput: 1024 * 1024 });
    const answer = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/v1/manage/media' && r.request().method() === 'POST', { timeout: 45_000 });
    await dialog.locator('vp-media-upload .zone').dispatchEvent('drop', { dataTransfer: await fileDrop('png', fileName) });

    const progress = dialog.locator('vp-media-upload progress');
    await progress.waitFor();
    const seen = new Set();
    while ((await progress.count()) > 0 && seen.size < 3) {
      const value = await progress.evaluate((p) => p.value).catch(() => null);
      if (value !== null) seen.add(value);
      await new Promise((r) => setTimeout(r, 50));
    }
    assert.ok([...seen].some((v) => v > 0 && v < 100), `the bar moved between 0 and 100: ${[...seen]}`);
    await screenshot('progress');
    const response = await answer;
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
    assert.equal(response.status(), 201);
    uploaded = await response.json();
    assert.equal(uploaded.fileName, fileName);
    assert.equal(uploaded.format, 'png');
    assert.deepEqual([uploaded.width, uploaded.height], [1400, 900]);

    const alt = dialog.locator('vp-media-texts #alt');
    await alt.waitFor();
    assert.ok(await alt.evaluate((input) => input.getRootNode().activeElement === input), 'the alt text prompt has the focus');
    await assertAccessible('the alt text prompt', 'vp-media-picker');
  });

  step('describe it and use it as the cover', async () => {
    const dialog = page.getByRole('dialog', { name: 'Choisir une image' });
    await dialog.locator('vp-media-texts #alt').fill('La place Bellecour vue du ciel');
    await dialog.locator('vp-media-texts #credit').fill('Photo : Ville de Lyon');
    const saved = page.waitForResponse((r) => r.request().method() === 'PUT' && r.url().includes(uploaded.id));
    await dialog.getByRole('button', { name: 'Enregistrer' }).click();
    assert.equal((await saved).status(), 200);

    const use = dialog.getByRole('button', { name: 'Utiliser cette image' });
    await page.waitForFunction(() => !document.querySelector('vp-media-picker').shadowRoot.querySelector('footer button.primary').disabled);
    await use.click();
    await dialog.waitFor({ state: 'hidden' });
    const picked = await page.evaluate(() => window.picked);
    assert.deepEqual(picked.cover, { url: uploaded.url, alt: 'La place Bellecour vue du ciel', credit: 'Photo : Ville de Lyon', mediaId: uploaded.id });
    assert.match(await page.locator('#picked').textContent(), new RegExp(fileName));
  });

  step('the library shows it with its widths, and the files load in the browser', async () => {
    await page.getByRole('button', { name: 'Filtrer' }).last().click();
    const library = page.locator('vp-media-library');
    const card = library.locator(`vp-media-grid button[data-id="${uploaded.id}"]`);
    await card.waitFor();
    await card.click();
    const details = library.locator('aside');
    await details.getByRole('heading', { name: fileName }).waitFor();
    await details.getByText('Aucun article, fiche ou événement n’utilise cette image.').waitFor();
    const image = details.locator('img');
    await image.evaluate((img) => (img.complete ? null : new Promise((r) => img.addEventListener('load', r, { once: true }))));
    assert.ok((await image.evaluate((img) => img.naturalWidth)) > 0, 'the image is displayed');
    const widths = await details.locator('ul li a').allTextContents();
    assert.deepEqual(widths, ['320 px · PNG', '320 px · WEBP', '640 px · PNG', '640 px · WEBP', '1024 px · PNG', '1024 px · WEBP', '1400 px · PNG', '1400 px · WEBP']);
    const file = await fetch(uploaded.variants[0].url);
    assert.equal(file.headers.get('cache-control'), 'public, max-age=31536000, immutable');
    await assertAccessible('the library screen', 'vp-media-library');
  });

  step('an SVG dropped on the library is refused with the API’s reason', async () => {
    const zone = page.locator('vp-media-library vp-media-upload .zone');
    // The browser's own type check would refuse it before the API: drop it as a .png to reach the API.
    const answer = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/v1/manage/media' && r.request().method() === 'POST');
    const transfer = await fileDrop('svg', 'logo.png');
    await transfer.evaluate((t) => {
      const file = t.files[0];
      t.items.clear();
      t.items.add(new File([file], 'logo.png', { type: 'image/png' }));
    });
    await zone.dispatchEvent('drop', { dataTransfer: transfer });
    assert.equal((await answer).status(), 415);
    await page.locator('vp-media-library vp-media-upload [role="alert"]').getByText('Les images SVG sont refusées').waitFor();
    assert.deepEqual(pageErrors, []);
  });
});
