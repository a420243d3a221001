import type { ContentTypeSpec } from '../types.js';

/** People at advertisers, kept by the sales team: personal data, public only with their consent. */
export const advertiserContacts: ContentTypeSpec = {
  segment: 'advertiser-contacts',
  typeName: 'advertiser-contact',
  desk: 'advertising',
  names: { one: 'contact', many: 'Contacts annonceurs', create: 'Nouveau contact', the: 'le contact', this: 'ce contact', feminine: false },
  titlePath: 'fullName',
  initial: () => ({ locale: 'fr', sectors: [], regions: [], isPublic: false, displayOrder: 0 }),
  list: { themes: false, region: true, start: false },
  sections: [
    {
      title: 'Personne',
      fields: [
        { kind: 'text', path: 'fullName', label: 'Prénom et nom', required: true, autocomplete: 'off' },
        { kind: 'slug', path: 'slug', label: 'Adresse (slug)', hint: 'Laissez vide pour la former à partir du nom.' },
        { kind: 'text', path: 'jobTitle', label: 'Fonction' },
        { kind: 'text', path: 'company', label: 'Entreprise' },
        { kind: 'text', path: 'email', label: 'Adresse e-mail professionnelle', input: 'email', required: true, autocomplete: 'off' },
        { kind: 'text', path: 'phone', label: 'Téléphone', input: 'tel', autocomplete: 'off', hint: 'Format français (01 99 00 12 34) ou international (+32 2 123 45 67) ; enregistré au format +33…' },
        { kind: 'choice', path: 'locale', label: 'Langue de la fiche', options: { fr: 'Français', en: 'Anglais' } },
      ],
    },
    {
      title: 'Annuaire public',
      fields: [
        { kind: 'checkbox', path: 'isPublic', label: 'Montrer ce contact dans l’annuaire public', hint: 'Seulement avec un consentement donné. Ni les notes ni le consentement ne sont publiés.' },
        { kind: 'number', path: 'displayOrder', label: 'Ordre d’affichage', hint: 'Le plus petit en premier.', step: '1' },
        { kind: 'words', path: 'sectors', label: 'Secteurs', hint: 'Séparés par des virgules : mobilité, énergie…' },
        { kind: 'regions', path: 'regions', label: 'Régions' },
      ],
    },
    {
      title: 'Consentement',
      fields: [
        {
          kind: 'group', path: 'consent', label: 'Consentement', optional: true, hint: 'Gardé comme preuve, jamais publié.',
          fields: [
            { kind: 'checkbox', path: 'given', label: 'La personne a donné son consentement' },
            { kind: 'instant', path: 'givenAt', label: 'Date du consentement (heure de Paris)' },
            { kind: 'text', path: 'method', label: 'Recueilli comment', hint: 'Par exemple « formulaire salon ».' },
            { kind: 'textarea', path: 'text', label: 'Texte accepté' },
          ],
        },
      ],
    },
    { title: 'Notes internes', fields: [{ kind: 'textarea', path: 'internalNotes', label: 'Notes pour l’équipe commerciale', hint: 'Jamais publiées.' }] },
  ],
};
