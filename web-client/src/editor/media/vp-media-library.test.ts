import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../api/client.js';
import type { MediaApi, MediaDetails, MediaUse } from './media-api.js';
import { mediaText } from './media-text.js';
import { deep, mediaFixture, settle } from './media-test-helpers.js';
import './vp-media-library.js';
import type { VpMediaLibrary } from './vp-media-library.js';

const use: MediaUse = { type: 'article', id: 'a1', title: 'Le tramway revient', slug: 'le-tramway-revient', status: 'published', inCurrentContent: false, inPublishedVersion: true };

async function mount(items: MediaDetails[], api: Partial<MediaApi> = {}, user = { email: 'editor@example.org', role: 'editor' }) {
  const list = vi.fn(async () => ({ items, next: null }));
  const el = document.createElement('vp-media-library') as VpMediaLibrary;
  el.api = {
    list,
    get: vi.fn(async (id: string) => ({ item: items.find((m) => m.id === id)!, etag: '"v1"' })),
    uses: vi.fn(async () => []),
    ...api,
  } as unknown as MediaApi;
  el.user = user;
  document.body.append(el);
  await settle(el);
  return { el, list };
}

const open = async (el: VpMediaLibrary, id: string) => {
  deep(el, 'vp-media-grid').querySelector<HTMLButtonElement>(`button[data-id="${id}"]`)!.click();
  await settle(el);
};

/** Delete, then confirm in the page. */
const remove_ = async (el: VpMediaLibrary) => {
  for (const label of [mediaText.details.delete, mediaText.details.confirm]) {
    [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('aside button')].find((b) => b.textContent === label)!.click();
    await settle(el);
  }
};

afterEach(() => {
  document.body.innerHTML = '';
  vi.restoreAllMocks();
});

describe('vp-media-library', () => {
  it('lists the images, marks those without alt text and filters them', async () => {
    const bare = mediaFixture({ alt: null });
    const { el, list } = await mount([mediaFixture(), bare]);
    const grid = deep(el, 'vp-media-grid');
    expect(grid.querySelectorAll('li')).toHaveLength(2);
    expect(grid.querySelector(`button[data-id="${bare.id}"]`)!.textContent).toContain(mediaText.card.missingAlt);

    el.shadowRoot!.querySelector<HTMLInputElement>('input[name=missingAlt]')!.checked = true;
    el.shadowRoot!.querySelector('form.filters')!.dispatchEvent(new Event('submit', { cancelable: true }));
    await settle(el);
    expect(list).toHaveBeenLastCalledWith({ missingAlt: true, limit: 24, cursor: undefined }, expect.anything());
  });

  it('shows an image’s details with the items that use it, and names them when its deletion is refused', async () => {
    const media = mediaFixture();
    const remove = vi.fn(async () => {
      throw new ApiError('http', { status: 409, title: 'Conflit', usedBy: [use] } as never);
    });
    const { el } = await mount([media], { uses: vi.fn(async () => [use]), remove } as Partial<MediaApi>);

    await open(el, media.id);
    const aside = el.shadowRoot!.querySelector('aside')!;
    expect(aside.querySelector('h2')!.textContent).toBe(media.fileName);
    expect(aside.textContent).toContain('800 × 533 pixels');
    expect(aside.querySelector('[data-use="a1"]')!.textContent).toContain('Le tramway revient');
    await remove_(el);

    expect(remove).toHaveBeenCalledWith(media.id, '"v1"');
    const alert = el.shadowRoot!.querySelector('aside [role=alert]')!;
    expect(alert.textContent).toContain(mediaText.details.inUse);
    expect(alert.textContent).toContain('Le tramway revient');
  });

  it('deletes an unused image and reloads an edit that someone else overtook', async () => {
    const media = mediaFixture();
    const newer = { ...media, alt: 'Texte d’une collègue', version: 2 };
    const update = vi.fn(async () => {
      throw new ApiError('http', { status: 412, title: 'Version périmée' });
    });
    const get = vi.fn().mockResolvedValueOnce({ item: media, etag: '"v1"' }).mockResolvedValue({ item: newer, etag: '"v2"' });
    const remove = vi.fn(async () => {});
    const { el } = await mount([media], { update, get, remove } as Partial<MediaApi>);

    await open(el, media.id);
    const texts = deep(el, 'vp-media-texts');
    texts.querySelector('form')!.dispatchEvent(new Event('submit', { cancelable: true }));
    await settle(el);
    expect(texts.querySelector('[role=alert]')!.textContent).toBe(mediaText.texts.stale);
    expect(texts.querySelector<HTMLInputElement>('#alt')!.value).toBe('Texte d’une collègue');

    await remove_(el);
    expect(el.shadowRoot!.querySelector('aside')).toBeNull();
    expect(el.shadowRoot!.querySelector('[role=status]')!.textContent).toContain(mediaText.details.deleted);
    expect(el.shadowRoot!.querySelector('vp-media-grid')).toBeNull();
    expect(el.shadowRoot!.textContent).toContain(mediaText.library.empty);
  });

  it('shows others’ images read-only to an author', async () => {
    const media = mediaFixture({ createdBy: 'editor@example.org' });
    const { el } = await mount([media], {}, { email: 'author@example.org', role: 'author' });

    await open(el, media.id);

    expect(el.shadowRoot!.querySelector('aside')!.textContent).toContain(mediaText.details.readOnly);
    expect(deep(el, 'vp-media-texts').querySelector<HTMLInputElement>('#alt')!.readOnly).toBe(true);
    expect([...el.shadowRoot!.querySelectorAll('aside button')].map((b) => b.textContent)).not.toContain(mediaText.details.delete);
  });
});
