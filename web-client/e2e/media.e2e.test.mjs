// Browser test of the media library in the editor app, against a running API, in Debian's Chromium: an editor
// drops an image on the cover's picker (the progress bar moves on a throttled uplink), describes it, uses it as the
// cover and inside the body; a publication refused because the image lost its alt text says so on both fields, in
// French, and the image is described from there; published, the public article carries the image's widths. Then
// the « Médiathèque » screen: the image, its files and the article that uses it; an SVG refused with the API's
// reason. axe on every new screen, and 390 px.
//
//   VIVAPOLIS_API_URL=http://127.0.0.1:5099 VIVAPOLIS_E2E_WEB_PORT=5199 npm run test:e2e
//
// Like editor.e2e.test.mjs it serves the built dist/ (npm run build) and runs after it, never beside it.
import { after, describe } from 'node:test';
import assert from 'node:assert/strict';
import { EDITOR, UUID, apiUrl, assertAccessible, browserTest, focused, isCall, signIn, textOf } from './support.mjs';

const t = browserTest('media-');
const stamp = new Date().toISOString().replace(/[-:.TZ]/g, '');
const fileName = `place-e2e-${stamp}.png`;
const title = `Article illustré ${stamp}`;
const ALT = 'La place Bellecour vue du ciel, au soleil';
let page;
let uploaded;
let articleId;

const picker = () => page.getByRole('dialog', { name: 'Choisir une image' });
const notice = () => page.locator('vp-content-editor p.notice[role="status"]');
const action = (name) => page.locator('vp-item-panel [role="group"] button', { hasText: name });
const isUpload = (r) => new URL(r.url()).pathname === '/api/v1/manage/media' && r.request().method() === 'POST';

/** A DataTransfer holding a file made in the page: a PNG drawn on a canvas (noise: a few megabytes), or an SVG. */
function fileDrop(kind, name, type) {
  return page.evaluateHandle(
    async ([kind, name, type]) => {
      let blob;
      if (kind === 'png') {
        const canvas = document.createElement('canvas');
        canvas.width = 1400;
        canvas.height = 900;
        const g = canvas.getContext('2d');
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
      transfer.items.add(new File([blob], name, { type: type ?? blob.type }));
      return transfer;
    },
    [kind, name, type],
  );
}

describe('the media library in the editor', () => {
  t.step('serve dist/, start Chromium, sign in as an editor', async () => {
    await t.start();
    page = t.page;
    await signIn(page, EDITOR);
    await page.getByRole('heading', { name: 'Articles', level: 1 }).waitFor();
  });

  after(() => t.stop());

  t.step('a new article’s cover: the picker takes a dropped image, with a progress bar, then asks for its alt text', async () => {
    await page.getByRole('link', { name: 'Nouvel article' }).click();
    await page.getByRole('heading', { name: 'Nouvel article', level: 1 }).waitFor();
    await page.locator('#f-title').fill(title);
    await page.locator('vp-cover-image').getByRole('button', { name: 'Choisir une image' }).click();
    await picker().waitFor();
    await assertAccessible(page, 'the picker');

    // A slow uplink, so that the progress bar has time to show.
    const cdp = await t.context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 20, downloadThroughput: -1, uploadThroughput: 1024 * 1024 });
    const answer = page.waitForResponse(isUpload, { timeout: 45_000 });
    await picker().locator('vp-media-upload .zone').dispatchEvent('drop', { dataTransfer: await fileDrop('png', fileName) });
    const progress = picker().locator('vp-media-upload progress');
    await progress.waitFor();
    const seen = new Set();
    while ((await progress.count()) > 0 && seen.size < 3) {
      const value = await progress.evaluate((p) => p.value).catch(() => null);
      if (value !== null) seen.add(value);
      await new Promise((r) => setTimeout(r, 50));
    }
    assert.ok([...seen].some((v) => v > 0 && v < 100), `the bar moved between 0 and 100: ${[...seen]}`);
    await t.screenshot('the upload under way');
    const response = await answer;
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
    assert.equal(response.status(), 201);
    uploaded = await response.json();
    assert.deepEqual([uploaded.fileName, uploaded.format, uploaded.width, uploaded.height], [fileName, 'png', 1400, 900]);

    const alt = picker().locator('vp-media-texts #alt');
    await alt.waitFor();
    assert.match(await focused(page), /^input#alt/, 'the alt text prompt has the focus');
    await assertAccessible(page, 'the alt text prompt');
  }, 120_000);

  t.step('described, it becomes the cover, previewed with its widths', async () => {
    await picker().locator('vp-media-texts #alt').fill(ALT);
    await picker().locator('vp-media-texts #credit').fill('Photo : Ville de Lyon');
    const saved = page.waitForResponse((r) => r.request().method() === 'PUT' && r.url().endsWith(`/api/v1/manage/media/${uploaded.id}`));
    await picker().getByRole('button', { name: 'Enregistrer' }).click();
    assert.equal((await saved).status(), 200);
    // Enabled once the image is described: the click waits for it.
    await picker().getByRole('button', { name: 'Utiliser cette image' }).click();
    await picker().waitFor({ state: 'hidden' });

    const cover = page.locator('vp-cover-image');
    await textOf(cover.locator('.file-name'), fileName);
    assert.match(await cover.locator('.cover img').getAttribute('srcset'), /320w.*640w.*1024w/);
    assert.equal(await page.locator('#f-cover-alt').inputValue(), ALT, 'the cover takes the library’s alt text, to adapt');
    assert.equal(await page.locator('#f-cover-credit').inputValue(), 'Photo : Ville de Lyon');
    assert.match(await focused(page), /^button .*Changer d’image/, 'the focus is back on the cover’s button');
    await assertAccessible(page, 'an article with its cover');
  });

  t.step('the same image goes inside the body from the rich text’s toolbar, with its alt text; the article is created', async () => {
    const body = page.locator('#f-body .rich-area');
    await body.click();
    await page.keyboard.type('Un paragraphe avant l’image.');
    await page.locator('#f-body').getByRole('button', { name: 'Image', exact: true }).click();
    const dialog = page.locator('#f-body vp-media-picker').getByRole('dialog', { name: 'Choisir une image' });
    await dialog.waitFor();
    await dialog.locator(`vp-media-grid button[data-id="${uploaded.id}"]`).click();
    await dialog.getByRole('button', { name: 'Utiliser cette image' }).click();
    await dialog.waitFor({ state: 'hidden' });
    const inline = body.locator('img');
    await inline.waitFor();
    assert.equal(await inline.getAttribute('alt'), ALT);

    const answer = page.waitForResponse(isCall('/api/v1/manage/articles', 'POST'));
    await page.getByRole('button', { name: 'Créer l’article' }).first().click();
    const response = await answer;
    assert.equal(response.status(), 201);
    const sent = response.request().postDataJSON();
    assert.deepEqual(sent.cover, { url: uploaded.url, alt: ALT, credit: 'Photo : Ville de Lyon', mediaId: uploaded.id });
    const webp1024 = uploaded.variants.find((v) => v.format === 'webp' && v.width === 1024).url;
    assert.ok(sent.body.includes(`<img src="${webp1024}" alt="${ALT}">`), `the body shows the 1024 px WebP with its alt text: ${sent.body}`);
    await page.waitForURL(/#\/articles\/[0-9a-f-]{36}$/);
    articleId = UUID.exec(page.url())[0];
    await textOf(notice(), 'Article créé');
  });

  t.step('a publication refused because the image lost its alt text says so on the cover and the body, and it is described there', async () => {
    // Someone removed the description in the library meanwhile.
    const headers = { ...(await t.bearer()), 'Content-Type': 'application/json' };
    const current = await fetch(`${apiUrl}/api/v1/manage/media/${uploaded.id}`, { headers });
    const cleared = await fetch(`${apiUrl}/api/v1/manage/media/${uploaded.id}`, {
      method: 'PUT', headers: { ...headers, 'If-Match': current.headers.get('etag') }, body: JSON.stringify({ alt: null, credit: 'Photo : Ville de Lyon' }),
    });
    assert.equal(cleared.status, 200);

    const answer = page.waitForResponse(isCall(`/api/v1/manage/articles/${articleId}/publish`, 'POST'));
    await action('Publier').click();
    const response = await answer;
    assert.equal(response.status(), 422);
    const problem = await response.json();
    assert.deepEqual(Object.keys(problem.errors).sort(), ['body', 'cover.mediaId']);
    await textOf(page.locator('#f-cover-mediaId-error'), problem.errors['cover.mediaId'][0]);
    await textOf(page.locator('#f-body-error'), problem.errors.body[0]);
    assert.match(problem.errors.body[0], /n'a pas de texte alternatif|n’a pas de texte alternatif/);
    const alert = await textOf(page.locator('vp-content-editor [role="alert"]').first(), problem.detail);
    assert.doesNotMatch(alert, /mediaId|cover\./, 'no internal field name in what the editor reads');
    await textOf(page.locator('vp-cover-image .describe'), 'n’a pas de texte alternatif dans la médiathèque');
    await textOf(page.locator('#f-body vp-undescribed-images h3'), 'Une image du texte est à décrire');
    await assertAccessible(page, 'a publication refused for an image without alt text');

    const describe = page.locator('vp-cover-image vp-media-texts');
    await describe.locator('#alt').fill(ALT);
    const saved = page.waitForResponse((r) => r.request().method() === 'PUT' && r.url().endsWith(`/api/v1/manage/media/${uploaded.id}`));
    await describe.getByRole('button', { name: 'Enregistrer' }).click();
    assert.equal((await saved).status(), 200);
    await textOf(page.locator('vp-cover-image [role="status"]'), 'elle peut être publiée');
    // The body's list knows: the same image, described once.
    await page.locator('#f-body vp-undescribed-images section').waitFor({ state: 'detached' });
  });

  t.step('published, the public article carries the image’s widths for srcset', async () => {
    const answer = page.waitForResponse(isCall(`/api/v1/manage/articles/${articleId}/publish`, 'POST'));
    await action('Publier').click();
    assert.equal((await answer).status(), 200);
    await textOf(notice(), 'Article publié');
    const slug = await textOf(page.locator('#current-slug'));
    const delivered = await (await fetch(`${apiUrl}/api/v1/articles/${encodeURIComponent(slug)}`)).json();
    assert.equal(delivered.cover.mediaId, uploaded.id);
    assert.equal(delivered.images.length, 1, 'the cover and the body show one image, listed once');
    const [image] = delivered.images;
    assert.deepEqual([image.url, image.width, image.height, image.alt], [uploaded.url, 1400, 900, ALT]);
    const widths = [...new Set(image.variants.map((v) => v.width))].sort((a, b) => a - b);
    assert.deepEqual(widths, [320, 640, 1024, 1400]);
    assert.ok(delivered.body.includes(`/media/${uploaded.hash}/`), 'the body shows the library’s file');
    await t.atPhoneWidth('the article with its cover');
  });

  t.step('« Médiathèque »: the image with its files and the article that uses it, in French', async () => {
    await page.getByRole('link', { name: 'Médiathèque' }).click();
    await page.getByRole('heading', { name: 'Médiathèque', level: 1 }).waitFor();
    assert.match(await focused(page), /^h1/, 'the new screen’s heading has the focus');
    const library = page.locator('vp-media-library');
    const card = library.locator(`vp-media-grid button[data-id="${uploaded.id}"]`);
    await card.click();
    const details = library.locator('aside');
    await details.getByRole('heading', { name: fileName }).waitFor();
    const use = details.locator(`li[data-use="${articleId}"]`);
    await textOf(use, `${title} (article, publié ; contenu actuel, version publiée)`);
    assert.equal(await use.locator('a').getAttribute('href'), `#/articles/${articleId}`);
    const files = await details.locator('ul li a[target="_blank"]').allTextContents();
    assert.deepEqual(files, ['320 px · PNG', '320 px · WEBP', '640 px · PNG', '640 px · WEBP', '1024 px · PNG', '1024 px · WEBP', '1400 px · PNG', '1400 px · WEBP']);
    const file = await fetch(uploaded.variants[0].url);
    assert.equal(file.headers.get('cache-control'), 'public, max-age=31536000, immutable');
    await assertAccessible(page, 'the media library');
    await t.atPhoneWidth('the media library');
  });

  t.step('an SVG dropped on the library is refused with the API’s reason', async () => {
    // The browser's own type check would refuse it before the API: dropped as a PNG, to reach the API.
    const answer = page.waitForResponse(isUpload);
    await page.locator('vp-media-library vp-media-upload .zone').dispatchEvent('drop', { dataTransfer: await fileDrop('svg', 'logo.png', 'image/png') });
    assert.equal((await answer).status(), 415);
    await page.locator('vp-media-library vp-media-upload [role="alert"]').getByText('Les images SVG sont refusées').waitFor();
    assert.deepEqual(t.pageErrors, [], 'no uncaught error in the page');
  });
});
