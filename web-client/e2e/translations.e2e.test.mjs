// Browser test of language versions in the editor app, against a running API, in Debian's Chromium: an editor
// finds a published French fiche that has no English version (the list says so), creates it with « Créer la
// version anglaise » (the new draft opens, in English, linked to the French one), translates its title, publishes
// it; the French fiche's public `alternates` then link to it, and the lists show both languages. Unlinking asks
// first. axe on every new screen, and 390 px.
//
//   VIVAPOLIS_API_URL=http://127.0.0.1:5099 VIVAPOLIS_E2E_WEB_PORT=5199 npm run test:e2e
import { after, describe } from 'node:test';
import assert from 'node:assert/strict';
import { EDITOR, UUID, apiUrl, assertAccessible, browserTest, focused, isCall, signIn, textOf } from './support.mjs';

const t = browserTest('translations-');
const stamp = new Date().toISOString().replace(/[-:.TZ]/g, '').slice(-8);
let page;
let french; // the published French fiche, from the management list
let englishId;
const englishTitle = `A river logistics hub, tested ${stamp}`;

const notice = () => page.locator('vp-content-editor p.notice[role="status"]');
const flash = () => page.locator('vp-app #flash');
const action = (name) => page.locator('vp-item-panel [role="group"] button', { hasText: name });
const languages = () => page.locator('vp-language-versions');

async function openFiche(title) {
  await page.getByRole('link', { name: 'Fiches', exact: true }).click();
  await page.getByRole('heading', { name: 'Fiches', level: 1 }).waitFor();
  await page.locator('vp-content-list #q').fill(title.slice(0, 40));
  await page.getByRole('button', { name: 'Filtrer', exact: true }).click();
  await page.locator('vp-content-list td.title a', { hasText: title }).first().waitFor();
}

describe('language versions in the editor', () => {
  t.step('serve dist/, start Chromium, sign in as an editor; a published French fiche without an English version', async () => {
    await t.start();
    page = t.page;
    await signIn(page, EDITOR);
    await page.getByRole('heading', { name: 'Articles', level: 1 }).waitFor();
    const list = await (await fetch(`${apiUrl}/api/v1/manage/fiches?status=published&limit=100`, { headers: await t.bearer() })).json();
    french = list.items.find((f) => f.locale === 'fr' && f.translations.length === 1 && !f.hasUnpublishedChanges);
    assert.ok(french, 'the demo data has a published French fiche without an English version');
  });

  after(() => t.stop());

  t.step('the list says which versions exist', async () => {
    await openFiche(french.title);
    const row = page.locator(`vp-content-list tr[data-id="${french.id}"]`);
    await textOf(row.locator('td[data-translations]'), 'Français · pas de version anglaise');
    await assertAccessible(page, 'the fiche list with its languages');
  });

  t.step('the editor’s header shows the language; « Créer la version anglaise » opens the new English draft', async () => {
    await page.locator(`vp-content-list tr[data-id="${french.id}"] td.title a`).click();
    await page.getByRole('heading', { name: french.title, level: 1 }).waitFor();
    await textOf(languages().locator('li[aria-current] .code'), 'FR');
    await assertAccessible(page, 'a French fiche with its language switcher');

    const answer = page.waitForResponse(isCall(`/api/v1/manage/fiches/${french.id}/translations`, 'POST'));
    await languages().getByRole('button', { name: 'Créer la version anglaise' }).click();
    const response = await answer;
    assert.equal(response.status(), 201);
    assert.deepEqual(response.request().postDataJSON(), { locale: 'en' });
    englishId = (await response.json()).id;
    await page.waitForURL(new RegExp(`#/fiches/${englishId}$`));
    await textOf(flash(), 'Version anglaise créée');
    await textOf(languages().locator('li[aria-current] .code'), 'EN');
    const back = languages().locator('li[data-locale="fr"] a');
    assert.equal(await back.getAttribute('href'), `#/fiches/${french.id}`);
    assert.equal(await back.getAttribute('aria-label'), `FR : ouvrir la version française, « ${french.title} »`);
    assert.equal(await page.locator('#f-locale').inputValue(), 'en');
    assert.equal(await page.locator('#f-locale').isDisabled(), true, 'a linked version keeps its language');
    await textOf(page.locator('#f-locale-hint'), 'détachez-la d’abord');
    assert.match(await focused(page), /^h1/, 'the new draft’s heading has the focus');
    await assertAccessible(page, 'the new English draft');
    await t.atPhoneWidth('the English draft’s header', async () => {
      const box = await languages().boundingBox();
      assert.ok(box && box.y + box.height <= 844, 'the language switcher is on the first screen');
    });
  });

  t.step('the English version is translated and published; the French fiche’s public alternates link to it', async () => {
    await page.locator('#f-title').fill(englishTitle);
    const put = page.waitForResponse(isCall(`/api/v1/manage/fiches/${englishId}`, 'PUT'));
    await page.getByRole('button', { name: 'Enregistrer', exact: true }).first().click();
    assert.equal((await put).status(), 200);
    await textOf(notice(), 'Modifications enregistrées');
    const publish = page.waitForResponse(isCall(`/api/v1/manage/fiches/${englishId}/publish`, 'POST'));
    await action('Publier').click();
    assert.equal((await publish).status(), 200);
    await textOf(notice(), 'Fiche publiée');

    const englishSlug = await textOf(page.locator('#current-slug'));
    const frenchPublic = await (await fetch(`${apiUrl}/api/v1/fiches/${encodeURIComponent(french.slug)}`)).json();
    const link = frenchPublic.alternates.find((a) => a.locale === 'en');
    assert.deepEqual(link, { locale: 'en', slug: englishSlug, url: `/api/v1/fiches/${encodeURIComponent(englishSlug)}?locale=en` });
    const englishPublic = await (await fetch(new URL(link.url, apiUrl))).json();
    assert.equal(englishPublic.title, englishTitle);
    assert.deepEqual(englishPublic.alternates.map((a) => a.locale), ['fr']);
  });

  t.step('both lines of the list show both languages', async () => {
    await openFiche(french.title);
    await textOf(page.locator(`vp-content-list tr[data-id="${french.id}"] td[data-translations]`), 'Français · aussi en anglais');
    await page.locator('vp-content-list #q').fill(englishTitle);
    await page.getByRole('button', { name: 'Filtrer', exact: true }).click();
    await textOf(page.locator(`vp-content-list tr[data-id="${englishId}"] td[data-translations]`), 'Anglais · aussi en français');
    await t.atPhoneWidth('the fiche list with its languages');
  });

  t.step('unlinking asks first, then the English fiche stands alone', async () => {
    await page.locator(`vp-content-list tr[data-id="${englishId}"] td.title a`).click();
    await page.getByRole('heading', { name: englishTitle, level: 1 }).waitFor();
    await languages().getByRole('button', { name: 'Détacher cette version' }).click();
    const dialog = languages().getByRole('alertdialog');
    await textOf(dialog, `la version française « ${french.title} »`);
    await assertAccessible(page, 'the unlink confirmation');
    await t.screenshot('the unlink confirmation');
    await dialog.getByRole('button', { name: 'Non, garder le lien' }).click();
    assert.match(await focused(page), /^button .*Détacher cette version/, 'back on the button');

    await languages().getByRole('button', { name: 'Détacher cette version' }).click();
    const answer = page.waitForResponse(isCall(`/api/v1/manage/fiches/${englishId}/translations`, 'DELETE'));
    await languages().getByRole('button', { name: 'Oui, détacher' }).click();
    assert.equal((await answer).status(), 200);
    await textOf(notice(), 'Version détachée');
    await languages().getByRole('button', { name: 'Créer la version française' }).waitFor();
    assert.equal(await page.locator('#f-locale').isDisabled(), false, 'alone, its language may change again');
    const versions = await (await fetch(`${apiUrl}/api/v1/manage/fiches/${englishId}/translations`, { headers: await t.bearer() })).json();
    assert.deepEqual(versions.map((v) => v.id), [englishId]);
    assert.ok(UUID.test(englishId));
    assert.deepEqual(t.pageErrors, [], 'no uncaught error in the page');
  });
});
