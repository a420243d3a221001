import type { MediaDetails } from './media-api.js';

/** Who is signed in, as far as the media elements care. */
export interface MediaUser {
  email: string;
  role: string;
}

/** The API's rule, to offer only what it would accept: editors and admins change any image, authors their own. */
export function mayChange(user: MediaUser | null | undefined, media: Pick<MediaDetails, 'createdBy'>): boolean {
  if (!user) return false;
  if (user.role === 'admin' || user.role === 'editor') return true;
  return user.role === 'author' && user.email.toLowerCase() === media.createdBy.toLowerCase();
}
