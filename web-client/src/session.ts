/**
 * The signed-in session: its tokens, where they are kept, and how they are renewed.
 *
 * Kept in localStorage, so that every tab of the browser shares one session: a new tab does not ask to sign in
 * again, and signing out in one tab signs out all of them (each tab follows the others through `storage` events).
 * The refresh token is single use and presenting it twice makes the API end the session, so tabs renew one at a
 * time under a Web Lock, and a tab that finds the stored pair already renewed by another adopts it instead of
 * spending its own. Not in a cookie: the API is on another origin and answers management calls without
 * credentials. Never in a URL. Script running in the page could read it, as it could read the access token: what
 * guards both is that the app renders no untrusted HTML (Lit escapes what it renders; rich text is edited as a
 * document by ProseMirror, never injected). Sessions end after 7 days whatever the refreshes, and signing out ends
 * it on the API.
 */
import { ApiError, type AccessTokens, type SignedInUser, type TokenResponse } from './api/client.js';

export interface Session {
  /** The access token (15 minutes). */
  token: string;
  /** Epoch milliseconds after which the access token is no longer accepted. */
  expiresAt: number;
  /** Single use: exchanged for a new pair at each refresh. */
  refreshToken: string;
  /** Epoch milliseconds after which the session ends whatever the refreshes: then sign in again. */
  refreshExpiresAt: number;
  user: SignedInUser;
}

const KEY = 'vivapolis.session';

/**
 * How long before its expiry an access token is renewed: a call sent with a token that has seconds left
 * could arrive too late (clock skew, a slow network).
 */
export const RENEW_BEFORE_MS = 60_000;

export function sessionFromToken(token: TokenResponse, now: number = Date.now()): Session {
  return {
    token: token.accessToken,
    expiresAt: now + token.expiresIn * 1000,
    refreshToken: token.refreshToken,
    refreshExpiresAt: now + token.refreshExpiresIn * 1000,
    user: token.user,
  };
}

/** The stored session, unless it is over (an expired access token alone is renewed, not a reason to sign in). */
export function loadSession(storage: Storage = localStorage, now: number = Date.now()): Session | null {
  try {
    const raw = storage.getItem(KEY);
    if (!raw) return null;
    const session = JSON.parse(raw) as Session;
    if (
      typeof session?.token !== 'string' ||
      typeof session.expiresAt !== 'number' ||
      typeof session.refreshToken !== 'string' ||
      typeof session.refreshExpiresAt !== 'number' ||
      session.refreshExpiresAt <= now
    ) {
      storage.removeItem(KEY);
      return null;
    }
    return session;
  } catch {
    storage.removeItem(KEY);
    return null;
  }
}

export function saveSession(session: Session, storage: Storage = localStorage): void {
  storage.setItem(KEY, JSON.stringify(session));
}

export function clearSession(storage: Storage = localStorage): void {
  storage.removeItem(KEY);
}

/** Why a session ended: the editor signed out (here or in another tab), or it could not be renewed. */
export type SessionEnd = 'signed-out' | 'expired';

/** Runs `task` while holding the browser-wide lock `name` (Web Locks); alone where the browser has none. */
export type LockRunner = <T>(name: string, task: () => Promise<T>) => Promise<T>;

const webLock: LockRunner = (name, task) =>
  typeof navigator !== 'undefined' && navigator.locks ? (navigator.locks.request(name, task) as Promise<Awaited<ReturnType<typeof task>>>) : task();

export interface SessionKeeperOptions {
  /** `POST /api/v1/auth/refresh`. */
  refresh: (refreshToken: string) => Promise<TokenResponse>;
  /** `POST /api/v1/auth/logout`. */
  logout: (refreshToken: string) => Promise<void>;
  /** Every change of session: signed in, renewed (the role may have changed), or ended (null, and why). */
  onChange?: (session: Session | null, ended?: SessionEnd) => void;
  storage?: Storage;
  now?: () => number;
  /** For tests: how the tabs of a browser take turns renewing. */
  lock?: LockRunner;
}

/**
 * Keeps the session's tokens fresh for the API client.
 *
 * The access token is renewed when a call is about to be sent with less than a minute left, and once when a
 * call is refused with 401. No timer: a background tab's timers are throttled and a sleeping laptop's fire
 * late, while the next call always knows whether its token is still good; an idle tab costs no refresh.
 *
 * One refresh at a time: the refresh token is single use, and presenting it twice (two calls refused at
 * once, each refreshing) would make the API end the whole session. Concurrent callers share the refresh in
 * flight.
 */
export class SessionKeeper implements AccessTokens {
  private session: Session | null;
  private refreshing: Promise<Session | null> | null = null;
  private readonly storage: Storage;
  private readonly now: () => number;
  private readonly lock: LockRunner;

  constructor(private readonly options: SessionKeeperOptions) {
    this.storage = options.storage ?? localStorage;
    this.now = options.now ?? Date.now;
    this.lock = options.lock ?? webLock;
    this.session = loadSession(this.storage, this.now());
  }

  /**
   * Takes up what another tab stored: a sign-in, a renewed pair, or the end of the session. Called on the
   * window's `storage` event; nothing happens when the stored session is the one in hand.
   */
  sync(): void {
    const stored = loadSession(this.storage, this.now());
    if (stored?.refreshToken === this.session?.refreshToken) return;
    if (!stored) {
      this.session = null;
      this.options.onChange?.(null, 'signed-out');
      return;
    }
    this.session = stored;
    this.options.onChange?.(stored);
  }

  get current(): Session | null {
    return this.session;
  }

  /** After a sign-in. */
  start(token: TokenResponse): Session {
    const session = sessionFromToken(token, this.now());
    this.set(session);
    return session;
  }

  async accessToken(): Promise<string | null> {
    const session = this.session;
    if (!session) return null;
    if (session.expiresAt - this.now() > RENEW_BEFORE_MS) return session.token;
    try {
      return (await this.refresh())?.token ?? null;
    } catch {
      // The API could not be reached: send the call with the token in hand and let it tell what went wrong.
      return this.session?.token ?? null;
    }
  }

  async renew(refused: string): Promise<string | null> {
    const session = this.session;
    if (!session) return null;
    // Renewed meanwhile by another call: retry with the new token, spend nothing.
    if (session.token !== refused) return session.token;
    return (await this.refresh())?.token ?? null;
  }

  /**
   * Exchanges the refresh token for a new pair; null when the session is over (then it is ended, "expired").
   * Throws only when the API could not answer (network, 429, 5xx): the session is kept for a later try.
   */
  refresh(): Promise<Session | null> {
    this.refreshing ??= this.lock('vivapolis.session.refresh', () => this.exchange()).finally(() => {
      this.refreshing = null;
    });
    return this.refreshing;
  }

  private async exchange(): Promise<Session | null> {
    // Another tab may have renewed (or ended) the session while this one waited for the lock: its pair is the
    // live one, and the refresh token in hand is spent.
    const stored = loadSession(this.storage, this.now());
    if (this.session && stored?.refreshToken !== this.session.refreshToken) {
      this.sync();
      if (!stored || stored.expiresAt - this.now() > RENEW_BEFORE_MS) return this.session;
    }
    const spent = this.session;
    if (!spent) return null;
    let token: TokenResponse;
    try {
      token = await this.options.refresh(spent.refreshToken);
    } catch (error) {
      if (isTransient(error)) throw error;
      // Refused (expired, revoked, replayed, account suspended): nothing left to renew.
      if (this.session === spent) this.end('expired');
      return null;
    }
    // Ended while the refresh was in flight: the new pair is not wanted.
    if (this.session !== spent) return this.session;
    const renewed = sessionFromToken(token, this.now());
    this.set(renewed);
    return renewed;
  }

  /**
   * Ends the session on the API (`/auth/logout`), then here. A refresh in flight finishes first, so that the
   * token logged out is the latest one and not one already spent (which would leave the session open).
   */
  async signOut(): Promise<void> {
    await this.refreshing?.catch(() => null);
    const session = this.session;
    if (!session) return;
    try {
      await this.options.logout(session.refreshToken);
    } catch {
      // Unreachable API: forgetting the tokens here still signs out this tab; the access token lapses in 15 minutes.
    }
    this.end('signed-out');
  }

  /** Forgets the session; nothing happens when there is none. */
  end(why: SessionEnd): void {
    if (!this.session) return;
    this.session = null;
    clearSession(this.storage);
    this.options.onChange?.(null, why);
  }

  private set(session: Session) {
    this.session = session;
    saveSession(session, this.storage);
    this.options.onChange?.(session);
  }
}

/** A failure that says nothing about the refresh token: no answer, too many requests, or a server error. */
function isTransient(error: unknown): boolean {
  if (!(error instanceof ApiError)) return true;
  return error.kind === 'network' || error.status === 429 || error.status >= 500;
}
