/**
 * Runtime configuration, read from `config.json` beside index.html at start. The same build is
 * deployed to every environment; only that file changes, so nothing environment-specific is baked
 * in at build time.
 */
export interface AppConfig {
  /** API origin without a trailing slash, e.g. `http://127.0.0.1:5080`. */
  apiBaseUrl: string;
}

export async function loadConfig(
  base: string = document.baseURI,
  fetchFn: typeof fetch = fetch,
): Promise<AppConfig> {
  // no-store: a redeployed config.json must take effect at the next page load.
  const response = await fetchFn(new URL('config.json', base), { cache: 'no-store' });
  if (!response.ok) throw new Error(`config.json: HTTP ${response.status}`);
  return parseConfig(await response.json());
}

export function parseConfig(json: unknown): AppConfig {
  const apiBaseUrl = (json as { apiBaseUrl?: unknown } | null)?.apiBaseUrl;
  if (typeof apiBaseUrl !== 'string' || !/^https?:\/\/[^/]/.test(apiBaseUrl)) {
    throw new Error('config.json: "apiBaseUrl" must be an absolute http(s) URL');
  }
  return { apiBaseUrl: apiBaseUrl.replace(/\/+$/, '') };
}
