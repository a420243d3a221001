import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../api/client.js';
import { createMediaApi, precheck, srcsetOf, thumbnailOf, usedByOf } from './media-api.js';
import { mediaFixture } from './media-test-helpers.js';

/** An XMLHttpRequest that records what it is sent and answers as the test says, with progress on the way. */
class FakeXhr {
  static sent: FakeXhr[] = [];
  static answers: { status: number; body: unknown; etag?: string }[] = [];
  method = '';
  url = '';
  headers: Record<string, string> = {};
  body: FormData | null = null;
  status = 0;
  statusText = '';
  responseText = '';
  responseType = '';
  private etag: string | null = null;
  upload: { onprogress: ((e: { lengthComputable: boolean; loaded: number; total: number }) => void) | null } = { onprogress: null };
  onload: (() => void) | null = null;
  onerror: (() => void) | null = null;
  onabort: (() => void) | null = null;
  open(method: string, url: string) {
    this.method = method;
    this.url = url;
  }
  setRequestHeader(name: string, value: string) {
    this.headers[name] = value;
  }
  getResponseHeader(name: string) {
    return name === 'ETag' ? this.etag : null;
  }
  abort() {
    this.onabort?.();
  }
  send(body: FormData) {
    this.body = body;
    FakeXhr.sent.push(this);
    const answer = FakeXhr.answers.shift()!;
    setTimeout(() => {
      this.upload.onprogress?.({ lengthComputable: true, loaded: 50, total: 100 });
      this.upload.onprogress?.({ lengthComputable: true, loaded: 100, total: 100 });
      this.status = answer.status;
      this.responseText = JSON.stringify(answer.body);
      this.etag = answer.etag ?? null;
      this.onload?.();
    }, 0);
  }
}

function api(tokens = { accessToken: vi.fn(async () => 'token-1'), renew: vi.fn(async () => 'token-2') }, fetch?: (r: Request) => Promise<Response>) {
  FakeXhr.sent = [];
  return {
    tokens,
    media: createMediaApi({ baseUrl: 'http://api.test/', tokens, createXhr: () => new FakeXhr() as unknown as XMLHttpRequest, ...(fetch ? { fetch } : {}) }),
  };
}

describe('media api', () => {
  it('uploads the file and its texts as a form, with the token and progress', async () => {
    const media = mediaFixture();
    FakeXhr.answers = [{ status: 201, body: media, etag: '"v1"' }];
    const { media: client } = api();
    const progress: number[] = [];

    const result = await client.upload(new File([new Uint8Array([0xff, 0xd8, 0xff])], 'tram.jpg', { type: 'image/jpeg' }),
      { alt: 'Le tram', credit: '' }, { onProgress: (f) => progress.push(f) });

    const xhr = FakeXhr.sent[0]!;
    expect([xhr.method, xhr.url, xhr.headers.Authorization]).toEqual(['POST', 'http://api.test/api/v1/manage/media', 'Bearer token-1']);
    expect((xhr.body!.get('file') as File).name).toBe('tram.jpg');
    expect(xhr.body!.get('alt')).toBe('Le tram');
    expect(xhr.body!.has('credit')).toBe(false);
    expect(progress).toEqual([0.5, 1]);
    expect(result).toEqual({ item: media, etag: '"v1"', created: true });
  });

  it('says when the image was already in the library, and turns a refusal into an ApiError with the field', async () => {
    FakeXhr.answers = [
      { status: 200, body: mediaFixture(), etag: '"v3"' },
      { status: 415, body: { status: 415, title: 'Type de contenu non pris en charge', errors: { file: ['Les images SVG sont refusées.'] } } },
    ];
    const { media: client } = api();
    expect((await client.upload(new Blob(['x']))).created).toBe(false);
    const error = await client.upload(new Blob(['<svg/>'])).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).problem.errors?.file).toEqual(['Les images SVG sont refusées.']);
  });

  it('renews the token once after a 401 and sends again', async () => {
    FakeXhr.answers = [{ status: 401, body: { status: 401, title: 'Authentification requise' } }, { status: 201, body: mediaFixture(), etag: '"v1"' }];
    const { media: client, tokens } = api();
    await client.upload(new Blob(['x']));
    expect(tokens.renew).toHaveBeenCalledWith('token-1');
    expect(FakeXhr.sent).toHaveLength(2);
  });

  it('lists with only the filters that are set, and reads the items a refused deletion names', async () => {
    const requests: Request[] = [];
    const use = { type: 'article', id: 'a1', title: 'Le tramway revient', slug: 'le-tramway-revient', status: 'draft', inCurrentContent: true, inPublishedVersion: false };
    const fetch = async (request: Request) => {
      requests.push(request);
      return request.method === 'DELETE'
        ? new Response(JSON.stringify({ status: 409, title: 'Conflit', usedBy: [use] }), { status: 409, headers: { 'Content-Type': 'application/problem+json' } })
        : new Response(JSON.stringify({ items: [], next: null }), { headers: { 'Content-Type': 'application/json' } });
    };
    const { media: client } = api(undefined, fetch);

    await client.list({ q: 'tram', missingAlt: false, mine: true, cursor: undefined, limit: 24 });
    const error = await client.remove('m1', '"v1"').catch((e: unknown) => e);

    expect(new URL(requests[0]!.url).search).toBe('?q=tram&mine=true&limit=24');
    expect(requests[1]!.headers.get('If-Match')).toBe('"v1"');
    expect(usedByOf(error)).toEqual([use]);
  });

  it('makes srcset and thumbnails from the variants, and prechecks type and size', () => {
    const media = mediaFixture();
    expect(srcsetOf(media)).toBe(`${media.variants[0]!.url} 320w, ${media.variants[2]!.url} 800w`);
    expect(srcsetOf(media, 'jpeg')).toBe(`${media.variants[1]!.url} 320w, ${media.variants[3]!.url} 800w`);
    expect(thumbnailOf(media)).toBe(media.variants[0]!.url);
    expect(precheck(new File(['x'], 'a.gif', { type: 'image/gif' }))).toBe('type');
    expect(precheck(new File([new Uint8Array(20 * 1024 * 1024 + 1)], 'a.jpg', { type: 'image/jpeg' }))).toBe('size');
    expect(precheck(new File(['x'], 'a.jpg', { type: 'image/jpeg' }))).toBeNull();
  });
});
