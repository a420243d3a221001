import { html, nothing } from 'lit';
import { requestBounds } from '../api/bounds.js';
import { fr } from '../i18n/fr.js';

/** The shortest password the API accepts, from the contract. */
export const MIN_PASSWORD = requestBounds.ResetPassword.newPassword.minLength;

/** The new-password pair both password forms share: the password, its confirmation, and their one message each. */
export function newPasswordFields(errors: Record<string, string | undefined>) {
  const p = fr.password;
  const field = (id: string, label: string, hint?: string) => html`<div class="field">
    <label for=${id}>${label}</label>
    ${hint ? html`<span class="hint" id="${id}-hint">${hint}</span>` : nothing}
    <input id=${id} name=${id} type="password" autocomplete="new-password" required maxlength=${requestBounds.ResetPassword.newPassword.maxLength}
      aria-invalid=${errors[id] ? 'true' : 'false'}
      aria-describedby=${[hint ? `${id}-hint` : '', errors[id] ? `${id}-error` : ''].filter(Boolean).join(' ') || nothing} />
    ${errors[id] ? html`<p class="field-error" id="${id}-error">${errors[id]}</p>` : nothing}
  </div>`;
  return html`${field('newPassword', p.new, p.hint(MIN_PASSWORD))}${field('confirmPassword', p.confirm)}`;
}

/** The form's one message per field before anything is sent: length and confirmation. */
export function checkNewPassword(data: FormData): Record<string, string> {
  const password = String(data.get('newPassword') ?? '');
  const errors: Record<string, string> = {};
  if (password.length < MIN_PASSWORD) errors.newPassword = fr.password.tooShort(MIN_PASSWORD);
  else if (password !== String(data.get('confirmPassword') ?? '')) errors.confirmPassword = fr.password.mismatch;
  return errors;
}

/** A problem's field messages as the form's own keys (`NewPassword` → `newPassword`), one message each. */
export function fieldMessages(errors: Record<string, string[]> | null | undefined): Record<string, string> {
  return Object.fromEntries(Object.entries(errors ?? {}).map(([k, v]) => [k.charAt(0).toLowerCase() + k.slice(1), v.join(' ')]));
}
