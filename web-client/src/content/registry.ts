import type { Segment } from '../api/client.js';
import type { ContentTypeSpec } from './types.js';
import { advertiserContacts } from './types/advertiser-contacts.js';
import { articles } from './types/articles.js';
import { events } from './types/events.js';
import { fiches } from './types/fiches.js';
import { members } from './types/members.js';

/** One description per segment of the content API: a segment the contract adds without one fails the type check. */
const bySegment: Record<Segment, ContentTypeSpec> = {
  articles,
  fiches,
  events,
  members,
  'advertiser-contacts': advertiserContacts,
};

/** Every content type the editor manages, in menu order. */
export const contentTypes: readonly ContentTypeSpec[] = Object.values(bySegment);

export const specOf = (segment: Segment): ContentTypeSpec => bySegment[segment];

export const isSegment = (text: string): text is Segment => Object.hasOwn(bySegment, text);

/** A type by its name in events, the audit log and the media library's uses (`article`, `advertiser-contact`). */
export const specOfTypeName = (name: string): ContentTypeSpec | undefined => contentTypes.find((t) => t.typeName === name);
