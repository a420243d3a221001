import type { AgendaEvent } from './api.js';

/** An event as `GET /api/v1/events` lists it, for the element's unit tests. */
export function agendaEvent(over: Partial<AgendaEvent> = {}): AgendaEvent {
  return {
    id: '00000000-0000-4000-8000-000000000001',
    locale: 'fr',
    translationGroup: '00000000-0000-4000-8000-000000000001',
    slug: 'visite-de-l-ecoquartier',
    title: "Visite de l'écoquartier",
    kind: 'visite',
    summary: 'Un résumé.',
    start: '2030-03-29T09:00:00+01:00',
    end: '2030-03-29T11:30:00+01:00',
    startDate: '2030-03-29',
    endDate: '2030-03-29',
    timeZone: 'Europe/Paris',
    allDay: false,
    startsAt: '2030-03-29T08:00:00+00:00',
    endsAt: '2030-03-29T10:30:00+00:00',
    attendanceMode: 'in_person',
    venue: { name: 'Maison de la ville durable', city: 'Paris', country: 'FR', regionCode: '11' },
    onlineUrl: null,
    registrationUrl: 'https://www.example.org/visite',
    eventStatus: 'scheduled',
    themes: ['mobilite'],
    publishedAt: '2030-01-01T00:00:00+00:00',
    updatedAt: '2030-01-01T00:00:00+00:00',
    version: 2,
    ...over,
  } as AgendaEvent;
}
