import { describe, expect, it, vi } from 'vitest';
import { ApiError, createApi } from './client.js';

type Handler = (request: Request) => Response | Promise<Response>;

function fakeApi(handler: Handler, token: string | null = 'tok-123', onUnauthorized = vi.fn()) {
  const requests: Request[] = [];
  const api = createApi({
    baseUrl: 'http://api.test/',
    // No renewal here (see session.test.ts): a refused token stays refused.
    tokens: { accessToken: async () => token, renew: async () => null },
    onUnauthorized,
    fetch: async (request) => {
      requests.push(request.clone());
      return handler(request);
    },
  });
  return { api, requests, onUnauthorized };
}

const json = (body: unknown, init: ResponseInit = {}) =>
  new Response(JSON.stringify(body), {
    ...init,
    headers: { 'Content-Type': 'application/json', ...(init.headers as Record<string, string> | undefined) },
  });

const problem = (status: number, body: Record<string, unknown>) =>
  new Response(JSON.stringify({ status, ...body }), { status, headers: { 'Content-Type': 'application/problem+json' } });

const managed = {
  id: '6f1c1a53-7d1a-4b59-9d57-0a8d1d7b3f10',
  type: 'article',
  slug: 'vers-un-modele-francais',
  status: 'draft',
  version: 1,
  hasUnpublishedChanges: false,
  createdAt: '2025-05-01T08:00:00+00:00',
  createdBy: 'editor@example.org',
  updatedAt: '2025-05-01T08:00:00+00:00',
  updatedBy: 'editor@example.org',
  publishedAt: null,
  content: { locale: 'fr', title: 'Vers un modèle français', authors: [], tags: [], themes: [], relatedFiches: [], relatedEvents: [] },
};

describe('createApi', () => {
  it('sends the bearer token and asks for French messages', async () => {
    const { api, requests } = fakeApi(() => json({ items: [], next: null }));
    await api.content('articles').list({ status: 'draft', q: '', limit: 20 });
    const request = requests[0]!;
    expect(request.headers.get('Authorization')).toBe('Bearer tok-123');
    expect(request.headers.get('Accept-Language')).toBe('fr');
    const url = new URL(request.url);
    expect(url.origin + url.pathname).toBe('http://api.test/api/v1/manage/articles');
    expect(url.searchParams.get('status')).toBe('draft');
    expect(url.searchParams.get('limit')).toBe('20');
    // An empty text filter is not sent at all.
    expect(url.searchParams.has('q')).toBe(false);
  });

  it('signs in without a token and returns the token response', async () => {
    const token = {
      accessToken: 'jwt', tokenType: 'Bearer', expiresIn: 900, refreshToken: 'r', refreshExpiresIn: 604800,
      user: { id: 'u', email: 'e', displayName: 'E', role: 'editor' },
    };
    // Signed in already (a token at hand): sign-in still goes without it.
    const { api, requests } = fakeApi(() => json(token));
    await expect(api.signIn('editor@example.org', 'secret')).resolves.toEqual(token);
    expect(requests[0]!.method).toBe('POST');
    expect(requests[0]!.headers.has('Authorization')).toBe(false);
    expect(await requests[0]!.json()).toEqual({ email: 'editor@example.org', password: 'secret' });
  });

  it('does not treat bad credentials as an expired session', async () => {
    const { api, onUnauthorized } = fakeApi(() => problem(401, { title: 'Identifiants invalides' }), null);
    const error = await api.signIn('x@example.org', 'nope').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(401);
    expect(onUnauthorized).not.toHaveBeenCalled();
  });

  it('reports a token still refused after asking for a renewal', async () => {
    const { api, onUnauthorized } = fakeApi(() => problem(401, { title: 'Non authentifié' }));
    await expect(api.content('articles').list()).rejects.toBeInstanceOf(ApiError);
    expect(onUnauthorized).toHaveBeenCalledOnce();
  });

  it('returns the item with its ETag', async () => {
    const { api } = fakeApi(() => json(managed, { headers: { ETag: '"1"' } }));
    const loaded = await api.content('articles').get(managed.id);
    expect(loaded.etag).toBe('"1"');
    expect(loaded.item.slug).toBe('vers-un-modele-francais');
  });

  it('refuses a success without ETag, since the item could not be saved safely', async () => {
    const { api } = fakeApi(() => json(managed));
    const error = await api.content('articles').get(managed.id).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).kind).toBe('missing-etag');
  });

  it('sends If-Match with the ETag when updating', async () => {
    const { api, requests } = fakeApi(() => json({ ...managed, version: 2 }, { headers: { ETag: '"2"' } }));
    const saved = await api.content('articles').update(managed.id, '"1"', managed.content as never);
    expect(requests[0]!.method).toBe('PUT');
    expect(requests[0]!.headers.get('If-Match')).toBe('"1"');
    expect(new URL(requests[0]!.url).pathname).toBe(`/api/v1/manage/articles/${managed.id}`);
    expect(saved.etag).toBe('"2"');
  });

  it('turns 412 into an ApiError carrying the problem', async () => {
    const { api } = fakeApi(() => problem(412, { title: 'Version périmée', traceId: 't-1' }));
    const error = (await api.content('articles').update(managed.id, '"1"', managed.content as never).catch((e: unknown) => e)) as ApiError;
    expect(error.kind).toBe('http');
    expect(error.status).toBe(412);
    expect(error.problem.title).toBe('Version périmée');
    expect(error.problem.traceId).toBe('t-1');
  });

  it('keeps validation messages by field', async () => {
    const { api } = fakeApi(() =>
      problem(400, {
        title: 'Des champs sont invalides.',
        errors: { title: ['Le titre doit contenir au moins 3 caractères.'], 'cover.alt': ['Le texte alternatif est obligatoire.'] },
      }),
    );
    const error = (await api.content('articles').create(managed.content as never).catch((e: unknown) => e)) as ApiError;
    expect(error.status).toBe(400);
    expect(error.problem.errors).toEqual({
      title: ['Le titre doit contenir au moins 3 caractères.'],
      'cover.alt': ['Le texte alternatif est obligatoire.'],
    });
  });

  it('reports a network failure as such', async () => {
    const { api } = fakeApi(() => {
      throw new TypeError('Failed to fetch');
    });
    const error = (await api.content('articles').list().catch((e: unknown) => e)) as ApiError;
    expect(error.kind).toBe('network');
    expect(error.status).toBe(0);
  });

  it('reads the item again after publishing when the answer has no ETag', async () => {
    const published = { ...managed, status: 'published', version: 2 };
    const { api, requests } = fakeApi((request) =>
      request.method === 'POST' ? json(published) : json(published, { headers: { ETag: '"2"' } }),
    );
    const result = await api.content('articles').act('publish', managed.id, '"1"');
    expect(requests.map((r) => `${r.method} ${new URL(r.url).pathname}`)).toEqual([
      `POST /api/v1/manage/articles/${managed.id}/publish`,
      `GET /api/v1/manage/articles/${managed.id}`,
    ]);
    expect(result).toEqual({ item: published, etag: '"2"' });
  });

  it('submits for review with the ETag it holds', async () => {
    const inReview = { ...managed, status: 'in_review', version: 2 };
    const { api, requests } = fakeApi(() => json(inReview, { headers: { ETag: '"2"' } }));
    const result = await api.content('articles').act('submit', managed.id, '"1"');
    expect(requests[0]!.method).toBe('POST');
    expect(new URL(requests[0]!.url).pathname).toBe(`/api/v1/manage/articles/${managed.id}/submit`);
    expect(requests[0]!.headers.get('If-Match')).toBe('"1"');
    expect(result).toEqual({ item: inReview, etag: '"2"' });
  });

  it('deletes and builds public delivery URLs', async () => {
    const { api, requests } = fakeApi(() => new Response(null, { status: 204 }));
    await api.content('articles').remove(managed.id, '"3"');
    expect(requests[0]!.method).toBe('DELETE');
    expect(api.deliveryUrl('articles', 'vers-un-modele-francais')).toBe('http://api.test/api/v1/articles/vers-un-modele-francais');
    expect(api.deliveryUrl('articles', 'towards-a-model', 'en')).toBe('http://api.test/api/v1/articles/towards-a-model?locale=en');
  });

  it('gives every content type the same operations under its own segment', async () => {
    const { api, requests } = fakeApi(() => json({ ...managed, type: 'event' }, { headers: { ETag: '"4"' } }));
    await api.content('events').schedule(managed.id, '"3"', { publishAt: '2027-03-01T08:00:00.000Z' });
    await api.content('fiches').restore(managed.id, 2, '"4"');
    await api.content('advertiser-contacts').act('discard', managed.id, '"5"');
    expect(requests.map((r) => `${r.method} ${new URL(r.url).pathname} ${r.headers.get('If-Match')}`)).toEqual([
      `POST /api/v1/manage/events/${managed.id}/schedule "3"`,
      `POST /api/v1/manage/fiches/${managed.id}/restore/2 "4"`,
      `POST /api/v1/manage/advertiser-contacts/${managed.id}/discard "5"`,
    ]);
    expect(await requests[0]!.json()).toEqual({ publishAt: '2027-03-01T08:00:00.000Z' });
  });

  it('asks for a diff and a preview link with their parameters', async () => {
    const { api, requests } = fakeApi((request) =>
      request.method === 'GET' ? json({ from: 1, to: 3, changes: [] }) : json({ token: 't', url: '/api/v1/articles/a?preview=t', expiresAt: '2027-01-01T00:00:00Z' }),
    );
    await api.content('articles').diff(managed.id, 1, 3);
    const link = await api.content('articles').preview(managed.id, 1440);
    expect(new URL(requests[0]!.url).search).toBe('?from=1&to=3');
    expect(await requests[1]!.json()).toEqual({ expiresInMinutes: 1440 });
    expect(api.absolute(link.url)).toBe('http://api.test/api/v1/articles/a?preview=t');
  });

  it('sends the token with a password change, never with a sign-in', async () => {
    const { api, requests } = fakeApi(() => new Response(null, { status: 204 }));
    await api.changePassword('ancien mot de passe', 'nouveau mot de passe');
    await api.resetPassword('jeton', 'nouveau mot de passe');
    expect(requests[0]!.headers.get('Authorization')).toBe('Bearer tok-123');
    expect(requests[1]!.headers.get('Authorization')).toBeNull();
  });

  it('keeps the current version a 412 names', async () => {
    const { api } = fakeApi(() => problem(412, { title: 'Version périmée', currentVersion: 7 }));
    const error = (await api.content('fiches').update(managed.id, '"5"', managed.content as never).catch((e: unknown) => e)) as ApiError;
    expect(error.problem.currentVersion).toBe(7);
  });
});
