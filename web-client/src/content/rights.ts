/**
 * What each role may do, so that the editor offers only what the API would accept. The API decides (403
 * otherwise); these rules mirror its own: admins do everything; editors manage the editorial desk (articles,
 * fiches, events) and authors draft there, editing and submitting only their own drafts; sales manage the
 * advertising desk (advertiser contacts); only admins administer accounts, API keys and the audit log.
 */
import type { ManagedItem, Role, SignedInUser } from '../api/client.js';
import { fr } from '../i18n/fr.js';
import type { ContentTypeSpec } from './types.js';

type Desk = ContentTypeSpec['desk'];

const MANAGERS: Record<Desk, readonly Role[]> = { editorial: ['admin', 'editor'], advertising: ['admin', 'sales'] };
const WRITERS: Record<Desk, readonly Role[]> = { editorial: ['admin', 'editor', 'author'], advertising: ['admin', 'sales'] };

const isOneOf = (roles: readonly Role[], role: string) => (roles as readonly string[]).includes(role);

/** Whether the role reads and writes this desk's types at all (an unknown role does not). */
export const worksOn = (role: string, desk: Desk): boolean => isOneOf(WRITERS[desk], role);

/** Whether the role publishes, schedules, deletes and restores on this desk (and reviews what authors submit). */
export const manages = (role: string, desk: Desk): boolean => isOneOf(MANAGERS[desk], role);

export const administers = (role: string): boolean => role === 'admin';

export interface Rights {
  /** Create the item, or save changes to it. */
  edit: boolean;
  /** Send the draft for review: how an author's work reaches an editor. */
  submit: boolean;
  /** Publish, unpublish, schedule, discard, restore, delete (and erase a contact). */
  manage: boolean;
  /** Why the form is read-only, when it is. */
  readOnlyBecause: string | null;
}

/** What `user` may do with `item` of this type (null: a new item). */
export function rightsFor(user: SignedInUser, spec: ContentTypeSpec, item: Pick<ManagedItem, 'createdBy' | 'status'> | null): Rights {
  if (manages(user.role, spec.desk)) return { edit: true, submit: false, manage: true, readOnlyBecause: null };
  if (!worksOn(user.role, spec.desk)) return readOnly(fr.rights.notYourRole);
  if (item === null) return { edit: true, submit: false, manage: false, readOnlyBecause: null };
  // The API compares e-mail addresses without regard to case.
  if (item.createdBy.toLowerCase() !== user.email.toLowerCase()) return readOnly(fr.rights.notYours);
  if (item.status !== 'draft') return readOnly(fr.rights.notADraft(spec.names.this, fr.status[item.status]));
  return { edit: true, submit: true, manage: false, readOnlyBecause: null };
}

function readOnly(because: string): Rights {
  return { edit: false, submit: false, manage: false, readOnlyBecause: because };
}
