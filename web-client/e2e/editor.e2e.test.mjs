// Browser test of the editor SPA against a running API, in Debian's Chromium: each role's day.
//
//   VIVAPOLIS_API_URL=http://127.0.0.1:5099 VIVAPOLIS_E2E_WEB_PORT=5199 npm run test:e2e
//
// It builds nothing: it serves the dist/ made by `npm run build` (with vite preview, in this process, so the
// server cannot outlive the test), after writing dist/config.json for that API. The steps share one browser and
// run in order; a step whose predecessor failed is skipped rather than failing for the same reason again. Every
// step leaves a screenshot in test-results/, and every screen is checked with axe.
//
// Every role signs in, and a new account sets its password: more than the API's default 10 sign-ins a minute per
// address, so the API under test raises Vivapolis__RateLimits__SignInPerMinute (test.sh does).
import { after, describe } from 'node:test';
import assert from 'node:assert/strict';
import * as support from './support.mjs';
import { ADMIN, AUTHOR, EDITOR, SALES, UUID, apiUrl, browserTest, isCall, textOf, valueOf, webUrl } from './support.mjs';

const stamp = new Date().toISOString().replace(/[-:.TZ]/g, '');
const t = browserTest();
// Set by the first step.
let page;
let context;
const { pageErrors } = t;

// What the steps learn and pass on.
const ficheTitle = `Fiche d’auteur ${stamp}`;
const eventTitle = `Matinale e2e ${stamp}`;
const articleTitle = `Article e2e ${stamp}`;
const contactName = `Ines Essai ${stamp.slice(-6)}`;
const memberName = `Solaire Bocager ${stamp.slice(-6)}`;
const newUser = { email: `nouvelle.${stamp}@example.org`, name: `Nora Nouvelle ${stamp.slice(-4)}`, password: 'une phrase de passe toute neuve' };
let ficheId;
let eventId;
let articleId;
let contactId;
let memberId;
let resetLink;

const step = (name, fn) => t.step(name, fn);
const screenshot = (name, options) => t.screenshot(name, options);
const assertAccessible = (where, target = page) => support.assertAccessible(target, where);
const focused = (target = page) => support.focused(target);
const atPhoneWidth = (name, check) => t.atPhoneWidth(name, check);
const signIn = (account, target = page) => support.signIn(target, account);

async function assertFocusKept(where) {
  const at = await focused();
  assert.ok(!/^body|^none|^vp-app /.test(at), `the focus is kept on something after ${where} (it is on ${at})`);
}

const stored = async () => JSON.parse(await page.evaluate(() => localStorage.getItem('vivapolis.session')));
const bearer = async () => ({ Authorization: `Bearer ${(await stored()).token}`, 'Accept-Language': 'fr' });

async function apiGet(path) {
  const response = await fetch(`${apiUrl}${path}`, { headers: await bearer() });
  return { status: response.status, body: response.status === 200 ? await response.json() : null, etag: response.headers.get('etag') };
}

/** Signs out with the header's button: /auth/logout ends the session on the API, then every tab forgets it. */
async function signOut() {
  const { refreshToken } = await stored();
  const answer = page.waitForResponse(isCall('/api/v1/auth/logout', 'POST'));
  await page.getByRole('button', { name: 'Se déconnecter' }).click();
  assert.equal((await answer).status(), 204);
  await page.getByRole('heading', { name: 'Connexion', level: 1 }).waitFor();
  await textOf(page.locator('vp-sign-in p[role="status"]'), 'Vous êtes déconnecté.');
  assert.equal(await page.evaluate(() => localStorage.getItem('vivapolis.session')), null);
  return refreshToken;
}

async function go(hash) {
  await page.evaluate((h) => (location.hash = h), hash);
}

/** The list of a type, filtered to one title. */
async function openFromList(heading, title) {
  await page.getByRole('heading', { name: heading, level: 1 }).waitFor();
  await page.locator('vp-content-list #q').fill(title);
  await page.getByRole('button', { name: 'Filtrer', exact: true }).click();
  const link = page.locator('vp-content-list td.title a', { hasText: title });
  await link.waitFor();
  await link.click();
}

const notice = () => page.locator('vp-content-editor p.notice[role="status"]');
const action = (name) => page.locator('vp-item-panel [role="group"] button', { hasText: name });

describe('editor SPA: each role’s day', () => {
  // Setup is a step rather than a before() hook: a failing hook leaves every test "cancelled"
  // and `# fail 0` in the TAP summary, which reads like a pass.
  step('serve dist/ for the API and start Chromium', async () => {
    await t.start({
      clean: true,
      contextOptions: {
        timezoneId: 'America/Toronto', // the Paris clock must not depend on the browser's zone
        permissions: ['clipboard-read', 'clipboard-write'],
      },
    });
    ({ page, context } = t);
  });

  after(() => t.stop());

  // ── An author writes a fiche and submits it ──────────────────────────────────────────────────────────────

  step('the sign-in screen, then an author’s articles', async () => {
    await page.getByRole('heading', { name: 'Connexion', level: 1 }).waitFor();
    await assertAccessible('the sign-in screen');
    await screenshot('the sign-in screen');
    await atPhoneWidth('the sign-in screen');
    await signIn(AUTHOR);
    await page.getByRole('heading', { name: 'Articles', level: 1 }).waitFor();
    await textOf(page.locator('vp-app header #signed-in-user'), 'Arthur Plume, auteur');
    await page.locator('vp-content-list table').waitFor();
    const menu = await page.locator('vp-app nav a').allTextContents();
    assert.deepEqual(menu.map((s) => s.trim()), ['Articles', 'Fiches', 'Événements', 'Membres', 'Médiathèque'], 'an author has the media library, no review queue nor administration');
    await assertAccessible('the article list');
  });

  step('a fiche refused by the API shows one French message beside each wrong field, and keeps the focus there', async () => {
    await page.getByRole('link', { name: 'Fiches', exact: true }).click();
    await page.getByRole('heading', { name: 'Fiches', level: 1 }).waitFor();
    await page.getByRole('link', { name: 'Nouvelle fiche' }).click();
    await page.getByRole('heading', { name: 'Nouvelle fiche', level: 1 }).waitFor();
    await page.locator('#f-title').fill('ab');
    const answer = page.waitForResponse(isCall('/api/v1/manage/fiches', 'POST'));
    await page.getByRole('button', { name: 'Créer la fiche' }).first().click();
    const response = await answer;
    assert.equal(response.status(), 400);
    const problem = await response.json();
    await page.locator('#f-title[aria-invalid="true"]').waitFor();
    assert.equal(await textOf(page.locator('#f-title-error'), problem.errors.title[0]), problem.errors.title[0]);
    assert.ok((await page.locator('#f-title').getAttribute('aria-describedby')).includes('f-title-error'));
    // The region and the actor's name are refused too, each beside its own field.
    await page.locator('#f-territory-regionCode[aria-invalid="true"]').waitFor();
    await page.locator('#f-actors-0-name[aria-invalid="true"]').waitFor();
    assert.match(await focused(), /^input#f-title/, 'the focus is on the first wrong field');
    const alert = await page.locator('vp-content-editor [role="alert"]').first().textContent();
    assert.doesNotMatch(alert, /territory|regionCode|actors\[/, 'no internal field name in what the editor reads');
    await assertAccessible('a fiche with errors');
  });

  step('the author writes the fiche: rich text, territory, actors, an indicator, themes and a related article', async () => {
    await page.locator('#f-title').fill(ficheTitle);
    await textOf(page.locator('#f-title-count'), `${ficheTitle.length} / 200 caractères`);
    await page.locator('#f-summary').fill('Un réseau de chaleur alimenté par la biomasse locale.');
    const challenge = page.locator('#f-challenge .rich-area');
    await challenge.click();
    await page.keyboard.type('Réduire la facture ');
    await page.getByRole('button', { name: 'Gras' }).first().click();
    await page.keyboard.type('des ménages');
    await page.locator('#f-territory-commune').fill('Lorient');
    await page.locator('#f-territory-regionCode').selectOption({ label: 'Bretagne' });
    await page.locator('#f-actors-0-name').fill('Ville de Lorient');
    await page.locator('#f-actors-0-role').fill('maître d’ouvrage');
    await page.getByRole('button', { name: 'Ajouter un indicateur' }).click();
    assert.match(await focused(), /^input#f-indicators-0-label/, 'adding a row puts the focus in it');
    await page.keyboard.type('Consommation d’énergie');
    await page.locator('#f-indicators-0-value').fill('-48.5');
    await page.locator('#f-indicators-0-unit').fill('%');
    await page.getByLabel('Énergie', { exact: true }).check();
    await page.getByLabel('Chercher un article par son titre').fill('ville');
    const add = page.locator('vp-relation-picker .results button').first();
    await add.waitFor();
    const related = (await add.textContent()).trim();
    await add.click();
    await textOf(page.locator('vp-relation-picker li').first(), related.replace(/^Ajouter « |»$/g, '').trim());

    const answer = page.waitForResponse(isCall('/api/v1/manage/fiches', 'POST'));
    await page.getByRole('button', { name: 'Créer la fiche' }).first().click();
    const response = await answer;
    assert.equal(response.status(), 201, 'created');
    const sent = response.request().postDataJSON();
    assert.match(sent.challenge, /^<p>Réduire la facture ?<strong> ?des ménages<\/strong><\/p>$/, 'the rich text is HTML the allow-list keeps');
    assert.deepEqual(sent.indicators, [{ label: 'Consommation d’énergie', value: -48.5, unit: '%' }]);
    assert.equal(sent.relatedArticles.length, 1);
    await page.waitForURL(/#\/fiches\/[0-9a-f-]{36}$/);
    ficheId = UUID.exec(page.url())[0];
    await textOf(notice(), 'Fiche créée');
    await assertAccessible('the fiche just created');
  });

  step('at phone width the fiche fits the screen and save is at hand', async () => {
    await atPhoneWidth('the fiche editor', async () => {
      const bar = page.locator('vp-content-editor .sticky-actions');
      assert.ok(await bar.isVisible(), 'the sticky bar shows at 390 px');
      const box = await bar.locator('button', { hasText: 'Enregistrer' }).boundingBox();
      assert.ok(box && box.y + box.height <= 844, 'save is on the first screen');
    });
  });

  step('Ctrl+S saves; a lost network keeps the work in the browser, offered back after a reload', async () => {
    await page.locator('#f-summary').fill('Un réseau de chaleur alimenté par la biomasse locale, 300 logements.');
    const put = page.waitForResponse(isCall(`/api/v1/manage/fiches/${ficheId}`, 'PUT'));
    await page.keyboard.press('Control+s');
    assert.equal((await put).status(), 200, 'Ctrl+S saved');
    await textOf(notice(), 'Modifications enregistrées');
    assert.match(await focused(), /^textarea#f-summary/, 'the focus stays where the author was typing');

    await context.setOffline(true);
    await page.locator('#f-territory-departement').fill('Morbihan');
    await page.getByRole('button', { name: 'Enregistrer', exact: true }).first().click();
    await textOf(page.locator('vp-content-editor [role="alert"]').first(), 'gardées dans ce navigateur');
    await context.setOffline(false);

    page.once('dialog', (dialog) => void dialog.accept()); // "leave this page?"
    await page.reload();
    await textOf(page.locator('#local-draft'), 'Un brouillon non enregistré');
    await assertAccessible('the fiche with a local draft to take up');
    await page.getByRole('button', { name: 'Reprendre ce brouillon' }).click();
    assert.equal(await page.locator('#f-territory-departement').inputValue(), 'Morbihan');
    const save = page.waitForResponse(isCall(`/api/v1/manage/fiches/${ficheId}`, 'PUT'));
    await page.getByRole('button', { name: 'Enregistrer', exact: true }).first().click();
    assert.equal((await save).status(), 200);
    // The page forgets the draft once it has handled the answer, a moment after Playwright sees the answer.
    const drafts = () => Object.keys(localStorage).filter((k) => k.startsWith('vivapolis.draft.')).length;
    await page.waitForFunction(() => Object.keys(localStorage).every((k) => !k.startsWith('vivapolis.draft.')), null, { timeout: 5_000 }).catch(() => {});
    assert.equal(await page.evaluate(drafts), 0, 'saved: no draft left behind');
  });

  step('leaving with unsaved changes asks first', async () => {
    await page.locator('#f-territory-commune').fill('Lorient Agglomération');
    let asked = '';
    page.once('dialog', (dialog) => {
      asked = dialog.message();
      void dialog.dismiss();
    });
    await page.getByRole('link', { name: 'Articles', exact: true }).click();
    await page.waitForTimeout(200);
    assert.match(asked, /pas enregistrées/);
    assert.match(page.url(), new RegExp(`#/fiches/${ficheId}$`), 'staying on the fiche');
    await page.getByRole('button', { name: 'Enregistrer', exact: true }).first().click();
    await textOf(notice(), 'Modifications enregistrées');
  });

  step('the author submits the fiche for review; it is then read-only for them', async () => {
    const answer = page.waitForResponse(isCall(`/api/v1/manage/fiches/${ficheId}/submit`, 'POST'));
    await action('Soumettre pour relecture').click();
    assert.equal((await answer).status(), 200);
    await textOf(notice(), 'Fiche soumise pour relecture');
    await textOf(page.locator('#read-only'), 'seuls les éditeurs');
    assert.equal(await page.locator('#f-title').getAttribute('readonly'), '');
    for (const name of ['Publier', 'Supprimer', 'Enregistrer']) assert.equal(await action(name).count(), 0, `no "${name}" for the author now`);
    await assertFocusKept('submitting');
    await assertAccessible('a submitted fiche, read-only');
  });

  step('a new tab of the same browser is signed in already', async () => {
    const second = await context.newPage();
    try {
      await second.goto(`${webUrl}#/events`);
      await second.getByRole('heading', { name: 'Événements', level: 1 }).waitFor();
      await textOf(second.locator('vp-app header #signed-in-user'), 'Arthur Plume');
    } finally {
      await second.close();
    }
    await signOut();
  });

  // ── An editor reviews, schedules an event, restores an older revision, previews a draft ──────────────────

  step('the editor finds the fiche in the review queue and publishes it', async () => {
    await signIn(EDITOR);
    await page.getByRole('link', { name: 'À relire' }).click();
    await page.getByRole('heading', { name: 'À relire', level: 1 }).waitFor();
    const row = page.locator(`vp-review-queue tr[data-id="${ficheId}"]`);
    await textOf(row, 'Arthur Plume');
    await assertAccessible('the review queue');
    await screenshot('the review queue');
    await atPhoneWidth('the review queue');
    await row.getByRole('link').click();
    await page.locator('vp-content-editor vp-status-badge [data-status="in_review"]').first().waitFor();
    await textOf(page.locator('vp-item-panel dl'), 'par Arthur Plume');
    const answer = page.waitForResponse(isCall(`/api/v1/manage/fiches/${ficheId}/publish`, 'POST'));
    await action('Publier').click();
    assert.equal((await answer).status(), 200);
    await textOf(notice(), 'Fiche publiée');
    await assertFocusKept('publishing');
    const delivered = await fetch(`${apiUrl}/api/v1/fiches/${encodeURIComponent(await textOf(page.locator('#current-slug')))}`);
    assert.equal(delivered.status, 200, 'the public sees the fiche');
  });

  step('changes to the published fiche are pending until published, and can be discarded; then it is unpublished', async () => {
    const slug = await textOf(page.locator('#current-slug'));
    await page.locator('#f-summary').fill('Un résumé réécrit, pas encore publié.');
    await page.getByRole('button', { name: 'Enregistrer', exact: true }).first().click();
    await textOf(notice(), 'Modifications enregistrées');
    await page.locator('vp-item-panel vp-status-badge [data-status="changes"]').waitFor();
    assert.ok(await action('Publier les modifications').isVisible());
    const publicCopy = await (await fetch(`${apiUrl}/api/v1/fiches/${encodeURIComponent(slug)}`)).json();
    assert.equal(publicCopy.summary, 'Un réseau de chaleur alimenté par la biomasse locale, 300 logements.', 'the public still reads the published version');

    page.once('dialog', (dialog) => void dialog.accept());
    const discarded = page.waitForResponse(isCall(`/api/v1/manage/fiches/${ficheId}/discard`, 'POST'));
    await action('Abandonner les modifications').click();
    assert.equal((await discarded).status(), 200);
    await textOf(notice(), 'Modifications abandonnées');
    assert.equal(await page.locator('#f-summary').inputValue(), publicCopy.summary);
    await assertFocusKept('discarding');

    const unpublished = page.waitForResponse(isCall(`/api/v1/manage/fiches/${ficheId}/unpublish`, 'POST'));
    await action('Dépublier').click();
    assert.equal((await unpublished).status(), 200);
    await textOf(notice(), 'Fiche dépubliée');
    assert.equal((await fetch(`${apiUrl}/api/v1/fiches/${encodeURIComponent(slug)}`)).status, 404, 'the public no longer sees it');
  });

  step('the editor creates a member of the network and publishes it in the directory', async () => {
    await page.getByRole('link', { name: 'Membres', exact: true }).click();
    await page.getByRole('heading', { name: 'Membres', level: 1 }).waitFor();
    await page.getByRole('link', { name: 'Nouveau membre' }).click();
    await page.locator('#f-name').fill(memberName);
    await page.locator('#f-kind').selectOption('entreprise');
    await page.locator('#f-regionCode').selectOption({ label: 'Bretagne' });
    await page.locator('#f-website').fill('https://solaire-bocager.example.org');
    await page.locator('#f-description').fill('Installe des centrales solaires sur les hangars agricoles du bocage.');
    await page.locator('#f-memberSince').fill('2021');
    await page.getByLabel('Énergie', { exact: true }).check();
    const created = page.waitForResponse(isCall('/api/v1/manage/members', 'POST'));
    await page.getByRole('button', { name: 'Créer le membre' }).first().click();
    const response = await created;
    assert.equal(response.status(), 201, JSON.stringify(await response.json().catch(() => null)));
    assert.deepEqual(
      (({ kind, regionCode, memberSince, isPublic, themes }) => ({ kind, regionCode, memberSince, isPublic, themes }))(response.request().postDataJSON()),
      { kind: 'entreprise', regionCode: '53', memberSince: 2021, isPublic: true, themes: ['energie'] });
    await page.waitForURL(/#\/members\/[0-9a-f-]{36}$/);
    memberId = UUID.exec(page.url())[0];
    await textOf(notice(), 'Membre créé');
    await assertAccessible('a new member');

    const published = page.waitForResponse(isCall(`/api/v1/manage/members/${memberId}/publish`, 'POST'));
    await action('Publier').click();
    assert.equal((await published).status(), 200);
    await textOf(notice(), 'Membre publié');
    const slug = await textOf(page.locator('#current-slug'));
    const delivered = await (await fetch(`${apiUrl}/api/v1/members/${encodeURIComponent(slug)}`)).json();
    assert.equal(delivered.name, memberName, 'the directory shows the member');
  });

  step('the editor links the member from a fiche actor; the published fiche names it and links to it', async () => {
    await go(`#/fiches/${ficheId}`);
    await page.locator('#f-actors-0-name').waitFor();
    await page.getByLabel('Chercher un membre par son titre').first().fill(memberName.slice(0, 14));
    const choose = page.getByRole('button', { name: `Choisir « ${memberName} »` });
    await choose.click();
    // Choosing the member fills the actor's name and kind from its entry.
    await textOf(page.locator('#f-actors-0-memberId li').first(), memberName);
    await valueOf(page.locator('#f-actors-0-name'), memberName);
    await valueOf(page.locator('#f-actors-0-kind'), 'entreprise');
    await assertAccessible('a fiche actor linked to a member');
    await screenshot('a fiche actor linked to a member');

    const saved = page.waitForResponse(isCall(`/api/v1/manage/fiches/${ficheId}`, 'PUT'));
    await page.getByRole('button', { name: 'Enregistrer', exact: true }).first().click();
    const answer = await saved;
    assert.equal(answer.status(), 200, JSON.stringify(await answer.json().catch(() => null)));
    assert.equal(answer.request().postDataJSON().actors[0].memberId, memberId);
    const published = page.waitForResponse(isCall(`/api/v1/manage/fiches/${ficheId}/publish`, 'POST'));
    await action('Publier').click();
    assert.equal((await published).status(), 200);
    await textOf(notice(), 'Fiche publiée');

    const slug = await textOf(page.locator('#current-slug'));
    const fiche = await (await fetch(`${apiUrl}/api/v1/fiches/${encodeURIComponent(slug)}`)).json();
    assert.equal(fiche.actors[0].name, memberName);
    assert.equal(fiche.actors[0].member.id, memberId);
    const member = await (await fetch(`${apiUrl}${fiche.actors[0].member.url}`)).json();
    const listed = await (await fetch(`${apiUrl}${member.fichesUrl}`)).json();
    assert.deepEqual(listed.items.map((f) => f.id), [ficheId], 'the member’s page lists the fiche');
  });

  step('the editor creates an event and schedules its publication on the Paris clock, then cancels and schedules again', async () => {
    await page.getByRole('link', { name: 'Événements', exact: true }).click();
    await page.getByRole('link', { name: 'Nouvel événement' }).click();
    await page.locator('#f-title').fill(eventTitle);
    await page.locator('#f-kind').selectOption('matinale');
    await page.locator('#f-start').fill('2027-03-26T09:00');
    await page.locator('#f-end').fill('2027-03-26T11:00');
    await page.locator('#f-venue-name').fill('Maison de la ville durable');
    await page.locator('#f-venue-city').fill('Paris');
    await page.locator('#f-venue-regionCode').selectOption({ label: 'Île-de-France' });
    const created = page.waitForResponse(isCall('/api/v1/manage/events', 'POST'));
    await page.getByRole('button', { name: 'Créer l’événement' }).first().click();
    const response = await created;
    assert.equal(response.status(), 201, JSON.stringify(await response.json().catch(() => null)));
    assert.equal(response.request().postDataJSON().start, '2027-03-26T09:00:00', 'the local time at the event, as on its poster');
    await page.waitForURL(/#\/events\/[0-9a-f-]{36}$/);
    eventId = UUID.exec(page.url())[0];

    await page.locator('#publish-at-input').fill('2027-03-01T09:30');
    const scheduled = page.waitForResponse(isCall(`/api/v1/manage/events/${eventId}/schedule`, 'POST'));
    await page.getByRole('button', { name: 'Programmer', exact: true }).click();
    const answer = await scheduled;
    assert.equal(answer.status(), 200);
    assert.equal(answer.request().postDataJSON().publishAt, '2027-03-01T09:30:00+01:00', 'Paris time, though the browser is in Toronto');
    await textOf(page.locator('#scheduled-publish'), 'Publication programmée le 1 mars 2027 à 09:30 (heure de Paris).');
    await page.locator('vp-content-editor vp-status-badge [data-status="scheduled"]').first().waitFor();
    await assertAccessible('a scheduled event');
    await screenshot('a scheduled event');

    const cancelled = page.waitForResponse(isCall(`/api/v1/manage/events/${eventId}/schedule`, 'DELETE'));
    await page.getByRole('button', { name: 'Annuler la programmation' }).click();
    assert.equal((await cancelled).status(), 200);
    await textOf(notice(), 'Programmation annulée');
    assert.equal(await page.locator('#scheduled-publish').count(), 0);

    await page.locator('#publish-at-input').fill('2027-03-01T09:30');
    await page.getByRole('button', { name: 'Programmer', exact: true }).click();
    await textOf(page.locator('#scheduled-publish'), '1 mars 2027 à 09:30');
    const { body } = await apiGet(`/api/v1/manage/events/${eventId}`);
    assert.equal(new Date(body.publishAt).toISOString(), '2027-03-01T08:30:00.000Z');
  });

  step('the event list sorts by start date and shows it', async () => {
    await page.getByRole('link', { name: 'Retour aux événements' }).click();
    await page.locator('vp-content-list #sort').selectOption('start');
    await page.locator('vp-content-list #region').selectOption({ label: 'Île-de-France' });
    const list = page.waitForRequest((r) => new URL(r.url()).pathname === '/api/v1/manage/events');
    await page.getByRole('button', { name: 'Filtrer', exact: true }).click();
    const url = new URL((await list).url());
    assert.equal(url.searchParams.get('sort'), 'start');
    assert.equal(url.searchParams.get('region'), '11');
    await textOf(page.locator(`vp-content-list tr[data-id="${eventId}"]`), '26 mars 2027 à 09:00');
    await assertAccessible('the events by start date');
    await atPhoneWidth('the event list');
  });

  step('the editor writes an article, edits it, and restores the first version from the history', async () => {
    await page.getByRole('link', { name: 'Articles', exact: true }).click();
    await page.getByRole('link', { name: 'Nouvel article' }).click();
    await page.locator('#f-title').fill(articleTitle);
    await page.locator('#f-standfirst').fill('Un chapô écrit en premier.');
    await page.getByRole('button', { name: 'Créer l’article' }).first().click();
    await page.waitForURL(/#\/articles\/[0-9a-f-]{36}$/);
    articleId = UUID.exec(page.url())[0];
    await page.locator('#f-standfirst').fill('Un chapô réécrit ensuite.');
    await page.getByRole('button', { name: 'Enregistrer', exact: true }).first().click();
    await textOf(notice(), 'Modifications enregistrées');

    await page.getByRole('link', { name: 'Historique et versions' }).click();
    await page.getByRole('heading', { name: `Historique — ${articleTitle}`, level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Comparer', exact: true }).click();
    const diff = page.locator('vp-history vp-diff-view ol');
    await textOf(diff, 'Chapô');
    assert.equal((await diff.locator('del').first().textContent()).replace('retiré : ', '').trim(), 'écrit en premier.');
    assert.equal((await diff.locator('ins').first().textContent()).replace('ajouté : ', '').trim(), 'réécrit ensuite.');
    assert.match(await focused(), /^section/, 'the comparison gets the focus');
    await assertAccessible('the history with a comparison');
    await screenshot('the history with a comparison');
    await atPhoneWidth('the history');

    page.once('dialog', (dialog) => void dialog.accept());
    const restored = page.waitForResponse(isCall(`/api/v1/manage/articles/${articleId}/restore/1`, 'POST'));
    await page.getByRole('button', { name: 'Restaurer la version 1' }).click();
    assert.equal((await restored).status(), 200);
    await textOf(page.locator('#flash'), 'Version 1 restaurée');
    assert.equal(await page.locator('#f-standfirst').inputValue(), 'Un chapô écrit en premier.');
  });

  step('the editor previews the draft with an expiring link the API serves', async () => {
    await page.locator('#preview-lifetime').selectOption('1440');
    const answer = page.waitForResponse(isCall(`/api/v1/manage/articles/${articleId}/preview`, 'POST'));
    await page.getByRole('button', { name: 'Créer un lien d’aperçu' }).click();
    assert.equal((await answer).status(), 200);
    const link = await page.locator('#preview-url').inputValue();
    assert.ok(link.startsWith(`${apiUrl}/api/v1/articles/`) && link.includes('preview='), link);
    await textOf(page.locator('#preview-expiry'), /Expire le .+ \(heure de Paris\)/);
    await page.getByRole('button', { name: 'Copier le lien' }).click();
    await textOf(page.locator('vp-item-panel p.notice'), 'Lien copié');
    await assertFocusKept('copying the link');
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), link);
    const draft = await fetch(link);
    assert.equal(draft.status, 200);
    assert.equal((await draft.json()).title, articleTitle, 'the link shows the unpublished draft');
    await assertAccessible('an article with a preview link');
  });

  step('a change made meanwhile on the server is shown on 412, with what changed', async () => {
    const { body, etag } = await apiGet(`/api/v1/manage/articles/${articleId}`);
    const other = await fetch(`${apiUrl}/api/v1/manage/articles/${articleId}`, {
      method: 'PUT',
      headers: { ...(await bearer()), 'Content-Type': 'application/json', 'If-Match': etag },
      body: JSON.stringify({ ...body.content, rubric: 'Écosystème' }),
    });
    assert.equal(other.status, 200, 'the other edit is accepted');

    await page.locator('#f-rubric').fill('Ma rubrique');
    const answer = page.waitForResponse(isCall(`/api/v1/manage/articles/${articleId}`, 'PUT'));
    await page.getByRole('button', { name: 'Enregistrer', exact: true }).first().click();
    assert.equal((await answer).status(), 412);
    const conflict = page.locator('vp-content-editor section.conflict');
    await textOf(conflict, 'Quelqu’un d’autre a modifié cet élément');
    await textOf(conflict.locator('vp-diff-view ol'), 'Rubrique');
    await textOf(conflict.locator('vp-diff-view ol'), 'Écosystème');
    assert.match(await focused(), /^button#conflict-reload/);
    await assertAccessible('a conflict');
    await screenshot('a conflict');
    await page.getByRole('button', { name: 'Recharger la version du serveur' }).click();
    await textOf(notice(), 'Dernière version rechargée');
    assert.equal(await page.locator('#f-rubric').inputValue(), 'Écosystème');
    await textOf(page.locator('#local-draft'), 'brouillon non enregistré'); // "Ma rubrique" is not lost
    await page.getByRole('button', { name: 'L’ignorer' }).click();
  });

  step('an access token about to expire is renewed through /auth/refresh before the next call', async () => {
    const before = await stored();
    await page.evaluate(() => {
      const session = JSON.parse(localStorage.getItem('vivapolis.session'));
      localStorage.setItem('vivapolis.session', JSON.stringify({ ...session, expiresAt: Date.now() - 1000 }));
    });
    const refresh = page.waitForResponse(isCall('/api/v1/auth/refresh', 'POST'));
    await page.reload();
    assert.equal((await refresh).status(), 200, 'the API renews the session');
    assert.notEqual((await stored()).refreshToken, before.refreshToken, 'a new refresh token replaces the spent one');
    await page.locator('#f-title').waitFor();
  });

  step('deleting asks for confirmation, then the article is gone', async () => {
    let asked = '';
    page.once('dialog', (dialog) => {
      asked = dialog.message();
      void dialog.accept();
    });
    const answer = page.waitForResponse(isCall(`/api/v1/manage/articles/${articleId}`, 'DELETE'));
    await action('Supprimer').click();
    assert.equal((await answer).status(), 204);
    assert.match(asked, /Supprimer définitivement l’article/);
    await page.getByRole('heading', { name: 'Articles', level: 1 }).waitFor();
    await textOf(page.locator('#flash'), `Article « ${articleTitle} » supprimé.`);
    assert.equal((await apiGet(`/api/v1/manage/articles/${articleId}`)).status, 404);
  });

  step('an unknown address says "page introuvable"; the webhooks are not an editor’s', async () => {
    await go('#/archives/2019');
    await page.getByRole('heading', { name: 'Page introuvable', level: 1 }).waitFor();
    await assertAccessible('page introuvable');
    await go('#/webhooks');
    await page.getByRole('heading', { name: 'Cette page ne fait pas partie de votre rôle', level: 1 }).waitFor();
    const refreshToken = await signOut();
    const refresh = await fetch(`${apiUrl}/api/v1/auth/refresh`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ refreshToken }) });
    assert.equal(refresh.status, 401, 'a logged-out refresh token is refused');
  });

  // ── Sales create and erase a contact ─────────────────────────────────────────────────────────────────────

  step('sales open on their contacts and create one with phone, public flag and consent', async () => {
    await signIn(SALES);
    await page.getByRole('heading', { name: 'Contacts annonceurs', level: 1 }).waitFor();
    assert.deepEqual((await page.locator('vp-app nav a').allTextContents()).map((s) => s.trim()), ['Contacts annonceurs']);
    await assertAccessible('the contacts list');
    await go('#/articles');
    await page.getByRole('heading', { name: 'Cette page ne fait pas partie de votre rôle', level: 1 }).waitFor();
    await textOf(page.locator('vp-not-in-role p').first(), 'contacts annonceurs');
    await assertAccessible('a page outside the role');
    await screenshot('a page outside the role');
    await go('#/advertiser-contacts');
    await page.getByRole('heading', { name: 'Contacts annonceurs', level: 1 }).waitFor();
    await page.getByRole('link', { name: 'Nouveau contact' }).click();
    await page.locator('#f-fullName').fill(contactName);
    await page.locator('#f-company').fill('Urbaterra');
    await page.locator('#f-email').fill(`ines.${stamp}@example.org`);
    await page.locator('#f-phone').fill('01 99 00 12 34');
    await page.locator('#f-isPublic').check();
    await page.locator('#f-displayOrder').fill('3');
    await page.getByLabel('Bretagne').check();
    await page.locator('#f-consent-given').check();
    await page.locator('#f-consent-givenAt').fill('2026-10-14T10:00');
    await page.locator('#f-consent-method').fill('formulaire salon');
    const answer = page.waitForResponse(isCall('/api/v1/manage/advertiser-contacts', 'POST'));
    await page.getByRole('button', { name: 'Créer le contact' }).first().click();
    const response = await answer;
    assert.equal(response.status(), 201);
    const created = await response.json();
    assert.equal(created.content.phone, '+33199001234', 'stored in E.164');
    assert.equal(response.request().postDataJSON().consent.givenAt, '2026-10-14T10:00:00+02:00');
    contactId = created.id;
    await page.waitForURL(/#\/advertiser-contacts\/[0-9a-f-]{36}$/);
    await action('Publier').click();
    await textOf(notice(), 'Contact publié');
    await assertAccessible('a contact');
  });

  step('erasing the contact says what disappears and asks for the name; then nothing of it is left', async () => {
    await action('Effacer toutes les données de ce contact').click();
    const dialog = page.locator('vp-erase-dialog dialog');
    await textOf(dialog, 'toutes ses versions passées');
    await textOf(dialog, 'annuaire public');
    const confirm = dialog.getByRole('button', { name: 'Effacer définitivement' });
    assert.ok(await confirm.isDisabled(), 'not before the name is typed');
    await assertAccessible('the erasure confirmation');
    await screenshot('the erasure confirmation');
    await dialog.locator('#erase-confirm').fill(contactName);
    const answer = page.waitForResponse(isCall(`/api/v1/manage/advertiser-contacts/${contactId}/erase`, 'POST'));
    await confirm.click();
    assert.equal((await answer).status(), 204);
    await textOf(page.locator('#flash'), `Toutes les données de « ${contactName} » ont été effacées.`);
    assert.equal((await apiGet(`/api/v1/manage/advertiser-contacts/${contactId}`)).status, 404);
    await screenshot('the contacts after an erasure');
    await signOut();
  });

  // ── An admin creates a user and an API key ──────────────────────────────────────────────────────────────

  step('the admin creates an account and is shown its one-time reset link', async () => {
    await signIn(ADMIN);
    await page.getByRole('link', { name: 'Comptes' }).click();
    await page.getByRole('heading', { name: 'Comptes', level: 1 }).waitFor();
    await page.locator('vp-users table').waitFor();
    await assertAccessible('the accounts');
    await atPhoneWidth('the accounts');
    await page.locator('#new-email').fill(newUser.email);
    await page.locator('#new-displayName').fill(newUser.name);
    await page.locator('#new-role').selectOption('author');
    const answer = page.waitForResponse(isCall('/api/v1/manage/users', 'POST'));
    await page.getByRole('button', { name: 'Créer le compte' }).click();
    assert.equal((await answer).status(), 201);
    resetLink = await page.locator('#reset-link').inputValue();
    assert.match(resetLink, /#\/password-reset\?token=/);
    assert.match(await focused(), /^input#reset-link/);
    await textOf(page.locator(`vp-users tr[data-email="${newUser.email}"]`), 'mot de passe à choisir');
    await assertAccessible('a new account and its link');
    await screenshot('a new account and its link');
    await page.getByRole('button', { name: 'J’ai transmis le lien' }).click();
    assert.equal(await page.locator('#reset-link').count(), 0, 'shown once');
  });

  step('the admin creates an API key, sees its secret once, then revokes it', async () => {
    await page.getByRole('link', { name: 'Clés d’API' }).click();
    await page.getByRole('heading', { name: 'Clés d’API', level: 1 }).waitFor();
    await page.locator('#key-name').fill(`Partenaire ${stamp}`);
    await page.getByLabel('Lecture des brouillons (preview:read)').check();
    const answer = page.waitForResponse(isCall('/api/v1/manage/api-keys', 'POST'));
    await page.getByRole('button', { name: 'Créer la clé' }).click();
    const response = await answer;
    assert.equal(response.status(), 201);
    const created = await response.json();
    assert.deepEqual([...created.scopes].sort(), ['preview:read', 'sync:read']);
    assert.equal(await page.locator('#api-key-secret').inputValue(), created.key);
    const used = await fetch(`${apiUrl}/api/v1/preview/fiches/${ficheId}`, { headers: { 'X-Api-Key': created.key } });
    assert.equal(used.status, 200, 'the key reads drafts');
    await assertAccessible('a new API key and its secret');
    await atPhoneWidth('the API keys');
    await screenshot('a new API key and its secret');
    await page.getByRole('button', { name: 'J’ai copié la clé' }).click();
    assert.equal(await page.locator('#api-key-secret').count(), 0, 'the secret is shown once');
    const row = page.locator(`vp-api-keys tr[data-id="${created.id}"]`);
    await textOf(row, `${created.prefix}…`);
    page.once('dialog', (dialog) => void dialog.accept());
    await row.getByRole('button', { name: `Révoquer la clé de Partenaire ${stamp}` }).click();
    await textOf(page.locator(`vp-api-keys tr[data-id="${created.id}"]`), 'révoquée le');
    const refused = await fetch(`${apiUrl}/api/v1/preview/fiches/${ficheId}`, { headers: { 'X-Api-Key': created.key } });
    assert.equal(refused.status, 401, 'a revoked key is refused');
  });

  step('the audit log filters by person and action, and names people', async () => {
    await page.getByRole('link', { name: 'Journal' }).click();
    await page.getByRole('heading', { name: 'Journal des modifications', level: 1 }).waitFor();
    await page.locator('#audit-user option', { hasText: 'Élise Rédaction' }).waitFor({ state: 'attached' });
    await page.locator('#audit-user').selectOption({ label: 'Élise Rédaction' });
    await page.locator('#audit-action').selectOption('restored');
    const list = page.waitForRequest((r) => new URL(r.url()).pathname === '/api/v1/manage/audit');
    await page.getByRole('button', { name: 'Filtrer', exact: true }).click();
    const url = new URL((await list).url());
    assert.equal(url.searchParams.get('user'), 'editor@example.org');
    assert.equal(url.searchParams.get('action'), 'restored');
    await textOf(page.locator('vp-audit tbody tr').first(), 'restauration');
    await textOf(page.locator('vp-audit tbody tr').first(), 'Élise Rédaction');
    await assertAccessible('the audit log');
    await screenshot('the audit log');
    await atPhoneWidth('the audit log');
    await signOut();
  });

  step('the new account sets its password from the link, signs in and changes it', async () => {
    await page.goto(resetLink);
    await page.getByRole('heading', { name: 'Choisir un mot de passe', level: 1 }).waitFor();
    assert.doesNotMatch(page.url(), /token=/, 'the token leaves the address bar');
    await assertAccessible('the reset page');
    await page.locator('#newPassword').fill('court');
    await page.locator('#confirmPassword').fill('court');
    await page.getByRole('button', { name: 'Enregistrer le mot de passe' }).click();
    await textOf(page.locator('#newPassword-error'), '12 caractères');
    await page.locator('#newPassword').fill(newUser.password);
    await page.locator('#confirmPassword').fill(newUser.password);
    const answer = page.waitForResponse(isCall('/api/v1/auth/password-reset', 'POST'));
    await page.getByRole('button', { name: 'Enregistrer le mot de passe' }).click();
    assert.equal((await answer).status(), 204);
    await textOf(page.locator('vp-password-reset p.notice'), 'Mot de passe enregistré');
    await screenshot('the password is set');

    await page.getByRole('link', { name: 'Aller à la connexion' }).click();
    await signIn({ email: newUser.email, password: newUser.password });
    await textOf(page.locator('vp-app header #signed-in-user'), newUser.name);
    await page.locator('#signed-in-user').click();
    await page.getByRole('heading', { name: 'Mon compte', level: 1 }).waitFor();
    await assertAccessible('my account');
    await screenshot('my account');
    await page.locator('#currentPassword').fill(newUser.password);
    await page.locator('#newPassword').fill(`${newUser.password} bis`);
    await page.locator('#confirmPassword').fill(`${newUser.password} bis`);
    const changed = page.waitForResponse(isCall('/api/v1/auth/password', 'POST'));
    await page.getByRole('button', { name: 'Changer le mot de passe' }).click();
    assert.equal((await changed).status(), 204);
    await page.getByRole('heading', { name: 'Connexion', level: 1 }).waitFor();
    await textOf(page.locator('vp-sign-in p[role="status"]'), 'Mot de passe changé');
    assert.deepEqual(pageErrors, [], 'no uncaught error in the page during the walk');
  });
});
