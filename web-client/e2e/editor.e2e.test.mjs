// Browser test of the editor SPA against a running API, in Debian's Chromium.
//
//   VIVAPOLIS_API_URL=http://127.0.0.1:5099 VIVAPOLIS_E2E_WEB_PORT=5199 npm run test:e2e
//
// It builds nothing: it serves the dist/ made by `npm run build` (with vite preview, in this
// process, so the server cannot outlive the test), after writing dist/config.json for that API.
// The steps share one page and run in order; a step whose predecessor failed is skipped rather
// than failing for the same reason again.
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';

// axe-core itself, injected into the page (it looks into open shadow roots by itself); the
// @axe-core/playwright wrapper declares node >= 22.12 and this machine has node 20.
const axeSource = createRequire(import.meta.url)('axe-core').source;
import { preview } from 'vite';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
const results = join(root, 'test-results');
const apiUrl = (process.env.VIVAPOLIS_API_URL ?? '').replace(/\/+$/, '');
const webPort = Number(process.env.VIVAPOLIS_E2E_WEB_PORT);
const webUrl = `http://127.0.0.1:${webPort}/`;

// The demo accounts of `seed-demo` (api/Demo/DemoData.cs).
const EDITOR = { email: 'editor@example.org', password: 'vivapolis-editor-demo' };
const AUTHOR = { email: 'author@example.org', password: 'vivapolis-author-demo' };
const SALES = { email: 'sales@example.org', password: 'vivapolis-sales-demo' };
const TIMEOUT = 15_000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

let server;
let context;
let userDataDir;
let page;
let failed = false;
const pageErrors = [];
let shot = 0;

// What the steps learn and pass on.
const title = `Essai e2e ${new Date().toISOString().replace(/[-:.TZ]/g, '')}`;
const authorTitle = `Brouillon d’auteur ${new Date().toISOString().replace(/[-:.TZ]/g, '')}`;
let authorArticleId;
let articleId;
let slug;
let createdEtag;

/** One step: runs only if the previous ones passed, and leaves a screenshot either way. */
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

/** Waits until the locator's text matches, then returns that text. */
async function textOf(locator, expected = /\S/) {
  const deadline = Date.now() + TIMEOUT;
  let text = '';
  while (Date.now() < deadline) {
    text = ((await locator.count()) > 0 ? await locator.first().textContent() : '') ?? '';
    if (expected instanceof RegExp ? expected.test(text) : text.includes(expected)) return text.trim();
    await new Promise((r) => setTimeout(r, 100));
  }
  assert.fail(`expected ${locator} to show ${expected}, it shows ${JSON.stringify(text)}`);
}

/** No WCAG 2.1 A/AA violation that axe can find. */
async function assertAccessible(where) {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: axeSource });
  const violations = await page.evaluate(async () => {
    const { violations } = await window.axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    });
    return violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  });
  assert.deepEqual(violations, [], `accessibility of ${where}`);
}

const storedSession = async () => JSON.parse(await page.evaluate(() => sessionStorage.getItem('vivapolis.session')));
const token = async () => (await storedSession()).token;

const isManage = (path, method) => (response) =>
  new URL(response.url()).pathname === path && response.request().method() === method;

/** Signs in from the sign-in screen; the answer must be 200. */
async function signIn({ email, password }) {
  await page.getByRole('heading', { name: 'Connexion', level: 1 }).waitFor();
  await page.locator('#email').fill(email);
  await page.locator('#password').fill(password);
  const answer = page.waitForResponse(isManage('/api/v1/auth/token', 'POST'));
  await page.getByRole('button', { name: 'Se connecter' }).click();
  assert.equal((await answer).status(), 200, `the API accepts ${email}`);
}

/**
 * Signs out with the header's button: /auth/logout ends the session on the API, then the tab forgets it.
 * `proveRevoked` tries the refresh token once more; only once per walk, since everything under /api/v1/auth
 * shares the API's per-address limit (10 a minute).
 */
async function signOut({ proveRevoked = false } = {}) {
  const { refreshToken } = await storedSession();
  const request = page.waitForRequest((r) => new URL(r.url()).pathname === '/api/v1/auth/logout');
  const answer = page.waitForResponse(isManage('/api/v1/auth/logout', 'POST'));
  await page.getByRole('button', { name: 'Se déconnecter' }).click();
  assert.deepEqual(JSON.parse((await request).postData() ?? '{}'), { refreshToken }, 'logout sends the refresh token');
  assert.equal((await answer).status(), 204);
  await page.getByRole('heading', { name: 'Connexion', level: 1 }).waitFor();
  await textOf(page.locator('vp-sign-in p[role="status"]'), 'Vous êtes déconnecté.');
  assert.equal(await page.evaluate(() => sessionStorage.getItem('vivapolis.session')), null);
  if (!proveRevoked) return;
  // The refresh token is spent for good: the session is over on the API too.
  const refresh = await fetch(`${apiUrl}/api/v1/auth/refresh`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ refreshToken }),
  });
  assert.equal(refresh.status, 401, 'a logged-out refresh token is refused');
}

describe('editor SPA', () => {
  // Setup is a step rather than a before() hook: a failing hook leaves every test "cancelled"
  // and `# fail 0` in the TAP summary, which reads like a pass.
  step('serve dist/ for the API and start Chromium', async () => {
    assert.ok(/^https?:\/\//.test(apiUrl), 'VIVAPOLIS_API_URL must be set, e.g. http://127.0.0.1:5099');
    assert.ok(webPort > 0, 'VIVAPOLIS_E2E_WEB_PORT must be set, e.g. 5199');
    assert.ok(existsSync(join(dist, 'index.html')), 'dist/ is missing: run `npm run build` first');
    // Screenshots of this run only.
    rmSync(results, { recursive: true, force: true });
    mkdirSync(results, { recursive: true });
    writeFileSync(join(dist, 'config.json'), JSON.stringify({ apiBaseUrl: apiUrl }) + '\n');

    server = await preview({
      root,
      logLevel: 'warn',
      preview: { host: '127.0.0.1', port: webPort, strictPort: true, open: false },
    });

    userDataDir = mkdtempSync(join(tmpdir(), 'vivapolis-chromium-'));
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: '/usr/bin/chromium',
      headless: true,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
      viewport: { width: 1280, height: 900 },
      locale: 'fr-FR',
    });
    page = context.pages()[0] ?? (await context.newPage());
    page.setDefaultTimeout(TIMEOUT);
    page.on('pageerror', (error) => pageErrors.push(String(error)));
    const response = await page.goto(webUrl);
    assert.equal(response?.status(), 200, 'vite preview serves index.html');
  });

  after(async () => {
    // Each stop on its own: one failing must not keep the others from running.
    await context?.close().catch((e) => console.error('closing Chromium:', e));
    await server?.close().catch((e) => console.error('stopping vite preview:', e));
    if (userDataDir) rmSync(userDataDir, { recursive: true, force: true });
  });

  step('sign in as an editor and see the article list', async () => {
    await page.getByRole('heading', { name: 'Connexion', level: 1 }).waitFor();
    await assertAccessible('the sign-in screen');
    await signIn(EDITOR);

    await page.getByRole('heading', { name: 'Articles', level: 1 }).waitFor();
    // Loaded: either rows or the empty state, never a stuck spinner or an error.
    await textOf(page.locator('vp-article-list table, vp-article-list p[role="status"]:not([aria-busy])'), /\S/);
    assert.equal(await page.locator('vp-article-list [role="alert"]').count(), 0, 'no error while loading the list');
    assert.ok(await token(), 'the token is kept in sessionStorage');
    assert.ok((await storedSession()).refreshToken, 'and the refresh token with it');
    await textOf(page.locator('vp-app header #signed-in-user'), 'Élise Rédaction, éditeur');
    await textOf(page.locator('vp-app header'), 'Se déconnecter');
    await assertAccessible('the article list');
  });

  step('a too short title gets the French message beside the field', async () => {
    await page.getByRole('link', { name: 'Nouvel article' }).click();
    await page.getByRole('heading', { name: 'Nouvel article', level: 1 }).waitFor();
    await page.locator('#f-title').fill('ab');
    const answer = page.waitForResponse(isManage('/api/v1/manage/articles', 'POST'));
    await page.getByRole('button', { name: 'Créer l’article' }).click();
    const response = await answer;

    assert.equal(response.status(), 400, 'the API refuses a 2-character title');
    assert.equal(response.request().headers()['accept-language'], 'fr', 'the SPA asks for French messages');
    const problem = await response.json();
    const message = problem.errors?.title?.[0];
    assert.ok(message, `the problem has errors.title: ${JSON.stringify(problem)}`);

    const field = page.locator('#f-title');
    await page.locator('#f-title[aria-invalid="true"]').waitFor();
    const describedBy = (await field.getAttribute('aria-describedby')) ?? '';
    assert.ok(describedBy.split(' ').includes('f-title-error'), `aria-describedby links the message: "${describedBy}"`);
    assert.equal(await textOf(page.locator('#f-title-error'), message), message);
    // Still a new article: nothing was created.
    assert.match(page.url(), /#\/articles\/new$/);
    await assertAccessible('the form with an error');
  });

  step('a valid title creates the article, which stays editable', async () => {
    await page.locator('#f-title').fill(title);
    await page.locator('#f-standfirst').fill('Premier chapô, écrit par le test de bout en bout.');
    await page.getByLabel('Mobilité').check();
    const answer = page.waitForResponse(isManage('/api/v1/manage/articles', 'POST'));
    await page.getByRole('button', { name: 'Créer l’article' }).click();
    const response = await answer;
    assert.equal(response.status(), 201, 'created');
    createdEtag = await response.headerValue('etag');
    assert.ok(createdEtag, 'the 201 carries an ETag');

    await page.waitForURL(/#\/articles\/[0-9a-f-]{36}$/);
    articleId = page.url().split('/').pop();
    assert.match(articleId, UUID);
    await textOf(page.locator('vp-article-editor p[role="status"]'), 'Article créé');
    assert.equal(await page.locator('#f-title').getAttribute('aria-invalid'), 'false', 'the title error is gone');
    assert.equal(await page.locator('#f-title').inputValue(), title);
    await page.locator('vp-article-editor vp-status-badge [data-status="draft"]').waitFor();
    slug = await textOf(page.locator('#current-slug'), /^[a-z0-9-]+$/);
    assert.match(slug, /^essai-e2e-\d+/, 'slug made from the title');
  });

  step('editing and saving again sends the ETag in If-Match', async () => {
    const version = Number(await textOf(page.locator('#version'), /^\d+$/));
    await page.locator('#f-standfirst').fill('Chapô modifié : la deuxième version.');
    await page.locator('#f-rubric').fill('Écosystème');
    const request = page.waitForRequest((r) => r.method() === 'PUT' && new URL(r.url()).pathname.endsWith(`/manage/articles/${articleId}`));
    const answer = page.waitForResponse(isManage(`/api/v1/manage/articles/${articleId}`, 'PUT'));
    await page.getByRole('button', { name: 'Enregistrer', exact: true }).click();

    assert.equal((await request).headers()['if-match'], createdEtag, 'If-Match is the ETag of the version the form came from');
    assert.equal((await answer).status(), 200);
    await textOf(page.locator('vp-article-editor p[role="status"]'), 'Modifications enregistrées');
    assert.ok(Number(await textOf(page.locator('#version'), /^\d+$/)) > version, 'the version went up');
  });

  step('publishing shows the published status and the public link', async () => {
    const answer = page.waitForResponse(isManage(`/api/v1/manage/articles/${articleId}/publish`, 'POST'));
    await page.getByRole('button', { name: 'Publier', exact: true }).click();
    assert.equal((await answer).status(), 200);
    await textOf(page.locator('vp-article-editor p[role="status"]'), 'Article publié');
    await page.locator('vp-article-editor vp-status-badge [data-status="published"]').waitFor();
    assert.equal(await textOf(page.locator('vp-article-editor vp-status-badge [data-status="published"]')), 'publié');
    assert.equal(await page.locator('#public-link').getAttribute('href'), `${apiUrl}/api/v1/articles/${slug}`);
    await assertAccessible('the published article');
  });

  step('the delivery API serves the published article', async () => {
    const response = await fetch(`${apiUrl}/api/v1/articles/${encodeURIComponent(slug)}`);
    assert.equal(response.status, 200);
    const article = await response.json();
    assert.equal(article.title, title);
    assert.equal(article.slug, slug);
    assert.equal(article.standfirst, 'Chapô modifié : la deuxième version.', 'the saved edit is what is published');
  });

  step('the list shows the article as published', async () => {
    await page.getByRole('link', { name: 'Retour à la liste' }).click();
    await page.getByRole('heading', { name: 'Articles', level: 1 }).waitFor();
    await page.locator('vp-article-list #status').selectOption('published');
    await page.locator('vp-article-list #q').fill(title);
    await page.getByRole('button', { name: 'Filtrer', exact: true }).click();
    const row = page.locator(`vp-article-list tr[data-id="${articleId}"]`);
    await row.waitFor();
    assert.equal(await textOf(row.locator('td.title a')), title);
    assert.equal(await textOf(row.locator('vp-status-badge [data-status="published"]')), 'publié');
  });

  step('a concurrent change is not overwritten: 412 offers to reload', async () => {
    await page.locator(`vp-article-list tr[data-id="${articleId}"] td.title a`).click();
    await page.locator('#f-title').waitFor();
    assert.equal(await page.locator('#f-title').inputValue(), title);

    // Someone else saves in between, straight through the API.
    const headers = { Authorization: `Bearer ${await token()}`, 'Accept-Language': 'fr' };
    const current = await fetch(`${apiUrl}/api/v1/manage/articles/${articleId}`, { headers });
    assert.equal(current.status, 200);
    const { content } = await current.json();
    const other = await fetch(`${apiUrl}/api/v1/manage/articles/${articleId}`, {
      method: 'PUT',
      headers: { ...headers, 'Content-Type': 'application/json', 'If-Match': current.headers.get('etag') },
      body: JSON.stringify({ ...content, rubric: 'Modifié par une collègue' }),
    });
    assert.equal(other.status, 200, 'the other edit is accepted');

    await page.locator('#f-rubric').fill('Ma version');
    const answer = page.waitForResponse(isManage(`/api/v1/manage/articles/${articleId}`, 'PUT'));
    await page.getByRole('button', { name: 'Enregistrer', exact: true }).click();
    assert.equal((await answer).status(), 412);
    await textOf(page.locator('vp-article-editor [role="alert"]'), 'Quelqu’un d’autre a modifié cet article');
    const reload = page.getByRole('button', { name: 'Recharger la dernière version' });
    await reload.click();
    await textOf(page.locator('vp-article-editor p[role="status"]'), 'Dernière version rechargée');
    assert.equal(await page.locator('#f-rubric').inputValue(), 'Modifié par une collègue');
  });

  step('unpublishing takes it off the delivery API', async () => {
    const answer = page.waitForResponse(isManage(`/api/v1/manage/articles/${articleId}/unpublish`, 'POST'));
    await page.getByRole('button', { name: 'Dépublier', exact: true }).click();
    assert.equal((await answer).status(), 200);
    assert.equal(await textOf(page.locator('vp-article-editor vp-status-badge [data-status="unpublished"]')), 'dépublié');
    assert.equal(await page.locator('#public-link').count(), 0, 'no public link any more');
    const response = await fetch(`${apiUrl}/api/v1/articles/${encodeURIComponent(slug)}`);
    assert.equal(response.status, 404);
  });

  step('deleting asks for confirmation, then removes the article', async () => {
    page.once('dialog', (dialog) => {
      assert.match(dialog.message(), /Supprimer définitivement/);
      void dialog.accept();
    });
    const answer = page.waitForResponse(isManage(`/api/v1/manage/articles/${articleId}`, 'DELETE'));
    await page.getByRole('button', { name: 'Supprimer', exact: true }).click();
    assert.equal((await answer).status(), 204);
    await page.getByRole('heading', { name: 'Articles', level: 1 }).waitFor();
    await textOf(page.locator('vp-app main > p[role="status"]'), `Article « ${title} » supprimé.`);
    const gone = await fetch(`${apiUrl}/api/v1/manage/articles/${articleId}`, { headers: { Authorization: `Bearer ${await token()}` } });
    assert.equal(gone.status, 404);
  });

  step('an access token about to expire is renewed through /auth/refresh before the next call', async () => {
    const before = await storedSession();
    // As if the tab had been left for 15 minutes: the access token is over, the session is not.
    await page.evaluate(() => {
      const session = JSON.parse(sessionStorage.getItem('vivapolis.session'));
      sessionStorage.setItem('vivapolis.session', JSON.stringify({ ...session, expiresAt: Date.now() - 1000 }));
    });
    const refresh = page.waitForResponse(isManage('/api/v1/auth/refresh', 'POST'));
    const list = page.waitForRequest((r) => new URL(r.url()).pathname === '/api/v1/manage/articles');
    await page.reload();
    assert.equal((await refresh).status(), 200, 'the API renews the session');
    const after = await storedSession();
    assert.notEqual(after.refreshToken, before.refreshToken, 'a new refresh token replaces the spent one');
    assert.equal((await list).headers()['authorization'], `Bearer ${after.token}`, 'the list is asked with the new token');
    await page.getByRole('heading', { name: 'Articles', level: 1 }).waitFor();
    await textOf(page.locator('vp-article-list table, vp-article-list p[role="status"]:not([aria-busy])'), /\S/);
    assert.equal(await page.locator('vp-article-list [role="alert"]').count(), 0, 'no error after the refresh');
  });

  step('signing out ends the session on the API and here', async () => {
    await signOut({ proveRevoked: true });
  });

  step('an author signs in and sees who they are', async () => {
    await signIn(AUTHOR);
    await page.getByRole('heading', { name: 'Articles', level: 1 }).waitFor();
    await textOf(page.locator('vp-app header #signed-in-user'), 'Arthur Plume, auteur');
    await textOf(page.locator('vp-article-list table, vp-article-list p[role="status"]:not([aria-busy])'), /\S/);
  });

  step('an author creates a draft and is offered to submit it, not to publish it', async () => {
    await page.getByRole('link', { name: 'Nouvel article' }).click();
    await page.getByRole('heading', { name: 'Nouvel article', level: 1 }).waitFor();
    await page.locator('#f-title').fill(authorTitle);
    await page.locator('#f-standfirst').fill('Écrit par un auteur, à relire par un éditeur.');
    const answer = page.waitForResponse(isManage('/api/v1/manage/articles', 'POST'));
    await page.getByRole('button', { name: 'Créer l’article' }).click();
    assert.equal((await answer).status(), 201, 'authors may create articles');
    await page.waitForURL(/#\/articles\/[0-9a-f-]{36}$/);
    authorArticleId = page.url().split('/').pop();
    await page.locator('vp-article-editor vp-status-badge [data-status="draft"]').waitFor();

    const actions = page.locator('vp-article-editor [role="group"] button');
    await page.getByRole('button', { name: 'Soumettre pour relecture' }).waitFor();
    assert.deepEqual(await actions.allTextContents().then((t) => t.map((s) => s.trim())), ['Enregistrer', 'Soumettre pour relecture']);
    for (const name of ['Publier', 'Dépublier', 'Supprimer']) {
      assert.equal(await page.getByRole('button', { name, exact: true }).count(), 0, `no "${name}" for an author`);
    }
    await assertAccessible('an author’s draft');
  });

  step('submitting for review shows the article in review, read-only for its author', async () => {
    const answer = page.waitForResponse(isManage(`/api/v1/manage/articles/${authorArticleId}/submit`, 'POST'));
    await page.getByRole('button', { name: 'Soumettre pour relecture' }).click();
    assert.equal((await answer).status(), 200);
    await textOf(page.locator('vp-article-editor p[role="status"]'), 'Article soumis pour relecture');
    assert.equal(await textOf(page.locator('vp-article-editor vp-status-badge [data-status="in_review"]')), 'en relecture');
    await textOf(page.locator('#read-only'), 'seuls les éditeurs peuvent le modifier');
    assert.equal(await page.locator('#f-title').getAttribute('readonly'), '', 'the title can no longer be changed');
    assert.equal(await page.locator('vp-article-editor [role="group"]').count(), 0, 'no action left');
    await assertAccessible('a submitted article, read-only');

    const current = await fetch(`${apiUrl}/api/v1/manage/articles/${authorArticleId}`, { headers: { Authorization: `Bearer ${await token()}` } });
    assert.equal((await current.json()).status, 'in_review', 'the API has it in review');
  });

  step('an editor’s article is read-only for an author, who is told why', async () => {
    await page.getByRole('link', { name: 'Retour à la liste' }).click();
    await page.locator('vp-article-list #status').selectOption('published');
    await page.getByRole('button', { name: 'Filtrer', exact: true }).click();
    const first = page.locator('vp-article-list tbody tr td.title a').first();
    await first.waitFor();
    await first.click();
    await textOf(page.locator('#read-only'), 'vous ne modifiez que les brouillons que vous avez créés');
    assert.equal(await page.getByRole('button', { name: 'Enregistrer', exact: true }).count(), 0);
    await signOut();
  });

  step('sales are told articles are not part of their role, without asking for them', async () => {
    const articleCalls = [];
    const listen = (request) => {
      if (new URL(request.url()).pathname.startsWith('/api/v1/manage/articles')) articleCalls.push(request.url());
    };
    page.on('request', listen);
    try {
      await signIn(SALES);
      await page.getByRole('heading', { name: 'Les articles ne font pas partie de votre rôle', level: 1 }).waitFor();
      await textOf(page.locator('vp-app header #signed-in-user'), 'Salomé Annonces, commercial');
      await textOf(page.locator('vp-not-in-role p', { hasText: 'contacts annonceurs' }), 'contacts annonceurs');
      assert.equal(await page.getByRole('navigation', { name: 'Navigation principale' }).count(), 0, 'no article navigation');
      await assertAccessible('the page for a role without articles');
    } finally {
      page.off('request', listen);
    }
    assert.deepEqual(articleCalls, [], 'no article call, so no 403');
  });

  step('sales sign out like everyone', async () => {
    await signOut();
    assert.deepEqual(pageErrors, [], 'no uncaught error in the page during the walk');
  });
});
