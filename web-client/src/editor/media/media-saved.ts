import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { MediaDetails } from '../../api/media-api.js';

/**
 * Tells an element when an image is described anywhere on the page (`vp-media-texts` fires `vp-media-saved`, which
 * bubbles to the window): a cover and a text showing the same image follow each other's description.
 */
export class MediaSaved implements ReactiveController {
  constructor(
    host: ReactiveControllerHost,
    private readonly saved: (media: MediaDetails, etag: string) => void,
  ) {
    host.addController(this);
  }

  private readonly listener = (event: Event) => {
    const detail = (event as CustomEvent<{ media?: MediaDetails; etag?: string }>).detail;
    if (detail?.media && detail.etag) this.saved(detail.media, detail.etag);
  };

  hostConnected() {
    window.addEventListener('vp-media-saved', this.listener);
  }

  hostDisconnected() {
    window.removeEventListener('vp-media-saved', this.listener);
  }
}
