import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { Task } from '@lit/task';
import type { ManagedItem, RevisionDiff, RevisionSummary, Versioned } from '../api/client.js';
import { getAt, type Values } from '../content/fields.js';
import { rightsFor } from '../content/rights.js';
import { formatShort } from '../content/time.js';
import { fieldsOf, type ContentTypeSpec } from '../content/types.js';
import { fr } from '../i18n/fr.js';
import { describeError, type ErrorText } from './problem-text.js';
import { hrefOf } from './route.js';
import { failedState, loadingState, problemLines } from './states.js';
import { shared } from './styles.js';
import type { NavigateDetail } from './vp-content-editor.js';
import type { Workspace } from './workspace.js';
import './vp-diff-view.js';

/**
 * An item's history: every version with who made it and when (by name), a readable comparison of any two, and
 * the restore of an older one (which makes a new version; nothing of the history is lost).
 *
 * @fires vp-navigate - back to the editor after a restore.
 */
@customElement('vp-history')
export class VpHistory extends LitElement {
  static override styles = [
    shared,
    css`
      .back { display: inline-block; margin-bottom: 0.75rem; }
      td { vertical-align: middle; }
      .compare { display: flex; flex-wrap: wrap; gap: 0.75rem; align-items: center; margin: 1rem 0; }
    `,
  ];

  @property({ attribute: false }) spec!: ContentTypeSpec;
  @property({ attribute: false }) workspace!: Workspace;
  @property({ attribute: false }) itemId!: string;

  @state() private revisions: RevisionSummary[] = [];
  @state() private next: string | null = null;
  @state() private from = 0;
  @state() private to = 0;
  @state() private diff: RevisionDiff | null = null;
  @state() private alert: ErrorText | null = null;
  @state() private busy = false;
  private current: Versioned<ManagedItem> | null = null;

  @query('h1') private heading!: HTMLElement;

  private loading = new Task(this, {
    args: () => [this.spec.segment, this.itemId] as const,
    task: async ([segment, id], { signal }) => {
      const api = this.workspace.api.content(segment);
      const [current, page] = await Promise.all([api.get(id, signal), api.revisions(id, undefined, signal)]);
      this.current = current;
      this.revisions = page.items;
      this.next = page.next ?? null;
      this.to = page.items[0]?.version ?? 0;
      this.from = page.items[1]?.version ?? this.to;
      this.diff = null;
      return current.item;
    },
  });

  focusHeading() {
    this.heading?.focus();
  }

  private get itemTitle() {
    const t = getAt((this.current?.item.content ?? {}) as Values, this.spec.titlePath);
    return typeof t === 'string' ? t : '';
  }

  override render() {
    const h = fr.history;
    return html`
      <a class="back" href=${hrefOf.edit(this.spec.segment, this.itemId)}>← ${h.back}</a>
      <h1 tabindex="-1">${h.title(this.itemTitle || this.spec.names.one)}</h1>
      ${this.loading.render({
        initial: () => loadingState(h.loading),
        pending: () => (this.current ? this.renderHistory() : loadingState(h.loading)),
        error: (error) => failedState(h.error, error, () => this.loading.run()),
        complete: () => this.renderHistory(),
      })}
    `;
  }

  private renderHistory() {
    const h = fr.history;
    const mayRestore = this.current ? rightsFor(this.workspace.user, this.spec, this.current.item).manage : false;
    const latest = this.current?.item.version;
    return html`
      <div class="alert" role="alert">${this.alert ? problemLines(this.alert) : nothing}</div>
      <form class="compare-form" @submit=${this.compare}>
        <div>
          <table class="cards">
            <caption>${h.caption}</caption>
            <thead>
              <tr>
                <th scope="col">${h.colVersion}</th>
                <th scope="col">${h.colAction}</th>
                <th scope="col">${h.colBy}</th>
                <th scope="col">${h.colAt}</th>
                <th scope="col">${h.colFrom}</th>
                <th scope="col">${h.colTo}</th>
                ${mayRestore ? html`<th scope="col"><span class="visually-hidden">${h.restore}</span></th>` : nothing}
              </tr>
            </thead>
            <tbody>
              ${this.revisions.map(
                (r) => html`<tr data-version=${r.version}>
                  <td><strong class="visually-hidden">${h.colVersion} </strong>${r.version}</td>
                  <td data-label=${h.colAction}>${h.actions[r.action] ?? r.action}${r.restoredFrom ? h.restoredFrom(r.restoredFrom) : ''}</td>
                  <td data-label=${h.colBy}>${this.workspace.nameOf(r.by)}</td>
                  <td data-label=${h.colAt}>${formatShort(r.at)}</td>
                  <td data-label=${h.colFrom}><input type="radio" name="from" aria-label=${h.fromLabel(r.version)} .checked=${this.from === r.version} @change=${() => (this.from = r.version)} /></td>
                  <td data-label=${h.colTo}><input type="radio" name="to" aria-label=${h.toLabel(r.version)} .checked=${this.to === r.version} @change=${() => (this.to = r.version)} /></td>
                  ${mayRestore
                    ? html`<td>${r.version !== latest && r.action !== 'deleted'
                        ? html`<button type="button" aria-label=${h.restoreLabel(r.version)} ?disabled=${this.busy} @click=${() => this.restore(r.version)}>${h.restore}</button>`
                        : nothing}</td>`
                    : nothing}
                </tr>`,
              )}
            </tbody>
          </table>
        </div>
        <div class="compare">
          <button type="submit" class="primary" ?disabled=${this.busy}>${this.busy ? h.comparing : h.compare}</button>
          ${this.next ? html`<button type="button" @click=${this.more}>${h.more}</button>` : nothing}
        </div>
      </form>
      ${this.diff
        ? html`<section class="diff panel" aria-labelledby="diff-title" tabindex="-1">
            <h2 id="diff-title">${fr.diff.title(this.diff.from, this.diff.to)}</h2>
            <vp-diff-view .diff=${this.diff} .fields=${fieldsOf(this.spec)}></vp-diff-view>
          </section>`
        : nothing}
    `;
  }

  private async compare(event: SubmitEvent) {
    event.preventDefault();
    this.alert = null;
    if (this.from === this.to) {
      this.alert = { title: fr.history.pickTwo };
      return;
    }
    const [from, to] = this.from < this.to ? [this.from, this.to] : [this.to, this.from];
    this.busy = true;
    try {
      this.diff = await this.workspace.api.content(this.spec.segment).diff(this.itemId, from, to);
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('section.diff')?.focus();
    } catch (error) {
      this.alert = describeError(error);
    } finally {
      this.busy = false;
    }
  }

  private async more() {
    if (!this.next) return;
    try {
      const page = await this.workspace.api.content(this.spec.segment).revisions(this.itemId, this.next);
      this.revisions = [...this.revisions, ...page.items];
      this.next = page.next ?? null;
    } catch (error) {
      this.alert = describeError(error);
    }
  }

  private async restore(version: number) {
    const current = this.current;
    if (!current || !window.confirm(fr.history.confirmRestore(version))) return;
    this.busy = true;
    this.alert = null;
    try {
      await this.workspace.api.content(this.spec.segment).restore(this.itemId, version, current.etag);
      this.dispatchEvent(new CustomEvent<NavigateDetail>('vp-navigate', {
        detail: { path: hrefOf.edit(this.spec.segment, this.itemId), notice: fr.editor.notices.restored(version) },
        bubbles: true, composed: true,
      }));
    } catch (error) {
      this.alert = describeError(error);
    } finally {
      this.busy = false;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'vp-history': VpHistory;
  }
}
