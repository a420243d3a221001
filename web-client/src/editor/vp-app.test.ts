import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { TokenResponse } from '../api/client.js';
import { fr } from '../i18n/fr.js';
import { saveSession, sessionFromToken } from '../session.js';
import './vp-app.js';
import type { VpApp } from './vp-app.js';

const token = (role: string, displayName: string, expiresIn = 900): TokenResponse => ({
  accessToken: `access-${role}`,
  tokenType: 'Bearer',
  expiresIn,
  refreshToken: `refresh-${role}`,
  refreshExpiresIn: 7 * 24 * 3600,
  user: { id: `u-${role}`, email: `${role}@example.org`, displayName, role },
});

type Seen = { method: string; path: string; body: unknown };

/** The whole app over a fake network: config.json, then the API's answers by path. */
async function mountApp(answers: Record<string, () => Response>) {
  const seen: Seen[] = [];
  vi.stubGlobal('fetch', async (input: Request | URL | string, init?: RequestInit) => {
    const request = input instanceof Request ? input : new Request(String(input), init);
    const path = new URL(request.url).pathname;
    const body = request.method === 'POST' ? await request.clone().json().catch(() => null) : null;
    seen.push({ method: request.method, path, body });
    if (path.endsWith('/config.json')) return Response.json({ apiBaseUrl: 'http://api.test' });
    const answer = answers[`${request.method} ${path}`];
    return answer ? answer() : Response.json({ status: 404 }, { status: 404 });
  });
  const el = document.createElement('vp-app') as VpApp;
  document.body.append(el);
  await settle(el);
  return { el, seen };
}

async function settle(el: VpApp) {
  for (let i = 0; i < 8; i++) {
    await el.updateComplete;
    await new Promise((r) => setTimeout(r, 0));
  }
}

const shadow = (el: Element) => el.shadowRoot!;

beforeEach(() => {
  sessionStorage.clear();
  location.hash = '';
});

afterEach(() => {
  document.body.innerHTML = '';
  vi.unstubAllGlobals();
});

describe('vp-app', () => {
  it('shows sales a page saying articles are not their role, and asks the API nothing about articles', async () => {
    saveSession(sessionFromToken(token('sales', 'Salomé Annonces')));
    const { el, seen } = await mountApp({});

    const page = shadow(el).querySelector('vp-not-in-role')!;
    expect(page).not.toBeNull();
    await (page as unknown as { updateComplete: Promise<unknown> }).updateComplete;
    expect(shadow(page).querySelector('h1')!.textContent).toBe(fr.roles.notInRole.title);
    expect(shadow(page).textContent).toContain('« commercial »');
    expect(shadow(el).querySelector('vp-article-list, vp-article-editor, nav')).toBeNull();
    expect(shadow(el).querySelector('#signed-in-user')!.textContent).toContain('Salomé Annonces, commercial');
    expect(seen.filter((r) => r.path.startsWith('/api/'))).toEqual([]);
    expect(document.title).toBe(fr.app.documentTitle(fr.roles.notInRole.title));
  });

  it('names the author and their role, and lists articles', async () => {
    saveSession(sessionFromToken(token('author', 'Arthur Plume')));
    const { el } = await mountApp({ 'GET /api/v1/manage/articles': () => Response.json({ items: [], next: null }) });
    expect(shadow(el).querySelector('#signed-in-user')!.textContent).toContain('Arthur Plume, auteur');
    expect(shadow(el).querySelector('vp-article-list')).not.toBeNull();
  });

  it('signs out through /auth/logout with the refresh token, then shows the sign-in', async () => {
    saveSession(sessionFromToken(token('editor', 'Élise Rédaction')));
    const { el, seen } = await mountApp({
      'GET /api/v1/manage/articles': () => Response.json({ items: [], next: null }),
      'POST /api/v1/auth/logout': () => new Response(null, { status: 204 }),
    });

    [...shadow(el).querySelectorAll<HTMLButtonElement>('header button')].find((b) => b.textContent!.trim() === fr.auth.signOut)!.click();
    await settle(el);

    expect(seen.filter((r) => r.path === '/api/v1/auth/logout')).toEqual([
      { method: 'POST', path: '/api/v1/auth/logout', body: { refreshToken: 'refresh-editor' } },
    ]);
    expect(sessionStorage.getItem('vivapolis.session')).toBeNull();
    const signIn = shadow(el).querySelector('vp-sign-in')!;
    expect(signIn).not.toBeNull();
    expect((signIn as unknown as { message: string }).message).toBe(fr.auth.signedOut);
  });

  it('goes back to sign-in, saying the session expired, when it cannot be renewed', async () => {
    // The access token is over (a tab left open); the refresh token is refused.
    saveSession(sessionFromToken(token('editor', 'Élise Rédaction', 10), Date.now() - 60_000));
    const { el, seen } = await mountApp({
      'POST /api/v1/auth/refresh': () => Response.json({ status: 401, title: 'Authentification requise' }, { status: 401 }),
    });

    expect(seen.filter((r) => r.path === '/api/v1/auth/refresh')).toHaveLength(1);
    const signIn = shadow(el).querySelector('vp-sign-in')!;
    expect(signIn).not.toBeNull();
    expect((signIn as unknown as { message: string }).message).toBe('Votre session a expiré, reconnectez-vous.');
    expect(sessionStorage.getItem('vivapolis.session')).toBeNull();
  });
});
