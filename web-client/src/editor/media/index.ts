/**
 * The media library's elements, to import once: `<vp-media-library>` (the screen), `<vp-media-picker>` (the dialog a
 * cover field or the rich-text editor opens), and the pieces they are made of.
 */
export { createMediaApi, srcsetOf, thumbnailOf, usedByOf, type MediaApi, type MediaDetails, type MediaUse } from './media-api.js';
export { mayChange, type MediaUser } from './media-rights.js';
export type { PickedMedia } from './vp-media-picker.js';
import './vp-media-library.js';
import './vp-media-picker.js';
