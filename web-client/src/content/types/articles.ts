import { classification, coverAndSeo, identity, type ContentTypeSpec } from '../types.js';

/** Magazine interviews and news. */
export const articles: ContentTypeSpec = {
  segment: 'articles',
  typeName: 'article',
  desk: 'editorial',
  names: { one: 'article', many: 'Articles', create: 'Nouvel article', the: 'l’article', this: 'cet article', feminine: false },
  titlePath: 'title',
  initial: () => ({ locale: 'fr', authors: [], tags: [], themes: [], relatedFiches: [], relatedEvents: [] }),
  list: { themes: true, region: false, start: false },
  sections: [
    {
      title: 'Contenu',
      fields: [
        ...identity({ kind: 'text', path: 'title', label: 'Titre', required: true }),
        { kind: 'textarea', path: 'standfirst', label: 'Chapô', hint: 'L’introduction sous le titre.' },
        { kind: 'rich', path: 'body', label: 'Corps de l’article' },
        { kind: 'text', path: 'rubric', label: 'Rubrique', hint: 'Par exemple « Écosystème ».' },
        { kind: 'words', path: 'authors', label: 'Auteurs', hint: 'Séparés par des virgules.' },
      ],
    },
    {
      title: 'Personne interviewée',
      fields: [
        {
          kind: 'group', path: 'interviewee', label: 'Personne interviewée', optional: true,
          fields: [
            { kind: 'text', path: 'name', label: 'Nom' },
            { kind: 'text', path: 'role', label: 'Fonction' },
            { kind: 'text', path: 'organisation', label: 'Organisation' },
          ],
        },
      ],
    },
    classification(
      { kind: 'relations', path: 'relatedFiches', label: 'Fiches liées', target: 'fiches' },
      { kind: 'relations', path: 'relatedEvents', label: 'Événements liés', target: 'events' },
    ),
    ...coverAndSeo,
  ],
};
