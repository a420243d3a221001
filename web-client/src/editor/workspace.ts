import type { Api, ReferenceItem, SignedInUser } from '../api/client.js';
import type { Drafts } from '../content/drafts.js';

/**
 * What every screen of a signed-in editor needs: the API, who they are, the reference lists (themes and regions,
 * from the API) and the names of colleagues (items record e-mails; people are shown by name).
 */
export interface Workspace {
  api: Api;
  user: SignedInUser;
  themes: readonly ReferenceItem[];
  regions: readonly ReferenceItem[];
  /** A colleague's display name, or the e-mail itself when the account is unknown (deleted, erased). */
  nameOf(email: string | null | undefined): string;
  drafts: Drafts;
}

export async function loadWorkspace(api: Api, user: SignedInUser, drafts: Drafts, signal?: AbortSignal): Promise<Workspace> {
  const [themes, regions, colleagues] = await Promise.all([
    api.themes(signal),
    api.regions(signal),
    // Names are a comfort: without them, e-mails are shown.
    api.colleagues(signal).catch(() => []),
  ]);
  const names = new Map(colleagues.map((c) => [c.email.toLowerCase(), c.displayName]));
  return {
    api,
    user,
    themes,
    regions,
    drafts,
    nameOf: (email) => (email ? (names.get(email.toLowerCase()) ?? email) : ''),
  };
}

/** The label of a reference code (a theme, a region), or the code itself. */
export const labelIn = (items: readonly ReferenceItem[], code: string | null | undefined): string =>
  items.find((i) => i.code === code)?.label ?? code ?? '';
