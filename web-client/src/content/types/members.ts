import { identity, image, seo, type ContentTypeSpec } from '../types.js';
import { actorKinds } from './actor-kinds.js';

/** The members directory: the organisations of the network, which fiches' actors and events' organisers link. */
export const members: ContentTypeSpec = {
  segment: 'members',
  typeName: 'member',
  desk: 'editorial',
  names: { one: 'membre', many: 'Membres', create: 'Nouveau membre', the: 'le membre', this: 'ce membre', feminine: false },
  titlePath: 'name',
  initial: () => ({ locale: 'fr', kind: 'collectivite', isPublic: true, themes: [] }),
  list: { themes: true, region: true, start: false },
  sections: [
    {
      title: 'Organisation',
      fields: [
        ...identity({ kind: 'text', path: 'name', label: 'Nom de l’organisation', required: true }),
        { kind: 'choice', path: 'kind', label: 'Type d’organisation', options: actorKinds, required: true },
        { kind: 'region', path: 'regionCode', label: 'Région du siège', required: true, hint: '« Étranger » pour un membre hors de France.' },
        { kind: 'text', path: 'website', label: 'Site web (https)', input: 'url' },
        { kind: 'textarea', path: 'description', label: 'Présentation courte', hint: 'Quelques phrases sur ce que fait l’organisation.' },
        { kind: 'number', path: 'memberSince', label: 'Membre depuis (année)', step: '1', hint: 'Le réseau a été créé en 2016.' },
      ],
    },
    {
      title: 'Annuaire public',
      fields: [
        { kind: 'checkbox', path: 'isPublic', label: 'Montrer ce membre dans l’annuaire public', hint: 'Décoché : le membre n’est publié nulle part, et les fiches et événements qui le citent montrent le nom saisi, sans lien.' },
        { kind: 'themes', path: 'themes', label: 'Thèmes' },
      ],
    },
    { title: 'Logo', fields: [image('logo', 'Logo')] },
    seo,
  ],
};
