import { LitElement, css, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import type { Segment } from '../api/client.js';
import { boundsOf, errorId, fieldId, getAt, type Field, type Json, type Section, type Values } from '../content/fields.js';
import { NEWSROOM_ZONE, instantOf, localInZone } from '../content/time.js';
import { fr } from '../i18n/fr.js';
import { shared } from './styles.js';
import type { Workspace } from './workspace.js';
import './vp-relation-picker.js';
import './vp-rich-text.js';

export interface FieldChange {
  path: string;
  value: Json | undefined;
}

/** IANA zones for the time zone field's suggestions (the API checks the value). */
const zones: readonly string[] = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [NEWSROOM_ZONE];

/**
 * The form of one content type, drawn from its field descriptions: each field gets its label, hint, counter (when
 * the contract bounds it) and error, linked to its input for screen readers. It holds no state of its own but the
 * text being typed in list and number fields (so that "a, b," or "1," can be typed); the editor owns the values.
 *
 * @fires vp-field-change - `detail` is `{ path, value }`; `undefined` removes the property.
 */
@customElement('vp-content-form')
export class VpContentForm extends LitElement {
  static override styles = [
    shared,
    css`
      :host { display: block; }
      fieldset { border: 1px solid var(--vp-line); border-radius: 6px; padding: 1rem; margin: 0 0 1.25rem; background: var(--vp-bg); min-width: 0; }
      fieldset fieldset { background: #fafbf8; padding: 0.75rem; }
      legend { font-weight: 700; padding: 0 0.4rem; }
      .choices { display: grid; grid-template-columns: repeat(auto-fill, minmax(min(14rem, 100%), 1fr)); gap: 0.3rem 1rem; }
      .choices label, label.check { font-weight: 400; display: flex; gap: 0.4rem; align-items: baseline; margin: 0; }
      .row-actions { display: flex; flex-wrap: wrap; gap: 0.5rem; }
      .counter { display: block; font-size: 0.85rem; color: var(--vp-muted); text-align: right; }
      .counter.over { color: var(--vp-error); font-weight: 700; }
      input[readonly], textarea[readonly] { background: #f3f4f1; border-style: dashed; }
      input[type='number'], input[type='date'], input[type='datetime-local'], input[type='tel'] { font: inherit; padding: 0.45rem 0.6rem; border: 1px solid #7b8577; border-radius: 4px; max-width: 100%; }
      .rich-toolbar { display: flex; flex-wrap: wrap; gap: 0.25rem; margin-bottom: 0.25rem; }
      .rich-toolbar .tool { padding: 0.2rem 0.55rem; font-size: 0.9rem; }
      .rich-toolbar .tool[aria-pressed='true'] { background: var(--vp-green); color: #fff; }
      .rich-area { min-height: 10rem; border: 1px solid #7b8577; border-radius: 4px; padding: 0.5rem 0.75rem; background: #fff; overflow-wrap: anywhere; }
      .rich-area:focus-visible { outline: 3px solid #f2b01e; outline-offset: 2px; }
      vp-rich-text[invalid='true'] .rich-area { border: 2px solid var(--vp-error); }
      .rich-area[aria-readonly='true'] { background: #f3f4f1; border-style: dashed; }
      .rich-area p { margin: 0 0 0.6rem; }
      .rich-area blockquote { border-left: 3px solid var(--vp-line); margin: 0 0 0.6rem; padding-left: 0.75rem; }
    `,
  ];

  @property() segment!: Segment;
  @property({ attribute: false }) sections: readonly Section[] = [];
  @property({ attribute: false }) values: Values = {};
  @property({ attribute: false }) errors: Record<string, string[]> = {};
  @property({ attribute: false }) workspace!: Workspace;
  @property({ type: Boolean }) readonly = false;
  /** The slug the item has now (made from the title when none was given). */
  @property() slugInUse = '';
  /** Raised by the editor when it replaces the values (load, reload, restore): typed text is forgotten. */
  @property({ type: Number }) generation = 0;

  /** Text typed in list and number fields, by path, until the values are replaced. */
  private typed = new Map<string, string>();

  override willUpdate(changed: PropertyValues<this>) {
    if (changed.has('generation')) this.typed.clear();
  }

  override render() {
    return this.sections.map((section) => {
      const only = section.fields.length === 1 ? section.fields[0]! : null;
      // A section holding one group of the same name is that group's fieldset: no legend twice.
      if (only && (only.kind === 'group' || only.kind === 'rows') && only.label === section.title) return this.renderField(only, '');
      return html`<fieldset><legend>${section.title}</legend>${section.fields.map((f) => this.renderField(f, ''))}</fieldset>`;
    });
  }

  /** Where the focus goes once the editor has drawn the change (a row added, moved or removed). */
  private pendingFocus: string | null = null;

  private focusSoon(path: string) {
    this.pendingFocus = path;
  }

  override updated() {
    if (this.pendingFocus && this.focusField(this.pendingFocus)) this.pendingFocus = null;
  }

  /** Gives the focus to the input of the field at `path` (after a refused save). */
  focusField(path: string): boolean {
    const target = this.renderRoot.querySelector<HTMLElement>(`#${CSS.escape(fieldId(path))}`);
    if (!target) return false;
    target.focus();
    return true;
  }

  private renderField(field: Field, prefix: string): TemplateResult {
    const path = prefix ? `${prefix}.${field.path}` : field.path;
    switch (field.kind) {
      case 'group':
        return html`<fieldset id=${fieldId(path)} tabindex="-1">
          <legend>${field.label}</legend>
          ${field.hint ? html`<p class="hint">${field.hint}</p>` : nothing}
          ${field.fields.map((f) => this.renderField(f, path))}
        </fieldset>`;
      case 'rows':
        return this.renderRows(field, path);
      case 'checkbox':
        return html`<div class="field">
          <label class="check">
            <input type="checkbox" id=${fieldId(path)} .checked=${live(getAt(this.values, path) === true)} ?disabled=${this.readonly}
              aria-invalid=${this.invalid(path)} aria-describedby=${this.describedBy(path, field)}
              @change=${(e: Event) => this.change(path, (e.target as HTMLInputElement).checked)} />
            ${field.label}
          </label>
          ${this.hintOf(path, field)} ${this.errorOf(path)}
        </div>`;
      case 'themes':
      case 'regions':
        return this.renderChoices(field, path, field.kind === 'themes' ? this.workspace.themes : this.workspace.regions);
      case 'relations':
        return html`<div class="field">
          <vp-relation-picker .api=${this.workspace.api} target=${field.target} label=${field.label} .fieldId=${fieldId(path)}
            .value=${(getAt(this.values, path) as string[] | undefined) ?? []} ?readonly=${this.readonly}
            max-items=${boundsOf(this.segment, path).maxItems ?? 0} error=${(this.errors[path] ?? []).join(' ')}
            @vp-relations-change=${(e: CustomEvent<string[]>) => this.change(path, e.detail)}></vp-relation-picker>
        </div>`;
      default:
        return html`<div class="field">
          ${this.labelOf(path, field)} ${this.hintOf(path, field)} ${this.input(field, path)} ${this.counterOf(path)} ${this.errorOf(path)}
        </div>`;
    }
  }

  private input(field: Field, path: string): TemplateResult {
    const id = fieldId(path);
    const value = getAt(this.values, path);
    const common = { id, invalid: this.invalid(path), describedBy: this.describedBy(path, field) };
    const text = (type: string, shown: string, parse: (raw: string) => Json | undefined, extra: Record<string, string> = {}) => html`<input
      id=${common.id} name=${path} type=${type} .value=${live(shown)} ?readonly=${this.readonly}
      autocomplete=${extra.autocomplete ?? nothing} step=${extra.step ?? nothing} list=${extra.list ?? nothing} inputmode=${extra.inputmode ?? nothing}
      aria-required=${field.required ? 'true' : nothing} aria-invalid=${common.invalid} aria-describedby=${common.describedBy}
      @input=${(e: Event) => this.change(path, parse((e.target as HTMLInputElement).value), (e.target as HTMLInputElement).value)} />`;
    const str = (v: Json | undefined) => (typeof v === 'string' ? v : '');
    switch (field.kind) {
      case 'textarea':
        return html`<textarea id=${id} name=${path} .value=${live(str(value))} ?readonly=${this.readonly}
          aria-required=${field.required ? 'true' : nothing} aria-invalid=${common.invalid} aria-describedby=${common.describedBy}
          @input=${(e: Event) => this.change(path, (e.target as HTMLTextAreaElement).value)}></textarea>`;
      case 'rich':
        return html`<vp-rich-text id=${id} .value=${str(value)} ?readonly=${this.readonly} labelled-by="${id}-label"
          described-by=${common.describedBy === nothing ? '' : common.describedBy} invalid=${common.invalid}
          @vp-rich-change=${(e: CustomEvent<string>) => this.change(path, e.detail)}></vp-rich-text>`;
      case 'choice': {
        const current = str(value);
        return html`<select id=${id} name=${path} ?disabled=${this.readonly} aria-invalid=${common.invalid} aria-describedby=${common.describedBy}
          aria-required=${field.required ? 'true' : nothing} @change=${(e: Event) => this.change(path, (e.target as HTMLSelectElement).value || undefined)}>
          ${field.required && current ? nothing : html`<option value="" ?selected=${current === ''}>${field.empty ?? fr.editor.choose}</option>`}
          ${Object.entries(field.options).map(([v, label]) => html`<option value=${v} ?selected=${v === current}>${label}</option>`)}
        </select>`;
      }
      case 'region': {
        const current = str(value);
        return html`<select id=${id} name=${path} ?disabled=${this.readonly} aria-invalid=${common.invalid} aria-describedby=${common.describedBy}
          aria-required=${field.required ? 'true' : nothing} @change=${(e: Event) => this.change(path, (e.target as HTMLSelectElement).value || undefined)}>
          <option value="" ?selected=${current === ''}>${fr.editor.chooseRegion}</option>
          ${this.workspace.regions.map((r) => html`<option value=${r.code} ?selected=${r.code === current}>${r.label}</option>`)}
        </select>`;
      }
      case 'number':
        return text('number', this.typed.get(path) ?? (typeof value === 'number' ? String(value) : ''),
          (raw) => (raw.trim() === '' || Number.isNaN(Number(raw)) ? undefined : Number(raw)), { step: field.step ?? 'any', inputmode: 'decimal' });
      case 'words':
        return text('text', this.typed.get(path) ?? (Array.isArray(value) ? value.join(', ') : ''),
          (raw) => raw.split(',').map((s) => s.trim()).filter((s) => s !== ''));
      case 'date':
        return text('date', str(value).slice(0, 10), (raw) => raw || undefined);
      case 'local-datetime': {
        const dateOnly = field.dateOnlyWhen ? getAt(this.values, field.dateOnlyWhen) === true : false;
        return dateOnly
          ? text('date', str(value).slice(0, 10), (raw) => raw || undefined)
          : text('datetime-local', str(value).slice(0, 16), (raw) => (raw ? `${raw.slice(0, 16)}:00` : undefined));
      }
      case 'instant':
        return text('datetime-local', typeof value === 'string' && value ? localInZone(new Date(value)) : '', (raw) => instantOf(raw) ?? undefined);
      case 'timezone':
        return html`${text('text', str(value), (raw) => raw, { list: `${id}-zones`, autocomplete: 'off' })}
          <datalist id="${id}-zones">${zones.map((z) => html`<option value=${z}></option>`)}</datalist>`;
      case 'text':
      case 'slug':
      default:
        return text(field.kind === 'text' ? (field.input ?? 'text') : 'text', str(value), (raw) => raw, {
          ...(field.kind === 'text' && field.autocomplete ? { autocomplete: field.autocomplete } : {}),
          ...(field.kind === 'slug' ? { autocomplete: 'off' } : {}),
        });
    }
  }

  private renderChoices(field: Field, path: string, items: Workspace['themes']) {
    const chosen = (getAt(this.values, path) as string[] | undefined) ?? [];
    const toggle = (code: string, on: boolean) => {
      const rest = chosen.filter((c) => c !== code);
      this.change(path, on ? [...rest, code] : rest);
    };
    return html`<fieldset id=${fieldId(path)} tabindex="-1" aria-describedby=${this.describedBy(path, field)}>
      <legend>${field.label}</legend>
      ${this.hintOf(path, field)}
      <div class="choices">
        ${items.map(
          (item) => html`<label><input type="checkbox" .checked=${live(chosen.includes(item.code))} ?disabled=${this.readonly}
            @change=${(e: Event) => toggle(item.code, (e.target as HTMLInputElement).checked)} />${item.label}</label>`,
        )}
      </div>
      ${this.errorOf(path)}
    </fieldset>`;
  }

  private renderRows(field: Extract<Field, { kind: 'rows' }>, path: string) {
    const rows = (getAt(this.values, path) as Values[] | undefined) ?? [];
    const max = boundsOf(this.segment, path).maxItems;
    const move = (from: number, to: number) => {
      const next = [...rows];
      const [row] = next.splice(from, 1);
      next.splice(to, 0, row!);
      this.typed.clear();
      this.focusSoon(`${path}[${to}]`);
      this.change(path, next);
    };
    const remove = (index: number) => {
      this.typed.clear();
      // The button pressed is gone: focus goes to the row that takes its place, else to the add button.
      this.focusSoon(rows.length > 1 ? `${path}[${Math.min(index, rows.length - 2)}]` : `${path}-add`);
      this.change(path, rows.filter((_, i) => i !== index));
    };
    const add = () => {
      this.focusSoon(`${path}[${rows.length}].${field.fields[0]!.path}`);
      this.change(path, [...rows, field.blank()]);
    };
    return html`<fieldset id=${fieldId(path)} tabindex="-1" aria-describedby=${this.describedBy(path, field)}>
      <legend>${field.label}${max ? html` <span class="hint" style="display:inline">(${fr.editor.items(rows.length, max)})</span>` : nothing}</legend>
      ${this.hintOf(path, field)} ${this.errorOf(path)}
      ${rows.length === 0 ? html`<p class="hint">${fr.editor.none}</p>` : nothing}
      ${rows.map((_, i) => {
        const rowPath = `${path}[${i}]`;
        const name = `${field.itemLabel} ${i + 1}`;
        return html`<fieldset id=${fieldId(rowPath)} tabindex="-1">
          <legend>${name}</legend>
          ${field.fields.map((f) => this.renderField(f, rowPath))}
          ${this.readonly
            ? nothing
            : html`<div class="row-actions">
                ${i > 0 ? html`<button type="button" @click=${() => move(i, i - 1)}>${fr.editor.moveUp(name.toLowerCase())}</button>` : nothing}
                ${i < rows.length - 1 ? html`<button type="button" @click=${() => move(i, i + 1)}>${fr.editor.moveDown(name.toLowerCase())}</button>` : nothing}
                <button type="button" class="danger" @click=${() => remove(i)}>${fr.editor.removeRow(name.toLowerCase())}</button>
              </div>`}
        </fieldset>`;
      })}
      ${this.readonly || (max !== undefined && rows.length >= max) ? nothing : html`<button type="button" id=${fieldId(`${path}-add`)} @click=${add}>${field.add}</button>`}
    </fieldset>`;
  }

  private labelOf(path: string, field: Field) {
    const id = fieldId(path);
    const required = field.required ? html` <span class="hint" style="display:inline">${fr.editor.required}</span>` : nothing;
    // A rich text field's editable area is no input: its label names it through aria-labelledby.
    return field.kind === 'rich'
      ? html`<span class="label" id="${id}-label">${field.label}${required}</span>`
      : html`<label for=${id} id="${id}-label">${field.label}${required}</label>`;
  }

  private hintOf(path: string, field: Field) {
    const slug = field.kind === 'slug' && this.slugInUse ? fr.editor.slugInUse(this.slugInUse) : '';
    const text = [field.hint, slug].filter(Boolean).join(' ');
    return text ? html`<span class="hint" id="${fieldId(path)}-hint">${text}</span>` : nothing;
  }

  private counterOf(path: string) {
    const max = boundsOf(this.segment, path).maxLength;
    if (!max) return nothing;
    const value = getAt(this.values, path);
    const length = typeof value === 'string' ? value.length : 0;
    // Long bodies show their count only as they near the bound: a counter at 12 / 200000 says nothing.
    if (max > 5000 && length < max * 0.9) return nothing;
    const over = length > max;
    return html`<span class="counter ${over ? 'over' : ''}" id="${fieldId(path)}-count">${over ? fr.editor.tooLong(length, max) : fr.editor.characters(length, max)}</span>`;
  }

  private errorOf(path: string) {
    const messages = this.errors[path];
    return messages?.length ? html`<p class="field-error" id=${errorId(path)}>${messages.join(' ')}</p>` : nothing;
  }

  private invalid(path: string) {
    return this.errors[path]?.length ? 'true' : 'false';
  }

  /** The ids that describe a field: its hint, counter and error. `nothing` removes the attribute. */
  private describedBy(path: string, field: Field) {
    const id = fieldId(path);
    const max = boundsOf(this.segment, path).maxLength;
    const value = getAt(this.values, path);
    const counted = max && !(max > 5000 && (typeof value === 'string' ? value.length : 0) < max * 0.9);
    const hinted = field.hint || (field.kind === 'slug' && this.slugInUse);
    const ids = [hinted ? `${id}-hint` : '', counted && field.kind !== 'group' && field.kind !== 'rows' ? `${id}-count` : '', this.errors[path]?.length ? errorId(path) : ''].filter(Boolean);
    return ids.length ? ids.join(' ') : nothing;
  }

  private change(path: string, value: Json | undefined, typed?: string) {
    if (typed !== undefined) this.typed.set(path, typed);
    this.dispatchEvent(new CustomEvent<FieldChange>('vp-field-change', { detail: { path, value }, bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'vp-content-form': VpContentForm;
  }
}
