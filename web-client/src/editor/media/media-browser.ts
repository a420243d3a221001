import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { MediaApi, MediaDetails, MediaListQuery } from './media-api.js';

export type BrowserStatus = 'idle' | 'loading' | 'ready' | 'error';

/**
 * The library as a searchable, growing list, for the picker and the library screen: the query, the images loaded
 * so far (pages appended by "more"), and where the loading stands. Each new query cancels the one before.
 */
export class MediaBrowser implements ReactiveController {
  query: MediaListQuery = {};
  items: MediaDetails[] = [];
  next: string | null = null;
  status: BrowserStatus = 'idle';
  error: unknown = null;
  private controller: AbortController | null = null;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly api: () => MediaApi,
    private readonly pageSize = 24,
  ) {
    host.addController(this);
  }

  hostDisconnected() {
    this.controller?.abort();
  }

  /** The first page for this query, replacing what was shown. */
  async search(query: MediaListQuery = this.query): Promise<void> {
    this.query = query;
    this.items = [];
    this.next = null;
    await this.load(undefined);
  }

  async more(): Promise<void> {
    if (this.next) await this.load(this.next);
  }

  /** Puts an image first (just uploaded) or refreshes it in place (just edited). */
  upsert(media: MediaDetails) {
    const index = this.items.findIndex((m) => m.id === media.id);
    this.items = index >= 0 ? this.items.map((m) => (m.id === media.id ? media : m)) : [media, ...this.items];
    if (this.status !== 'loading') this.status = 'ready';
    this.host.requestUpdate();
  }

  remove(id: string) {
    this.items = this.items.filter((m) => m.id !== id);
    this.host.requestUpdate();
  }

  private async load(cursor: string | undefined) {
    this.controller?.abort();
    const controller = (this.controller = new AbortController());
    this.status = 'loading';
    this.error = null;
    this.host.requestUpdate();
    try {
      const page = await this.api().list({ ...this.query, limit: this.pageSize, cursor }, controller.signal);
      if (controller.signal.aborted) return;
      this.items = cursor ? [...this.items, ...page.items] : page.items;
      this.next = page.next ?? null;
      this.status = 'ready';
    } catch (error) {
      if (controller.signal.aborted || (error instanceof DOMException && error.name === 'AbortError')) return;
      this.error = error;
      this.status = 'error';
    }
    this.host.requestUpdate();
  }
}
