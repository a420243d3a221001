import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { fr } from '../i18n/fr.js';
import type { Editor } from './rich-text-engine.js';

type Command = { name: string; label: string; active?: () => boolean; run: () => void };

/**
 * A rich text field: a toolbar and a ProseMirror document (Tiptap), never a raw HTML textarea. Rendered in the
 * light DOM of the form that holds it, so that its label, hint and error (in that form) name and describe it.
 *
 * @fires vp-rich-change - `detail` is the field's new HTML ('' when empty).
 */
@customElement('vp-rich-text')
export class VpRichText extends LitElement {
  /** The HTML to show; a new value from outside (a reload, a restored draft) replaces the document. */
  @property() value = '';
  @property({ type: Boolean }) readonly = false;
  /** Ids of the label and of the hint/error/counter, for the editable area. */
  @property({ attribute: 'labelled-by' }) labelledBy = '';
  @property({ attribute: 'described-by' }) describedBy = '';
  @property({ attribute: 'invalid' }) invalid = 'false';

  @state() private ready = false;
  private editor: Editor | null = null;
  /** The HTML the document holds, to tell our own changes from new values. */
  private current = '';

  protected override createRenderRoot() {
    return this;
  }

  override render() {
    const commands = this.commands();
    return html`
      ${this.readonly
        ? nothing
        : html`<div class="rich-toolbar" role="toolbar" aria-label=${fr.rich.toolbar} ?hidden=${!this.ready}>
            ${commands.map(
              (c) => html`<button type="button" class="tool" aria-pressed=${c.active ? String(c.active()) : nothing} @mousedown=${(e: Event) => e.preventDefault()} @click=${c.run}>${c.label}</button>`,
            )}
          </div>`}
      <div class="rich-host"></div>
      ${this.ready ? nothing : html`<p class="hint" role="status">${fr.rich.loading}</p>`}
    `;
  }

  override async firstUpdated() {
    const { createEditor } = await import('./rich-text-engine.js');
    if (!this.isConnected) return;
    this.current = this.value;
    this.editor = createEditor({
      element: this.querySelector<HTMLElement>('.rich-host')!,
      content: this.value,
      editable: !this.readonly,
      attributes: this.ariaAttributes(),
      onChange: (value) => {
        this.current = value;
        this.dispatchEvent(new CustomEvent('vp-rich-change', { detail: value, bubbles: true, composed: true }));
      },
      onSelection: () => this.requestUpdate(),
    });
    this.ready = true;
  }

  override updated(changed: PropertyValues<this>) {
    const editor = this.editor;
    if (!editor) return;
    if (changed.has('value') && this.value !== this.current) {
      this.current = this.value;
      editor.commands.setContent(this.value, { emitUpdate: false });
    }
    if (changed.has('readonly')) editor.setEditable(!this.readonly);
    if (changed.has('labelledBy') || changed.has('describedBy') || changed.has('invalid')) {
      editor.setOptions({ editorProps: { ...editor.options.editorProps, attributes: { role: 'textbox', 'aria-multiline': 'true', class: 'rich-area', ...this.ariaAttributes() } } });
    }
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    this.editor?.destroy();
    this.editor = null;
    this.ready = false;
  }

  /** Gives the focus to the document (after an error on this field). */
  override focus() {
    this.editor?.commands.focus();
  }

  private ariaAttributes(): Record<string, string> {
    const attributes: Record<string, string> = { 'aria-labelledby': this.labelledBy, 'aria-invalid': this.invalid };
    if (this.describedBy) attributes['aria-describedby'] = this.describedBy;
    if (this.readonly) attributes['aria-readonly'] = 'true';
    return attributes;
  }

  private commands(): Command[] {
    const e = this.editor;
    if (!e) return [];
    const chain = () => e.chain().focus();
    const r = fr.rich;
    return [
      { name: 'bold', label: r.bold, active: () => e.isActive('bold'), run: () => chain().toggleBold().run() },
      { name: 'italic', label: r.italic, active: () => e.isActive('italic'), run: () => chain().toggleItalic().run() },
      { name: 'underline', label: r.underline, active: () => e.isActive('underline'), run: () => chain().toggleUnderline().run() },
      { name: 'h2', label: r.h2, active: () => e.isActive('heading', { level: 2 }), run: () => chain().toggleHeading({ level: 2 }).run() },
      { name: 'h3', label: r.h3, active: () => e.isActive('heading', { level: 3 }), run: () => chain().toggleHeading({ level: 3 }).run() },
      { name: 'bulletList', label: r.bulletList, active: () => e.isActive('bulletList'), run: () => chain().toggleBulletList().run() },
      { name: 'orderedList', label: r.orderedList, active: () => e.isActive('orderedList'), run: () => chain().toggleOrderedList().run() },
      { name: 'blockquote', label: r.blockquote, active: () => e.isActive('blockquote'), run: () => chain().toggleBlockquote().run() },
      { name: 'link', label: r.link, active: () => e.isActive('link'), run: () => this.editLink() },
      { name: 'undo', label: r.undo, run: () => chain().undo().run() },
    ];
  }

  private editLink() {
    const e = this.editor!;
    const previous = (e.getAttributes('link').href as string | undefined) ?? 'https://';
    const url = window.prompt(fr.rich.linkPrompt, previous);
    if (url === null) return;
    if (url.trim() === '') e.chain().focus().extendMarkRange('link').unsetLink().run();
    else e.chain().focus().extendMarkRange('link').setLink({ href: url.trim() }).run();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'vp-rich-text': VpRichText;
  }
}
