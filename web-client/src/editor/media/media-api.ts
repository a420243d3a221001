/**
 * The media library's calls: openapi-fetch for the JSON operations, and an XMLHttpRequest for the upload, the only
 * browser API that reports upload progress. Same rules as `src/api/client.ts`: the bearer token from the session,
 * one retry after a 401 with a renewed token, every failure an {@link ApiError} carrying the RFC 9457 problem.
 */
import createClient, { type Middleware } from 'openapi-fetch';
import { ApiError, toProblem, type AccessTokens, type Versioned } from '../../api/client.js';
import type { paths } from '../../api/schema';

type JsonOf<R> = R extends { content: { 'application/json': infer B } } ? B : never;

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

export interface MediaApiOptions {
  baseUrl: string;
  tokens?: AccessTokens;
  /** For tests. */
  fetch?: (request: Request) => Promise<Response>;
  /** For tests. */
  createXhr?: () => XMLHttpRequest;
}

export type MediaApi = ReturnType<typeof createMediaApi>;

export function createMediaApi(options: MediaApiOptions) {
  const baseUrl = options.baseUrl.replace(/\/+$/, '');
  const client = createClient<paths>({ baseUrl, ...(options.fetch ? { fetch: options.fetch } : {}) });
  const sentWith = new WeakMap<Response, string>();
  const headers: Middleware = {
    async onRequest({ request }) {
      request.headers.set('Accept-Language', 'fr');
      const token = await options.tokens?.accessToken();
      if (token) request.headers.set('Authorization', `Bearer ${token}`);
      return request;
    },
    onResponse({ request, response }) {
      const token = request.headers.get('Authorization')?.replace(/^Bearer /, '');
      if (token) sentWith.set(response, token);
    },
  };
  client.use(headers);

  type Result<T> = { data?: T; error?: unknown; response: Response };

  async function send<T>(run: () => Promise<Result<T>>): Promise<Result<T>> {
    try {
      return await run();
    } catch (cause) {
      if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
      throw new ApiError('network', { status: 0, title: null, detail: String(cause) }, { cause });
    }
  }

  async function call<T>(run: () => Promise<Result<T>>): Promise<{ data: T; response: Response }> {
    let result = await send(run);
    const refused = sentWith.get(result.response);
    if (result.response.status === 401 && refused && (await options.tokens?.renew(refused))) result = await send(run);
    if (!result.response.ok) {
      const problem = toProblem(result.error, result.response);
      // A refused deletion names the items that use the image.
      const usedBy = (result.error as { usedBy?: unknown } | undefined)?.usedBy;
      if (Array.isArray(usedBy)) Object.assign(problem, { usedBy });
      throw new ApiError('http', problem);
    }
    return { data: result.data as T, response: result.response };
  }

  function versioned<T>(data: T, response: Response): Versioned<T> {
    const etag = response.headers.get('ETag');
    if (!etag) throw new ApiError('missing-etag', { status: response.status });
    return { item: data, etag };
  }

  /** One upload attempt; resolves with the status and body whatever the status, rejects on network failure or abort. */
  async function sendUpload(form: FormData, upload: UploadOptions): Promise<{ status: number; statusText: string; body: unknown; etag: string | null; token: string | null }> {
    const token = (await options.tokens?.accessToken()) ?? null;
    return new Promise((resolve, reject) => {
      const xhr = options.createXhr?.() ?? new XMLHttpRequest();
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
        resolve({ status: xhr.status, statusText: xhr.statusText, body, etag: xhr.getResponseHeader('ETag'), token });
      };
      xhr.onerror = () => reject(new ApiError('network', { status: 0, title: null, detail: 'upload failed' }));
      xhr.onabort = () => reject(new DOMException('The upload was cancelled.', 'AbortError'));
      upload.signal?.addEventListener('abort', () => xhr.abort(), { once: true });
      xhr.send(form);
    });
  }

  return {
    baseUrl,

    async list(query: MediaListQuery = {}, signal?: AbortSignal): Promise<MediaPage> {
      const clean = Object.fromEntries(
        Object.entries(query).filter(([, v]) => v !== undefined && v !== null && v !== '' && v !== false),
      ) as MediaListQuery;
      const { data } = await call(() => client.GET('/api/v1/manage/media', { params: { query: clean }, ...(signal ? { signal } : {}) }));
      return data;
    },

    async get(id: string, signal?: AbortSignal): Promise<Versioned<MediaDetails>> {
      const { data, response } = await call(() =>
        client.GET('/api/v1/manage/media/{id}', { params: { path: { id } }, ...(signal ? { signal } : {}) }),
      );
      return versioned(data, response);
    },

    async update(id: string, etag: string, texts: MediaTexts): Promise<Versioned<MediaDetails>> {
      const { data, response } = await call(() =>
        client.PUT('/api/v1/manage/media/{id}', { params: { path: { id } }, headers: { 'If-Match': etag }, body: texts }),
      );
      return versioned(data, response);
    },

    /** 409 while an item uses it: the problem's `usedBy` (see {@link usedByOf}) lists them. */
    async remove(id: string, etag: string): Promise<void> {
      await call(() => client.DELETE('/api/v1/manage/media/{id}', { params: { path: { id } }, headers: { 'If-Match': etag } }));
    },

    async uses(id: string, signal?: AbortSignal): Promise<MediaUse[]> {
      const { data } = await call(() =>
        client.GET('/api/v1/manage/media/{id}/uses', { params: { path: { id } }, ...(signal ? { signal } : {}) }),
      );
      return data;
    },

    /** Sends the file (and optional texts) with progress; retried once with a renewed token after a 401. */
    async upload(file: Blob & { name?: string }, texts: MediaTexts = {}, upload: UploadOptions = {}): Promise<UploadResult> {
      const form = new FormData();
      form.append('file', file, file.name ?? 'image');
      for (const [name, value] of Object.entries(texts)) if (value) form.append(name, value);
      let answer = await sendUpload(form, upload);
      if (answer.status === 401 && answer.token && (await options.tokens?.renew(answer.token))) answer = await sendUpload(form, upload);
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
  const usedBy = (error.problem as unknown as { usedBy?: unknown }).usedBy;
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

/** Refusals before sending: not one of the accepted types by its declared type, or over the size limit. */
export function precheck(file: Blob): 'type' | 'size' | null {
  if (file.type && !(ACCEPTED_TYPES as readonly string[]).includes(file.type)) return 'type';
  if (file.size > MAX_UPLOAD_BYTES) return 'size';
  return null;
}
