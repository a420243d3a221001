/**
 * The only place that talks to the Vivapolis API. Types come from `schema.d.ts`, generated from
 * `../openapi.yaml` (`npm run gen:api`): nothing here restates the contract by hand.
 *
 * Every call either resolves with data or throws an {@link ApiError} carrying the RFC 9457 problem,
 * so screens handle one error shape whatever went wrong (HTTP, network, missing header).
 */
import createClient, { type Middleware } from 'openapi-fetch';
import type { paths } from './schema';
import { contentApi, type ContentApi, type Segment } from './content-api.js';
import { createMediaApi } from './media-api.js';
import { createWebhooksApi } from './webhooks-api.js';
import { translationsApi, type TranslatableSegment, type TranslationsApi } from './translations-api.js';

export type JsonOf<R> = R extends { content: { 'application/json': infer B } } ? B : never;
type QueryOf<O> = O extends { parameters: { query?: infer Q } } ? NonNullable<Q> : never;

// Types are taken from the operations, not from `components` names: schema names are a
// Swashbuckle detail (generic records get generated names), paths are the public contract.
export type TokenResponse = JsonOf<paths['/api/v1/auth/token']['post']['responses'][200]>;
export type SignedInUser = TokenResponse['user'];
export type UserAccount = JsonOf<paths['/api/v1/manage/users/{id}']['get']['responses'][200]>;
/** The roles an account can have (the token's `user.role` is one of them). */
export type Role = UserAccount['role'];
export type CreatedUser = JsonOf<paths['/api/v1/manage/users']['post']['responses'][201]>;
export type NewUser = JsonOf<NonNullable<paths['/api/v1/manage/users']['post']['requestBody']>>;
export type ResetTicket = JsonOf<paths['/api/v1/manage/users/{id}/password-reset']['post']['responses'][200]>;
export type ApiKeyPage = JsonOf<paths['/api/v1/manage/api-keys']['get']['responses'][200]>;
export type ApiKeyDetails = ApiKeyPage['items'][number];
export type NewApiKey = JsonOf<NonNullable<paths['/api/v1/manage/api-keys']['post']['requestBody']>>;
export type CreatedApiKey = JsonOf<paths['/api/v1/manage/api-keys']['post']['responses'][201]>;
export type AuditPage = JsonOf<paths['/api/v1/manage/audit']['get']['responses'][200]>;
export type AuditEntry = AuditPage['items'][number];
export type AuditQuery = QueryOf<paths['/api/v1/manage/audit']['get']>;
export type Colleague = JsonOf<paths['/api/v1/manage/colleagues']['get']['responses'][200]>[number];
export type ReferenceItem = JsonOf<paths['/api/v1/themes']['get']['responses'][200]>[number];

export type { Segment } from './content-api.js';
export type * from './content-api.js';
export type * from './translations-api.js';
export { LOCALES, isTranslatable } from './translations-api.js';
export { CONTENT_STATUSES } from './content-api.js';

/** An RFC 9457 problem as the API sends it (application/problem+json). */
export interface Problem {
  type?: string | null;
  title?: string | null;
  status: number;
  detail?: string | null;
  traceId?: string | null;
  /** Validation messages by camelCase property path (`title`, `cover.alt`, `actors[0].name`). */
  errors?: Record<string, string[]> | null;
  /** On a 412: the version the item is at now. */
  currentVersion?: number | null;
  /** The problem's other members (RFC 9457 extensions), such as a refused deletion's `usedBy`. */
  extensions?: Readonly<Record<string, unknown>>;
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

/** Where signed-in calls get their bearer token (the session, see `SessionKeeper`). */
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
  /** The session's tokens, for everything under `/api/v1/manage/` and the password change. */
  tokens?: AccessTokens;
  /** Called when a signed-in call is still refused with 401 after renewing the token (the session is over). */
  onUnauthorized?: () => void;
  /** For tests. */
  fetch?: (request: Request) => Promise<Response>;
  /** For tests: the upload's XMLHttpRequest. */
  createXhr?: () => XMLHttpRequest;
}

/** Calls that carry the session's bearer token: management, and the password change (the user proves who they are). */
const signedIn = (schemaPath: string) => schemaPath.startsWith('/api/v1/manage/') || schemaPath === '/api/v1/auth/password';

type Result<T> = { data?: T; error?: unknown; response: Response };

/** The plumbing every call shares: errors as ApiError, one retry after a 401, ETags. */
export interface Transport {
  readonly baseUrl: string;
  readonly client: ReturnType<typeof createClient<paths>>;
  call<T>(run: () => Promise<Result<T>>): Promise<{ data: T; response: Response }>;
  versioned<T>(data: T, response: Response): Versioned<T>;
  /**
   * A signed-in request made without openapi-fetch (an upload through XMLHttpRequest, for its progress): `send`
   * gets the session's token and says, in `refused`, the token of an answer refused with 401 (null otherwise). The
   * same rule as {@link call}: one retry with a renewed token, then the session is over.
   */
  signedIn<R extends { refused: string | null }>(send: (token: string | null) => Promise<R>): Promise<R>;
}

export type Api = ReturnType<typeof createApi>;

export function createApi(options: ApiOptions) {
  const baseUrl = options.baseUrl.replace(/\/+$/, '');
  const client = createClient<paths>({ baseUrl, ...(options.fetch ? { fetch: options.fetch } : {}) });

  /** The token each signed-in answer was asked with: a 401 renews only the token it refused. */
  const sentWith = new WeakMap<Response, string>();
  const headers: Middleware = {
    async onRequest({ request, schemaPath }) {
      // The API's validation messages are localised; the editors read French.
      request.headers.set('Accept-Language', 'fr');
      // Sign-in, refresh and logout must not wait for a refresh: only signed-in calls carry the token.
      const token = signedIn(schemaPath) ? await options.tokens?.accessToken() : null;
      if (token) request.headers.set('Authorization', `Bearer ${token}`);
      return request;
    },
    onResponse({ request, response }) {
      const token = request.headers.get('Authorization')?.replace(/^Bearer /, '');
      if (token) sentWith.set(response, token);
    },
  };
  client.use(headers);

  async function send<T>(run: () => Promise<Result<T>>): Promise<Result<T>> {
    try {
      return await run();
    } catch (cause) {
      if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
      throw new ApiError('network', { status: 0, title: null, detail: String(cause) }, { cause });
    }
  }

  /**
   * Runs a signed-in request; refused with 401 (the access token expired or was revoked), it runs once more with a
   * renewed token. A second 401, or no token to renew, means the session is over.
   */
  async function renewingOnce<R>(run: () => Promise<R>, refused: (result: R) => string | null | undefined): Promise<R> {
    let result = await run();
    const token = refused(result);
    if (token) {
      if (await options.tokens?.renew(token)) result = await run();
      if (refused(result)) options.onUnauthorized?.();
    }
    return result;
  }

  const transport: Transport = {
    baseUrl,
    client,
    async call<T>(run: () => Promise<Result<T>>) {
      const result = await renewingOnce(() => send(run), (r) => (r.response.status === 401 ? sentWith.get(r.response) : null));
      const { response } = result;
      if (!response.ok) throw new ApiError('http', toProblem(result.error, response));
      return { data: result.data as T, response };
    },
    versioned<T>(data: T, response: Response): Versioned<T> {
      const etag = response.headers.get('ETag');
      if (!etag) throw new ApiError('missing-etag', { status: response.status });
      return { item: data, etag };
    },
    signedIn: (request) => renewingOnce(async () => request((await options.tokens?.accessToken()) ?? null), (r) => r.refused),
  };
  const { call } = transport;
  const opt = (signal?: AbortSignal) => (signal ? { signal } : {});
  const id = (value: string) => ({ params: { path: { id: value } } });

  const contents = new Map<Segment, ContentApi<Segment>>();
  const translations = new Map<TranslatableSegment, TranslationsApi>();

  return {
    baseUrl,

    /** The typed content API of one type: every content type has the same operations. */
    content<S extends Segment>(segment: S): ContentApi<S> {
      if (!contents.has(segment)) contents.set(segment, contentApi(transport, segment) as unknown as ContentApi<Segment>);
      return contents.get(segment) as unknown as ContentApi<S>;
    },

    /** The language versions of the items of a type that has them (see `isTranslatable`). */
    translations(segment: TranslatableSegment): TranslationsApi {
      if (!translations.has(segment)) translations.set(segment, translationsApi(transport, segment));
      return translations.get(segment)!;
    },

    /** The media library: images, their texts, their uses, and uploads with progress. */
    media: createMediaApi(transport, options.createXhr),

    /** Webhooks (admins): their settings, secrets, pings and delivery log. */
    webhooks: createWebhooksApi(transport),

    async signIn(email: string, password: string): Promise<TokenResponse> {
      return (await call(() => client.POST('/api/v1/auth/token', { body: { email, password } }))).data;
    },

    /** A new token pair; the refresh token given is spent, whatever the answer. */
    async refresh(refreshToken: string): Promise<TokenResponse> {
      return (await call(() => client.POST('/api/v1/auth/refresh', { body: { refreshToken } }))).data;
    },

    /** Ends the session of this refresh token (always 204). */
    async logout(refreshToken: string): Promise<void> {
      await call(() => client.POST('/api/v1/auth/logout', { body: { refreshToken } }));
    },

    /** The signed-in user's new password; the API then ends every session of the account, this one included. */
    async changePassword(currentPassword: string, newPassword: string): Promise<void> {
      await call(() => client.POST('/api/v1/auth/password', { body: { currentPassword, newPassword } }));
    },

    /** Sets a password with the one-time token an administrator handed over. */
    async resetPassword(resetToken: string, newPassword: string): Promise<void> {
      await call(() => client.POST('/api/v1/auth/password-reset', { body: { resetToken, newPassword } }));
    },

    async themes(signal?: AbortSignal): Promise<ReferenceItem[]> {
      return (await call(() => client.GET('/api/v1/themes', { params: { query: { locale: 'fr' } }, ...opt(signal) }))).data;
    },

    async regions(signal?: AbortSignal): Promise<ReferenceItem[]> {
      return (await call(() => client.GET('/api/v1/regions', { params: { query: { locale: 'fr' } }, ...opt(signal) }))).data;
    },

    /** E-mails and display names of the newsroom, to show people by name. */
    async colleagues(signal?: AbortSignal): Promise<Colleague[]> {
      return (await call(() => client.GET('/api/v1/manage/colleagues', opt(signal)))).data;
    },

    users: {
      async list(signal?: AbortSignal): Promise<UserAccount[]> {
        return (await call(() => client.GET('/api/v1/manage/users', opt(signal)))).data;
      },
      async create(user: NewUser): Promise<CreatedUser> {
        return (await call(() => client.POST('/api/v1/manage/users', { body: user }))).data;
      },
      async changeRole(userId: string, role: Role): Promise<UserAccount> {
        return (await call(() => client.PUT('/api/v1/manage/users/{id}/role', { ...id(userId), body: { role } }))).data;
      },
      async suspend(userId: string): Promise<UserAccount> {
        return (await call(() => client.POST('/api/v1/manage/users/{id}/suspend', id(userId)))).data;
      },
      async reactivate(userId: string): Promise<UserAccount> {
        return (await call(() => client.POST('/api/v1/manage/users/{id}/reactivate', id(userId)))).data;
      },
      /** Ends the password and every session; the ticket is shown once. */
      async forceReset(userId: string): Promise<ResetTicket> {
        return (await call(() => client.POST('/api/v1/manage/users/{id}/password-reset', id(userId)))).data;
      },
    },

    apiKeys: {
      async list(cursor?: string, signal?: AbortSignal): Promise<ApiKeyPage> {
        const query = { limit: 50, ...(cursor ? { cursor } : {}) };
        return (await call(() => client.GET('/api/v1/manage/api-keys', { params: { query }, ...opt(signal) }))).data;
      },
      /** The secret is in this answer only. */
      async create(key: NewApiKey): Promise<CreatedApiKey> {
        return (await call(() => client.POST('/api/v1/manage/api-keys', { body: key }))).data;
      },
      async revoke(keyId: string): Promise<void> {
        await call(() => client.DELETE('/api/v1/manage/api-keys/{id}', id(keyId)));
      },
    },

    async audit(query: AuditQuery, signal?: AbortSignal): Promise<AuditPage> {
      return (await call(() => client.GET('/api/v1/manage/audit', { params: { query: withoutBlanks(query) }, ...opt(signal) }))).data;
    },

    /** Removes an advertiser contact from every document, revision and event: there is no undo. */
    async eraseContact(contactId: string): Promise<void> {
      await call(() => client.POST('/api/v1/manage/advertiser-contacts/{id}/erase', id(contactId)));
    },

    /** Where partners read a published item (anonymous delivery API). */
    deliveryUrl(segment: Segment, slug: string, locale: string = 'fr'): string {
      const url = new URL(`${baseUrl}/api/v1/${segment}/${encodeURIComponent(slug)}`);
      if (locale !== 'fr') url.searchParams.set('locale', locale);
      return url.toString();
    },

    /** An absolute URL on the API for one of its relative paths (a preview link's `url`). */
    absolute(path: string): string {
      return new URL(path, `${baseUrl}/`).toString();
    },
  };
}

/** Empty filters are left out rather than sent as `q=`. */
export function withoutBlanks<T extends object>(query: T): T {
  return Object.fromEntries(Object.entries(query).filter(([, v]) => v !== undefined && v !== null && v !== '')) as T;
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
    if (typeof b.currentVersion === 'number') problem.currentVersion = b.currentVersion;
    const known = new Set(['type', 'title', 'status', 'detail', 'traceId', 'currentVersion', 'errors', 'instance']);
    const extensions = Object.entries(b).filter(([key]) => !known.has(key));
    if (extensions.length) problem.extensions = Object.fromEntries(extensions);
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
