/**
 * What the article form holds (plain strings, as inputs give them) and how it maps to and from the
 * API's ArticleContent; plus the mapping of a problem's `errors` onto the form's fields.
 *
 * Validation rules themselves live in the API only: the form shows the API's French messages
 * rather than duplicating rules that would drift.
 */
import type { ArticleContent, Locale } from '../api/client.js';

export const THEME_CODES = [
  'energie',
  'eau',
  'air',
  'dechets-economie-circulaire',
  'mobilite',
  'biodiversite-nature-en-ville',
  'batiment-habitat',
  'numerique-donnees',
  'gouvernance-participation',
  'services-urbains',
  'amenagement-urbanisme',
  'financement',
  'international',
] as const;

export interface ArticleFormValues {
  locale: Locale;
  title: string;
  slug: string;
  standfirst: string;
  body: string;
  rubric: string;
  /** Comma separated, as typed. */
  authors: string;
  /** Comma separated, as typed. */
  tags: string;
  themes: string[];
  intervieweeName: string;
  intervieweeRole: string;
  intervieweeOrganisation: string;
  coverUrl: string;
  coverAlt: string;
  coverCredit: string;
  seoTitle: string;
  seoDescription: string;
  // Not editable in this slice, but kept so that a save does not wipe them.
  translationGroup: string | null;
  relatedFiches: string[];
  relatedEvents: string[];
}

/**
 * The form's fields, keyed by the API's property path as it appears in a problem's `errors`.
 * The input id is derived from it (dots are awkward in CSS selectors).
 */
export const FIELD_PATHS = [
  'locale',
  'title',
  'slug',
  'standfirst',
  'body',
  'rubric',
  'authors',
  'tags',
  'themes',
  'interviewee',
  'interviewee.name',
  'interviewee.role',
  'interviewee.organisation',
  'cover',
  'cover.url',
  'cover.alt',
  'cover.credit',
  'seo',
  'seo.title',
  'seo.description',
] as const;
export type FieldPath = (typeof FIELD_PATHS)[number];

export const fieldId = (path: FieldPath): string => `f-${path.replace('.', '-')}`;
export const errorId = (path: FieldPath): string => `${fieldId(path)}-error`;

export function emptyForm(): ArticleFormValues {
  return {
    locale: 'fr',
    title: '',
    slug: '',
    standfirst: '',
    body: '',
    rubric: '',
    authors: '',
    tags: '',
    themes: [],
    intervieweeName: '',
    intervieweeRole: '',
    intervieweeOrganisation: '',
    coverUrl: '',
    coverAlt: '',
    coverCredit: '',
    seoTitle: '',
    seoDescription: '',
    translationGroup: null,
    relatedFiches: [],
    relatedEvents: [],
  };
}

export function toFormValues(content: ArticleContent): ArticleFormValues {
  return {
    locale: content.locale ?? 'fr',
    title: content.title ?? '',
    slug: content.slug ?? '',
    standfirst: content.standfirst ?? '',
    body: content.body ?? '',
    rubric: content.rubric ?? '',
    authors: joinList(content.authors),
    tags: joinList(content.tags),
    themes: [...(content.themes ?? [])],
    intervieweeName: content.interviewee?.name ?? '',
    intervieweeRole: content.interviewee?.role ?? '',
    intervieweeOrganisation: content.interviewee?.organisation ?? '',
    coverUrl: content.cover?.url ?? '',
    coverAlt: content.cover?.alt ?? '',
    coverCredit: content.cover?.credit ?? '',
    seoTitle: content.seo?.title ?? '',
    seoDescription: content.seo?.description ?? '',
    translationGroup: content.translationGroup ?? null,
    relatedFiches: [...(content.relatedFiches ?? [])],
    relatedEvents: [...(content.relatedEvents ?? [])],
  };
}

/**
 * Blank optional text becomes absent; a group (cover, SEO, interviewee) is sent only when one of its
 * fields is filled, so that the API can say which required part is missing (e.g. `cover.alt`).
 * The title is sent as typed, even blank, for the API to judge.
 */
export function toContent(v: ArticleFormValues): ArticleContent {
  const content: ArticleContent = {
    locale: v.locale,
    title: v.title.trim(),
    authors: splitList(v.authors),
    tags: splitList(v.tags),
    themes: [...v.themes],
    relatedFiches: [...v.relatedFiches],
    relatedEvents: [...v.relatedEvents],
  };
  const optional = (s: string) => (s.trim() === '' ? undefined : s.trim());
  assign(content, 'translationGroup', v.translationGroup ?? undefined);
  assign(content, 'slug', optional(v.slug));
  assign(content, 'standfirst', optional(v.standfirst));
  // The body is HTML: keep its whitespace, only drop it when blank.
  assign(content, 'body', v.body.trim() === '' ? undefined : v.body);
  assign(content, 'rubric', optional(v.rubric));
  if ([v.intervieweeName, v.intervieweeRole, v.intervieweeOrganisation].some((s) => s.trim() !== '')) {
    content.interviewee = { name: v.intervieweeName.trim() };
    assign(content.interviewee, 'role', optional(v.intervieweeRole));
    assign(content.interviewee, 'organisation', optional(v.intervieweeOrganisation));
  }
  if ([v.coverUrl, v.coverAlt, v.coverCredit].some((s) => s.trim() !== '')) {
    content.cover = { url: v.coverUrl.trim(), alt: v.coverAlt.trim() };
    assign(content.cover, 'credit', optional(v.coverCredit));
  }
  if ([v.seoTitle, v.seoDescription].some((s) => s.trim() !== '')) {
    content.seo = {};
    assign(content.seo, 'title', optional(v.seoTitle));
    assign(content.seo, 'description', optional(v.seoDescription));
  }
  return content;
}

/** Sets a property only when it has a value, so absent stays absent in the JSON. */
function assign<T extends object, K extends keyof T>(target: T, key: K, value: T[K] | undefined): void {
  if (value !== undefined) target[key] = value;
}

export function splitList(text: string): string[] {
  return text
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

function joinList(items: readonly string[] | null | undefined): string {
  return (items ?? []).join(', ');
}

/**
 * Normalises a key of a problem's `errors` to a form path: `Cover.Alt` → `cover.alt`,
 * `authors[2]` → `authors`, `content.title` → `title`. Validators are not always consistent about
 * casing, indices or a wrapping request property, and a message that lands beside the wrong field
 * (or nowhere) is worse than none.
 */
export function normaliseErrorKey(key: string): string {
  return key
    .replace(/\[\d+\]/g, '')
    .split('.')
    .filter((part) => part !== '')
    .map((part) => part.charAt(0).toLowerCase() + part.slice(1))
    .join('.')
    .replace(/^(content|request|body)\./, '');
}

export interface MappedErrors {
  /** Messages shown beside their field. */
  byField: Partial<Record<FieldPath, string[]>>;
  /** Messages with no field on this form: shown in the alert, with their key. */
  other: { key: string; messages: string[] }[];
}

export function mapFieldErrors(errors: Record<string, string[]> | null | undefined): MappedErrors {
  const mapped: MappedErrors = { byField: {}, other: [] };
  for (const [key, messages] of Object.entries(errors ?? {})) {
    const path = normaliseErrorKey(key);
    if ((FIELD_PATHS as readonly string[]).includes(path)) {
      const field = path as FieldPath;
      mapped.byField[field] = [...(mapped.byField[field] ?? []), ...messages];
    } else {
      mapped.other.push({ key, messages });
    }
  }
  return mapped;
}

/** The first field with an error, in form order: where focus goes after a refused save. */
export function firstInvalidField(byField: MappedErrors['byField']): FieldPath | null {
  return FIELD_PATHS.find((path) => byField[path]?.length) ?? null;
}
