import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../api/client.js';
import type { MediaApi, MediaDetails } from '../../api/media-api.js';
import { fr } from '../../i18n/fr.js';
import { deep, mediaFixture, settle } from './media-test-helpers.js';
import './vp-cover-image.js';
import type { Cover, VpCoverImage } from './vp-cover-image.js';

const editor = { email: 'editor@example.org', role: 'editor' };

async function mount(cover: Cover | undefined, api: Partial<MediaApi>, user = editor) {
  const el = document.createElement('vp-cover-image') as VpCoverImage;
  el.api = api as MediaApi;
  el.user = user;
  el.cover = cover;
  const changes: (Cover | undefined)[] = [];
  el.addEventListener('vp-cover-change', (e) => {
    changes.push((e as CustomEvent<Cover | null>).detail ?? undefined);
    el.cover = (e as CustomEvent<Cover | undefined>).detail;
  });
  document.body.append(el);
  await settle(el);
  return { el, changes };
}

const button = (el: Element, text: string) => [...el.querySelectorAll('button')].find((b) => b.textContent!.trim() === text)!;

afterEach(() => {
  document.body.innerHTML = '';
});

describe('vp-cover-image', () => {
  it('offers to choose an image; the picked one becomes the whole cover, previewed with its widths', async () => {
    const media = mediaFixture();
    const list = vi.fn(async () => ({ items: [media], next: null }));
    const get = vi.fn(async () => ({ item: media, etag: '"v1"' }));
    const { el, changes } = await mount(undefined, { list, get });
    expect(el.textContent).toContain(fr.media.cover.none);

    button(el, fr.media.cover.choose).click();
    await customElements.whenDefined('vp-media-picker');
    await settle(el);
    const picker = el.querySelector('vp-media-picker')!;
    expect(picker.shadowRoot!.querySelector('dialog')!.open).toBe(true);
    deep(picker, 'vp-media-grid').querySelector<HTMLButtonElement>(`button[data-id="${media.id}"]`)!.click();
    await settle(el);
    [...picker.shadowRoot!.querySelectorAll<HTMLButtonElement>('footer button')].find((b) => b.textContent === fr.media.picker.confirm)!.click();
    await settle(el);

    expect(changes).toEqual([{ url: media.url, alt: media.alt, credit: media.credit, mediaId: media.id }]);
    const img = el.querySelector('.cover img')!;
    expect(img.getAttribute('srcset')).toContain('320w');
    expect(img.getAttribute('alt')).toBe(media.alt);
    expect(el.querySelector('.file-name')!.textContent).toBe(media.fileName);
    expect(button(el, fr.media.cover.change)).toBeDefined();
  });

  it('says when the library image has no alt text, and describes it there, giving the cover the same text', async () => {
    const media = mediaFixture({ alt: null });
    const update = vi.fn(async (_id: string, _etag: string, texts: { alt?: string | null }) => ({ item: { ...media, alt: texts.alt ?? null, version: 2 }, etag: '"v2"' }));
    const { el, changes } = await mount({ url: media.url, alt: '', mediaId: media.id }, { get: vi.fn(async () => ({ item: media, etag: '"v1"' })), update });
    await customElements.whenDefined('vp-media-texts');
    await settle(el);
    expect(el.querySelector('.describe')!.textContent).toContain(fr.media.cover.needsAlt);

    const texts = el.querySelector('vp-media-texts')!;
    texts.shadowRoot!.querySelector<HTMLInputElement>('#alt')!.value = 'Le tramway traverse la place';
    texts.shadowRoot!.querySelector('form')!.dispatchEvent(new Event('submit', { cancelable: true }));
    await settle(el);

    expect(update).toHaveBeenCalledWith(media.id, '"v1"', { alt: 'Le tramway traverse la place', credit: media.credit, caption: null });
    expect(changes.at(-1)).toEqual({ url: media.url, alt: 'Le tramway traverse la place', mediaId: media.id });
    expect(el.querySelector('[role=status]')!.textContent).toBe(fr.media.cover.described);
  });

  it('tells an author who cannot describe someone else’s image whom to ask, and names an image gone from the library', async () => {
    const media = mediaFixture({ alt: null, createdBy: 'editor@example.org' });
    const author = await mount({ url: media.url, alt: 'x', mediaId: media.id }, { get: vi.fn(async () => ({ item: media, etag: '"v1"' })) },
      { email: 'author@example.org', role: 'author' });
    expect(author.el.querySelector('.describe')!.textContent).toBe(fr.media.picker.cannotDescribe);
    expect(author.el.querySelector('vp-media-texts')).toBeNull();

    const gone = await mount({ url: media.url, alt: 'x', mediaId: media.id }, {
      get: vi.fn(async () => {
        throw new ApiError('http', { status: 404, title: 'Introuvable' });
      }),
    });
    expect(gone.el.querySelector('.field-error')!.textContent).toBe(fr.media.cover.missing);
  });

  it('removes the cover, and gives the focus back to the button that chooses one', async () => {
    const media: MediaDetails = mediaFixture();
    const { el, changes } = await mount({ url: media.url, alt: 'x', mediaId: media.id }, { get: vi.fn(async () => ({ item: media, etag: '"v1"' })) });
    button(el, fr.media.cover.remove).click();
    await settle(el);
    expect(changes).toEqual([undefined]);
    expect(document.activeElement).toBe(button(el, fr.media.cover.choose));
  });
});
