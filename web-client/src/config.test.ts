import { describe, expect, it } from 'vitest';
import { loadConfig, parseConfig } from './config.js';
import { parseRoute } from './editor/route.js';

describe('config.json', () => {
  it('is read beside index.html, never from the cache', async () => {
    let seen: { url: string; cache: RequestCache | undefined } | null = null;
    const config = await loadConfig('https://cms.example.org/editeur/index.html', (async (url: URL, init?: RequestInit) => {
      seen = { url: String(url), cache: init?.cache };
      return new Response(JSON.stringify({ apiBaseUrl: 'https://api.example.org/' }));
    }) as typeof fetch);
    expect(seen).toEqual({ url: 'https://cms.example.org/editeur/config.json', cache: 'no-store' });
    expect(config.apiBaseUrl).toBe('https://api.example.org');
  });

  it('rejects a missing or relative API URL', () => {
    expect(() => parseConfig({})).toThrow(/apiBaseUrl/);
    expect(() => parseConfig({ apiBaseUrl: '/api' })).toThrow(/apiBaseUrl/);
    expect(parseConfig({ apiBaseUrl: 'http://127.0.0.1:5080' })).toEqual({ apiBaseUrl: 'http://127.0.0.1:5080' });
  });
});

describe('routes', () => {
  it('names the screens from the hash', () => {
    expect(parseRoute('')).toEqual({ name: 'list' });
    expect(parseRoute('#/articles')).toEqual({ name: 'list' });
    expect(parseRoute('#/articles/new')).toEqual({ name: 'new' });
    expect(parseRoute('#/articles/6F1C1A53-7D1A-4B59-9D57-0A8D1D7B3F10')).toEqual({
      name: 'edit',
      id: '6f1c1a53-7d1a-4b59-9d57-0a8d1d7b3f10',
    });
    expect(parseRoute('#/articles/not-an-id')).toEqual({ name: 'list' });
  });
});
