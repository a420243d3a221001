import { ApiError } from '../api/client.js';
import { fr } from '../i18n/fr.js';

export interface ErrorText {
  title: string;
  detail?: string;
  traceId?: string;
}

/** What to tell the editor about a failure: the API's own French title and detail when it sent them. */
export function describeError(error: unknown): ErrorText {
  if (!(error instanceof ApiError)) return { title: fr.errors.unknown };
  if (error.kind === 'network') return { title: fr.errors.network };
  if (error.kind === 'missing-etag') return { title: fr.errors.missingEtag };
  const { title, detail, traceId, status } = error.problem;
  const text: ErrorText = { title: title || (status === 403 ? fr.errors.forbidden : fr.errors.unknown) };
  if (detail && detail !== title) text.detail = detail;
  if (traceId) text.traceId = traceId;
  return text;
}

/**
 * The validation messages of a problem+json (`errors`), by the field they are about, camelCase as the forms name
 * their fields (`Url` and `url` are both `url`; `Body.ContentTypes` is `contentTypes`). Empty for any other error.
 */
export function fieldErrors(error: unknown): Record<string, string[]> {
  if (!(error instanceof ApiError) || !error.problem.errors) return {};
  const byField: Record<string, string[]> = {};
  for (const [key, messages] of Object.entries(error.problem.errors)) {
    const name = key.replace(/^body\./i, '').split('.').map((p) => p.charAt(0).toLowerCase() + p.slice(1)).join('.');
    byField[name] = [...(byField[name] ?? []), ...messages];
  }
  return byField;
}
