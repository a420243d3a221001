import { html, nothing } from 'lit';
import { fr } from '../i18n/fr.js';
import { describeError, type ErrorText } from './problem-text.js';

/** The loading state every fetch shows. */
export const loadingState = (text: string) => html`<p role="status" aria-busy="true">${text}</p>`;

/** The error state every fetch shows: what failed, the API's reason, and a way to try again. */
export const failedState = (what: string, error: unknown, retry?: () => unknown) => html`
  <div class="alert" role="alert">
    <p><strong>${what}</strong></p>
    ${problemLines(describeError(error))}
  </div>
  ${retry ? html`<button type="button" @click=${retry}>${fr.list.retry}</button>` : nothing}
`;

/** The lines of an error: the API's title, its detail, and its trace id for whoever investigates. */
export const problemLines = (text: ErrorText) => html`
  <p>${text.title}</p>
  ${text.detail ? html`<p>${text.detail}</p>` : nothing}
  ${text.traceId ? html`<p class="hint">${fr.errors.traceId(text.traceId)}</p>` : nothing}
`;

/** Copies text to the clipboard; false when the browser refuses (then the text stays shown to copy by hand). */
export async function copy(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}
