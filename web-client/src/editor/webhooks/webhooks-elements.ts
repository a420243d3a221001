/**
 * The webhooks screens, in a chunk of their own (`load.ts` fetches it), with their strings (`fr-webhooks.ts`): the
 * list and creation, and one webhook's screen with its form, its secret and its delivery log.
 */
import './vp-webhooks.js';
import './vp-webhook-detail.js';
