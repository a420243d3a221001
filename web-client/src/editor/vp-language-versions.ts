import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { LOCALES, isTranslatable, type Locale, type ManagedItem, type TranslationSummary, type Versioned } from '../api/client.js';
import type { Rights } from '../content/rights.js';
import { worksOn } from '../content/rights.js';
import type { ContentTypeSpec } from '../content/types.js';
import { fr } from '../i18n/fr.js';
import { hrefOf } from './route.js';
import { shared } from './styles.js';
import type { ActionRequest } from './vp-item-panel.js';
import type { Workspace } from './workspace.js';
import './vp-status-badge.js';

type Versions = { status: 'loading' } | { status: 'ready'; items: TranslationSummary[] } | { status: 'error' };

/**
 * The language switcher of an item: its language, and for each other one either a link to that version (with its
 * status) or « Créer la version anglaise », which makes the draft to translate and opens it. « Détacher cette
 * version » takes the item out of its group, after a confirmation that says what it changes.
 *
 * @fires vp-action - `{ action: 'translate', locale }` or `{ action: 'unlink' }`; the editor runs it.
 * @fires vp-translations - `detail` is the item's versions, itself included, whenever they are read.
 */
@customElement('vp-language-versions')
export class VpLanguageVersions extends LitElement {
  static override styles = [
    shared,
    css`
      :host { display: block; margin: 0 0 1rem; }
      nav { display: flex; flex-wrap: wrap; gap: 0.5rem 1rem; align-items: center; }
      ul { list-style: none; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: center; }
      li { display: flex; gap: 0.4rem; align-items: center; }
      .code { font-weight: 800; letter-spacing: 0.04em; border: 2px solid var(--vp-green); border-radius: 4px; padding: 0.1rem 0.45rem; }
      [aria-current] .code { background: var(--vp-green); color: #fff; }
      a.code { text-decoration: none; }
      .confirm { margin-top: 0.75rem; }
      .confirm .buttons { display: flex; flex-wrap: wrap; gap: 0.5rem; }
    `,
  ];

  @property({ attribute: false }) spec!: ContentTypeSpec;
  @property({ attribute: false }) workspace!: Workspace;
  @property({ attribute: false }) current: Versioned<ManagedItem> | null = null;
  @property({ attribute: false }) rights!: Rights;
  /** The locale of a new item's form (no versions yet). */
  @property() locale: Locale = 'fr';
  @property({ type: Boolean }) dirty = false;
  @property() busy: string | null = null;

  @state() private versions: Versions = { status: 'loading' };
  @state() private confirming = false;

  override willUpdate(changed: PropertyValues<this>) {
    // Every change to the item (a save, an unlink) may change its group: read its versions again.
    const item = this.current?.item;
    const before = changed.get('current')?.item;
    if (changed.has('current') && item && (item.id !== before?.id || item.version !== before?.version)) void this.load(item.id);
  }

  override render() {
    const item = this.current?.item;
    const own = (item?.content as { locale?: Locale } | undefined)?.locale ?? this.locale;
    const t = fr.translations;
    if (!item || !isTranslatable(this.spec.segment)) {
      return html`<p class="locale"><span class="code" lang=${own}>${t.codes[own]}</span> <span class="visually-hidden">${t.names[own]}</span></p>`;
    }
    const versions = this.versions.status === 'ready' ? this.versions.items : [];
    const others = versions.filter((v) => v.id !== item.id);
    return html`
      <nav aria-label=${t.label}>
        <ul>
          ${LOCALES.map((locale) => {
            if (locale === own) {
              return html`<li aria-current="true"><span class="code" lang=${locale} title=${t.names[locale]}>${t.codes[locale]}</span>
                <span class="visually-hidden">${t.thisVersion(locale)}</span></li>`;
            }
            const version = versions.find((v) => v.locale === locale);
            if (version) {
              return html`<li data-locale=${locale}><a class="code" href=${hrefOf.edit(this.spec.segment, version.id)} hreflang=${locale} lang=${locale}
                  aria-label=${t.open(locale, version.title)}>${t.codes[locale]}</a>
                <vp-status-badge status=${version.status} ?unpublished-changes=${version.hasUnpublishedChanges}></vp-status-badge></li>`;
            }
            return this.versions.status === 'ready' && worksOn(this.workspace.user.role, this.spec.desk)
              ? html`<li data-locale=${locale}><button type="button" data-action="translate" ?disabled=${this.busy !== null || this.dirty}
                  aria-describedby=${this.dirty ? 'translate-save-first' : `translate-hint-${locale}`}
                  @click=${() => this.emit({ action: 'translate', locale })}>${this.busy === 'translate' ? t.creating : t.create(locale)}</button>
                  <span class="visually-hidden" id="translate-hint-${locale}">${t.createHint(locale)}</span></li>`
              : nothing;
          })}
        </ul>
        ${others.length && this.rights.edit && !this.confirming
          ? html`<button type="button" data-action="unlink" ?disabled=${this.busy !== null || this.dirty} @click=${this.ask}>${t.unlink}</button>`
          : nothing}
      </nav>
      ${this.dirty ? html`<p class="hint" id="translate-save-first">${t.saveFirst}</p>` : nothing}
      ${this.versions.status === 'loading' ? html`<p class="hint" role="status">${t.loading}</p>` : nothing}
      ${this.versions.status === 'error' ? html`<p class="hint" role="status">${t.loadError}</p>` : nothing}
      ${this.confirming ? this.renderConfirm(others) : nothing}
    `;
  }

  private renderConfirm(others: TranslationSummary[]) {
    const t = fr.translations;
    const names = others.map((v) => `la ${t.version[v.locale]} « ${v.title} »`).join(', ');
    return html`<div class="alert confirm" role="alertdialog" aria-labelledby="confirm-unlink">
      <p id="confirm-unlink">${t.confirmUnlink(names)}</p>
      <div class="buttons">
        <button type="button" class="danger" id="unlink-confirm" @click=${this.unlink}>${t.confirm}</button>
        <button type="button" id="unlink-keep" @click=${this.keep}>${t.keep}</button>
      </div>
    </div>`;
  }

  private async ask() {
    this.confirming = true;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#unlink-keep')?.focus();
  }

  private async keep() {
    this.confirming = false;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('[data-action="unlink"]')?.focus();
  }

  private unlink() {
    this.confirming = false;
    this.emit({ action: 'unlink' });
  }

  /** Gives the focus to an action's button when it is still there; false when it is not. */
  focusAction(action: string): boolean {
    const target = this.renderRoot.querySelector<HTMLElement>(`[data-action="${action}"]:not([disabled])`);
    target?.focus();
    return Boolean(target);
  }

  private async load(id: string) {
    const segment = this.spec.segment;
    if (!isTranslatable(segment)) return;
    if (this.versions.status !== 'ready') this.versions = { status: 'loading' };
    try {
      const items = await this.workspace.api.translations(segment).list(id);
      if (this.current?.item.id !== id) return;
      this.versions = { status: 'ready', items };
      this.dispatchEvent(new CustomEvent('vp-translations', { detail: items, bubbles: true, composed: true }));
    } catch {
      if (this.current?.item.id === id) this.versions = { status: 'error' };
    }
  }

  private emit(detail: ActionRequest) {
    this.dispatchEvent(new CustomEvent<ActionRequest>('vp-action', { detail, bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'vp-language-versions': VpLanguageVersions;
  }
}
