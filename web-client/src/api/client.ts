/**
 * The only place that talks to the Vivapolis API. Types come from `schema.d.ts`, generated from
 * `../openapi.yaml` (`npm run gen:api`): nothing here restates the contract by hand.
 *
 * Every call either resolves with data or throws an {@link ApiError} carrying the RFC 9457 problem,
 * so screens handle one error shape whatever went wrong (HTTP, network, missing header).
 */
import createClient, { type Middleware } from 'openapi-fetch';
import type { paths } from './schema';

type JsonOf<R> = R extends { content: { 'application/json': infer B } } ? B : never;

// Types are taken from the operations, not from `components` names: schema names are a
// Swashbuckle detail (generic records get generated names), paths are the public contract.
export type TokenResponse = JsonOf<paths['/api/v1/auth/token']['post']['responses'][200]>;
export type SignedInUser = TokenResponse['user'];
/** The roles an account can have (the token's `user.role` is one of them). */
export type Role = JsonOf<paths['/api/v1/manage/users/{id}']['get']['responses'][200]>['role'];
export type ArticleContent = JsonOf<NonNullable<paths['/api/v1/manage/articles']['post']['requestBody']>>;
export type ManagedArticle = JsonOf<paths['/api/v1/manage/articles/{id}']['get']['responses'][200]>;
export type ManagedPage = JsonOf<paths['/api/v1/manage/articles']['get']['responses'][200]>;
export type ManagedSummary = ManagedPage['items'][number];
export type ContentStatus = ManagedSummary['status'];
export type Locale = NonNullable<ArticleContent['locale']>;
export type ArticleListQuery = NonNullable<paths['/api/v1/manage/articles']['get']['parameters']['query']>;

export const CONTENT_STATUSES: readonly ContentStatus[] = ['draft', 'in_review', 'scheduled', 'published', 'unpublished'];

/** An RFC 9457 problem as the API sends it (application/problem+json). */
export interface Problem {
  type?: string | null;
  title?: string | null;
  status: number;
  detail?: string | null;
  traceId?: string | null;
  /** Validation messages by camelCase property path (`title`, `cover.alt`). */
  errors?: Record<string, string[]> | null;
}

/**
 * `http`: the API answered with an error status. `network`: no answer at all (down, CORS refused).
 * `missing-etag`: a success without the ETag we need to update safely.
 */
export type ApiErrorKind = 'http' | 'network' | 'missing-etag';

export class ApiError extends Error {
  constructor(
    readonly kind: ApiErrorKind,
    readonly problem: Problem,
    options?: { cause?: unknown },
  ) {
    super(problem.title ?? problem.detail ?? `${kind} ${problem.status}`, options);
    this.name = 'ApiError';
  }

  get status(): number {
    return this.problem.status;
  }
}

/** An item together with the ETag that must come back in `If-Match` to change it. */
export interface Versioned<T> {
  item: T;
  etag: string;
}

/** Where management calls get their bearer token (the session, see `SessionKeeper`). */
export interface AccessTokens {
  /** A token good for the next call (renewed first when it is about to expire), or null when signed out. */
  accessToken(): Promise<string | null>;
  /**
   * The API refused `refused` with 401: a token to retry with (renewed unless that already happened), or null
   * when the session is over.
   */
  renew(refused: string): Promise<string | null>;
}

export interface ApiOptions {
  /** API origin, e.g. `http://127.0.0.1:5080` (no trailing path). */
  baseUrl: string;
  /** The session's tokens, for everything under `/api/v1/manage/`. */
  tokens?: AccessTokens;
  /** Called when a management call is still refused with 401 after renewing the token (the session is over). */
  onUnauthorized?: () => void;
  /** For tests. */
  fetch?: (request: Request) => Promise<Response>;
}

export type Api = ReturnType<typeof createApi>;

export function createApi(options: ApiOptions) {
  const baseUrl = options.baseUrl.replace(/\/+$/, '');
  const client = createClient<paths>({ baseUrl, ...(options.fetch ? { fetch: options.fetch } : {}) });

  /** The token each management answer was asked with: a 401 renews only the token it refused. */
  const sentWith = new WeakMap<Response, string>();
  const headers: Middleware = {
    async onRequest({ request, schemaPath }) {
      // The API's validation messages are localised; the editors read French.
      request.headers.set('Accept-Language', 'fr');
      // Only management calls carry the token: sign-in, refresh and logout must not wait for a refresh.
      const token = schemaPath.startsWith('/api/v1/manage/') ? await options.tokens?.accessToken() : null;
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

  /**
   * Sends a call; a management call refused with 401 (the access token expired or was revoked) is retried once
   * with a renewed token. A second 401, or no token to renew, means the session is over.
   */
  async function call<T>(run: () => Promise<Result<T>>): Promise<{ data: T; response: Response }> {
    let result = await send(run);
    const refused = sentWith.get(result.response);
    if (result.response.status === 401 && refused) {
      const renewed = await options.tokens?.renew(refused);
      if (renewed) result = await send(run);
      if (result.response.status === 401) options.onUnauthorized?.();
    }
    const { response } = result;
    if (!response.ok) throw new ApiError('http', toProblem(result.error, response));
    return { data: result.data as T, response };
  }

  function versioned<T>(data: T, response: Response): Versioned<T> {
    const etag = response.headers.get('ETag');
    if (!etag) throw new ApiError('missing-etag', { status: response.status });
    return { item: data, etag };
  }

  async function getArticle(id: string, signal?: AbortSignal): Promise<Versioned<ManagedArticle>> {
    const { data, response } = await call(() =>
      client.GET('/api/v1/manage/articles/{id}', { params: { path: { id } }, ...(signal ? { signal } : {}) }),
    );
    return versioned(data, response);
  }

  return {
    baseUrl,

    async signIn(email: string, password: string): Promise<TokenResponse> {
      const { data } = await call(() => client.POST('/api/v1/auth/token', { body: { email, password } }));
      return data;
    },

    /** A new token pair; the refresh token given is spent, whatever the answer. */
    async refresh(refreshToken: string): Promise<TokenResponse> {
      const { data } = await call(() => client.POST('/api/v1/auth/refresh', { body: { refreshToken } }));
      return data;
    },

    /** Ends the session of this refresh token (always 204). */
    async logout(refreshToken: string): Promise<void> {
      await call(() => client.POST('/api/v1/auth/logout', { body: { refreshToken } }));
    },

    async listArticles(query: ArticleListQuery = {}, signal?: AbortSignal): Promise<ManagedPage> {
      // Empty filters are left out rather than sent as `q=`.
      const clean = Object.fromEntries(
        Object.entries(query).filter(([, v]) => v !== undefined && v !== null && v !== ''),
      ) as ArticleListQuery;
      const { data } = await call(() =>
        client.GET('/api/v1/manage/articles', { params: { query: clean }, ...(signal ? { signal } : {}) }),
      );
      return data;
    },

    getArticle,

    async createArticle(content: ArticleContent): Promise<Versioned<ManagedArticle>> {
      const { data, response } = await call(() => client.POST('/api/v1/manage/articles', { body: content }));
      return versioned(data, response);
    },

    async updateArticle(id: string, etag: string, content: ArticleContent): Promise<Versioned<ManagedArticle>> {
      const { data, response } = await call(() =>
        client.PUT('/api/v1/manage/articles/{id}', {
          params: { path: { id } },
          headers: { 'If-Match': etag },
          body: content,
        }),
      );
      return versioned(data, response);
    },

    /**
     * Publishing changes the version, so the ETag we hold goes stale. When the answer carries no
     * ETag we read the item again rather than let the next save fail with 412.
     */
    async publishArticle(id: string, etag: string): Promise<Versioned<ManagedArticle>> {
      const { data, response } = await call(() =>
        client.POST('/api/v1/manage/articles/{id}/publish', {
          params: { path: { id } },
          // Acting on the version the editor saw: never publish someone else's unseen change.
          headers: { 'If-Match': etag },
        }),
      );
      return response.headers.get('ETag') ? versioned(data, response) : getArticle(id);
    },

    /** Draft to review (an author's way to publish). */
    async submitArticle(id: string, etag: string): Promise<Versioned<ManagedArticle>> {
      const { data, response } = await call(() =>
        client.POST('/api/v1/manage/articles/{id}/submit', {
          params: { path: { id } },
          headers: { 'If-Match': etag },
        }),
      );
      return response.headers.get('ETag') ? versioned(data, response) : getArticle(id);
    },

    async unpublishArticle(id: string, etag: string): Promise<Versioned<ManagedArticle>> {
      const { data, response } = await call(() =>
        client.POST('/api/v1/manage/articles/{id}/unpublish', {
          params: { path: { id } },
          headers: { 'If-Match': etag },
        }),
      );
      return response.headers.get('ETag') ? versioned(data, response) : getArticle(id);
    },

    async deleteArticle(id: string, etag: string): Promise<void> {
      await call(() =>
        client.DELETE('/api/v1/manage/articles/{id}', { params: { path: { id } }, headers: { 'If-Match': etag } }),
      );
    },

    /** Where partners read the published article (anonymous delivery API). */
    deliveryUrl(slug: string, locale: Locale = 'fr'): string {
      const url = new URL(`${baseUrl}/api/v1/articles/${encodeURIComponent(slug)}`);
      if (locale !== 'fr') url.searchParams.set('locale', locale);
      return url.toString();
    },
  };
}

/** Reads a problem body defensively: proxies and crashes do not always answer in problem+json. */
export function toProblem(body: unknown, response: Response): Problem {
  const problem: Problem = { status: response.status };
  if (body && typeof body === 'object') {
    const b = body as Record<string, unknown>;
    if (typeof b.type === 'string') problem.type = b.type;
    if (typeof b.title === 'string') problem.title = b.title;
    if (typeof b.detail === 'string') problem.detail = b.detail;
    if (typeof b.traceId === 'string') problem.traceId = b.traceId;
    if (b.errors && typeof b.errors === 'object') {
      const errors: Record<string, string[]> = {};
      for (const [key, value] of Object.entries(b.errors as Record<string, unknown>)) {
        const messages = (Array.isArray(value) ? value : [value]).filter((m): m is string => typeof m === 'string');
        if (messages.length) errors[key] = messages;
      }
      problem.errors = errors;
    }
  }
  if (!problem.title && !problem.detail) problem.title = response.statusText || null;
  return problem;
}
