import { LitElement, css, html } from 'lit';
import { customElement, property, query } from 'lit/decorators.js';
import { Task } from '@lit/task';
import type { ManagedSummary } from '../api/client.js';
import { contentTypes } from '../content/registry.js';
import { manages } from '../content/rights.js';
import { formatShort } from '../content/time.js';
import type { ContentTypeSpec } from '../content/types.js';
import { fr } from '../i18n/fr.js';
import { hrefOf } from './route.js';
import { failedState, loadingState } from './states.js';
import { shared } from './styles.js';
import type { Workspace } from './workspace.js';

/**
 * The editors' review queue: everything authors submitted, across the types they manage, oldest submission last.
 * The lists' `status=in_review` filter, once per type.
 */
@customElement('vp-review-queue')
export class VpReviewQueue extends LitElement {
  static override styles = [shared, css`td a { font-weight: 600; }`];


  @property({ attribute: false }) workspace!: Workspace;
  @query('h1') private heading!: HTMLElement;

  private queue = new Task(this, {
    args: () => [this.workspace] as const,
    task: async ([workspace], { signal }) => {
      const types = contentTypes.filter((t) => manages(workspace.user.role, t.desk) && t.desk === 'editorial');
      const pages = await Promise.all(
        types.map(async (spec) => (await workspace.api.content(spec.segment).list({ status: 'in_review', limit: 100 }, signal)).items.map((item) => ({ spec, item }))),
      );
      return pages.flat().sort((a, b) => b.item.updatedAt.localeCompare(a.item.updatedAt));
    },
  });

  focusHeading() {
    this.heading?.focus();
  }

  override render() {
    const r = fr.review;
    return html`
      <h1 tabindex="-1">${r.title}</h1>
      <p>${r.intro}</p>
      ${this.queue.render({
        initial: () => loadingState(r.loading),
        pending: () => loadingState(r.loading),
        error: (error) => failedState(r.error, error, () => this.queue.run()),
        complete: (entries) => (entries.length === 0 ? html`<p role="status">${r.empty}</p>` : this.renderTable(entries)),
      })}
    `;
  }

  private renderTable(entries: { spec: ContentTypeSpec; item: ManagedSummary }[]) {
    const r = fr.review;
    return html`<table class="cards">
      <caption>${r.caption}</caption>
      <thead><tr><th scope="col">${fr.list.colTitle}</th><th scope="col">${r.colType}</th><th scope="col">${r.colSubmitted}</th></tr></thead>
      <tbody>
        ${entries.map(({ spec, item }) => html`<tr data-id=${item.id}>
          <td><a href=${hrefOf.edit(spec.segment, item.id)}>${item.title}</a></td>
          <td data-label=${r.colType}>${spec.names.one}</td>
          <td data-label=${r.colSubmitted}>${fr.list.updatedBy(formatShort(item.updatedAt), this.workspace.nameOf(item.updatedBy))}</td>
        </tr>`)}
      </tbody>
    </table>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'vp-review-queue': VpReviewQueue;
  }
}
