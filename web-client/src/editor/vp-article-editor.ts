import { LitElement, css, html, nothing, type TemplateResult } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { Task } from '@lit/task';
import { ApiError, type Api, type ManagedArticle, type SignedInUser, type Versioned } from '../api/client.js';
import { fr } from '../i18n/fr.js';
import {
  THEME_CODES,
  emptyForm,
  errorId,
  fieldId,
  firstInvalidField,
  mapFieldErrors,
  toContent,
  toFormValues,
  type ArticleFormValues,
  type FieldPath,
  type MappedErrors,
} from './article-form.js';
import { describeError, type ErrorText } from './problem-text.js';
import { articleRights, type ArticleRights } from './roles.js';
import { shared } from './styles.js';
import './vp-status-badge.js';

type Action = 'save' | 'publish' | 'unpublish' | 'submit' | 'delete' | 'reload';
type TextField = Exclude<keyof ArticleFormValues, 'themes' | 'locale' | 'translationGroup' | 'relatedFiches' | 'relatedEvents'>;

interface Alert extends ErrorText {
  /** Messages for properties that have no field on this form. */
  other?: string[];
  /** The item changed under us (412): offer to reload. */
  conflict?: boolean;
}

export interface NavigateDetail {
  /** Hash route, e.g. `#/articles/…`. */
  path: string;
  /** Replace the current history entry (a new article became an existing one). */
  replace?: boolean;
  /** A message for the next screen to show. */
  notice?: string;
}

/**
 * Creates and edits one article: the form, its lifecycle actions and their outcome.
 *
 * Saves send the ETag of the version the form was loaded from (`If-Match`); when someone else
 * saved in between, the API answers 412 and the editor is offered to reload instead of silently
 * overwriting their change.
 *
 * What is offered follows the signed-in role (`roles.ts`): editors publish; an author saves and submits
 * their own drafts and reads everything else, with a sentence saying why the form is read-only.
 *
 * @fires vp-navigate - asks the app to go elsewhere (after creation or deletion).
 */
@customElement('vp-article-editor')
export class VpArticleEditor extends LitElement {
  static override styles = [
    shared,
    css`
      .layout { display: grid; grid-template-columns: minmax(0, 1fr) 20rem; gap: 2rem; align-items: start; }
      @media (max-width: 60rem) { .layout { grid-template-columns: 1fr; } }
      fieldset { border: 1px solid var(--vp-line); border-radius: 6px; padding: 1rem; margin: 0 0 1.25rem; background: var(--vp-bg); }
      legend { font-weight: 700; padding: 0 0.4rem; }
      .themes { display: grid; grid-template-columns: repeat(auto-fill, minmax(14rem, 1fr)); gap: 0.3rem 1rem; }
      .themes label { font-weight: 400; display: flex; gap: 0.4rem; align-items: center; margin: 0; }
      textarea.body { min-height: 14rem; font-family: ui-monospace, monospace; font-size: 0.9rem; }
      aside { position: sticky; top: 1rem; background: var(--vp-bg); border: 1px solid var(--vp-line); border-radius: 6px; padding: 1rem; }
      aside h2 { font-size: 1.05rem; margin: 0 0 0.75rem; }
      dl { margin: 0 0 1rem; font-size: 0.92rem; }
      dt { color: var(--vp-muted); font-size: 0.85rem; }
      dd { margin: 0 0 0.5rem; overflow-wrap: break-word; }
      .actions { display: flex; flex-direction: column; gap: 0.5rem; }
      .public-link { margin-top: 1rem; font-size: 0.92rem; overflow-wrap: anywhere; }
      .back { display: inline-block; margin-bottom: 0.75rem; }
      input[readonly], textarea[readonly] { background: #f3f4f1; border-style: dashed; }
    `,
  ];

  @property({ attribute: false }) api!: Api;
  /** Who is signed in: their role and e-mail decide what they may do here. */
  @property({ attribute: false }) user!: SignedInUser;
  /** The article to edit; null for a new one. */
  @property({ attribute: false }) articleId: string | null = null;

  @state() private values: ArticleFormValues = emptyForm();
  @state() private current: Versioned<ManagedArticle> | null = null;
  @state() private dirty = false;
  @state() private busy: Action | null = null;
  @state() private errors: MappedErrors['byField'] = {};
  @state() private alert: Alert | null = null;
  @state() private notice = '';

  @query('h1') private heading!: HTMLElement;

  private loading = new Task(this, {
    args: () => [this.api, this.articleId] as const,
    task: async ([api, id], { signal }) => {
      // Just created here: we already hold it and its ETag, and the "created" notice must stay.
      if (id !== null && this.current?.item.id === id) return this.current.item;
      this.reset();
      if (id === null) return null;
      const loaded = await api.getArticle(id, signal);
      this.show(loaded);
      return loaded.item;
    },
  });

  focusHeading() {
    this.heading?.focus();
  }

  override render() {
    const isNew = this.articleId === null;
    return html`
      <a class="back" href="#/articles">← ${fr.editor.back}</a>
      <h1 tabindex="-1">${isNew ? fr.editor.newTitle : this.current?.item.content.title || fr.editor.editTitle}</h1>
      ${this.loading.render({
        initial: () => this.renderLoading(),
        pending: () => (this.current || isNew ? this.renderEditor() : this.renderLoading()),
        error: (error) => this.renderLoadError(error),
        complete: () => this.renderEditor(),
      })}
    `;
  }

  private renderLoading() {
    return html`<p role="status" aria-busy="true">${fr.editor.loading}</p>`;
  }

  private renderLoadError(error: unknown) {
    const notFound = error instanceof ApiError && error.status === 404;
    const text = describeError(error);
    return html`
      <div class="alert" role="alert">
        <p><strong>${notFound ? fr.editor.notFound : fr.editor.loadError}</strong></p>
        ${notFound ? nothing : html`<p>${text.title}</p>`}
      </div>
      ${notFound ? nothing : html`<button type="button" @click=${() => this.loading.run()}>${fr.editor.retry}</button>`}
    `;
  }

  private get rights(): ArticleRights {
    return articleRights(this.user, this.current?.item ?? null);
  }

  private renderEditor() {
    const v = this.values;
    const f = fr.editor.fields;
    const readOnly = !this.rights.edit;
    return html`
      <p class="notice" role="status">${this.notice}</p>
      <div class="alert" role="alert">${this.alert ? this.renderAlert(this.alert) : nothing}</div>
      ${readOnly ? html`<p class="notice" id="read-only">${this.rights.readOnlyBecause}</p>` : nothing}
      <div class="layout">
        <form
          id="article-form"
          novalidate
          @submit=${this.save}
          aria-busy=${this.busy ? 'true' : 'false'}
          aria-describedby=${readOnly ? 'read-only' : nothing}
        >
          <fieldset>
            <legend>${fr.editor.sections.main}</legend>
            <div class="field">
              <label for=${fieldId('locale')}>${f.locale}</label>
              <select
                id=${fieldId('locale')}
                ?disabled=${readOnly}
                @change=${(e: Event) => this.set('locale', (e.target as HTMLSelectElement).value as 'fr' | 'en')}
                aria-invalid=${this.invalid('locale')}
                aria-describedby=${this.describedBy('locale')}
              >
                <option value="fr" ?selected=${v.locale === 'fr'}>${fr.editor.locales.fr}</option>
                <option value="en" ?selected=${v.locale === 'en'}>${fr.editor.locales.en}</option>
              </select>
              ${this.fieldError('locale')}
            </div>
            ${this.textInput('title', 'title', f.title, { required: true })}
            ${this.textInput('slug', 'slug', f.slug, { hint: f.slugHint })}
            ${this.textArea('standfirst', 'standfirst', f.standfirst)}
            ${this.textArea('body', 'body', f.body, { hint: f.bodyHint, className: 'body' })}
            ${this.textInput('rubric', 'rubric', f.rubric, { hint: f.rubricHint })}
            ${this.textInput('authors', 'authors', f.authors, { hint: f.listHint })}
          </fieldset>

          <fieldset id=${fieldId('interviewee')} tabindex="-1" aria-describedby=${this.describedBy('interviewee')}>
            <legend>${fr.editor.sections.interviewee}</legend>
            ${this.fieldError('interviewee')}
            ${this.textInput('interviewee.name', 'intervieweeName', f.intervieweeName)}
            ${this.textInput('interviewee.role', 'intervieweeRole', f.intervieweeRole)}
            ${this.textInput('interviewee.organisation', 'intervieweeOrganisation', f.intervieweeOrganisation)}
          </fieldset>

          <fieldset>
            <legend>${fr.editor.sections.classification}</legend>
            ${this.textInput('tags', 'tags', f.tags, { hint: f.listHint })}
            <fieldset
              id=${fieldId('themes')}
              aria-invalid=${this.invalid('themes')}
              aria-describedby=${this.describedBy('themes')}
            >
              <legend>${f.themes}</legend>
              <div class="themes">
                ${THEME_CODES.map(
                  (code) => html`
                    <label>
                      <input
                        type="checkbox"
                        name="themes"
                        value=${code}
                        .checked=${live(v.themes.includes(code))}
                        ?disabled=${readOnly}
                        @change=${(e: Event) => this.toggleTheme(code, (e.target as HTMLInputElement).checked)}
                      />
                      ${fr.themes[code] ?? code}
                    </label>
                  `,
                )}
              </div>
              ${this.fieldError('themes')}
            </fieldset>
          </fieldset>

          <fieldset id=${fieldId('cover')} tabindex="-1" aria-describedby=${this.describedBy('cover')}>
            <legend>${fr.editor.sections.cover}</legend>
            ${this.fieldError('cover')}
            ${this.textInput('cover.url', 'coverUrl', f.coverUrl, { type: 'url' })}
            ${this.textInput('cover.alt', 'coverAlt', f.coverAlt, { hint: f.coverAltHint })}
            ${this.textInput('cover.credit', 'coverCredit', f.coverCredit)}
          </fieldset>

          <fieldset id=${fieldId('seo')} tabindex="-1" aria-describedby=${this.describedBy('seo')}>
            <legend>${fr.editor.sections.seo}</legend>
            ${this.fieldError('seo')}
            ${this.textInput('seo.title', 'seoTitle', f.seoTitle, { hint: f.seoTitleHint })}
            ${this.textArea('seo.description', 'seoDescription', f.seoDescription, { hint: f.seoDescriptionHint })}
          </fieldset>
        </form>
        ${this.renderSidebar()}
      </div>
    `;
  }

  private renderAlert(alert: Alert) {
    return html`
      <p><strong>${alert.title}</strong></p>
      ${alert.detail ? html`<p>${alert.detail}</p>` : nothing}
      ${alert.other?.length ? html`<ul>${alert.other.map((m) => html`<li>${m}</li>`)}</ul>` : nothing}
      ${alert.conflict
        ? html`<p>
            <button type="button" class="primary" ?disabled=${this.busy !== null} @click=${this.reload}>
              ${fr.editor.conflict.reload}
            </button>
          </p>`
        : nothing}
      ${alert.traceId ? html`<p class="hint">${fr.errors.traceId(alert.traceId)}</p>` : nothing}
    `;
  }

  private renderSidebar() {
    const item = this.current?.item;
    const a = fr.editor.actions;
    const m = fr.editor.meta;
    const when = (iso: string) => fr.dateTime.format(new Date(iso));
    const busy = this.busy !== null;
    const published = item?.status === 'published';
    const rights = this.rights;
    return html`
      <aside aria-labelledby="meta-title">
        <h2 id="meta-title">${m.label}</h2>
        ${item
          ? html`<dl>
              <dt>${m.status}</dt>
              <dd id="status"><vp-status-badge status=${item.status} ?unpublished-changes=${item.hasUnpublishedChanges}></vp-status-badge></dd>
              <dt>${m.version}</dt>
              <dd id="version">${item.version}</dd>
              <dt>${m.slug}</dt>
              <dd id="current-slug">${item.slug}</dd>
              <dt>${m.created}</dt>
              <dd>${m.by(when(item.createdAt), item.createdBy)}</dd>
              <dt>${m.updated}</dt>
              <dd>${m.by(when(item.updatedAt), item.updatedBy)}</dd>
              ${item.publishedAt ? html`<dt>${m.published}</dt><dd>${when(item.publishedAt)}</dd>` : nothing}
            </dl>`
          : nothing}
        ${rights.edit
          ? html`<div class="actions" role="group" aria-label=${a.label}>
              <button class="primary" type="submit" form="article-form" ?disabled=${busy}>
                ${this.busy === 'save' ? a.saving : item ? a.save : a.create}
              </button>
              ${item && rights.publish ? this.renderPublishing(item, busy) : nothing}
              ${item && rights.submit ? this.renderSubmit(busy) : nothing}
            </div>`
          : nothing}
        ${item && published
          ? html`<p class="public-link">
              ${fr.editor.publicLinkHint}<br />
              <a id="public-link" href=${this.api.deliveryUrl(item.slug, item.content.locale)} target="_blank" rel="noopener"
                >${fr.editor.publicLink}</a
              >
            </p>`
          : nothing}
      </aside>
    `;
  }

  /** Publish, unpublish, delete: the editors' actions. */
  private renderPublishing(item: ManagedArticle, busy: boolean) {
    const a = fr.editor.actions;
    const published = item.status === 'published';
    return html`
      ${published ? html`<button type="button" ?disabled=${busy} @click=${this.unpublish}>${a.unpublish}</button>` : nothing}
      ${!published || item.hasUnpublishedChanges
        ? html`<button
            type="button"
            ?disabled=${busy || this.dirty}
            aria-describedby=${this.dirty ? 'publish-hint' : nothing}
            @click=${this.publish}
          >
            ${a.publish}
          </button>`
        : nothing}
      ${this.dirty ? html`<p class="hint" id="publish-hint">${a.saveFirst}</p>` : nothing}
      <button type="button" class="danger" ?disabled=${busy} @click=${this.confirmDelete}>${a.delete}</button>
    `;
  }

  /** An author's way to publish: hand the saved draft over to the editors. */
  private renderSubmit(busy: boolean) {
    const a = fr.editor.actions;
    return html`<button
        type="button"
        ?disabled=${busy || this.dirty}
        aria-describedby="submit-hint"
        @click=${this.submit}
      >
        ${a.submit}
      </button>
      <p class="hint" id="submit-hint">${this.dirty ? a.saveBeforeSubmit : a.submitHint}</p>`;
  }

  private textInput(
    path: FieldPath,
    key: TextField,
    label: string,
    options: { hint?: string; required?: boolean; type?: 'text' | 'url' } = {},
  ): TemplateResult {
    const id = fieldId(path);
    return html`
      <div class="field">
        <label for=${id}>${label}${options.required ? html` <span class="hint" style="display:inline">${fr.editor.required}</span>` : nothing}</label>
        ${options.hint ? html`<span class="hint" id="${id}-hint">${options.hint}</span>` : nothing}
        <input
          id=${id}
          name=${path}
          type=${options.type ?? 'text'}
          .value=${live(this.values[key])}
          ?readonly=${!this.rights.edit}
          @input=${(e: Event) => this.set(key, (e.target as HTMLInputElement).value)}
          aria-required=${options.required ? 'true' : nothing}
          aria-invalid=${this.invalid(path)}
          aria-describedby=${this.describedBy(path, options.hint)}
        />
        ${this.fieldError(path)}
      </div>
    `;
  }

  private textArea(
    path: FieldPath,
    key: TextField,
    label: string,
    options: { hint?: string; className?: string } = {},
  ): TemplateResult {
    const id = fieldId(path);
    return html`
      <div class="field">
        <label for=${id}>${label}</label>
        ${options.hint ? html`<span class="hint" id="${id}-hint">${options.hint}</span>` : nothing}
        <textarea
          id=${id}
          name=${path}
          class=${options.className ?? ''}
          .value=${live(this.values[key])}
          ?readonly=${!this.rights.edit}
          @input=${(e: Event) => this.set(key, (e.target as HTMLTextAreaElement).value)}
          aria-invalid=${this.invalid(path)}
          aria-describedby=${this.describedBy(path, options.hint)}
        ></textarea>
        ${this.fieldError(path)}
      </div>
    `;
  }

  /** The ids that describe a field: its hint, then its error. `nothing` removes the attribute. */
  private describedBy(path: FieldPath, hint?: string) {
    const ids = [hint ? `${fieldId(path)}-hint` : '', this.errors[path] ? errorId(path) : ''].filter(Boolean);
    return ids.length ? ids.join(' ') : nothing;
  }

  private invalid(path: FieldPath) {
    return this.errors[path] ? 'true' : 'false';
  }

  private fieldError(path: FieldPath) {
    const messages = this.errors[path];
    return messages?.length ? html`<p class="field-error" id=${errorId(path)}>${messages.join(' ')}</p>` : nothing;
  }

  private set<K extends keyof ArticleFormValues>(key: K, value: ArticleFormValues[K]) {
    this.values = { ...this.values, [key]: value };
    this.dirty = true;
  }

  private toggleTheme(code: string, checked: boolean) {
    const themes = this.values.themes.filter((t) => t !== code);
    this.set('themes', checked ? [...themes, code] : themes);
  }

  private reset() {
    this.current = null;
    this.values = emptyForm();
    this.dirty = false;
    this.clearMessages();
  }

  private clearMessages() {
    this.errors = {};
    this.alert = null;
    this.notice = '';
  }

  private show(loaded: Versioned<ManagedArticle>) {
    this.current = loaded;
    this.values = toFormValues(loaded.item.content);
    this.dirty = false;
  }

  private async save(event: SubmitEvent) {
    event.preventDefault();
    // Enter in a read-only field still submits the form.
    if (!this.rights.edit) return;
    const content = toContent(this.values);
    const current = this.current;
    await this.act('save', async () => {
      if (!current) {
        const created = await this.api.createArticle(content);
        this.show(created);
        this.notice = fr.editor.notices.created;
        this.navigate({ path: `#/articles/${created.item.id}`, replace: true });
      } else {
        this.show(await this.api.updateArticle(current.item.id, current.etag, content));
        this.notice = fr.editor.notices.saved;
      }
    });
  }

  private publish() {
    const current = this.current;
    if (!current) return;
    return this.act('publish', async () => {
      this.show(await this.api.publishArticle(current.item.id, current.etag));
      this.notice = fr.editor.notices.published;
    });
  }

  private submit() {
    const current = this.current;
    if (!current) return;
    return this.act('submit', async () => {
      this.show(await this.api.submitArticle(current.item.id, current.etag));
      this.notice = fr.editor.notices.submitted;
    });
  }

  private unpublish() {
    const current = this.current;
    if (!current) return;
    return this.act('unpublish', async () => {
      this.show(await this.api.unpublishArticle(current.item.id, current.etag));
      this.notice = fr.editor.notices.unpublished;
    });
  }

  private confirmDelete() {
    const current = this.current;
    if (!current) return;
    const title = current.item.content.title ?? '';
    if (!window.confirm(fr.editor.actions.confirmDelete(title))) return;
    return this.act('delete', async () => {
      await this.api.deleteArticle(current.item.id, current.etag);
      this.current = null;
      this.navigate({ path: '#/articles', notice: fr.editor.notices.deleted(title) });
    });
  }

  private reload() {
    const id = this.current?.item.id;
    if (!id) return;
    return this.act('reload', async () => {
      this.show(await this.api.getArticle(id));
      this.notice = fr.editor.notices.reloaded;
    });
  }

  /** Runs one action: busy state, then either its notice or the problem, mapped onto the form. */
  private async act(action: Action, run: () => Promise<void>) {
    this.busy = action;
    this.clearMessages();
    try {
      await run();
    } catch (error) {
      this.showError(error);
      await this.updateComplete;
      const first = firstInvalidField(this.errors);
      // Focus goes where the editor must act: the first wrong field, else the alert's reload button.
      if (first) this.renderRoot.querySelector<HTMLElement>(`#${fieldId(first)}`)?.focus();
      else if (this.alert?.conflict) this.renderRoot.querySelector<HTMLElement>('.alert button')?.focus();
    } finally {
      this.busy = null;
    }
  }

  private showError(error: unknown) {
    if (error instanceof ApiError && error.status === 412) {
      this.alert = { title: fr.editor.conflict.title, detail: fr.editor.conflict.detail, conflict: true };
      return;
    }
    const text = describeError(error);
    if (error instanceof ApiError && error.problem.errors && Object.keys(error.problem.errors).length) {
      const mapped = mapFieldErrors(error.problem.errors);
      this.errors = mapped.byField;
      this.alert = {
        ...text,
        title: text.title || fr.editor.invalid,
        other: mapped.other.flatMap(({ key, messages }) => messages.map((msg) => fr.errors.field(key, msg))),
      };
      return;
    }
    this.alert = text;
  }

  private navigate(detail: NavigateDetail) {
    this.dispatchEvent(new CustomEvent<NavigateDetail>('vp-navigate', { detail, bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'vp-article-editor': VpArticleEditor;
  }
  interface HTMLElementEventMap {
    'vp-navigate': CustomEvent<NavigateDetail>;
  }
}
