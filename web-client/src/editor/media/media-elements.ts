/**
 * The media library's elements that only some screens need, in a chunk of their own (`load.ts` fetches it): the
 * library screen, the picker dialog, and the upload and description they are made of.
 */
import './vp-media-library.js';
import './vp-media-picker.js';
import './vp-media-texts.js';
