/**
 * What each role may do with articles, so that the editor offers only what the API would accept. The API
 * decides (403 otherwise); these rules mirror its own: admins and editors do everything, authors create
 * articles and edit and submit their own drafts, sales do not work on articles.
 */
import type { ManagedArticle, Role, SignedInUser } from '../api/client.js';
import { fr } from '../i18n/fr.js';

const MANAGERS: readonly Role[] = ['admin', 'editor'];
const WRITERS: readonly Role[] = [...MANAGERS, 'author'];

const isOneOf = (roles: readonly Role[], role: string) => (roles as readonly string[]).includes(role);

/** Whether the role works on articles at all (an unknown role does not). */
export function worksOnArticles(role: string): boolean {
  return isOneOf(WRITERS, role);
}

export interface ArticleRights {
  /** Create the article, or save changes to it. */
  edit: boolean;
  /** Publish, unpublish and delete. */
  publish: boolean;
  /** Send the draft for review: how an author's work reaches an editor. */
  submit: boolean;
  /** Why the form is read-only, when it is. */
  readOnlyBecause: string | null;
}

/** What `user` may do with `article` (null: a new article). */
export function articleRights(user: SignedInUser, article: Pick<ManagedArticle, 'createdBy' | 'status'> | null): ArticleRights {
  if (isOneOf(MANAGERS, user.role)) return { edit: true, publish: true, submit: false, readOnlyBecause: null };
  if (!worksOnArticles(user.role)) return readOnly(fr.roles.readOnly.notYourRole);
  if (article === null) return { edit: true, publish: false, submit: false, readOnlyBecause: null };
  // The API compares e-mail addresses without regard to case.
  if (article.createdBy.toLowerCase() !== user.email.toLowerCase()) return readOnly(fr.roles.readOnly.notYours);
  if (article.status !== 'draft') return readOnly(fr.roles.readOnly.notADraft(fr.status[article.status]));
  return { edit: true, publish: false, submit: true, readOnlyBecause: null };
}

function readOnly(because: string): ArticleRights {
  return { edit: false, publish: false, submit: false, readOnlyBecause: because };
}
