import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../api/client.js';
import type { MediaApi, UploadOptions } from './media-api.js';
import { mediaText } from './media-text.js';
import { deep, mediaFixture, settle } from './media-test-helpers.js';
import './vp-media-upload.js';
import type { VpMediaUpload } from './vp-media-upload.js';

async function mount(api: Partial<MediaApi>) {
  const el = document.createElement('vp-media-upload') as VpMediaUpload;
  el.api = api as MediaApi;
  document.body.append(el);
  await settle(el);
  return el;
}

function drop(el: VpMediaUpload, file: File) {
  const zone = el.shadowRoot!.querySelector('.zone')!;
  const event = new Event('drop', { bubbles: true, cancelable: true }) as Event & { dataTransfer: unknown };
  Object.defineProperty(event, 'dataTransfer', { value: { files: [file] } });
  zone.dispatchEvent(event);
}

afterEach(() => {
  document.body.innerHTML = '';
});

describe('vp-media-upload', () => {
  it('uploads a dropped image with a progress bar, then asks for its alt text and saves it', async () => {
    const media = mediaFixture({ alt: null, credit: null });
    let report: UploadOptions['onProgress'];
    let finish: (v: unknown) => void = () => {};
    const upload = vi.fn((_file: Blob, _texts: unknown, options: UploadOptions) => {
      report = options.onProgress;
      return new Promise((resolve) => (finish = resolve));
    });
    const update = vi.fn(async (_id: string, _etag: string, texts: { alt?: string | null }) => ({ item: { ...media, alt: texts.alt, version: 2 }, etag: '"v2"' }));
    const el = await mount({ upload, update } as unknown as MediaApi);
    const uploaded = vi.fn();
    const ready = vi.fn();
    el.addEventListener('vp-media-uploaded', (e) => uploaded((e as CustomEvent).detail));
    el.addEventListener('vp-media-ready', (e) => ready((e as CustomEvent).detail));

    drop(el, new File([new Uint8Array([0xff, 0xd8])], 'tram.jpg', { type: 'image/jpeg' }));
    await settle(el);
    report!(0.42);
    await settle(el);
    const progress = el.shadowRoot!.querySelector('progress')!;
    expect(progress.value).toBe(42);
    expect(el.shadowRoot!.textContent).toContain(mediaText.upload.progress('tram.jpg'));

    finish({ item: media, etag: '"v1"', created: true });
    await settle(el);
    expect(uploaded).toHaveBeenCalledWith({ media, etag: '"v1"', created: true });
    expect(el.shadowRoot!.textContent).toContain(mediaText.upload.done);
    const texts = deep(el, 'vp-media-texts');
    const alt = texts.querySelector<HTMLInputElement>('#alt')!;
    expect(texts.activeElement).toBe(alt); // the prompt takes the focus
    alt.value = 'Le tramway traverse la place';
    texts.querySelector('form')!.dispatchEvent(new Event('submit', { cancelable: true }));
    await settle(el);

    expect(update).toHaveBeenCalledWith(media.id, '"v1"', { alt: 'Le tramway traverse la place', credit: null, caption: null });
    expect(ready).toHaveBeenCalledWith({ media: expect.objectContaining({ alt: 'Le tramway traverse la place' }), etag: '"v2"' });
    expect(el.shadowRoot!.querySelector('.zone')).not.toBeNull(); // ready for the next one
  });

  it('refuses a file of another type before sending it, and shows the API’s reason for a refused upload', async () => {
    const upload = vi.fn(async () => {
      throw new ApiError('http', { status: 400, title: 'Requête invalide', errors: { file: ['Ce fichier est abîmé ou incomplet.'] } });
    });
    const el = await mount({ upload } as unknown as MediaApi);

    drop(el, new File(['<svg/>'], 'logo.svg', { type: 'image/svg+xml' }));
    await settle(el);
    expect(upload).not.toHaveBeenCalled();
    expect(el.shadowRoot!.querySelector('[role=alert]')!.textContent).toBe(mediaText.upload.wrongType);

    drop(el, new File(['x'], 'coupee.jpg', { type: 'image/jpeg' }));
    await settle(el);
    expect(el.shadowRoot!.querySelector('[role=alert]')!.textContent).toBe('Ce fichier est abîmé ou incomplet.');
  });

  it('offers to describe later, and says when the image was already in the library', async () => {
    const media = mediaFixture();
    const el = await mount({ upload: vi.fn(async () => ({ item: media, etag: '"v4"', created: false })) } as unknown as MediaApi);
    const ready = vi.fn();
    el.addEventListener('vp-media-ready', (e) => ready((e as CustomEvent).detail));

    drop(el, new File(['x'], 'a.jpg', { type: 'image/jpeg' }));
    await settle(el);
    expect(el.shadowRoot!.textContent).toContain(mediaText.upload.duplicate);
    const later = [...deep(el, 'vp-media-texts').querySelectorAll('button')].find((b) => b.textContent === mediaText.texts.later)!;
    later.click();
    await settle(el);

    expect(ready).toHaveBeenCalledWith({ media, etag: '"v4"' });
  });
});
