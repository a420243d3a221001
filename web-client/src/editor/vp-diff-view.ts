import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { FieldChange, RevisionDiff } from '../api/client.js';
import { labelOf, type Field } from '../content/fields.js';
import { fr } from '../i18n/fr.js';
import { shared } from './styles.js';

/**
 * What changed between two versions, readably: each field by its label, text as the words removed and added
 * (struck and underlined, and said so to screen readers), other values before and after.
 */
@customElement('vp-diff-view')
export class VpDiffView extends LitElement {
  static override styles = [
    shared,
    css`
      :host { display: block; }
      ol { list-style: none; padding: 0; margin: 0; }
      li { border-top: 1px solid var(--vp-line); padding: 0.5rem 0; }
      .field { font-weight: 700; display: block; margin-bottom: 0.25rem; }
      del { background: #fde2e2; color: #7a1015; }
      ins { background: #dff3e4; color: #134a28; }
      .words { overflow-wrap: anywhere; }
      dl { display: grid; grid-template-columns: max-content 1fr; gap: 0.15rem 0.75rem; margin: 0; }
      dt { color: var(--vp-muted); }
      dd { margin: 0; overflow-wrap: anywhere; }
    `,
  ];

  @property({ attribute: false }) diff: RevisionDiff | null = null;
  @property({ attribute: false }) fields: readonly Field[] = [];

  override render() {
    const diff = this.diff;
    if (!diff) return nothing;
    if (diff.changes.length === 0) return html`<p>${fr.diff.same}</p>`;
    return html`<ol>
      ${diff.changes.map((change) => html`<li>
        <span class="field">${labelOf(this.fields, change.path) ?? change.path}</span>
        ${change.words ? this.words(change) : this.values(change)}
      </li>`)}
    </ol>`;
  }

  /** A value as words: a group's parts by their labels (a cover added), never the API's property names. */
  private show(value: unknown, path: string): string {
    if (value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) return fr.diff.empty;
    if (value === true) return fr.diff.yes;
    if (value === false) return fr.diff.no;
    if (Array.isArray(value)) return value.map((v, i) => this.show(v, `${path}[${i}]`)).join(', ');
    if (typeof value === 'object') {
      return Object.entries(value)
        .filter(([, v]) => v !== null && v !== undefined && v !== '')
        .map(([k, v]) => `${(labelOf(this.fields, `${path}.${k}`) ?? k).split(' — ').pop()} : ${this.show(v, `${path}.${k}`)}`)
        .join(' ; ');
    }
    return String(value);
  }

  private words(change: FieldChange) {
    return html`<p class="words">
      ${change.words!.map((w) =>
        w.kind === 'removed'
          ? html`<del><span class="visually-hidden">${fr.diff.removed}</span>${w.text}</del> `
          : w.kind === 'added'
            ? html`<ins><span class="visually-hidden">${fr.diff.added}</span>${w.text}</ins> `
            : html`${w.text} `,
      )}
    </p>`;
  }

  private values(change: FieldChange) {
    return html`<dl>
      <dt>${fr.diff.before}</dt><dd>${this.show(change.old, change.path)}</dd>
      <dt>${fr.diff.after}</dt><dd>${this.show(change.new, change.path)}</dd>
    </dl>`;
  }
}


declare global {
  interface HTMLElementTagNameMap {
    'vp-diff-view': VpDiffView;
  }
}
