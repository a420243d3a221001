import type { ContentOf } from '../../api/client.js';
import { classification, coverAndSeo, identity, type ContentTypeSpec } from '../types.js';
import { actorKinds } from './actor-kinds.js';

type Fiche = ContentOf<'fiches'>;

const financingSources = {
  pia: 'PIA (France 2030)',
  action_coeur_de_ville: 'Action cœur de ville',
  europe: 'Europe',
  etat: 'État',
  collectivite: 'Collectivité',
  prive: 'Privé',
  autre: 'Autre',
} satisfies Record<Fiche['financing'][number]['source'], string>;

/** Exemplary actions of the sustainable city, in France and abroad. */
export const fiches: ContentTypeSpec = {
  segment: 'fiches',
  typeName: 'fiche',
  desk: 'editorial',
  names: { one: 'fiche', many: 'Fiches', create: 'Nouvelle fiche', the: 'la fiche', this: 'cette fiche', feminine: true },
  titlePath: 'title',
  initial: () => ({
    locale: 'fr',
    territory: { country: 'FR' },
    actors: [{ name: '', kind: 'collectivite' }],
    indicators: [], financing: [], links: [], themes: [], tags: [], relatedArticles: [], relatedEvents: [],
  }),
  list: { themes: true, region: true, start: false },
  sections: [
    {
      title: 'Contenu',
      fields: [
        ...identity({ kind: 'text', path: 'title', label: 'Titre', required: true }),
        { kind: 'textarea', path: 'summary', label: 'Résumé', hint: 'Quelques phrases montrées dans les listes.' },
        { kind: 'rich', path: 'challenge', label: 'Enjeu' },
        { kind: 'rich', path: 'actions', label: 'Actions menées' },
        { kind: 'rich', path: 'results', label: 'Résultats' },
      ],
    },
    {
      title: 'Territoire',
      fields: [
        {
          kind: 'group', path: 'territory', label: 'Territoire',
          fields: [
            { kind: 'text', path: 'commune', label: 'Commune ou intercommunalité' },
            { kind: 'text', path: 'departement', label: 'Département', hint: 'Vide pour un projet à l’étranger.' },
            { kind: 'region', path: 'regionCode', label: 'Région', required: true, hint: '« Étranger » pour un projet hors de France.' },
            { kind: 'text', path: 'country', label: 'Pays (code à deux lettres)', hint: 'FR, MA, VN…' },
          ],
        },
      ],
    },
    {
      title: 'Acteurs',
      fields: [
        {
          kind: 'rows', path: 'actors', label: 'Acteurs', itemLabel: 'Acteur', add: 'Ajouter un acteur', required: true,
          blank: () => ({ name: '', kind: 'collectivite' }),
          fields: [
            { kind: 'link', path: 'memberId', label: 'Membre du réseau', target: 'members', fills: { name: 'name', kind: 'kind' }, hint: 'Si l’acteur est membre : la fiche publiée montre alors son nom tel que l’annuaire le donne, et un lien vers lui.' },
            { kind: 'text', path: 'name', label: 'Nom', required: true },
            { kind: 'choice', path: 'kind', label: 'Type d’acteur', options: actorKinds },
            { kind: 'text', path: 'role', label: 'Rôle dans l’action', hint: 'Par exemple « maître d’ouvrage ».' },
          ],
        },
      ],
    },
    {
      title: 'Résultats chiffrés et financement',
      fields: [
        {
          kind: 'rows', path: 'indicators', label: 'Indicateurs', itemLabel: 'Indicateur', add: 'Ajouter un indicateur',
          blank: () => ({ label: '', unit: '' }),
          fields: [
            { kind: 'text', path: 'label', label: 'Ce qui est mesuré' },
            { kind: 'number', path: 'value', label: 'Valeur', hint: 'Négative pour une baisse.', step: 'any' },
            { kind: 'text', path: 'unit', label: 'Unité', hint: '%, tonnes de CO₂ par an, logements…' },
          ],
        },
        {
          kind: 'rows', path: 'financing', label: 'Financement', itemLabel: 'Financement', add: 'Ajouter un financement',
          blank: () => ({ source: 'europe' }),
          fields: [
            { kind: 'choice', path: 'source', label: 'Source', options: financingSources },
            { kind: 'number', path: 'amountEuros', label: 'Montant (euros)', step: '0.01', hint: 'Vide s’il n’est pas public.' },
            { kind: 'text', path: 'detail', label: 'Programme ou financeur' },
          ],
        },
      ],
    },
    {
      title: 'Période, contact et liens',
      fields: [
        {
          kind: 'group', path: 'period', label: 'Période', optional: true,
          fields: [
            { kind: 'date', path: 'start', label: 'Début' },
            { kind: 'date', path: 'end', label: 'Fin', hint: 'Vide tant que l’action se poursuit.' },
          ],
        },
        {
          kind: 'group', path: 'contact', label: 'Contact public', optional: true, hint: 'Publié avec la fiche.',
          fields: [
            { kind: 'text', path: 'name', label: 'Nom de la personne ou du service' },
            { kind: 'text', path: 'organisation', label: 'Organisation' },
            { kind: 'text', path: 'email', label: 'Adresse e-mail', input: 'email' },
            { kind: 'text', path: 'url', label: 'Page web (https)', input: 'url' },
          ],
        },
        {
          kind: 'rows', path: 'links', label: 'Liens', itemLabel: 'Lien', add: 'Ajouter un lien',
          blank: () => ({ label: '', url: '' }),
          fields: [
            { kind: 'text', path: 'label', label: 'Texte du lien' },
            { kind: 'text', path: 'url', label: 'Adresse (https)', input: 'url' },
          ],
        },
      ],
    },
    classification(
      { kind: 'relations', path: 'relatedArticles', label: 'Articles liés', target: 'articles' },
      { kind: 'relations', path: 'relatedEvents', label: 'Événements liés', target: 'events' },
    ),
    ...coverAndSeo,
  ],
};
