import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, type Api, type ManagedPage, type ManagedSummary } from '../api/client.js';
import { fr } from '../i18n/fr.js';
import './vp-article-list.js';
import type { VpArticleList } from './vp-article-list.js';

const summary = (n: number, over: Partial<ManagedSummary> = {}): ManagedSummary => ({
  id: `00000000-0000-4000-8000-00000000000${n}`,
  type: 'article',
  title: `Article ${n}`,
  slug: `article-${n}`,
  locale: 'fr',
  status: 'draft',
  version: 1,
  hasUnpublishedChanges: false,
  updatedAt: '2025-05-01T08:00:00+00:00',
  updatedBy: 'editor@example.org',
  publishedAt: null,
  ...over,
});

async function mount(listArticles: (...args: unknown[]) => Promise<ManagedPage>) {
  const el = document.createElement('vp-article-list') as VpArticleList;
  el.api = { listArticles } as unknown as Api;
  document.body.append(el);
  await settle(el);
  return el;
}

async function settle(el: VpArticleList) {
  for (let i = 0; i < 5; i++) {
    await el.updateComplete;
    await new Promise((r) => setTimeout(r, 0));
  }
}

afterEach(() => {
  document.body.innerHTML = '';
});

describe('vp-article-list', () => {
  it('lists articles with their status badges and pages with the cursor', async () => {
    const listArticles = vi
      .fn()
      .mockResolvedValueOnce({
        items: [summary(1), summary(2, { status: 'published', hasUnpublishedChanges: true })],
        next: 'cursor-2',
      })
      .mockResolvedValueOnce({ items: [summary(3, { status: 'in_review' })], next: null });
    const el = await mount(listArticles);
    const root = el.shadowRoot!;

    const rows = root.querySelectorAll('tbody tr');
    expect(rows).toHaveLength(2);
    expect(rows[0]!.querySelector('a')!.getAttribute('href')).toBe(`#/articles/${summary(1).id}`);
    const badge = rows[1]!.querySelector('vp-status-badge')!;
    await (badge as unknown as { updateComplete: Promise<unknown> }).updateComplete;
    expect(badge.shadowRoot!.textContent).toContain('publié');
    expect(badge.shadowRoot!.textContent).toContain(fr.unpublishedChanges);

    const next = [...root.querySelectorAll('button')].find((b) => b.textContent === fr.list.next)!;
    next.click();
    await settle(el);
    expect(listArticles).toHaveBeenLastCalledWith(expect.objectContaining({ cursor: 'cursor-2', limit: 20 }), expect.anything());
    expect(root.querySelectorAll('tbody tr')).toHaveLength(1);
    expect([...root.querySelectorAll('button')].map((b) => b.textContent)).toContain(fr.list.previous);
  });

  it('filters by status and text', async () => {
    const listArticles = vi.fn(async () => ({ items: [], next: null }));
    const el = await mount(listArticles);
    const root = el.shadowRoot!;
    expect(root.textContent).toContain(fr.list.empty);

    (root.querySelector('#status') as HTMLSelectElement).value = 'published';
    (root.querySelector('#q') as HTMLInputElement).value = ' tramway ';
    root.querySelector('form')!.dispatchEvent(new Event('submit', { cancelable: true }));
    await settle(el);

    expect(listArticles).toHaveBeenCalledTimes(2);
    expect(listArticles).toHaveBeenLastCalledWith({ status: 'published', q: 'tramway', cursor: undefined, limit: 20 }, expect.anything());
    expect(root.textContent).toContain(fr.list.emptyFiltered);
  });

  it('shows an error with a retry', async () => {
    const listArticles = vi
      .fn()
      .mockRejectedValueOnce(new ApiError('network', { status: 0 }))
      .mockResolvedValueOnce({ items: [summary(1)], next: null });
    const el = await mount(listArticles);
    const root = el.shadowRoot!;
    expect(root.querySelector('[role="alert"]')!.textContent).toContain(fr.errors.network);

    [...root.querySelectorAll('button')].find((b) => b.textContent === fr.list.retry)!.click();
    await settle(el);
    expect(root.querySelectorAll('tbody tr')).toHaveLength(1);
  });
});
