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
