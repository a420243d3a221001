import { describe, expect, it } from 'vitest';
import { loadConfig, parseConfig } from './config.js';

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
