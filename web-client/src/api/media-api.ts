/**
 * The media library's calls: openapi-fetch through the shared {@link Transport} for the JSON operations, and an
 * XMLHttpRequest for the upload, the only browser API that reports upload progress. The token, the retry after a
 * 401 and the problems are the transport's, as for every other call.
 */
import { ApiError, toProblem, type JsonOf, type Transport, type Versioned } from './client.js';
import type { paths } from './schema';

export type MediaDetails = JsonOf<paths['/api/v1/manage/media/{id}']['get']['responses'][200]>;
export type MediaPage = JsonOf<paths['/api/v1/manage/media']['get']['responses'][200]>;
export type MediaTexts = JsonOf<NonNullable<paths['/api/v1/manage/media/{id}']['put']['requestBody']>>;
export type MediaUse = JsonOf<paths['/api/v1/manage/media/{id}/uses']['get']['responses'][200]>[number];
export type MediaVariant = MediaDetails['variants'][number];
export type MediaListQuery = NonNullable<paths['/api/v1/manage/media']['get']['parameters']['query']>;

/** What the API accepts (it checks the bytes; this only spares a doomed upload). */
export const ACCEPTED_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;
export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;

export interface UploadResult extends Versioned<MediaDetails> {
  /** False when the same file was already in the library (the API answered 200 with that image). */
  created: boolean;
}

export interface UploadOptions {
  /** From 0 to 1 as the bytes leave the browser. */
  onProgress?: (fraction: number) => void;
  signal?: AbortSignal;
}

export type MediaApi = ReturnType<typeof createMediaApi>;

interface UploadAnswer {
  status: number;
  statusText: string;
  body: unknown;
  etag: string | null;
  /** The token of an answer refused with 401, for the transport's renewal. */
  refused: string | null;
}

/** `createXhr`: for tests. */
export function createMediaApi(transport: Transport, createXhr: () => XMLHttpRequest = () => new XMLHttpRequest()) {
  const { baseUrl, client, call, versioned } = transport;
  const opt = (signal?: AbortSignal) => (signal ? { signal } : {});
  const id = (value: string) => ({ params: { path: { id: value } } });

  /** One upload attempt; resolves whatever the status, rejects on network failure or abort. */
  function sendUpload(form: FormData, upload: UploadOptions, token: string | null): Promise<UploadAnswer> {
    return new Promise((resolve, reject) => {
      const xhr = createXhr();
      xhr.open('POST', `${baseUrl}/api/v1/manage/media`);
      xhr.setRequestHeader('Accept-Language', 'fr');
      if (token) xhr.setRequestHeader('Authorization', `Bearer ${token}`);
      xhr.responseType = 'text';
      xhr.upload.onprogress = (e) => {
        if (e.lengthComputable && e.total > 0) upload.onProgress?.(e.loaded / e.total);
      };
      xhr.onload = () => {
        let body: unknown = null;
        try {
          body = xhr.responseText ? JSON.parse(xhr.responseText) : null;
        } catch {
          body = null;
        }
        const refused = xhr.status === 401 ? token : null;
        resolve({ status: xhr.status, statusText: xhr.statusText, body, etag: xhr.getResponseHeader('ETag'), refused });
      };
      xhr.onerror = () => reject(new ApiError('network', { status: 0, title: null, detail: 'upload failed' }));
      xhr.onabort = () => reject(new DOMException('The upload was cancelled.', 'AbortError'));
      upload.signal?.addEventListener('abort', () => xhr.abort(), { once: true });
      xhr.send(form);
    });
  }

  return {

    async list(query: MediaListQuery = {}, signal?: AbortSignal): Promise<MediaPage> {
      const clean = Object.fromEntries(
        Object.entries(query).filter(([, v]) => v !== undefined && v !== null && v !== '' && v !== false),
      ) as MediaListQuery;
      const { data } = await call(() => client.GET('/api/v1/manage/media', { params: { query: clean }, ...opt(signal) }));
      return data;
    },

    async get(mediaId: string, signal?: AbortSignal): Promise<Versioned<MediaDetails>> {
      const { data, response } = await call(() => client.GET('/api/v1/manage/media/{id}', { ...id(mediaId), ...opt(signal) }));
      return versioned(data, response);
    },

    async update(mediaId: string, etag: string, texts: MediaTexts): Promise<Versioned<MediaDetails>> {
      const { data, response } = await call(() =>
        client.PUT('/api/v1/manage/media/{id}', { ...id(mediaId), headers: { 'If-Match': etag }, body: texts }),
      );
      return versioned(data, response);
    },

    /** 409 while an item uses it: the problem's `usedBy` (see {@link usedByOf}) lists them. */
    async remove(mediaId: string, etag: string): Promise<void> {
      await call(() => client.DELETE('/api/v1/manage/media/{id}', { ...id(mediaId), headers: { 'If-Match': etag } }));
    },

    async uses(mediaId: string, signal?: AbortSignal): Promise<MediaUse[]> {
      const { data } = await call(() => client.GET('/api/v1/manage/media/{id}/uses', { ...id(mediaId), ...opt(signal) }));
      return data;
    },

    /** Sends the file (and optional texts) with progress; retried once with a renewed token after a 401. */
    async upload(file: Blob & { name?: string }, texts: MediaTexts = {}, upload: UploadOptions = {}): Promise<UploadResult> {
      const form = new FormData();
      form.append('file', file, file.name ?? 'image');
      for (const [name, value] of Object.entries(texts)) if (value) form.append(name, value);
      const answer = await transport.signedIn((token) => sendUpload(form, upload, token));
      if (answer.status < 200 || answer.status > 299) {
        throw new ApiError('http', toProblem(answer.body, new Response(null, { status: answer.status, statusText: answer.statusText })));
      }
      if (!answer.etag) throw new ApiError('missing-etag', { status: answer.status });
      return { item: answer.body as MediaDetails, etag: answer.etag, created: answer.status === 201 };
    },
  };
}

/** The items listed by a 409 refusing a deletion. */
export function usedByOf(error: unknown): MediaUse[] {
  if (!(error instanceof ApiError) || error.status !== 409) return [];
  const usedBy = error.problem.extensions?.usedBy;
  return Array.isArray(usedBy) ? (usedBy as MediaUse[]) : [];
}

/** `url 320w, url 640w…` of one format, narrowest first, for `srcset`. */
export function srcsetOf(media: Pick<MediaDetails, 'variants'>, format: MediaVariant['format'] = 'webp'): string {
  return media.variants
    .filter((v) => v.format === format)
    .sort((a, b) => a.width - b.width)
    .map((v) => `${v.url} ${v.width}w`)
    .join(', ');
}

/** The narrowest file, for thumbnails. */
export function thumbnailOf(media: Pick<MediaDetails, 'variants' | 'url'>): string {
  return [...media.variants].sort((a, b) => a.width - b.width || (a.format === 'webp' ? -1 : 1))[0]?.url ?? media.url;
}

/** The library's address of an image's file (`/media/{hash}/w1024.webp`), with its hash: how rich text shows one. */
export const MEDIA_ADDRESS = /\/media\/([0-9a-f]{32})\//;

/** The hashes of the library images an HTML text shows, once each, in order. */
export function mediaHashesIn(html: string): string[] {
  return [...new Set([...html.matchAll(new RegExp(MEDIA_ADDRESS.source, 'g'))].map((m) => m[1]!))];
}

/** The file to show inside a text: the widest WebP up to 1024 pixels (phones and columns), else the original. */
export function inlineUrlOf(media: Pick<MediaDetails, 'variants' | 'url'>): string {
  const webp = media.variants.filter((v) => v.format === 'webp' && v.width <= 1024).sort((a, b) => b.width - a.width);
  return webp[0]?.url ?? media.url;
}

/** Refusals before sending: not one of the accepted types by its declared type, or over the size limit. */
export function precheck(file: Blob): 'type' | 'size' | null {
  if (file.type && !(ACCEPTED_TYPES as readonly string[]).includes(file.type)) return 'type';
  if (file.size > MAX_UPLOAD_BYTES) return 'size';
  return null;
}
