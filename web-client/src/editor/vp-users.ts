import { LitElement, html, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { Task } from '@lit/task';
import type { ResetTicket, Role, UserAccount } from '../api/client.js';
import { requestBounds } from '../api/bounds.js';
import { formatLong, formatShort } from '../content/time.js';
import { fr } from '../i18n/fr.js';
import { describeError, fieldErrors, type ErrorText } from './problem-text.js';
import { copy, failedState, loadingState, problemLines } from './states.js';
import { shared } from './styles.js';
import type { Workspace } from './workspace.js';

export const ROLES = ['admin', 'editor', 'author', 'sales'] as const satisfies readonly Role[];

/** The link an account's owner opens to choose a password: this app's reset page, with the one-time token. */
export function resetLink(ticket: ResetTicket): string {
  return `${location.origin}${location.pathname}#/password-reset?token=${encodeURIComponent(ticket.resetToken)}`;
}

/**
 * User administration (admins): accounts and roles; creation and forced resets show the one-time link to hand
 * over, once; suspension and reactivation.
 */
@customElement('vp-users')
export class VpUsers extends LitElement {
  static override styles = [shared];

  @property({ attribute: false }) workspace!: Workspace;
  @state() private notice = '';
  @state() private alert: ErrorText | null = null;
  @state() private errors: Record<string, string[]> = {};
  @state() private ticket: { name: string; ticket: ResetTicket } | null = null;
  @state() private copied = '';
  @query('h1') private heading!: HTMLElement;

  private users = new Task(this, {
    args: () => [this.workspace] as const,
    task: ([workspace], { signal }) => workspace.api.users.list(signal),
  });

  focusHeading() {
    this.heading?.focus();
  }

  override render() {
    const u = fr.users;
    return html`
      <h1 tabindex="-1">${u.title}</h1>
      <p>${u.intro}</p>
      <p class="notice" role="status">${this.notice}</p>
      <div class="alert" role="alert">${this.alert ? problemLines(this.alert) : nothing}</div>
      ${this.ticket ? this.renderTicket(this.ticket.name, this.ticket.ticket) : nothing}
      ${this.renderCreate()}
      ${this.users.render({
        initial: () => loadingState(u.loading),
        pending: () => (this.users.value ? this.renderTable(this.users.value) : loadingState(u.loading)),
        error: (error) => failedState(u.error, error, () => this.users.run()),
        complete: (users) => this.renderTable(users),
      })}
    `;
  }

  private renderTicket(name: string, ticket: ResetTicket) {
    const u = fr.users;
    const link = resetLink(ticket);
    return html`<section class="panel" aria-labelledby="ticket-title" id="reset-ticket" tabindex="-1">
      <h2 id="ticket-title">${u.linkTitle(name)}</h2>
      <p id="ticket-intro">${u.linkIntro(formatLong(ticket.expiresAt))}</p>
      <div class="field">
        <label for="reset-link">${u.linkTitle(name)}</label>
        <input id="reset-link" type="text" readonly class="secret" .value=${link} aria-describedby="ticket-intro" @focus=${(e: Event) => (e.target as HTMLInputElement).select()} />
      </div>
      <button type="button" @click=${async () => (this.copied = (await copy(link)) ? u.copied : fr.preview.copyFailed)}>${u.copy}</button>
      <button type="button" @click=${this.forgetTicket}>${u.done}</button>
      <p class="notice" role="status">${this.copied}</p>
    </section>`;
  }

  private renderCreate() {
    const u = fr.users;
    const bounds = requestBounds.CreateUser;
    const error = (name: string) => this.errors[name]?.length ? html`<p class="field-error" id="new-${name}-error">${this.errors[name]!.join(' ')}</p>` : nothing;
    const aria = (name: string) => ({ invalid: this.errors[name]?.length ? 'true' : 'false', described: this.errors[name]?.length ? `new-${name}-error` : nothing });
    return html`<section class="panel" aria-labelledby="create-title">
      <h2 id="create-title">${u.createTitle}</h2>
      <form @submit=${this.create} novalidate>
        <div class="field">
          <label for="new-email">${u.email}</label>
          <input id="new-email" name="email" type="email" autocomplete="off" maxlength=${bounds.email.maxLength} required
            aria-invalid=${aria('email').invalid} aria-describedby=${aria('email').described} />
          ${error('email')}
        </div>
        <div class="field">
          <label for="new-displayName">${u.displayName}</label>
          <input id="new-displayName" name="displayName" type="text" autocomplete="off" maxlength=${bounds.displayName.maxLength} required
            aria-invalid=${aria('displayName').invalid} aria-describedby=${aria('displayName').described} />
          ${error('displayName')}
        </div>
        <div class="field">
          <label for="new-role">${u.role}</label>
          <select id="new-role" name="role">
            ${ROLES.map((r) => html`<option value=${r} ?selected=${r === 'author'}>${fr.roles.names[r]} — ${fr.roles.describe[r]}</option>`)}
          </select>
        </div>
        <button type="submit" class="primary">${u.create}</button>
      </form>
    </section>`;
  }

  private renderTable(users: UserAccount[]) {
    const u = fr.users;
    return html`<table class="cards">
      <caption>${u.caption}</caption>
      <thead><tr>
        <th scope="col">${u.colName}</th><th scope="col">${u.colEmail}</th><th scope="col">${u.colRole}</th>
        <th scope="col">${u.colState}</th><th scope="col">${u.colLastSignIn}</th><th scope="col">${u.colActions}</th>
      </tr></thead>
      <tbody>
        ${[...users].sort((a, b) => a.displayName.localeCompare(b.displayName, 'fr')).map((user) => html`<tr data-email=${user.email}>
          <td><strong>${user.displayName}</strong></td>
          <td data-label=${u.colEmail}>${user.email}</td>
          <td data-label=${u.colRole}>
            <label class="visually-hidden" for="role-${user.id}">${u.changeRole(user.displayName)}</label>
            <select id="role-${user.id}" @change=${(e: Event) => this.changeRole(user, (e.target as HTMLSelectElement).value as Role)}>
              ${ROLES.map((r) => html`<option value=${r} ?selected=${r === user.role}>${fr.roles.names[r]}</option>`)}
            </select>
          </td>
          <td data-label=${u.colState}>${user.suspended ? u.suspended : user.passwordResetRequired ? u.waiting : u.active}</td>
          <td data-label=${u.colLastSignIn}>${user.lastSignInAt ? formatShort(user.lastSignInAt) : u.never}</td>
          <td>
            ${user.suspended
              ? html`<button type="button" aria-label=${u.reactivateLabel(user.displayName)} @click=${() => this.reactivate(user)}>${u.reactivate}</button>`
              : html`<button type="button" class="danger" aria-label=${u.suspendLabel(user.displayName)} @click=${() => this.suspend(user)}>${u.suspend}</button>`}
            <button type="button" aria-label=${u.forceResetLabel(user.displayName)} @click=${() => this.forceReset(user)}>${u.forceReset}</button>
          </td>
        </tr>`)}
      </tbody>
    </table>`;
  }

  private async create(event: SubmitEvent) {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const data = new FormData(form);
    const displayName = String(data.get('displayName') ?? '').trim();
    await this.act(async () => {
      const created = await this.workspace.api.users.create({
        email: String(data.get('email') ?? '').trim(),
        displayName,
        role: String(data.get('role')) as Role,
      });
      form.reset();
      this.notice = fr.users.created(created.user.displayName);
      await this.showTicket(created.user.displayName, created.passwordReset);
    }, form);
  }

  private changeRole(user: UserAccount, role: Role) {
    return this.act(async () => {
      const changed = await this.workspace.api.users.changeRole(user.id, role);
      this.notice = fr.users.roleChanged(changed.displayName, fr.roles.names[changed.role] ?? changed.role);
    });
  }

  private suspend(user: UserAccount) {
    if (!window.confirm(fr.users.confirmSuspend(user.displayName))) return;
    return this.act(async () => {
      await this.workspace.api.users.suspend(user.id);
      this.notice = fr.users.suspendedNotice(user.displayName);
    });
  }

  private reactivate(user: UserAccount) {
    return this.act(async () => {
      await this.workspace.api.users.reactivate(user.id);
      this.notice = fr.users.reactivated(user.displayName);
    });
  }

  private forceReset(user: UserAccount) {
    if (!window.confirm(fr.users.confirmReset(user.displayName))) return;
    return this.act(async () => this.showTicket(user.displayName, await this.workspace.api.users.forceReset(user.id)));
  }

  private async showTicket(name: string, ticket: ResetTicket) {
    this.ticket = { name, ticket };
    this.copied = '';
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#reset-link')?.focus();
  }

  private async forgetTicket() {
    this.ticket = null;
    await this.updateComplete;
    this.focusHeading();
  }

  /** One change: its notice or its problem (field messages beside the creation form), then the list again. */
  private async act(run: () => Promise<void>, form?: HTMLFormElement) {
    this.notice = '';
    this.alert = null;
    this.errors = {};
    try {
      await run();
      void this.users.run();
    } catch (error) {
      this.alert = describeError(error);
      const errors = fieldErrors(error);
      if (form && Object.keys(errors).length) {
        this.errors = errors;
        await this.updateComplete;
        this.renderRoot.querySelector<HTMLElement>('form [aria-invalid="true"]')?.focus();
      } else {
        void this.users.run();
      }
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'vp-users': VpUsers;
  }
}
