/**
 * The field descriptions every content type is made of, and what the editor does with them: read and write a
 * value by its path in the content, clean the form into what the API takes, find a field's label and bounds, and
 * put a problem's `errors` beside the right field.
 *
 * The form holds the content in its API shape (nested objects, arrays of rows), so a type needs no mapping code:
 * its description says which paths are edited and how. Validation rules live in the API only; the form shows the
 * API's French messages rather than rules that would drift.
 */
import { bounds } from '../api/bounds.js';
import type { Segment } from '../api/client.js';

/** A value of the content being edited: JSON. */
export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };
export type Values = { [key: string]: Json };

interface Base {
  /** Property path inside the content (or inside a row): `title`, `seo.title`, `name`. */
  path: string;
  label: string;
  hint?: string;
  /** Shown as "(obligatoire)"; the API decides. */
  required?: boolean;
}

export type Field =
  | (Base & { kind: 'text'; input?: 'text' | 'url' | 'email' | 'tel'; autocomplete?: string })
  | (Base & { kind: 'textarea' })
  | (Base & { kind: 'rich' })
  | (Base & { kind: 'slug' })
  | (Base & { kind: 'number'; step?: string })
  | (Base & { kind: 'checkbox' })
  | (Base & { kind: 'choice'; options: Readonly<Record<string, string>>; empty?: string })
  | (Base & { kind: 'date' })
  /** A local date and time at the event, without offset; a date only when the checkbox at `dateOnlyWhen` is ticked. */
  | (Base & { kind: 'local-datetime'; dateOnlyWhen?: string })
  /** An instant (ISO 8601 with offset), typed on the Paris clock. */
  | (Base & { kind: 'instant' })
  | (Base & { kind: 'timezone' })
  /** A list of short texts, typed comma separated. */
  | (Base & { kind: 'words' })
  | (Base & { kind: 'themes' })
  | (Base & { kind: 'regions' })
  | (Base & { kind: 'region' })
  | (Base & { kind: 'relations'; target: Segment })
  /** An object; `optional`: sent only when one of its fields is filled (so the API names the part missing). */
  | (Base & { kind: 'group'; fields: Field[]; optional?: boolean; defaults?: Values })
  /** A list of objects (actors, indicators…), each edited with `fields`. */
  | (Base & { kind: 'rows'; fields: Field[]; itemLabel: string; add: string; blank: () => Values });

export type FieldKind = Field['kind'];

/** A section of the form (a fieldset), in order. */
export interface Section {
  title: string;
  fields: Field[];
}

const INDEX = /\[(\d+)\]/g;

/** `actors[2].name` → `actors.name`: the path of the field description and of the contract's bounds. */
export const shapeOf = (path: string): string => path.replace(INDEX, '');

/** `actors[2].name` → ['actors', 2, 'name']. */
function steps(path: string): (string | number)[] {
  return path
    .replace(INDEX, '.$1')
    .split('.')
    .filter((s) => s !== '')
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

export function getAt(values: Values, path: string): Json | undefined {
  let at: Json | undefined = values;
  for (const step of steps(path)) {
    if (at === null || typeof at !== 'object') return undefined;
    at = (at as Record<string, Json>)[step as string];
  }
  return at;
}

/** A copy of `values` with `value` at `path` (objects on the way are made; `undefined` removes the property). */
export function setAt(values: Values, path: string, value: Json | undefined): Values {
  const [head, ...rest] = steps(path);
  const write = (node: Json | undefined, key: string | number, tail: (string | number)[]): Json => {
    const copy: Json = Array.isArray(node) ? [...node] : node && typeof node === 'object' ? { ...node } : typeof key === 'number' ? [] : {};
    const container = copy as Record<string | number, Json>;
    if (tail.length === 0) {
      if (value === undefined) delete container[key];
      else container[key] = value;
    } else {
      container[key] = write(container[key], tail[0]!, tail.slice(1));
    }
    return copy;
  };
  return write(values, head!, rest) as Values;
}

/** The contract's bounds of a field of `segment` (maxLength, maxItems…), from openapi.yaml. */
export function boundsOf(segment: Segment, path: string): { maxLength?: number; minLength?: number; maxItems?: number } {
  const table = bounds[segment] as Record<string, { maxLength?: number; minLength?: number; maxItems?: number }> | undefined;
  return table?.[shapeOf(path)] ?? {};
}

/** Every field of the description, depth first, with its absolute shape path (`actors.name`) and its enclosing fields. */
export function* walk(fields: readonly Field[], prefix = '', within: Field[] = []): Generator<{ field: Field; path: string; within: Field[] }> {
  for (const field of fields) {
    const path = prefix ? `${prefix}.${field.path}` : field.path;
    yield { field, path, within };
    if (field.kind === 'group' || field.kind === 'rows') yield* walk(field.fields, path, [...within, field]);
  }
}

const blankString = (v: Json | undefined) => typeof v === 'string' && v.trim() === '';
/** What ProseMirror gives for an empty document. */
const blankRich = (v: Json | undefined) => typeof v === 'string' && v.replace(/<p>\s*<\/p>|<br\s*\/?>/g, '').trim() === '';

/**
 * The form's values as the API takes them: text trimmed (rich text kept as is), blank optional values left out,
 * an optional group sent only when one of its fields differs from its defaults. Properties no field edits (a
 * translation group, relations shown elsewhere) are kept, so a save never wipes them.
 */
export function toContent(fields: readonly Field[], values: Values): Values {
  let out: Values = { ...values };
  for (const field of fields) {
    const value = getAt(values, field.path);
    const cleaned = clean(field, value, values);
    out = setAt(out, field.path, cleaned);
  }
  return out;
}

/** `siblings`: the object the field is in, where a `dateOnlyWhen` checkbox is read. */
function clean(field: Field, value: Json | undefined, siblings: Values): Json | undefined {
  if (value === undefined || value === null) return undefined;
  switch (field.kind) {
    case 'local-datetime':
      // A whole-day event takes days: a time typed before the box was ticked is dropped, as the form shows.
      return typeof value === 'string' && field.dateOnlyWhen && getAt(siblings, field.dateOnlyWhen) === true ? value.slice(0, 10) : value;
    case 'rich':
      return blankRich(value) ? undefined : value;
    case 'group': {
      if (typeof value !== 'object' || Array.isArray(value)) return undefined;
      const inner = toContent(field.fields, value);
      if (!field.optional) return inner;
      const defaults = field.defaults ?? {};
      const filled = Object.entries(inner).some(([k, v]) => v !== undefined && v !== false && !(Array.isArray(v) && v.length === 0) && v !== defaults[k]);
      return filled ? inner : undefined;
    }
    case 'rows':
      return Array.isArray(value) ? value.map((row) => (row && typeof row === 'object' && !Array.isArray(row) ? toContent(field.fields, row) : row)) : [];
    default:
      if (typeof value === 'string') return blankString(value) ? undefined : value.trim();
      return value;
  }
}

/** The DOM id of the input of a field at `path` (indices included: each row has its own). */
export const fieldId = (path: string): string => `f-${path.replace(/[^A-Za-z0-9]+/g, '-').replace(/-$/, '')}`;
export const errorId = (path: string): string => `${fieldId(path)}-error`;

/**
 * A problem's key as a form path: `Cover.Alt` → `cover.alt`, `content.title` → `title`, `Actors[0].Name` →
 * `actors[0].name`. Validators are not always consistent about casing or a wrapping request property, and a
 * message that lands beside the wrong field (or nowhere) is worse than none.
 */
export function normaliseErrorKey(key: string): string {
  return key
    .split('.')
    .filter((part) => part !== '')
    .map((part) => part.charAt(0).toLowerCase() + part.slice(1))
    .join('.')
    .replace(/^(content|request|body)\./, '');
}

export interface MappedErrors {
  /** Messages by the path of the field that shows them (indices included). */
  byPath: Record<string, string[]>;
  /** Messages about no field of the form, with the label of what they are about. */
  other: { label: string; messages: string[] }[];
}

/**
 * Puts each message beside its field: the field at that exact path, else the nearest field that contains it
 * (a message on `actors[1]` goes to that row's first field, on `venue` to the venue's first field). A message on
 * nothing the form shows keeps the label of the closest described field, never the API's property name.
 */
export function mapErrors(fields: readonly Field[], errors: Record<string, string[]> | null | undefined, values: Values): MappedErrors {
  const mapped: MappedErrors = { byPath: {}, other: [] };
  const shown = new Set(inputPaths(fields, values));
  for (const [key, messages] of Object.entries(errors ?? {})) {
    const path = normaliseErrorKey(key);
    const target = [path, ...ancestors(path)].map((p) => (shown.has(p) ? p : firstInputUnder(p, shown))).find((p) => p);
    if (target) mapped.byPath[target] = [...(mapped.byPath[target] ?? []), ...messages];
    else mapped.other.push({ label: labelOf(fields, path) ?? '', messages });
  }
  return mapped;
}

function ancestors(path: string): string[] {
  const out: string[] = [];
  let p = path;
  while (/[.[]/.test(p)) {
    p = p.replace(/(\.[^.[\]]+|\[\d+\])$/, '');
    out.push(p);
  }
  return out;
}

function firstInputUnder(path: string, shown: Set<string>): string | undefined {
  for (const p of shown) if (p.startsWith(`${path}.`) || p.startsWith(`${path}[`)) return p;
  return undefined;
}

/** The paths of every input the form shows for these values, in form order (rows expanded). */
export function inputPaths(fields: readonly Field[], values: Values, prefix = ''): string[] {
  const out: string[] = [];
  for (const field of fields) {
    const path = prefix ? `${prefix}.${field.path}` : field.path;
    if (field.kind === 'group') out.push(...inputPaths(field.fields, values, path));
    else if (field.kind === 'rows') {
      out.push(path);
      const rows = getAt(values, path);
      (Array.isArray(rows) ? rows : []).forEach((_, i) => out.push(...inputPaths(field.fields, values, `${path}[${i}]`)));
    } else out.push(path);
  }
  return out;
}

/**
 * The label a person reads for a path, with what contains it: `seo.title` → "Référencement — Titre pour les
 * moteurs de recherche", `actors[1].name` → "Acteurs — Acteur 2 — Nom", `tags[1]` → "Mots-clés, n° 2".
 */
export function labelOf(fields: readonly Field[], path: string): string | undefined {
  const shape = shapeOf(path);
  const entry = [...walk(fields)].find((e) => e.path === shape);
  if (!entry) {
    const parent = ancestors(path).find((a) => labelOf(fields, a));
    return parent ? labelOf(fields, parent) : undefined;
  }
  const parts: string[] = [];
  const tokens = steps(path);
  for (const outer of entry.within) {
    parts.push(outer.label);
    if (outer.kind === 'rows') {
      const name = outer.path.split('.').pop();
      const at = tokens.findIndex((t, i) => t === name && typeof tokens[i + 1] === 'number');
      if (at >= 0) parts.push(`${outer.itemLabel} ${(tokens[at + 1] as number) + 1}`);
    }
  }
  const own = /\[(\d+)\]$/.exec(path)?.[1];
  parts.push(own === undefined ? entry.field.label : `${entry.field.label}, n° ${Number(own) + 1}`);
  return parts.join(' — ');
}
