import { afterEach, describe, expect, it, vi } from 'vitest';
import type { MediaApi, MediaDetails } from './media-api.js';
import { mediaText } from './media-text.js';
import { deep, mediaFixture, settle } from './media-test-helpers.js';
import './vp-media-picker.js';
import type { PickedMedia, VpMediaPicker } from './vp-media-picker.js';

async function mount(items: MediaDetails[], user = { email: 'editor@example.org', role: 'editor' }, extra: Partial<MediaApi> = {}) {
  const list = vi.fn(async () => ({ items, next: null }));
  const el = document.createElement('vp-media-picker') as VpMediaPicker;
  el.api = { list, ...extra } as unknown as MediaApi;
  el.user = user;
  document.body.append(el);
  await el.open();
  await settle(el);
  return { el, list };
}

const card = (el: VpMediaPicker, id: string) => deep(el, 'vp-media-grid').querySelector<HTMLButtonElement>(`button[data-id="${id}"]`)!;
const confirmButton = (el: VpMediaPicker) =>
  [...el.shadowRoot!.querySelectorAll('footer button')].find((b) => b.textContent === mediaText.picker.confirm) as HTMLButtonElement;

afterEach(() => {
  document.body.innerHTML = '';
});

describe('vp-media-picker', () => {
  it('opens as a modal on the newest images and gives back the chosen one as a cover', async () => {
    const tram = mediaFixture();
    const { el, list } = await mount([tram, mediaFixture()]);
    expect(el.shadowRoot!.querySelector('dialog')!.open).toBe(true);
    expect(list).toHaveBeenCalledWith({ limit: 24, cursor: undefined }, expect.anything());
    expect(confirmButton(el).disabled).toBe(true);
    const picked = vi.fn();
    el.addEventListener('vp-media-picked', (e) => picked((e as CustomEvent<PickedMedia>).detail));

    card(el, tram.id).click();
    await settle(el);
    expect(card(el, tram.id).getAttribute('aria-pressed')).toBe('true');
    confirmButton(el).click();
    await settle(el);

    expect(picked).toHaveBeenCalledWith({ media: tram, cover: { url: tram.url, alt: tram.alt, credit: tram.credit, mediaId: tram.id } });
    expect(el.shadowRoot!.querySelector('dialog')!.open).toBe(false);
  });

  it('asks for the alt text of an image that has none before it can be used', async () => {
    const bare = mediaFixture({ alt: null });
    const get = vi.fn(async () => ({ item: bare, etag: '"v1"' }));
    const update = vi.fn(async () => ({ item: { ...bare, alt: 'Un jardin partagé', version: 2 }, etag: '"v2"' }));
    const { el } = await mount([bare], undefined, { get, update } as Partial<MediaApi>);

    card(el, bare.id).click();
    await settle(el);
    expect(el.shadowRoot!.textContent).toContain(mediaText.picker.needsAlt);
    expect(confirmButton(el).disabled).toBe(true);
    const texts = deep(el, 'vp-media-texts');
    texts.querySelector('form')!.dispatchEvent(new Event('submit', { cancelable: true }));
    await settle(el);
    expect(texts.textContent).toContain(mediaText.texts.altRequired);
    expect(update).not.toHaveBeenCalled();

    texts.querySelector<HTMLInputElement>('#alt')!.value = 'Un jardin partagé';
    texts.querySelector('form')!.dispatchEvent(new Event('submit', { cancelable: true }));
    await settle(el);

    expect(update).toHaveBeenCalledWith(bare.id, '"v1"', { alt: 'Un jardin partagé', credit: bare.credit, caption: null });
    expect(confirmButton(el).disabled).toBe(false);
  });

  it('tells an author who cannot describe someone else’s image to ask an editor', async () => {
    const bare = mediaFixture({ alt: null, createdBy: 'editor@example.org' });
    const get = vi.fn();
    const { el } = await mount([bare], { email: 'author@example.org', role: 'author' }, { get } as Partial<MediaApi>);

    card(el, bare.id).click();
    await settle(el);

    expect(el.shadowRoot!.querySelector('[role=alert]')!.textContent).toBe(mediaText.picker.cannotDescribe);
    expect(get).not.toHaveBeenCalled();
    expect(confirmButton(el).disabled).toBe(true);
  });

  it('searches the library and shows when nothing matches', async () => {
    const { el, list } = await mount([]);
    expect(el.shadowRoot!.textContent).toContain(mediaText.library.empty);
    el.shadowRoot!.querySelector<HTMLInputElement>('#q')!.value = ' tramway ';
    el.shadowRoot!.querySelector('form.filters')!.dispatchEvent(new Event('submit', { cancelable: true }));
    await settle(el);

    expect(list).toHaveBeenLastCalledWith({ q: 'tramway', limit: 24, cursor: undefined }, expect.anything());
    expect(el.shadowRoot!.textContent).toContain(mediaText.library.emptyFiltered);
  });
});
