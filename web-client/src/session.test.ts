import { beforeEach, describe, expect, it } from 'vitest';
import { ApiError, createApi, type Api, type TokenResponse } from './api/client.js';
import { RENEW_BEFORE_MS, SessionKeeper, type LockRunner, clearSession, loadSession, saveSession, sessionFromToken, type Session } from './session.js';

const user = { id: 'u-1', email: 'author@example.org', displayName: 'Arthur Plume', role: 'author' };

const tokenResponse = (n: number, over: Partial<TokenResponse> = {}): TokenResponse => ({
  accessToken: `access-${n}`,
  tokenType: 'Bearer',
  expiresIn: 900,
  refreshToken: `refresh-${n}`,
  refreshExpiresIn: 7 * 24 * 3600,
  user,
  ...over,
});

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': status < 400 ? 'application/json' : 'application/problem+json' },
  });

/**
 * The API's sessions as the keeper sees them: one refresh token good at a time, each refresh spends it, and a
 * spent one presented again ends the session (as `Sessions.RefreshAsync` does). Answers come a little later,
 * so that concurrent calls really overlap.
 */
class FakeAuthApi {
  generation = 1;
  /** Access tokens the API accepts. */
  accepted = new Set(['access-1']);
  ended = false;
  /** Refuses every access token, even new ones. */
  refuseAll = false;
  /** No answer at all, to anything. */
  down = false;
  /** Forces the refreshes to fail this way. */
  refreshAnswer: (() => Response) | null = null;
  requests: { method: string; path: string; authorization: string | null; body: unknown }[] = [];

  fetch = async (request: Request): Promise<Response> => {
    const path = new URL(request.url).pathname;
    const body = request.method === 'POST' && request.headers.get('Content-Type')?.includes('json') ? await request.json() : null;
    this.requests.push({ method: request.method, path, authorization: request.headers.get('Authorization'), body });
    await new Promise((r) => setTimeout(r, 5));
    if (this.down) throw new TypeError('Failed to fetch');
    if (path === '/api/v1/auth/refresh') {
      if (this.refreshAnswer) return this.refreshAnswer();
      const presented = (body as { refreshToken: string }).refreshToken;
      if (this.ended || presented !== `refresh-${this.generation}`) {
        this.ended = true; // reuse detection: the whole session ends
        return json(401, { status: 401, title: 'Authentification requise', detail: 'Session expirée ou terminée : reconnectez-vous.' });
      }
      this.generation += 1;
      this.accepted.add(`access-${this.generation}`);
      return json(200, tokenResponse(this.generation));
    }
    if (path === '/api/v1/auth/logout') {
      this.ended = true;
      return new Response(null, { status: 204 });
    }
    const token = request.headers.get('Authorization')?.replace('Bearer ', '');
    if (!token || !this.accepted.has(token) || this.refuseAll) return json(401, { status: 401, title: 'Authentification requise' });
    return json(200, { items: [], next: null });
  };

  count(path: string) {
    return this.requests.filter((r) => r.path === path).length;
  }
}

/** The keeper and the API client wired as vp-app wires them, over the fake API and a clock of our own. */
function signedIn(options: { expiresIn?: number; server?: FakeAuthApi; clock?: { now: number }; start?: boolean } = {}) {
  const clock = options.clock ?? { now: 1_000_000 };
  const server = options.server ?? new FakeAuthApi();
  const changes: [Session | null, string | undefined][] = [];
  let api: Api;
  const keeper = new SessionKeeper({
    refresh: (refreshToken) => api.refresh(refreshToken),
    logout: (refreshToken) => api.logout(refreshToken),
    onChange: (session, ended) => changes.push([session, ended]),
    storage: localStorage,
    now: () => clock.now,
    lock: tabsLock,
  });
  api = createApi({ baseUrl: 'http://api.test', tokens: keeper, onUnauthorized: () => keeper.end('expired'), fetch: server.fetch });
  if (options.start !== false) keeper.start(tokenResponse(1, options.expiresIn === undefined ? {} : { expiresIn: options.expiresIn }));
  changes.length = 0;
  return { clock, server, keeper, api, changes };
}

/** The browser's Web Lock, as the tabs of one browser share it: one holder at a time, the others queue. */
let queue: Promise<unknown> = Promise.resolve();
const tabsLock: LockRunner = <T,>(_name: string, task: () => Promise<T>) => {
  const run = queue.then(task, task);
  queue = run.catch(() => null);
  return run;
};

const stored = () => loadSession(localStorage, 0);

beforeEach(() => localStorage.clear());

describe('session storage', () => {
  it('keeps the refresh token with the session, in localStorage, which every tab of the browser shares', () => {
    const session = sessionFromToken(tokenResponse(1), 1_000);
    expect(session).toEqual({
      token: 'access-1',
      expiresAt: 901_000,
      refreshToken: 'refresh-1',
      refreshExpiresAt: 1_000 + 7 * 24 * 3600 * 1000,
      user,
    });
    saveSession(session, localStorage);
    expect(JSON.parse(localStorage.getItem('vivapolis.session')!).refreshToken).toBe('refresh-1');
    expect(sessionStorage.length).toBe(0);
  });

  it('survives an expired access token, not the end of the session', () => {
    const session = sessionFromToken(tokenResponse(1), 0);
    saveSession(session, localStorage);
    // The access token is over after 15 minutes; the refresh token renews it.
    expect(loadSession(localStorage, 20 * 60_000)).toEqual(session);
    expect(loadSession(localStorage, session.refreshExpiresAt)).toBeNull();
    // A session over is removed, not kept around.
    expect(localStorage.length).toBe(0);
  });

  it('forgets a session stored without refresh token, or garbage', () => {
    localStorage.setItem('vivapolis.session', JSON.stringify({ token: 't', expiresAt: 10_000, user }));
    expect(loadSession(localStorage, 0)).toBeNull();
    localStorage.setItem('vivapolis.session', '{not json');
    expect(loadSession(localStorage, 0)).toBeNull();
    saveSession(sessionFromToken(tokenResponse(1), 0), localStorage);
    clearSession(localStorage);
    expect(loadSession(localStorage, 0)).toBeNull();
  });
});

describe('SessionKeeper with the API client', () => {
  it('sends a token with time left as it is', async () => {
    const { server, api } = signedIn();
    await api.content('articles').list();
    expect(server.requests.map((r) => [r.path, r.authorization])).toEqual([['/api/v1/manage/articles', 'Bearer access-1']]);
  });

  it('renews a token about to expire before the call, and keeps the new pair', async () => {
    const { server, api, clock, changes } = signedIn();
    clock.now += 900_000 - RENEW_BEFORE_MS + 1;

    await api.content('articles').list();

    expect(server.requests.map((r) => [r.path, r.authorization, r.body])).toEqual([
      ['/api/v1/auth/refresh', null, { refreshToken: 'refresh-1' }],
      ['/api/v1/manage/articles', 'Bearer access-2', null],
    ]);
    expect(stored()).toMatchObject({ token: 'access-2', refreshToken: 'refresh-2', expiresAt: clock.now + 900_000 });
    expect(changes.map(([s, ended]) => [s?.token, ended])).toEqual([['access-2', undefined]]);
  });

  it('renews once on a 401 and retries the call with the new token', async () => {
    const { server, api } = signedIn();
    server.accepted.delete('access-1'); // refused before its time, e.g. the server's clock is ahead

    await expect(api.content('articles').list()).resolves.toEqual({ items: [], next: null });

    expect(server.requests.map((r) => [r.path, r.authorization])).toEqual([
      ['/api/v1/manage/articles', 'Bearer access-1'],
      ['/api/v1/auth/refresh', null],
      ['/api/v1/manage/articles', 'Bearer access-2'],
    ]);
  });

  it('shares one refresh between calls refused at once: the refresh token is spent once', async () => {
    const { server, api, keeper } = signedIn();
    server.accepted.delete('access-1');

    const results = await Promise.all([api.content('articles').list(), api.content('articles').list({ status: 'draft' }), api.content('articles').list({ q: 'eau' })]);

    expect(results).toHaveLength(3);
    expect(server.count('/api/v1/auth/refresh')).toBe(1);
    expect(server.ended).toBe(false);
    expect(keeper.current?.refreshToken).toBe('refresh-2');
    const retried = server.requests.filter((r) => r.path === '/api/v1/manage/articles').map((r) => r.authorization);
    expect(retried).toEqual(['Bearer access-1', 'Bearer access-1', 'Bearer access-1', 'Bearer access-2', 'Bearer access-2', 'Bearer access-2']);
  });

  it('shares one refresh between calls sent with a token about to expire', async () => {
    const { server, api, clock } = signedIn();
    clock.now += 899_000;
    await Promise.all([api.content('articles').list(), api.content('articles').list({ status: 'published' })]);
    expect(server.count('/api/v1/auth/refresh')).toBe(1);
    expect(server.ended).toBe(false);
  });

  it('signs out with "expired" when the refresh is refused', async () => {
    const { server, api, keeper, changes } = signedIn();
    server.accepted.delete('access-1');
    server.ended = true; // revoked: password changed elsewhere, account suspended…

    const error = (await api.content('articles').list().catch((e: unknown) => e)) as ApiError;

    expect(error).toBeInstanceOf(ApiError);
    expect(error.status).toBe(401);
    expect(server.count('/api/v1/auth/refresh')).toBe(1);
    expect(server.count('/api/v1/manage/articles')).toBe(1); // not retried without a token
    expect(keeper.current).toBeNull();
    expect(stored()).toBeNull();
    expect(changes).toEqual([[null, 'expired']]);
  });

  it('signs out with "expired" when a renewed token is refused all the same', async () => {
    const { server, api, keeper, changes } = signedIn();
    server.refuseAll = true;

    await expect(api.content('articles').list()).rejects.toBeInstanceOf(ApiError);

    expect(server.count('/api/v1/manage/articles')).toBe(2); // one retry, no loop
    expect(keeper.current).toBeNull();
    expect(changes.at(-1)).toEqual([null, 'expired']);
  });

  it('keeps the session when the refresh could not reach the API', async () => {
    const { server, api, keeper } = signedIn();
    server.accepted.delete('access-1');
    server.refreshAnswer = () => {
      throw new TypeError('Failed to fetch');
    };

    const error = (await api.content('articles').list().catch((e: unknown) => e)) as ApiError;

    expect(error.kind).toBe('network');
    expect(keeper.current?.refreshToken).toBe('refresh-1');
    // A later call tries again.
    server.refreshAnswer = null;
    await expect(api.content('articles').list()).resolves.toBeTruthy();
    expect(keeper.current?.refreshToken).toBe('refresh-2');
  });

  it('signs out through /auth/logout with the refresh token, then forgets the session', async () => {
    const { server, keeper, changes } = signedIn();

    await keeper.signOut();

    expect(server.requests).toEqual([
      { method: 'POST', path: '/api/v1/auth/logout', authorization: null, body: { refreshToken: 'refresh-1' } },
    ]);
    expect(keeper.current).toBeNull();
    expect(stored()).toBeNull();
    expect(changes).toEqual([[null, 'signed-out']]);
  });

  it('logs out the newest refresh token when a refresh is in flight', async () => {
    const { server, api, keeper, clock } = signedIn();
    clock.now += 899_000;
    const call = api.content('articles').list();
    await new Promise((r) => setTimeout(r, 1)); // the refresh is on its way

    await keeper.signOut();
    await call.catch(() => null);

    const logout = server.requests.find((r) => r.path === '/api/v1/auth/logout');
    expect(logout?.body).toEqual({ refreshToken: 'refresh-2' });
    expect(keeper.current).toBeNull();
  });

  it('forgets the session even when /auth/logout cannot be reached', async () => {
    const { server, keeper, changes } = signedIn();
    server.down = true;
    await keeper.signOut();
    expect(server.count('/api/v1/auth/logout')).toBe(1);
    expect(keeper.current).toBeNull();
    expect(changes).toEqual([[null, 'signed-out']]);
  });
});

describe('a session shared by the tabs of a browser', () => {
  it('is there for a new tab, without signing in again', () => {
    const first = signedIn();
    const second = signedIn({ server: first.server, clock: first.clock, start: false });
    expect(second.keeper.current?.refreshToken).toBe('refresh-1');
  });

  it('is renewed once when two tabs find the access token expired together', async () => {
    const first = signedIn();
    const second = signedIn({ server: first.server, clock: first.clock, start: false });
    first.clock.now += 899_000;

    await Promise.all([first.api.content('articles').list(), second.api.content('articles').list()]);

    // The second tab waited for the first one's refresh and took up its pair instead of spending the old one.
    expect(first.server.count('/api/v1/auth/refresh')).toBe(1);
    expect(second.keeper.current?.refreshToken).toBe('refresh-2');
    expect(first.keeper.current?.refreshToken).toBe('refresh-2');
  });

  it('follows a sign-out in another tab', async () => {
    const first = signedIn();
    const second = signedIn({ server: first.server, clock: first.clock, start: false });

    await first.keeper.signOut();
    second.keeper.sync();

    expect(second.keeper.current).toBeNull();
    expect(second.changes).toEqual([[null, 'signed-out']]);
  });
});
