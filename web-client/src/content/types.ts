/**
 * A content type as the editor shows it: its names, the desk that manages it, its form (field descriptions), and
 * the list filters it has. Everything else (the list, the editor, the workflow, history, preview) is shared: a new
 * type is one more description in `registry.ts`.
 */
import type { Segment } from '../api/client.js';
import type { Field, Section, Values } from './fields.js';

export interface ContentTypeSpec {
  segment: Segment;
  /**
   * Its name in sync entries, webhooks, the audit log and the media library's uses (`article`,
   * `advertiser-contact`): `GET /api/v1/content-types`' `name`, which is not its segment less an « s ».
   */
  typeName: string;
  /** Editors and authors work on the editorial desk; sales on the advertising desk. */
  desk: 'editorial' | 'advertising';
  names: {
    /** "article", "fiche": in sentences. */
    one: string;
    /** "Articles": the list's title and the menu. */
    many: string;
    /** "Nouvel article". */
    create: string;
    /** "l’article", "la fiche". */
    the: string;
    /** "cet article", "cette fiche". */
    this: string;
    /** Whether past participles agree in the feminine: "publiée". */
    feminine: boolean;
  };
  /** The content property the item's title is (`title`, `fullName`). */
  titlePath: string;
  sections: Section[];
  /** A new item's content before the editor types anything. */
  initial: () => Values;
  /** What the type's list filters and sorts by. */
  list: { themes: boolean; region: boolean; start: boolean };
}

/** Every field of a type, for what reads them all (labels, error mapping, cleaning). */
export const fieldsOf = (spec: ContentTypeSpec): Field[] => spec.sections.flatMap((s) => s.fields);

/** The fields every type's content has: language, then its title and slug. */
export function identity(title: Field): Field[] {
  return [
    { kind: 'choice', path: 'locale', label: 'Langue', options: { fr: 'Français', en: 'Anglais' } },
    title,
    { kind: 'slug', path: 'slug', label: 'Adresse (slug)', hint: 'Lettres minuscules sans accents, chiffres et tirets. Laissez vide pour la former à partir du titre.' },
  ];
}

/** Themes, tags and links to other items: how articles and fiches are filed. */
export function classification(...relations: Field[]): Section {
  return {
    title: 'Classement et liens',
    fields: [
      { kind: 'themes', path: 'themes', label: 'Thèmes' },
      { kind: 'words', path: 'tags', label: 'Mots-clés', hint: 'Séparés par des virgules.' },
      ...relations,
    ],
  };
}

/**
 * An image of the item (its cover, a member's logo), chosen in the media library: the picker fills the group's
 * `url`, `alt`, `credit` and `mediaId` at once; its alt text and credit can then be adapted here.
 */
export function image(path: string, label: string): Field {
  return {
    kind: 'group', path, label, optional: true,
    fields: [
      { kind: 'image', path: 'mediaId', label: 'Image', hint: 'Une image de la médiathèque, ou une nouvelle que vous y déposez.' },
      {
        kind: 'textarea', path: 'alt', label: 'Texte alternatif', shownWith: 'url',
        hint: 'Décrit l’image pour les personnes qui ne la voient pas, ici : celui de la médiathèque, à adapter si besoin.',
      },
      { kind: 'text', path: 'credit', label: 'Crédit', shownWith: 'url' },
    ],
  };
}

/** The search engine fields every editorial type has. */
export const seo: Section = {
  title: 'Référencement',
  fields: [
    {
      kind: 'group', path: 'seo', label: 'Référencement', optional: true,
      fields: [
        { kind: 'text', path: 'title', label: 'Titre pour les moteurs de recherche', hint: 'Le titre de l’élément s’il est vide.' },
        { kind: 'textarea', path: 'description', label: 'Description pour les moteurs de recherche' },
      ],
    },
  ],
};

/** The cover image and search engine fields that articles, fiches and events share. */
export const coverAndSeo: Section[] = [{ title: 'Image de couverture', fields: [image('cover', 'Image de couverture')] }, seo];
