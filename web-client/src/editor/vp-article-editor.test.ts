import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, type Api, type ManagedArticle, type SignedInUser } from '../api/client.js';
import { fr } from '../i18n/fr.js';
import './vp-article-editor.js';
import type { VpArticleEditor } from './vp-article-editor.js';

const article: ManagedArticle = {
  id: '6f1c1a53-7d1a-4b59-9d57-0a8d1d7b3f10',
  type: 'article',
  slug: 'vers-un-modele-francais',
  status: 'draft',
  version: 1,
  hasUnpublishedChanges: false,
  createdAt: '2025-05-01T08:00:00+00:00',
  createdBy: 'editor@example.org',
  updatedAt: '2025-05-01T08:00:00+00:00',
  updatedBy: 'editor@example.org',
  publishedAt: null,
  content: { locale: 'fr', title: 'Vers un modèle français', authors: [], tags: [], themes: ['mobilite'], relatedFiches: [], relatedEvents: [] },
};

const editor: SignedInUser = { id: 'u-e', email: 'editor@example.org', displayName: 'Élise Rédaction', role: 'editor' };
const author: SignedInUser = { id: 'u-a', email: 'author@example.org', displayName: 'Arthur Plume', role: 'author' };
const authorsDraft: ManagedArticle = { ...article, createdBy: 'Author@example.org', updatedBy: 'author@example.org' };

function fakeApi(overrides: Partial<Api> = {}): Api {
  return {
    baseUrl: 'http://api.test',
    deliveryUrl: (slug: string) => `http://api.test/api/v1/articles/${slug}`,
    getArticle: vi.fn(async () => ({ item: article, etag: '"1"' })),
    ...overrides,
  } as unknown as Api;
}

async function mount(api: Api, articleId: string | null, user: SignedInUser = editor) {
  const el = document.createElement('vp-article-editor') as VpArticleEditor;
  el.api = api;
  el.user = user;
  el.articleId = articleId;
  document.body.append(el);
  await settle(el);
  return el;
}

/** Lets tasks and the re-renders they cause finish. */
async function settle(el: VpArticleEditor) {
  for (let i = 0; i < 5; i++) {
    await el.updateComplete;
    await new Promise((r) => setTimeout(r, 0));
  }
}

const $ = <T extends Element = HTMLElement>(el: VpArticleEditor, selector: string) =>
  el.shadowRoot!.querySelector<T>(selector);

function type(el: VpArticleEditor, selector: string, value: string) {
  const input = $<HTMLInputElement>(el, selector)!;
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true }));
}

const buttons = (el: VpArticleEditor) => [...el.shadowRoot!.querySelectorAll('button')].map((b) => b.textContent!.trim());
const button = (el: VpArticleEditor, name: string) =>
  [...el.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent!.trim() === name)!;

async function submit(el: VpArticleEditor) {
  $<HTMLFormElement>(el, 'form')!.dispatchEvent(new Event('submit', { cancelable: true }));
  await settle(el);
}

afterEach(() => {
  document.body.innerHTML = '';
});

describe('vp-article-editor', () => {
  it('shows the API validation message beside the title and links it for screen readers', async () => {
    const createArticle = vi.fn(async () => {
      throw new ApiError('http', {
        status: 400,
        title: 'Des champs sont invalides.',
        errors: { title: ['Le titre doit contenir au moins 3 caractères.'], relatedEvents: ['Événement introuvable.'] },
      });
    });
    const el = await mount(fakeApi({ createArticle }), null);
    type(el, '#f-title', 'ab');
    await submit(el);

    expect(createArticle).toHaveBeenCalledWith(expect.objectContaining({ title: 'ab' }));
    const title = $<HTMLInputElement>(el, '#f-title')!;
    expect(title.getAttribute('aria-invalid')).toBe('true');
    const describedBy = title.getAttribute('aria-describedby')!;
    expect(describedBy).toContain('f-title-error');
    expect($(el, '#f-title-error')!.textContent).toContain('Le titre doit contenir au moins 3 caractères.');
    // The problem's title and the message with no field on the form go to the alert.
    const alert = $(el, '[role="alert"]')!.textContent!;
    expect(alert).toContain('Des champs sont invalides.');
    expect(alert).toContain('relatedEvents : Événement introuvable.');
    // Focus goes to the field to correct.
    expect(el.shadowRoot!.activeElement).toBe(title);
  });

  it('creates the article, keeps it editable and asks the app to show its address', async () => {
    const createArticle = vi.fn(async () => ({ item: article, etag: '"1"' }));
    const el = await mount(fakeApi({ createArticle }), null);
    const navigate = vi.fn();
    el.addEventListener('vp-navigate', (e) => navigate(e.detail));
    type(el, '#f-title', 'Vers un modèle français');
    await submit(el);

    expect(navigate).toHaveBeenCalledWith({ path: `#/articles/${article.id}`, replace: true });
    expect($(el, '[role="status"]')!.textContent).toBe(fr.editor.notices.created);
    expect($(el, '#current-slug')!.textContent).toBe('vers-un-modele-francais');
    expect($(el, 'vp-status-badge')!.getAttribute('status')).toBe('draft');
  });

  it('saves with the ETag it loaded and offers to reload on 412', async () => {
    const updateArticle = vi.fn(async () => {
      throw new ApiError('http', { status: 412, title: 'Precondition Failed' });
    });
    const getArticle = vi
      .fn()
      .mockResolvedValueOnce({ item: article, etag: '"1"' })
      .mockResolvedValueOnce({ item: { ...article, version: 2, content: { ...article.content, title: 'Titre changé ailleurs' } }, etag: '"2"' });
    const el = await mount(fakeApi({ updateArticle, getArticle }), article.id);
    expect($<HTMLInputElement>(el, '#f-title')!.value).toBe('Vers un modèle français');

    type(el, '#f-standfirst', 'Un chapô');
    await submit(el);
    expect(updateArticle).toHaveBeenCalledWith(article.id, '"1"', expect.objectContaining({ standfirst: 'Un chapô' }));
    const alert = $(el, '[role="alert"]')!;
    expect(alert.textContent).toContain('Quelqu’un d’autre a modifié cet article');
    const reload = alert.querySelector('button')!;
    expect(reload.textContent!.trim()).toBe(fr.editor.conflict.reload);

    reload.click();
    await settle(el);
    expect(getArticle).toHaveBeenCalledTimes(2);
    expect($<HTMLInputElement>(el, '#f-title')!.value).toBe('Titre changé ailleurs');
    expect($(el, '#version')!.textContent).toBe('2');
    expect($(el, '[role="alert"]')!.textContent!.trim()).toBe('');
  });

  it('keeps Publier disabled until the edits are saved', async () => {
    const el = await mount(fakeApi(), article.id);
    const publishButton = () => [...el.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent!.trim() === 'Publier')!;
    expect(publishButton().disabled).toBe(false);

    type(el, '#f-rubric', 'Écosystème');
    await settle(el);
    expect(publishButton().disabled).toBe(true);
    expect(publishButton().getAttribute('aria-describedby')).toBe('publish-hint');
    expect($(el, '#publish-hint')!.textContent).toBe(fr.editor.actions.saveFirst);
  });

  it('publishes a saved article and shows its public link', async () => {
    const published = { ...article, status: 'published' as const, version: 2, publishedAt: '2025-05-02T08:00:00+00:00' };
    const publishArticle = vi.fn(async () => ({ item: published, etag: '"2"' }));
    const el = await mount(fakeApi({ publishArticle }), article.id);
    [...el.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent!.trim() === 'Publier')!.click();
    await settle(el);

    expect(publishArticle).toHaveBeenCalledWith(article.id, '"1"');
    expect($(el, 'vp-status-badge')!.getAttribute('status')).toBe('published');
    expect($<HTMLAnchorElement>(el, '#public-link')!.href).toBe('http://api.test/api/v1/articles/vers-un-modele-francais');
    expect($(el, '[role="status"]')!.textContent).toBe(fr.editor.notices.published);
  });

  it('says so when the article does not exist', async () => {
    const getArticle = vi.fn(async () => {
      throw new ApiError('http', { status: 404, title: 'Not Found' });
    });
    const el = await mount(fakeApi({ getArticle }), article.id);
    expect($(el, '[role="alert"]')!.textContent).toContain(fr.editor.notFound);
    expect($(el, 'form')).toBeNull();
  });

  it('gives an editor every action and no submission', async () => {
    const el = await mount(fakeApi(), article.id);
    expect(buttons(el)).toEqual(['Enregistrer', 'Publier', 'Supprimer']);
  });
});

describe('vp-article-editor for an author', () => {
  it('offers to submit their own draft for review instead of publishing', async () => {
    const inReview = { ...authorsDraft, status: 'in_review' as const, version: 2 };
    const submitArticle = vi.fn(async () => ({ item: inReview, etag: '"2"' }));
    const el = await mount(fakeApi({ getArticle: vi.fn(async () => ({ item: authorsDraft, etag: '"1"' })), submitArticle }), article.id, author);

    expect(buttons(el)).toEqual(['Enregistrer', fr.editor.actions.submit]);
    expect($(el, '#read-only')).toBeNull();
    expect($<HTMLInputElement>(el, '#f-title')!.readOnly).toBe(false);

    button(el, fr.editor.actions.submit).click();
    await settle(el);

    expect(submitArticle).toHaveBeenCalledWith(article.id, '"1"');
    expect($(el, 'vp-status-badge')!.getAttribute('status')).toBe('in_review');
    expect($(el, '[role="status"]')!.textContent).toBe(fr.editor.notices.submitted);
    // Submitted, it is the editors' now: read-only, and saying why.
    expect(buttons(el)).toEqual([]);
    expect($(el, '#read-only')!.textContent).toBe(fr.roles.readOnly.notADraft('en relecture'));
    expect($<HTMLInputElement>(el, '#f-title')!.readOnly).toBe(true);
  });

  it('asks to save before submitting', async () => {
    const el = await mount(fakeApi({ getArticle: vi.fn(async () => ({ item: authorsDraft, etag: '"1"' })) }), article.id, author);
    type(el, '#f-rubric', 'Écosystème');
    await settle(el);
    const submitButton = button(el, fr.editor.actions.submit);
    expect(submitButton.disabled).toBe(true);
    expect(submitButton.getAttribute('aria-describedby')).toBe('submit-hint');
    expect($(el, '#submit-hint')!.textContent).toBe(fr.editor.actions.saveBeforeSubmit);
  });

  it('creates an article, with nothing to publish', async () => {
    const el = await mount(fakeApi(), null, author);
    expect(buttons(el)).toEqual(['Créer l’article']);
  });

  it('shows someone else’s article read-only, with the reason, and sends nothing', async () => {
    const updateArticle = vi.fn();
    const el = await mount(fakeApi({ updateArticle }), article.id, author);

    const reason = $(el, '#read-only')!;
    expect(reason.textContent).toBe(fr.roles.readOnly.notYours);
    expect($(el, 'form')!.getAttribute('aria-describedby')).toBe('read-only');
    expect(buttons(el)).toEqual([]);
    for (const field of el.shadowRoot!.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>('input[type="text"], input[type="url"], textarea')) {
      expect(field.readOnly, field.id).toBe(true);
    }
    expect($<HTMLSelectElement>(el, '#f-locale')!.disabled).toBe(true);
    expect($<HTMLInputElement>(el, 'input[type="checkbox"]')!.disabled).toBe(true);
    // Enter in a field submits the form: nothing is sent all the same.
    await submit(el);
    expect(updateArticle).not.toHaveBeenCalled();
  });
});
