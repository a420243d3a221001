/**
 * The words of the agenda, in the language of the events shown. The API's embedded page
 * (`api/Features/Events/AgendaTexts.cs`) says the same; the browser test compares both.
 */
import type { AgendaEvent, AgendaLocale } from './api.js';

export interface AgendaTexts {
  loading: string;
  empty: string;
  error: string;
  retry: string;
  more: string;
  register: string;
  addToCalendar: string;
  online: string;
  kinds: Record<AgendaEvent['kind'], string>;
  statuses: Partial<Record<AgendaEvent['eventStatus'], string>>;
}

export const texts: Record<AgendaLocale, AgendaTexts> = {
  fr: {
    loading: 'Chargement de l’agenda…',
    empty: 'Aucun événement à venir.',
    error: 'L’agenda n’a pas pu être chargé.',
    retry: 'Réessayer',
    more: 'Voir plus',
    register: "S'inscrire",
    addToCalendar: 'Ajouter à mon agenda',
    online: 'En ligne',
    kinds: {
      matinale: 'Matinale', rencontre: 'Rencontre', salon: 'Salon', conference: 'Conférence',
      webinaire: 'Webinaire', visite: 'Visite', atelier: 'Atelier',
    },
    statuses: { cancelled: 'Annulé', postponed: 'Reporté', rescheduled: 'Nouvelle date' },
  },
  en: {
    loading: 'Loading the agenda…',
    empty: 'No upcoming events.',
    error: 'The agenda could not be loaded.',
    retry: 'Try again',
    more: 'Show more',
    register: 'Register',
    addToCalendar: 'Add to my calendar',
    online: 'Online',
    kinds: {
      matinale: 'Morning meeting', rencontre: 'Meeting', salon: 'Trade show', conference: 'Conference',
      webinaire: 'Webinar', visite: 'Site visit', atelier: 'Workshop',
    },
    statuses: { cancelled: 'Cancelled', postponed: 'Postponed', rescheduled: 'New date' },
  },
};
