/** Fixtures and waits shared by the media elements' unit tests. */
import type { MediaDetails } from './media-api.js';

let n = 0;

export function mediaFixture(over: Partial<MediaDetails> = {}): MediaDetails {
  n += 1;
  const id = `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
  const hash = String(n).padStart(32, 'a');
  const url = (w: number, ext: string) => `http://api.test/media/${hash}/w${w}.${ext}`;
  return {
    id,
    url: url(800, 'jpg'),
    fileName: `photo-${n}.jpg`,
    format: 'jpeg',
    mimeType: 'image/jpeg',
    width: 800,
    height: 533,
    bytes: 81_234,
    hash,
    alt: 'Le tramway place Bellecour',
    credit: 'Photo : Ville de Lyon',
    caption: null,
    variants: [
      { url: url(320, 'webp'), format: 'webp', mimeType: 'image/webp', width: 320, height: 213, bytes: 9_000 },
      { url: url(320, 'jpg'), format: 'jpeg', mimeType: 'image/jpeg', width: 320, height: 213, bytes: 12_000 },
      { url: url(800, 'webp'), format: 'webp', mimeType: 'image/webp', width: 800, height: 533, bytes: 40_000 },
      { url: url(800, 'jpg'), format: 'jpeg', mimeType: 'image/jpeg', width: 800, height: 533, bytes: 81_234 },
    ],
    version: 1,
    createdAt: '2026-11-26T09:00:00+00:00',
    createdBy: 'editor@example.org',
    updatedAt: '2026-11-26T09:00:00+00:00',
    updatedBy: 'editor@example.org',
    ...over,
  };
}

/** Lets Lit render and pending promises settle, a few rounds deep (elements inside elements). */
export async function settle(el: Element & { updateComplete?: Promise<unknown> }, rounds = 8) {
  for (let i = 0; i < rounds; i++) {
    await el.updateComplete;
    await new Promise((r) => setTimeout(r, 0));
  }
}

/** The shadow root of a nested element, found by selector through the shadow roots on the way. */
export function deep(root: Element, ...selectors: string[]): ShadowRoot {
  let current: ShadowRoot = root.shadowRoot!;
  for (const selector of selectors) {
    const found: Element | null = current.querySelector(selector);
    if (!found?.shadowRoot) throw new Error(`${selector} not found, or without a shadow root`);
    current = found.shadowRoot;
  }
  return current;
}
