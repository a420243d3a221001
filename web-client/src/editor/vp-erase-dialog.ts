import { LitElement, css, html } from 'lit';
import { customElement, query, state } from 'lit/decorators.js';
import { fr } from '../i18n/fr.js';
import { shared } from './styles.js';

/**
 * The confirmation before an advertiser contact is erased: it says what will disappear, and the sales person types
 * the contact's name, so that no one erases a person by a slip of the mouse. A modal `<dialog>`: the browser keeps
 * the focus inside and Escape cancels.
 */
@customElement('vp-erase-dialog')
export class VpEraseDialog extends LitElement {
  static override styles = [
    shared,
    css`
      dialog { max-width: min(36rem, calc(100vw - 2rem)); border: 2px solid var(--vp-error); border-radius: 8px; padding: 1.25rem; }
      dialog::backdrop { background: rgb(0 0 0 / 0.45); }
      h2 { margin-top: 0; font-size: 1.2rem; }
      .buttons { display: flex; flex-wrap: wrap; gap: 0.5rem; }
    `,
  ];

  @state() private name = '';
  @state() private typed = '';
  @query('dialog') private dialog!: HTMLDialogElement;
  private answer: ((yes: boolean) => void) | null = null;

  /** Opens the dialog; true when the erasure is confirmed. */
  async ask(name: string): Promise<boolean> {
    this.name = name;
    this.typed = '';
    await this.updateComplete;
    this.dialog.showModal();
    this.renderRoot.querySelector<HTMLInputElement>('#erase-confirm')?.focus();
    return new Promise((resolve) => (this.answer = resolve));
  }

  override render() {
    const e = fr.editor.erase;
    const matches = this.typed.trim() === this.name.trim() && this.name.trim() !== '';
    return html`<dialog aria-labelledby="erase-title" aria-describedby="erase-intro" @close=${() => this.close(false)}>
      <h2 id="erase-title">${e.title}</h2>
      <p id="erase-intro">${e.intro(this.name)}</p>
      <ul>${e.items.map((item) => html`<li>${item}</li>`)}</ul>
      <div class="field">
        <label for="erase-confirm">${e.confirmLabel(this.name)}</label>
        <input id="erase-confirm" type="text" autocomplete="off" .value=${this.typed} @input=${(ev: Event) => (this.typed = (ev.target as HTMLInputElement).value)} />
      </div>
      <div class="buttons">
        <button type="button" class="danger" ?disabled=${!matches} @click=${() => this.close(true)}>${e.confirm}</button>
        <button type="button" @click=${() => this.close(false)}>${e.cancel}</button>
      </div>
    </dialog>`;
  }

  private close(yes: boolean) {
    const answer = this.answer;
    this.answer = null;
    if (this.dialog.open) this.dialog.close();
    answer?.(yes);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'vp-erase-dialog': VpEraseDialog;
  }
}
