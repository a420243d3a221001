/**
 * The signed-in session, kept in sessionStorage: it survives a reload but not the closing of the
 * tab, and is never shared between tabs of different editors on a shared computer.
 */
import type { SignedInUser, TokenResponse } from './api/client.js';

export interface Session {
  token: string;
  /** Epoch milliseconds after which the token is no longer accepted. */
  expiresAt: number;
  user: SignedInUser;
}

const KEY = 'vivapolis.session';

export function sessionFromToken(token: TokenResponse, now: number = Date.now()): Session {
  return { token: token.accessToken, expiresAt: now + token.expiresIn * 1000, user: token.user };
}

export function loadSession(storage: Storage = sessionStorage, now: number = Date.now()): Session | null {
  try {
    const raw = storage.getItem(KEY);
    if (!raw) return null;
    const session = JSON.parse(raw) as Session;
    if (typeof session?.token !== 'string' || typeof session.expiresAt !== 'number' || session.expiresAt <= now) {
      storage.removeItem(KEY);
      return null;
    }
    return session;
  } catch {
    storage.removeItem(KEY);
    return null;
  }
}

export function saveSession(session: Session, storage: Storage = sessionStorage): void {
  storage.setItem(KEY, JSON.stringify(session));
}

export function clearSession(storage: Storage = sessionStorage): void {
  storage.removeItem(KEY);
}
