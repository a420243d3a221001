import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { Task } from '@lit/task';
import { ApiError, type ContentOf, type ManagedItem, type RevisionDiff, type Segment, type Versioned } from '../api/client.js';
import { getAt, mapErrors, inputPaths, setAt, toContent, type Values } from '../content/fields.js';
import type { LocalDraft } from '../content/drafts.js';
import { rightsFor, type Rights } from '../content/rights.js';
import { formatLong } from '../content/time.js';
import { fieldsOf, type ContentTypeSpec } from '../content/types.js';
import { fr } from '../i18n/fr.js';
import { describeError, type ErrorText } from './problem-text.js';
import { hrefOf } from './route.js';
import { failedState, loadingState, problemLines } from './states.js';
import { shared } from './styles.js';
import type { FieldChange, VpContentForm } from './vp-content-form.js';
import type { ActionRequest, ItemAction, VpItemPanel } from './vp-item-panel.js';
import type { Workspace } from './workspace.js';
import './vp-content-form.js';
import './vp-diff-view.js';
import './vp-erase-dialog.js';
import './vp-item-panel.js';
import './vp-status-badge.js';

export interface NavigateDetail {
  /** Hash route, e.g. `#/fiches/…`. */
  path: string;
  /** Replace the current history entry (a new item became an existing one). */
  replace?: boolean;
  /** A message for the next screen to show. */
  notice?: string;
}

interface Alert extends ErrorText {
  /** Messages about fields the form does not show, with the label of what they are about. */
  other?: string[];
  /** Saving failed for want of an answer: the work is kept locally. */
  kept?: boolean;
}

/** The item as the server has it now, after a 412, and what changed since the version the form came from. */
interface Conflict {
  server: Versioned<ManagedItem>;
  diff: RevisionDiff | null;
}

/**
 * Creates and edits one item of any content type: the form drawn from the type's description, the side panel of
 * its lifecycle, and what keeps work from being lost: the ETag sent with every change (a 412 shows what changed on
 * the server), Ctrl+S, a warning before leaving, and a draft kept in the browser until the API has the change.
 *
 * @fires vp-navigate - asks the app to go elsewhere (after creation, deletion or erasure).
 */
@customElement('vp-content-editor')
export class VpContentEditor extends LitElement {
  static override styles = [
    shared,
    css`
      .layout { display: grid; grid-template-columns: minmax(0, 1fr) 20rem; gap: 2rem; align-items: start; }
      aside { position: sticky; top: 1rem; background: var(--vp-bg); border: 1px solid var(--vp-line); border-radius: 6px; padding: 1rem; }
      .back { display: inline-block; margin-bottom: 0.75rem; }
      .title-line { display: flex; flex-wrap: wrap; gap: 0.75rem; align-items: baseline; }
      .title-line h1 { overflow-wrap: anywhere; }
      .sticky-actions { display: none; }
      .banner { display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: center; }
      .banner p { margin: 0; flex: 1 1 16rem; }
      .conflict { border-left: 4px solid #b26b00; background: #fff6e5; padding: 0.75rem 1rem; margin-bottom: 1rem; }
      .conflict .buttons { display: flex; flex-wrap: wrap; gap: 0.5rem; margin-top: 0.75rem; }
      @media (max-width: 60rem) {
        .layout { grid-template-columns: 1fr; }
        aside { position: static; }
        /* Save and the next step stay at hand, wherever the editor is in a long form. */
        .sticky-actions {
          display: flex; gap: 0.5rem; position: sticky; bottom: 0; z-index: 5; padding: 0.6rem; margin: 0 -0.6rem;
          background: var(--vp-bg); border-top: 1px solid var(--vp-line); box-shadow: 0 -2px 6px rgb(0 0 0 / 0.08);
        }
        .sticky-actions button { flex: 1 1 0; }
      }
    `,
  ];

  @property({ attribute: false }) spec!: ContentTypeSpec;
  @property({ attribute: false }) workspace!: Workspace;
  /** The item to edit; null for a new one. */
  @property({ attribute: false }) itemId: string | null = null;

  @state() private values: Values = {};
  @state() private current: Versioned<ManagedItem> | null = null;
  @state() private dirty = false;
  @state() private busy: ItemAction | 'reload' | 'overwrite' | null = null;
  @state() private errors: Record<string, string[]> = {};
  @state() private alert: Alert | null = null;
  @state() private notice = '';
  @state() private conflict: Conflict | null = null;
  @state() private localDraft: LocalDraft | null = null;
  @state() private generation = 0;

  @query('h1') private heading!: HTMLElement;
  @query('vp-content-form') private form!: VpContentForm;
  @query('vp-item-panel') private panel!: VpItemPanel;

  private draftTimer: ReturnType<typeof setTimeout> | undefined;

  private loading = new Task(this, {
    args: () => [this.spec.segment, this.itemId] as const,
    task: async ([segment, id], { signal }) => {
      // Just created here: we already hold it and its ETag, and the "created" notice must stay.
      if (id !== null && this.current?.item.id === id) return this.current.item;
      this.reset();
      const draft = this.workspace.drafts.load(segment, id);
      if (id === null) {
        this.localDraft = draft;
        return null;
      }
      const loaded = await this.workspace.api.content(segment as Segment).get(id, signal);
      this.show(loaded);
      // A draft kept from an edit that was never saved (network, session): offered back, not imposed.
      if (draft && JSON.stringify(draft.values) !== JSON.stringify(loaded.item.content)) this.localDraft = draft;
      return loaded.item;
    },
  });

  /** Whether leaving now would lose typed work (the app asks first). */
  get unsaved(): boolean {
    return this.dirty;
  }

  focusHeading() {
    this.heading?.focus();
  }

  private onKey = (event: KeyboardEvent) => {
    if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 's') {
      event.preventDefault();
      if (this.rights.edit && this.busy === null) void this.save();
    }
  };

  private onBeforeUnload = (event: BeforeUnloadEvent) => {
    if (!this.dirty) return;
    this.keepDraft();
    event.preventDefault();
  };

  override connectedCallback() {
    super.connectedCallback();
    window.addEventListener('keydown', this.onKey);
    window.addEventListener('beforeunload', this.onBeforeUnload);
  }

  override disconnectedCallback() {
    // The session ended or the editor left: what was typed is written down now, not after the debounce.
    if (this.dirty) this.keepDraft();
    window.removeEventListener('keydown', this.onKey);
    window.removeEventListener('beforeunload', this.onBeforeUnload);
    super.disconnectedCallback();
  }

  override willUpdate(changed: PropertyValues<this>) {
    if (changed.has('itemId') && this.dirty && this.current && this.current.item.id !== this.itemId) this.keepDraft();
  }

  private get rights(): Rights {
    return rightsFor(this.workspace.user, this.spec, this.current?.item ?? null);
  }

  private get itemTitle(): string {
    const t = getAt(this.current?.item.content as Values | undefined ?? {}, this.spec.titlePath);
    return typeof t === 'string' && t ? t : '';
  }

  override render() {
    const names = this.spec.names;
    const isNew = this.itemId === null;
    const item = this.current?.item;
    return html`
      <a class="back" href=${hrefOf.list(this.spec.segment)}>← ${fr.editor.back(names)}</a>
      <div class="title-line">
        <h1 tabindex="-1">${isNew ? names.create : this.itemTitle || fr.editor.editTitle(names)}</h1>
        ${item ? html`<vp-status-badge status=${item.status} ?unpublished-changes=${item.hasUnpublishedChanges}></vp-status-badge>` : nothing}
      </div>
      ${this.loading.render({
        initial: () => loadingState(fr.editor.loading),
        pending: () => (this.current || isNew ? this.renderEditor() : loadingState(fr.editor.loading)),
        error: (error) =>
          error instanceof ApiError && error.status === 404
            ? html`<div class="alert" role="alert"><p><strong>${fr.editor.notFound(names)}</strong></p></div>`
            : failedState(fr.editor.loadError, error, () => this.loading.run()),
        complete: () => this.renderEditor(),
      })}
    `;
  }

  private renderEditor() {
    const rights = this.rights;
    return html`
      <p class="notice" role="status">${this.notice}</p>
      <div class="alert" role="alert">${this.alert ? this.renderAlert(this.alert) : nothing}</div>
      ${this.conflict ? this.renderConflict(this.conflict) : nothing}
      ${this.localDraft ? this.renderDraftBanner(this.localDraft) : nothing}
      ${rights.readOnlyBecause ? html`<p class="notice" id="read-only">${rights.readOnlyBecause}</p>` : nothing}
      <div class="layout">
        <form id="content-form" novalidate @submit=${(e: Event) => { e.preventDefault(); void this.save(); }} aria-busy=${this.busy ? 'true' : 'false'}>
          <vp-content-form
            segment=${this.spec.segment}
            .sections=${this.spec.sections}
            .values=${this.values}
            .errors=${this.errors}
            .workspace=${this.workspace}
            ?readonly=${!rights.edit}
            slugInUse=${this.current?.item.slug ?? ''}
            .generation=${this.generation}
            @vp-field-change=${this.changed}
          ></vp-content-form>
          ${rights.edit ? this.renderStickyActions(rights) : nothing}
        </form>
        <aside aria-label=${fr.editor.meta.label}>
          <vp-item-panel .spec=${this.spec} .workspace=${this.workspace} .current=${this.current} .rights=${rights}
            ?dirty=${this.dirty} .busy=${this.busy} @vp-action=${this.onAction}></vp-item-panel>
        </aside>
      </div>
      ${this.spec.desk === 'advertising' && rights.manage ? html`<vp-erase-dialog></vp-erase-dialog>` : nothing}
    `;
  }

  /** At phone width: save, and the next step, always in reach. */
  private renderStickyActions(rights: Rights) {
    const a = fr.editor.actions;
    const item = this.current?.item;
    const next = item && rights.submit ? (['submit', a.submit] as const)
      : item && rights.manage && (item.status !== 'published' || item.hasUnpublishedChanges) ? (['publish', item.hasUnpublishedChanges ? a.publishChanges : a.publish] as const)
      : null;
    return html`<div class="sticky-actions">
      <button type="submit" class="primary" ?disabled=${this.busy !== null}>${this.busy === 'save' ? a.saving : item ? a.save : a.create(this.spec.names)}</button>
      ${next ? html`<button type="button" ?disabled=${this.busy !== null || this.dirty} @click=${() => this.run(next[0])}>${next[1]}</button>` : nothing}
    </div>`;
  }

  private renderAlert(alert: Alert) {
    return html`
      ${problemLines(alert)}
      ${alert.other?.length ? html`<ul>${alert.other.map((m) => html`<li>${m}</li>`)}</ul>` : nothing}
      ${alert.kept ? html`<p>${fr.editor.draft.keptLocally}</p>` : nothing}
    `;
  }

  private renderConflict(conflict: Conflict) {
    const c = fr.editor.conflict;
    const server = conflict.server.item;
    return html`<section class="conflict" aria-labelledby="conflict-title">
      <h2 id="conflict-title">${c.title}</h2>
      <p>${c.detail}</p>
      <p>${c.byWhom(this.workspace.nameOf(server.updatedBy), formatLong(server.updatedAt), server.version)}</p>
      ${conflict.diff ? html`<vp-diff-view .diff=${conflict.diff} .fields=${fieldsOf(this.spec)}></vp-diff-view>` : html`<p role="status">${c.loading}</p>`}
      <div class="buttons">
        <button type="button" id="conflict-reload" @click=${this.reload}>${c.reload}</button>
        <button type="button" id="conflict-overwrite" @click=${this.overwrite}>${c.overwrite}</button>
      </div>
    </section>`;
  }

  private renderDraftBanner(draft: LocalDraft) {
    const d = fr.editor.draft;
    return html`<div class="notice banner" id="local-draft">
      <p>${d.found(formatLong(new Date(draft.savedAt)))}</p>
      <button type="button" @click=${this.restoreDraft}>${d.restore}</button>
      <button type="button" @click=${this.dismissDraft}>${d.dismiss}</button>
    </div>`;
  }

  private changed(event: CustomEvent<FieldChange>) {
    if (!this.rights.edit) return;
    this.values = setAt(this.values, event.detail.path, event.detail.value);
    this.dirty = true;
    clearTimeout(this.draftTimer);
    this.draftTimer = setTimeout(() => this.keepDraft(), 400);
  }

  private keepDraft() {
    clearTimeout(this.draftTimer);
    if (!this.dirty) return;
    this.workspace.drafts.save(this.spec.segment, this.current?.item.id ?? this.itemId, {
      values: this.values,
      baseVersion: this.current?.item.version ?? null,
      savedAt: Date.now(),
    });
  }

  private async restoreDraft() {
    if (!this.localDraft) return;
    this.values = this.localDraft.values;
    this.localDraft = null;
    this.dirty = true;
    this.generation++;
    this.notice = fr.editor.draft.restored;
    await this.updateComplete;
    this.focusHeading();
  }

  private async dismissDraft() {
    this.workspace.drafts.remove(this.spec.segment, this.itemId);
    this.localDraft = null;
    await this.updateComplete;
    this.focusHeading();
  }

  private reset() {
    this.current = null;
    this.values = this.spec.initial();
    this.dirty = false;
    this.localDraft = null;
    this.conflict = null;
    this.generation++;
    this.clearMessages();
    this.panel?.forgetLink();
  }

  private clearMessages() {
    this.errors = {};
    this.alert = null;
    this.notice = '';
  }

  private show(loaded: Versioned<ManagedItem>) {
    this.current = loaded;
    this.values = structuredClone(loaded.item.content) as Values;
    this.dirty = false;
    this.conflict = null;
    this.generation++;
  }

  /** The API's content of the form's values. */
  private content(): ContentOf<Segment> {
    return toContent(fieldsOf(this.spec), this.values) as unknown as ContentOf<Segment>;
  }

  private api() {
    return this.workspace.api.content(this.spec.segment);
  }

  private onAction(event: CustomEvent<ActionRequest>) {
    void this.run(event.detail.action, event.detail);
  }

  private async run(action: ItemAction, request?: ActionRequest) {
    if (action === 'save') return this.save();
    const current = this.current;
    if (!current) return;
    const names = this.spec.names;
    const { id } = current.item;
    const api = this.api();
    const notices = fr.editor.notices;
    switch (action) {
      case 'submit':
        return this.act(action, async () => (this.show(await api.act('submit', id, current.etag)), (this.notice = notices.submitted(names))));
      case 'publish':
        return this.act(action, async () => (this.show(await api.act('publish', id, current.etag)), (this.notice = notices.published(names))));
      case 'unpublish':
        return this.act(action, async () => (this.show(await api.act('unpublish', id, current.etag)), (this.notice = notices.unpublished(names))));
      case 'discard':
        if (!window.confirm(fr.editor.actions.confirmDiscard)) return;
        return this.act(action, async () => (this.show(await api.act('discard', id, current.etag)), (this.notice = notices.discarded)));
      case 'schedule':
        return this.act(action, async () => (this.show(await api.schedule(id, current.etag, request?.schedule ?? {})), (this.notice = notices.scheduled)));
      case 'unschedule':
        return this.act(action, async () => (this.show(await api.cancelSchedule(id, current.etag)), (this.notice = notices.unscheduled)));
      case 'delete': {
        if (!window.confirm(fr.editor.actions.confirmDelete(names, this.itemTitle))) return;
        const title = this.itemTitle;
        return this.act(action, async () => {
          await api.remove(id, current.etag);
          this.forget();
          this.navigate({ path: hrefOf.list(this.spec.segment), notice: notices.deleted(names, title) });
        });
      }
      case 'erase': {
        const dialog = this.renderRoot.querySelector('vp-erase-dialog');
        const name = this.itemTitle;
        if (!dialog || !(await dialog.ask(name))) return this.panel.focusAction('erase');
        return this.act(action, async () => {
          await this.workspace.api.eraseContact(id);
          this.forget();
          this.navigate({ path: hrefOf.list(this.spec.segment), notice: notices.erased(name) });
        });
      }
    }
  }

  /** The item is gone: nothing of it is kept, in the form or in the browser. */
  private forget() {
    this.workspace.drafts.remove(this.spec.segment, this.current?.item.id ?? null);
    this.current = null;
    this.dirty = false;
  }

  private async save() {
    // Enter in a read-only field still submits the form.
    if (!this.rights.edit) return;
    const content = this.content();
    const current = this.current;
    const api = this.api();
    await this.act('save', async () => {
      if (!current) {
        const created = await api.create(content);
        this.workspace.drafts.remove(this.spec.segment, null);
        this.show(created);
        this.notice = fr.editor.notices.created(this.spec.names);
        this.navigate({ path: hrefOf.edit(this.spec.segment, created.item.id), replace: true });
      } else {
        this.show(await api.update(current.item.id, current.etag, content));
        this.workspace.drafts.remove(this.spec.segment, current.item.id);
        this.notice = fr.editor.notices.saved;
      }
    });
  }

  private reload = () => {
    const id = this.current?.item.id;
    if (!id) return;
    // The form's values stay in the browser's draft: "Reprendre ce brouillon" brings them back.
    this.keepDraft();
    return this.act('reload', async () => {
      this.show(await this.api().get(id));
      this.localDraft = this.workspace.drafts.load(this.spec.segment, id);
      this.notice = fr.editor.notices.reloaded;
    });
  };

  private overwrite = () => {
    const conflict = this.conflict;
    if (!conflict || !window.confirm(fr.editor.conflict.confirmOverwrite)) return;
    // The editor saw what the server has: their version goes on top of it, with its ETag.
    this.current = { ...conflict.server, item: { ...conflict.server.item } };
    this.conflict = null;
    return this.save();
  };

  /** Runs one action: busy state, then either its notice or the problem, mapped onto the form. */
  private async act(action: NonNullable<VpContentEditor['busy']>, run: () => Promise<unknown>) {
    this.busy = action;
    this.clearMessages();
    let failed = false;
    try {
      await run();
    } catch (error) {
      failed = true;
      await this.showError(error);
    } finally {
      this.busy = null;
    }
    await this.updateComplete;
    await this.form?.updateComplete;
    this.focusAfter(action, failed);
  }

  /** Focus goes where the editor must act next: the first wrong field, the conflict, the alert, or back to the button. */
  private focusAfter(action: string, failed: boolean) {
    if (failed) {
      const first = inputPaths(fieldsOf(this.spec), this.values).find((p) => this.errors[p]?.length);
      if (first && this.form?.focusField(first)) return;
      const conflict = this.renderRoot.querySelector<HTMLElement>('#conflict-reload');
      if (conflict) return conflict.focus();
    }
    if (action === 'save' || action === 'reload' || action === 'overwrite') {
      // A save from the keyboard (Ctrl+S) leaves the focus where the editor was typing.
      if (this.matches(':focus-within')) return;
    }
    // Nothing left to do here (an author's submitted draft): the heading, under which the notice is read.
    if (!this.panel?.focusAction(action)) this.focusHeading();
  }

  private async showError(error: unknown) {
    if (error instanceof ApiError && error.status === 412 && this.current) {
      const base = this.current.item.version;
      this.keepDraft();
      const api = this.api();
      try {
        const server = await api.get(this.current.item.id);
        this.conflict = { server, diff: null };
        this.conflict = { server, diff: await api.diff(server.item.id, base, server.item.version) };
      } catch (inner) {
        this.alert = describeError(inner);
      }
      return;
    }
    const text = describeError(error);
    if (error instanceof ApiError && error.kind === 'network') {
      this.keepDraft();
      this.alert = { ...text, kept: true };
      return;
    }
    if (error instanceof ApiError && error.problem.errors && Object.keys(error.problem.errors).length) {
      const mapped = mapErrors(fieldsOf(this.spec), error.problem.errors, this.values);
      this.errors = mapped.byPath;
      this.alert = {
        title: fr.editor.invalid,
        other: mapped.other.flatMap(({ label, messages }) => messages.map((m) => fr.editor.fieldMessage(label, m))),
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
    'vp-content-editor': VpContentEditor;
  }
  interface HTMLElementEventMap {
    'vp-navigate': CustomEvent<NavigateDetail>;
  }
}
