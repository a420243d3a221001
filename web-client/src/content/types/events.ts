import type { ContentOf } from '../../api/client.js';
import { coverAndSeo, identity, type ContentTypeSpec } from '../types.js';

type Event = ContentOf<'events'>;

const kinds = {
  matinale: 'Matinale',
  rencontre: 'Rencontre',
  salon: 'Salon',
  conference: 'Conférence',
  webinaire: 'Webinaire',
  visite: 'Visite',
  atelier: 'Atelier',
} satisfies Record<NonNullable<Event['kind']>, string>;

const statuses = {
  scheduled: 'A lieu comme annoncé',
  cancelled: 'Annulé',
  postponed: 'Reporté à une date à venir',
  rescheduled: 'Déplacé aux dates indiquées',
} satisfies Record<NonNullable<Event['eventStatus']>, string>;

const attendance = {
  in_person: 'Sur place',
  online: 'En ligne',
  mixed: 'Sur place et en ligne',
} satisfies Record<NonNullable<Event['attendanceMode']>, string>;

/** The agenda: matinales, conferences, webinars, visits, with their time zone. */
export const events: ContentTypeSpec = {
  segment: 'events',
  typeName: 'event',
  desk: 'editorial',
  names: { one: 'événement', many: 'Événements', create: 'Nouvel événement', the: 'l’événement', this: 'cet événement', feminine: false },
  titlePath: 'title',
  initial: () => ({
    locale: 'fr', kind: 'matinale', eventStatus: 'scheduled', timeZone: 'Europe/Paris', allDay: false, attendanceMode: 'in_person',
    venue: { country: 'FR' }, themes: [],
  }),
  list: { themes: true, region: true, start: true },
  sections: [
    {
      title: 'Contenu',
      fields: [
        ...identity({ kind: 'text', path: 'title', label: 'Titre', required: true }),
        { kind: 'choice', path: 'kind', label: 'Type d’événement', options: kinds, required: true },
        { kind: 'choice', path: 'eventStatus', label: 'Déroulement', options: statuses },
        { kind: 'textarea', path: 'summary', label: 'Présentation courte', hint: 'Montrée dans l’agenda.' },
        { kind: 'rich', path: 'description', label: 'Description', hint: 'Programme, intervenants, informations pratiques.' },
      ],
    },
    {
      title: 'Date et heure',
      fields: [
        { kind: 'checkbox', path: 'allDay', label: 'Toute la journée', hint: 'Les dates sont alors des jours, sans heure.' },
        { kind: 'local-datetime', path: 'start', label: 'Début', required: true, dateOnlyWhen: 'allDay', hint: 'À l’heure du lieu de l’événement.' },
        { kind: 'local-datetime', path: 'end', label: 'Fin', required: true, dateOnlyWhen: 'allDay' },
        { kind: 'timezone', path: 'timeZone', label: 'Fuseau horaire', hint: 'Europe/Paris par défaut ; America/Toronto pour un événement à Montréal.' },
      ],
    },
    {
      title: 'Lieu et participation',
      fields: [
        { kind: 'choice', path: 'attendanceMode', label: 'Participation', options: attendance },
        {
          kind: 'group', path: 'venue', label: 'Lieu', optional: true, defaults: { country: 'FR' }, hint: 'Obligatoire sur place.',
          fields: [
            { kind: 'text', path: 'name', label: 'Nom du lieu' },
            { kind: 'text', path: 'address', label: 'Adresse' },
            { kind: 'text', path: 'postalCode', label: 'Code postal', autocomplete: 'off' },
            { kind: 'text', path: 'city', label: 'Ville' },
            { kind: 'region', path: 'regionCode', label: 'Région' },
            { kind: 'text', path: 'country', label: 'Pays (code à deux lettres)' },
            { kind: 'number', path: 'latitude', label: 'Latitude', step: 'any' },
            { kind: 'number', path: 'longitude', label: 'Longitude', step: 'any' },
          ],
        },
        { kind: 'text', path: 'onlineUrl', label: 'Adresse pour participer en ligne (https)', input: 'url', hint: 'Obligatoire en ligne.' },
      ],
    },
    {
      title: 'Organisation et inscription',
      fields: [
        {
          kind: 'group', path: 'organizer', label: 'Organisateur', optional: true,
          fields: [
            { kind: 'link', path: 'memberId', label: 'Membre du réseau', target: 'members', fills: { name: 'name' }, hint: 'Si l’organisateur est membre : l’événement publié montre alors son nom tel que l’annuaire le donne, et un lien vers lui.' },
            { kind: 'text', path: 'name', label: 'Nom de l’organisateur' },
            { kind: 'text', path: 'url', label: 'Site web (https)', input: 'url' },
          ],
        },
        { kind: 'text', path: 'registrationUrl', label: 'Adresse d’inscription (https)', input: 'url' },
        {
          kind: 'group', path: 'price', label: 'Prix', optional: true,
          fields: [
            { kind: 'checkbox', path: 'free', label: 'Gratuit' },
            { kind: 'number', path: 'amount', label: 'Prix (euros)', step: '0.01' },
            { kind: 'text', path: 'details', label: 'Précisions', hint: 'Par exemple « tarif réduit pour les adhérents ».' },
          ],
        },
        { kind: 'text', path: 'series', label: 'Série', hint: 'Par exemple « Rencontres du financement de la ville durable ».' },
        { kind: 'number', path: 'edition', label: 'Numéro d’édition', hint: '3 pour la « 3ème édition ».', step: '1' },
      ],
    },
    { title: 'Classement', fields: [{ kind: 'themes', path: 'themes', label: 'Thèmes' }] },
    ...coverAndSeo,
  ],
};
