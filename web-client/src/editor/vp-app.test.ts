import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { TokenResponse } from '../api/client.js';
import { contentTypes } from '../content/registry.js';
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

/** What every signed-in screen reads first: the reference lists and the names. */
const reference: Record<string, () => Response> = {
  'GET /api/v1/themes': () => Response.json([{ code: 'mobilite', label: 'Mobilité' }]),
  'GET /api/v1/regions': () => Response.json([{ code: '53', label: 'Bretagne' }]),
  'GET /api/v1/manage/colleagues': () => Response.json([{ email: 'editor@example.org', displayName: 'Élise Rédaction' }]),
};
const emptyList = () => Response.json({ items: [], next: null });

beforeEach(() => {
  localStorage.clear();
  location.hash = '';
});

afterEach(() => {
  document.body.innerHTML = '';
  vi.unstubAllGlobals();
});

describe('vp-app', () => {
  it('opens sales on the advertiser contacts, the only type they manage, and offers nothing else', async () => {
    saveSession(sessionFromToken(token('sales', 'Salomé Annonces')));
    const { el, seen } = await mountApp({ ...reference, 'GET /api/v1/manage/advertiser-contacts': emptyList });

    expect(location.hash).toBe('#/advertiser-contacts');
    expect(shadow(el).querySelector('vp-content-list')).not.toBeNull();
    const menu = [...shadow(el).querySelectorAll('nav a')].map((a) => a.textContent!.trim());
    expect(menu).toEqual(['Contacts annonceurs']);
    expect(shadow(el).querySelector('#signed-in-user')!.textContent).toContain('Salomé Annonces, commercial');
    expect(seen.filter((r) => r.path.startsWith('/api/v1/manage/articles'))).toEqual([]);
  });

  it('tells sales that articles are not their role, without asking the API for them', async () => {
    saveSession(sessionFromToken(token('sales', 'Salomé Annonces')));
    location.hash = '#/articles';
    const { el, seen } = await mountApp({ ...reference });

    const page = shadow(el).querySelector('vp-not-in-role')!;
    await (page as unknown as { updateComplete: Promise<unknown> }).updateComplete;
    expect(shadow(page).querySelector('h1')!.textContent).toBe(fr.notInRole.title);
    expect(shadow(page).textContent).toContain('« commercial »');
    expect(seen.filter((r) => r.path.startsWith('/api/v1/manage/articles'))).toEqual([]);
  });

  it('opens the media library for an author, and tells sales it is not their role', async () => {
    saveSession(sessionFromToken(token('author', 'Arthur Plume')));
    location.hash = '#/media';
    const { el, seen } = await mountApp({ ...reference, 'GET /api/v1/manage/media': emptyList });
    // The library's elements are a chunk of their own, loaded by the first screen that shows one.
    await customElements.whenDefined('vp-media-library');
    await vi.waitFor(() => expect(seen.some((r) => r.path === '/api/v1/manage/media')).toBe(true));
    expect(shadow(el).querySelector('nav a[aria-current="page"]')!.textContent!.trim()).toBe('Médiathèque');
    expect(shadow(el).querySelector('vp-media-library')).not.toBeNull();
    expect(document.title).toBe(fr.app.documentTitle('Médiathèque'));
    document.body.innerHTML = '';

    saveSession(sessionFromToken(token('sales', 'Salomé Annonces')));
    location.hash = '#/media';
    const sales = await mountApp({ ...reference });
    expect(shadow(sales.el).querySelector('vp-not-in-role')).not.toBeNull();
    expect(sales.seen.some((r) => r.path === '/api/v1/manage/media')).toBe(false);
  });

  it('shows "page introuvable" for an unknown address', async () => {
    saveSession(sessionFromToken(token('editor', 'Élise Rédaction')));
    location.hash = '#/archives/2019';
    const { el } = await mountApp({ ...reference });

    const page = shadow(el).querySelector('vp-not-found')!;
    await (page as unknown as { updateComplete: Promise<unknown> }).updateComplete;
    expect(shadow(page).querySelector('h1')!.textContent).toBe('Page introuvable');
    expect(document.title).toBe(fr.app.documentTitle('Page introuvable'));
  });

  it('gives editors the editorial types, the media library and the review queue; admins every type and the administration too', async () => {
    saveSession(sessionFromToken(token('editor', 'Élise Rédaction')));
    const { el } = await mountApp({ ...reference, 'GET /api/v1/manage/articles': emptyList });
    const menu = () => [...shadow(el).querySelectorAll('nav a')].map((a) => a.textContent!.trim());
    const editorial = contentTypes.filter((t) => t.desk === 'editorial').map((t) => t.names.many);
    expect(editorial).toEqual(['Articles', 'Fiches', 'Événements', 'Membres']);
    expect(menu()).toEqual([...editorial, 'Médiathèque', 'À relire']);
    document.body.innerHTML = '';

    saveSession(sessionFromToken(token('admin', 'Camille Admin')));
    const admin = await mountApp({ ...reference, 'GET /api/v1/manage/articles': emptyList });
    expect([...shadow(admin.el).querySelectorAll('nav a')].map((a) => a.textContent!.trim())).toEqual([
      ...contentTypes.map((t) => t.names.many), 'Médiathèque', 'À relire', 'Comptes', 'Clés d’API', 'Webhooks', 'Journal',
    ]);
  });

  it('opens the webhooks for an admin, and tells an editor they are not their role, without asking the API', async () => {
    saveSession(sessionFromToken(token('admin', 'Camille Admin')));
    location.hash = '#/webhooks';
    const { el, seen } = await mountApp({ ...reference, 'GET /api/v1/manage/webhooks': emptyList });
    // The webhooks screens are a chunk of their own, loaded on the first visit.
    await customElements.whenDefined('vp-webhooks');
    await vi.waitFor(() => expect(seen.some((r) => r.path === '/api/v1/manage/webhooks')).toBe(true));
    expect(shadow(el).querySelector('nav a[aria-current="page"]')!.textContent!.trim()).toBe('Webhooks');
    expect(document.title).toBe(fr.app.documentTitle('Webhooks'));
    document.body.innerHTML = '';

    saveSession(sessionFromToken(token('editor', 'Élise Rédaction')));
    location.hash = '#/webhooks/6f1c1a53-7d1a-4b59-9d57-0a8d1d7b3f10';
    const editor = await mountApp({ ...reference });
    expect(shadow(editor.el).querySelector('vp-not-in-role')).not.toBeNull();
    expect(editor.seen.some((r) => r.path.startsWith('/api/v1/manage/webhooks'))).toBe(false);
  });

  it('signs out through /auth/logout with the refresh token, then shows the sign-in', async () => {
    saveSession(sessionFromToken(token('editor', 'Élise Rédaction')));
    const { el, seen } = await mountApp({ ...reference, 'GET /api/v1/manage/articles': emptyList, 'POST /api/v1/auth/logout': () => new Response(null, { status: 204 }) });

    [...shadow(el).querySelectorAll<HTMLButtonElement>('header button')].find((b) => b.textContent!.trim() === fr.auth.signOut)!.click();
    await settle(el);

    expect(seen.filter((r) => r.path === '/api/v1/auth/logout')).toEqual([
      { method: 'POST', path: '/api/v1/auth/logout', body: { refreshToken: 'refresh-editor' } },
    ]);
    expect(localStorage.getItem('vivapolis.session')).toBeNull();
    const signIn = shadow(el).querySelector('vp-sign-in')!;
    expect((signIn as unknown as { message: string }).message).toBe(fr.auth.signedOut);
  });

  it('follows another tab that signs out', async () => {
    saveSession(sessionFromToken(token('editor', 'Élise Rédaction')));
    const { el } = await mountApp({ ...reference, 'GET /api/v1/manage/articles': emptyList });

    localStorage.removeItem('vivapolis.session');
    window.dispatchEvent(new StorageEvent('storage', { key: 'vivapolis.session' }));
    await settle(el);

    expect(shadow(el).querySelector('vp-sign-in')).not.toBeNull();
  });

  it('goes back to sign-in, saying the session expired, when it cannot be renewed', async () => {
    // The access token is over (a tab left open); the refresh token is refused.
    saveSession(sessionFromToken(token('editor', 'Élise Rédaction', 10), Date.now() - 60_000));
    const { el, seen } = await mountApp({
      ...reference,
      'POST /api/v1/auth/refresh': () => Response.json({ status: 401, title: 'Authentification requise' }, { status: 401 }),
    });

    expect(seen.filter((r) => r.path === '/api/v1/auth/refresh')).toHaveLength(1);
    const signIn = shadow(el).querySelector('vp-sign-in')!;
    expect((signIn as unknown as { message: string }).message).toBe(fr.auth.sessionExpired);
    expect(localStorage.getItem('vivapolis.session')).toBeNull();
  });
});
