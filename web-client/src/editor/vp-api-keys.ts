import { LitElement, html, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { Task } from '@lit/task';
import type { ApiKeyDetails, CreatedApiKey } from '../api/client.js';
import { requestBounds } from '../api/bounds.js';
import { formatShort } from '../content/time.js';
import { fr } from '../i18n/fr.js';
import { describeError, type ErrorText } from './problem-text.js';
import { CursorPages } from './cursor-pages.js';
import { copy, failedState, loadingState, problemLines } from './states.js';
import { shared } from './styles.js';
import type { Workspace } from './workspace.js';

/** Partners' API keys (admins): who each is for, its scopes and last use; the secret shown once at creation; revocation. */
@customElement('vp-api-keys')
export class VpApiKeys extends LitElement {
  static override styles = [shared];

  @property({ attribute: false }) workspace!: Workspace;
  @state() private notice = '';
  @state() private alert: ErrorText | null = null;
  @state() private created: CreatedApiKey | null = null;
  @state() private copied = '';
  private pages = new CursorPages(this);
  @query('h1') private heading!: HTMLElement;

  private keys = new Task(this, {
    args: () => [this.workspace, this.pages.cursor] as const,
    task: ([workspace, cursor], { signal }) => workspace.api.apiKeys.list(cursor, signal),
  });

  focusHeading() {
    this.heading?.focus();
  }

  override render() {
    const k = fr.apiKeys;
    return html`
      <h1 tabindex="-1">${k.title}</h1>
      <p>${k.intro}</p>
      <p class="notice" role="status">${this.notice}</p>
      <div class="alert" role="alert">${this.alert ? problemLines(this.alert) : nothing}</div>
      ${this.created ? this.renderSecret(this.created) : nothing}
      ${this.renderCreate()}
      ${this.keys.render({
        initial: () => loadingState(k.loading),
        pending: () => loadingState(k.loading),
        error: (error) => failedState(k.error, error, () => this.keys.run()),
        complete: (page) => html`${this.renderTable(page.items)}${this.pages.render(page.next)}`,
      })}
    `;
  }

  private renderSecret(key: CreatedApiKey) {
    const k = fr.apiKeys;
    return html`<section class="panel" aria-labelledby="secret-title">
      <h2 id="secret-title">${k.secretTitle(key.name)}</h2>
      <p id="secret-intro">${k.secretIntro}</p>
      <div class="field">
        <label for="api-key-secret">${k.secretTitle(key.name)}</label>
        <input id="api-key-secret" type="text" readonly class="secret" .value=${key.key} aria-describedby="secret-intro" @focus=${(e: Event) => (e.target as HTMLInputElement).select()} />
      </div>
      <button type="button" @click=${async () => (this.copied = (await copy(key.key)) ? k.copied : fr.preview.copyFailed)}>${k.copy}</button>
      <button type="button" @click=${this.forgetSecret}>${k.done}</button>
      <p class="notice" role="status">${this.copied}</p>
    </section>`;
  }

  private renderCreate() {
    const k = fr.apiKeys;
    return html`<section class="panel" aria-labelledby="create-key-title">
      <h2 id="create-key-title">${k.createTitle}</h2>
      <form @submit=${this.create} novalidate>
        <div class="field">
          <label for="key-name">${k.name}</label>
          <span class="hint" id="key-name-hint">${k.nameHint}</span>
          <input id="key-name" name="name" type="text" autocomplete="off" maxlength=${requestBounds.CreateApiKey.name.maxLength} required aria-describedby="key-name-hint" />
        </div>
        <fieldset>
          <legend>${k.scopes}</legend>
          ${Object.entries(k.scopeNames).map(([scope, label]) => html`<label style="font-weight:400"><input type="checkbox" name="scopes" value=${scope} ?checked=${scope === 'sync:read'} /> ${label}</label>`)}
        </fieldset>
        <p><button type="submit" class="primary">${k.create}</button></p>
      </form>
    </section>`;
  }

  private renderTable(keys: ApiKeyDetails[]) {
    const k = fr.apiKeys;
    return html`<table class="cards">
      <caption>${k.caption}</caption>
      <thead><tr>
        <th scope="col">${k.colName}</th><th scope="col">${k.colPrefix}</th><th scope="col">${k.colScopes}</th>
        <th scope="col">${k.colCreated}</th><th scope="col">${k.colLastUsed}</th><th scope="col">${k.colState}</th><th scope="col">${k.colActions}</th>
      </tr></thead>
      <tbody>
        ${keys.map((key) => html`<tr data-id=${key.id}>
          <td><strong>${key.name}</strong></td>
          <td data-label=${k.colPrefix} class="secret">${key.prefix}…</td>
          <td data-label=${k.colScopes}>${key.scopes.map((s) => k.scopeNames[s] ?? s).join(', ')}</td>
          <td data-label=${k.colCreated}>${fr.list.updatedBy(formatShort(key.createdAt), this.workspace.nameOf(key.createdBy))}</td>
          <td data-label=${k.colLastUsed}>${key.lastUsedAt ? formatShort(key.lastUsedAt) : k.never}</td>
          <td data-label=${k.colState}>${key.revokedAt ? k.revokedOn(formatShort(key.revokedAt), this.workspace.nameOf(key.revokedBy)) : k.active}</td>
          <td>${key.revokedAt ? nothing : html`<button type="button" class="danger" aria-label=${k.revokeLabel(key.name)} @click=${() => this.revoke(key)}>${k.revoke}</button>`}</td>
        </tr>`)}
      </tbody>
    </table>`;
  }

  private async create(event: SubmitEvent) {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const data = new FormData(form);
    this.notice = '';
    this.alert = null;
    try {
      this.created = await this.workspace.api.apiKeys.create({ name: String(data.get('name') ?? '').trim(), scopes: data.getAll('scopes').map(String) });
      this.copied = '';
      form.reset();
      void this.keys.run();
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('#api-key-secret')?.focus();
    } catch (error) {
      this.alert = describeError(error);
      const errors = (error as { problem?: { errors?: Record<string, string[]> } }).problem?.errors;
      if (errors) this.alert = { ...this.alert, detail: Object.values(errors).flat().join(' ') };
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('#key-name')?.focus();
    }
  }

  private async revoke(key: ApiKeyDetails) {
    if (!window.confirm(fr.apiKeys.confirmRevoke(key.name))) return;
    this.notice = '';
    this.alert = null;
    try {
      await this.workspace.api.apiKeys.revoke(key.id);
      this.notice = fr.apiKeys.revoked(key.name);
    } catch (error) {
      this.alert = describeError(error);
    }
    await this.keys.run();
    this.focusHeading();
  }

  private async forgetSecret() {
    this.created = null;
    await this.updateComplete;
    this.focusHeading();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'vp-api-keys': VpApiKeys;
  }
}
