// Browser test of the webhooks screen against a running API, in Debian's Chromium: an admin points a webhook at a
// small receiver this test starts on 127.0.0.1 (node:http), sees its secret once, pings it and sees the ping
// arrive, signed with that secret, and in the delivery log; sends it again, pauses the webhook, rotates its secret
// and deletes it.
//
//   VIVAPOLIS_API_URL=http://127.0.0.1:5099 VIVAPOLIS_E2E_WEB_PORT=5199 npm run test:e2e
//
// The API refuses loopback receivers unless Vivapolis__Webhooks__AllowLoopback=true (test.sh sets it).
import { after, describe } from 'node:test';
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { createServer } from 'node:http';
import * as support from './support.mjs';
import { ADMIN, apiUrl, browserTest, isCall, textOf } from './support.mjs';

const t = browserTest('webhooks-');
let page;
const { pageErrors } = t;

/** The receiver: every request it gets, with its headers and body; it answers 200 « reçu ». */
const received = [];
const receiver = createServer((request, response) => {
  let body = '';
  request.setEncoding('utf8');
  request.on('data', (chunk) => (body += chunk));
  request.on('end', () => {
    received.push({ path: request.url, headers: request.headers, body });
    response.writeHead(200, { 'Content-Type': 'text/plain' }).end('reçu');
  });
});

let hookUrl;
let webhookId;
let firstSecret;
let pingId;

const step = (name, fn) => t.step(name, fn);
const assertAccessible = (where) => support.assertAccessible(page, where);

async function assertFocusKept(where) {
  const at = await support.focused(page);
  assert.ok(!/^body|^none|^vp-app /.test(at), `the focus is kept on something after ${where} (it is on ${at})`);
}

/** Standard Webhooks: `v1,` + base64 HMAC-SHA256 of `id.timestamp.body`, keyed with the secret's bytes after `whsec_`. */
function signatureOk(request, secret) {
  const key = Buffer.from(secret.replace(/^whsec_/, ''), 'base64');
  const signed = `${request.headers['webhook-id']}.${request.headers['webhook-timestamp']}.${request.body}`;
  const expected = `v1,${createHmac('sha256', key).update(signed).digest('base64')}`;
  return String(request.headers['webhook-signature']).split(' ').includes(expected);
}

async function waitFor(what, test, timeout = 15_000) {
  const deadline = Date.now() + timeout;
  while (Date.now() < deadline) {
    if (test()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  assert.fail(`waited in vain for ${what}`);
}

/** The focus lands where `expected` says (moved once the screen has rendered, so a moment after the answer). */
async function focusOn(expected, what) {
  const deadline = Date.now() + 5_000;
  let at = await support.focused(page);
  while (!expected.test(at) && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 100));
    at = await support.focused(page);
  }
  assert.match(at, expected, `the focus is on ${what}`);
}

async function apiGet(path) {
  const response = await fetch(`${apiUrl}${path}`, { headers: await t.bearer() });
  return { status: response.status, body: response.status === 200 ? await response.json() : null };
}

describe('editor SPA: the webhooks of an admin', () => {
  step('start the receiver, serve dist/ for the API and start Chromium', async () => {
    await new Promise((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    hookUrl = `http://127.0.0.1:${receiver.address().port}/vivapolis`;
    await t.start({ contextOptions: { permissions: ['clipboard-read', 'clipboard-write'] } });
    ({ page } = t);
  });

  after(async () => {
    await t.stop();
    await new Promise((resolve) => receiver.close(resolve));
  });

  step('the admin opens « Webhooks » from the menu, and a refused address is said beside its field', async () => {
    await support.signIn(page, ADMIN);
    await page.getByRole('link', { name: 'Webhooks' }).click();
    await page.getByRole('heading', { name: 'Webhooks', level: 1 }).waitFor();
    await page.locator('#new-webhook-url').waitFor();
    await page.locator('#new-webhook-url').fill('ftp://ailleurs.example.org/');
    const refused = page.waitForResponse(isCall('/api/v1/manage/webhooks', 'POST'));
    await page.getByRole('button', { name: 'Créer le webhook' }).click();
    assert.equal((await refused).status(), 400);
    await textOf(page.locator('#new-webhook-url-error'), 'https://');
    await focusOn(/^input#new-webhook-url/, 'the refused field');
    await assertAccessible('the webhooks, with a refused address');
  });

  step('the admin creates a webhook and sees its secret once', async () => {
    await page.locator('#new-webhook-url').fill(hookUrl);
    await page.locator('#new-webhook-description').fill('Récepteur du test');
    await page.getByLabel('publication', { exact: true }).check();
    await page.getByLabel('Fiches', { exact: true }).check();
    const answer = page.waitForResponse(isCall('/api/v1/manage/webhooks', 'POST'));
    await page.getByRole('button', { name: 'Créer le webhook' }).click();
    const response = await answer;
    assert.equal(response.status(), 201);
    const created = await response.json();
    webhookId = created.webhook.id;
    firstSecret = created.secret;
    assert.deepEqual(created.webhook.events, ['published']);
    assert.deepEqual(created.webhook.contentTypes, ['fiche'], 'the type is sent by the API’s name');
    assert.match(firstSecret, /^whsec_/);
    assert.equal(await page.locator('#webhook-secret').inputValue(), firstSecret);
    await focusOn(/^input#webhook-secret/, 'the secret');
    await textOf(page.locator('vp-webhook-secret #secret-intro'), 'vous ne le reverrez plus');
    await page.getByRole('button', { name: 'Copier le secret' }).click();
    await textOf(page.locator('vp-webhook-secret p.notice'), 'Secret copié.');
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), firstSecret);
    await textOf(page.locator(`vp-webhooks tr[data-id="${webhookId}"]`), 'publication — Fiches');
    await assertAccessible('a new webhook and its secret');
    await t.atPhoneWidth('the webhooks');
    await t.screenshot('a new webhook and its secret');
    await page.getByRole('button', { name: 'J’ai copié le secret' }).click();
    assert.equal(await page.locator('#webhook-secret').count(), 0, 'the secret is shown once');
    await assertFocusKept('putting the secret away');
  });

  step('the admin pings it: the receiver gets it, signed with that secret, and the log shows it delivered', async () => {
    await page.locator(`vp-webhooks tr[data-id="${webhookId}"] a`).click();
    await page.getByRole('heading', { name: `Webhook ${hookUrl}`, level: 1 }).waitFor();
    await focusOn(/^h1/, 'the new screen’s heading');
    const answer = page.waitForResponse(isCall(`/api/v1/manage/webhooks/${webhookId}/ping`, 'POST'));
    await page.getByRole('button', { name: 'Envoyer un ping' }).click();
    const response = await answer;
    assert.equal(response.status(), 202);
    pingId = (await response.json()).id;
    await waitFor('the ping at the receiver', () => received.some((r) => r.headers['webhook-id'] === pingId));
    const ping = received.find((r) => r.headers['webhook-id'] === pingId);
    assert.equal(ping.path, '/vivapolis');
    assert.equal(JSON.parse(ping.body).type, 'webhook.ping');
    assert.ok(signatureOk(ping, firstSecret), 'signed with the secret shown');
    await textOf(page.locator('#ping-result'), /Ping reçu par le récepteur : HTTP 200 en \d+ ms\./);
    await assertFocusKept('the ping');
    const row = page.locator(`vp-webhook-deliveries tr[data-id="${pingId}"]`);
    await textOf(row, 'livrée');
    await textOf(row, 'HTTP 200');
    await row.getByRole('button', { name: /Voir les tentatives/ }).click();
    await textOf(page.locator(`#attempts-${pingId}`), /HTTP 200 — durée \d+ ms/);
    await textOf(page.locator(`#attempts-${pingId}`), 'reçu');
    await assertAccessible('a webhook after its ping, with its delivery log');
    await t.atPhoneWidth('a webhook');
  });

  step('the admin sends the ping again from the log: the same message arrives a second time', async () => {
    const row = page.locator(`vp-webhook-deliveries tr[data-id="${pingId}"]`);
    const answer = page.waitForResponse(isCall(`/api/v1/manage/webhooks/${webhookId}/deliveries/${pingId}/redeliver`, 'POST'));
    await row.getByRole('button', { name: /^Renvoyer le message ping/ }).click();
    assert.equal((await answer).status(), 202);
    await textOf(page.locator('vp-webhook-deliveries p.notice'), 'Message ping renvoyé');
    await assertFocusKept('the redelivery');
    await waitFor('the second copy', () => received.filter((r) => r.headers['webhook-id'] === pingId).length === 2);
    await textOf(page.locator(`vp-webhook-deliveries tr[data-id="${pingId}"] td[data-label="Tentatives"]`), '2');
  });

  step('the admin pauses the webhook, then rotates its secret (shown once again)', async () => {
    await page.getByRole('button', { name: 'Mettre en pause' }).click();
    await textOf(page.locator('vp-webhook-detail [data-state]'), 'en pause');
    await textOf(page.locator('vp-webhook-detail p.notice').first(), 'Webhook mis en pause');
    await focusOn(/^button Reprendre/, 'the button pressed, now « Reprendre »');
    assert.equal((await apiGet(`/api/v1/manage/webhooks/${webhookId}`)).body.enabled, false);

    page.once('dialog', (dialog) => void dialog.accept());
    const answer = page.waitForResponse(isCall(`/api/v1/manage/webhooks/${webhookId}/secret`, 'POST'));
    await page.getByRole('button', { name: 'Changer le secret' }).click();
    const rotated = await (await answer).json();
    assert.notEqual(rotated.secret, firstSecret);
    assert.equal(await page.locator('#webhook-secret').inputValue(), rotated.secret);
    await focusOn(/^input#webhook-secret/, 'the new secret');
    await textOf(page.locator('vp-webhook-secret #secret-intro'), 'L’ancien signe aussi jusqu’au');
    await textOf(page.locator('vp-webhook-detail [data-secret-prefix]'), `${rotated.secret.slice(0, 10)}…`);
    await assertAccessible('a paused webhook and its new secret');
    await t.screenshot('a paused webhook and its new secret');
    await page.getByRole('button', { name: 'J’ai copié le secret' }).click();
    assert.equal(await page.locator('#webhook-secret').count(), 0);
  });

  step('the admin deletes the webhook after a confirmation', async () => {
    let asked = '';
    page.once('dialog', (dialog) => {
      asked = dialog.message();
      void dialog.accept();
    });
    const answer = page.waitForResponse(isCall(`/api/v1/manage/webhooks/${webhookId}`, 'DELETE'));
    await page.getByRole('button', { name: 'Supprimer' }).click();
    assert.equal((await answer).status(), 204);
    assert.match(asked, /Supprimer le webhook http:\/\/127\.0\.0\.1/);
    await page.getByRole('heading', { name: 'Webhooks', level: 1 }).waitFor();
    await textOf(page.locator('#flash'), `Webhook ${hookUrl} supprimé.`);
    assert.equal(await page.locator(`vp-webhooks tr[data-id="${webhookId}"]`).count(), 0);
    assert.equal((await apiGet(`/api/v1/manage/webhooks/${webhookId}`)).status, 404);
    assert.deepEqual(pageErrors, [], 'no uncaught error in the page');
  });
});
