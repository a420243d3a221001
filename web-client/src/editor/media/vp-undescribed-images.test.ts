import { afterEach, describe, expect, it, vi } from 'vitest';
import type { MediaApi } from '../../api/media-api.js';
import { fr } from '../../i18n/fr.js';
import { mediaFixture, settle } from './media-test-helpers.js';
import './vp-undescribed-images.js';
import type { VpUndescribedImages } from './vp-undescribed-images.js';

afterEach(() => {
  document.body.innerHTML = '';
});

describe('vp-undescribed-images', () => {
  it('lists the text’s library images without alt text, asks the library again only when the images change, and reports a description', async () => {
    const missing = mediaFixture({ alt: null });
    const elsewhere = mediaFixture({ alt: null }); // to describe too, but not in this text
    const described = mediaFixture();
    const list = vi.fn(async () => ({ items: [missing, elsewhere], next: null }));
    const get = vi.fn(async () => ({ item: missing, etag: '"v1"' }));
    const update = vi.fn(async () => ({ item: { ...missing, alt: 'Le quai du tram', version: 2 }, etag: '"v2"' }));
    const el = document.createElement('vp-undescribed-images') as VpUndescribedImages;
    el.api = { list, get, update } as unknown as MediaApi;
    el.user = { email: 'editor@example.org', role: 'editor' };
    el.html = `<p>Avant</p><img src="${missing.variants[2]!.url}" alt=""><img src="${described.variants[0]!.url}" alt="ok">`;
    const reported = vi.fn();
    el.addEventListener('vp-media-described', (e) => reported((e as CustomEvent).detail));
    document.body.append(el);
    await customElements.whenDefined('vp-media-texts');
    await settle(el);

    expect(list).toHaveBeenCalledWith({ missingAlt: true, limit: 100 });
    expect([...el.shadowRoot!.querySelectorAll('li')].map((li) => li.dataset.media)).toEqual([missing.id]);
    expect(el.shadowRoot!.querySelector('h3')!.textContent).toBe(fr.media.body.title(1));

    el.html = `${el.html}<p>Un paragraphe de plus</p>`;
    await settle(el);
    expect(list).toHaveBeenCalledTimes(1);

    const texts = el.shadowRoot!.querySelector('vp-media-texts')!;
    texts.shadowRoot!.querySelector<HTMLInputElement>('#alt')!.value = 'Le quai du tram';
    texts.shadowRoot!.querySelector('form')!.dispatchEvent(new Event('submit', { cancelable: true }));
    await settle(el);
    expect(reported).toHaveBeenCalledWith({ hash: missing.hash, alt: 'Le quai du tram' });
    expect(el.shadowRoot!.querySelector('section')).toBeNull();
  });

  it('asks nothing of a text without library images', async () => {
    const list = vi.fn();
    const el = document.createElement('vp-undescribed-images') as VpUndescribedImages;
    el.api = { list } as unknown as MediaApi;
    el.html = '<p>Du texte, <a href="https://example.org/media/x">un lien</a>.</p>';
    document.body.append(el);
    await settle(el);
    expect(list).not.toHaveBeenCalled();
  });
});
