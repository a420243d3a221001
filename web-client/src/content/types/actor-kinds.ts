import type { ContentOf } from '../../api/client.js';

/** The kinds of organisation a fiche's actor or a member is (one enum in the contract). */
export const actorKinds = {
  collectivite: 'Collectivité',
  etat: 'État',
  agence_publique: 'Agence publique',
  entreprise: 'Entreprise',
  association: 'Association',
  organisation_professionnelle: 'Organisation professionnelle',
  recherche: 'Recherche',
} satisfies Record<ContentOf<'fiches'>['actors'][number]['kind'] & NonNullable<ContentOf<'members'>['kind']>, string>;
