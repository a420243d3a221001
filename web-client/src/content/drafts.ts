/**
 * Work kept in the browser while it is not saved: written as the editor types, so that a lost network, an ended
 * session or a closed tab loses nothing; removed once the API has the change. Kept per account, item and type,
 * in localStorage (it must outlive the tab), and removed when its owner signs out.
 */
import type { Values } from './fields.js';

export interface LocalDraft {
  values: Values;
  /** The version the edit started from (null for a new item). */
  baseVersion: number | null;
  /** Epoch milliseconds. */
  savedAt: number;
}

const PREFIX = 'vivapolis.draft.';

export class Drafts {
  constructor(
    private readonly owner: string,
    private readonly storage: Storage = localStorage,
  ) {}

  private key(segment: string, id: string | null) {
    return `${PREFIX}${this.owner}.${segment}.${id ?? 'new'}`;
  }

  load(segment: string, id: string | null): LocalDraft | null {
    try {
      const raw = this.storage.getItem(this.key(segment, id));
      const draft = raw ? (JSON.parse(raw) as LocalDraft) : null;
      return draft && typeof draft.values === 'object' && typeof draft.savedAt === 'number' ? draft : null;
    } catch {
      return null;
    }
  }

  save(segment: string, id: string | null, draft: LocalDraft): void {
    try {
      this.storage.setItem(this.key(segment, id), JSON.stringify(draft));
    } catch {
      // Storage full or refused (private browsing): the warning before leaving still protects the work.
    }
  }

  remove(segment: string, id: string | null): void {
    this.storage.removeItem(this.key(segment, id));
  }

  /** Every draft of this account (at sign-out). */
  clear(): void {
    const mine = `${PREFIX}${this.owner}.`;
    for (let i = this.storage.length - 1; i >= 0; i--) {
      const key = this.storage.key(i);
      if (key?.startsWith(mine)) this.storage.removeItem(key);
    }
  }
}
