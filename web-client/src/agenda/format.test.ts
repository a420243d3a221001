import { describe, expect, it } from 'vitest';
import type { AgendaEvent } from './api.js';
import { agendaEvent } from './test-events.js';
import { placeOf, whenOf } from './format.js';

const texts = (e: AgendaEvent) => whenOf(e).map((p) => p.before + p.text).join('');

describe('when and where', () => {
  it('writes a day and two times in the event zone, as the embedded page does', () => {
    const e = agendaEvent();
    expect(texts(e)).toBe('vendredi 29 mars 2030, 09:00 – 11:30');
    expect(whenOf(e).map((p) => p.datetime)).toEqual(['2030-03-29T09:00:00+01:00', '2030-03-29T11:30:00+01:00']);
  });

  it('writes the whole end of an event over two days, and a zone other than Paris after it', () => {
    const e = agendaEvent({
      locale: 'en', timeZone: 'America/Toronto', start: '2030-04-02T16:00:00-04:00', end: '2030-04-03T10:00:00-04:00',
      startDate: '2030-04-02', endDate: '2030-04-03',
    });
    expect(texts(e)).toBe('Tuesday 2 April 2030, 16:00 – Wednesday 3 April 2030, 10:00 (America/Toronto)');
  });

  it('writes days only for an all-day event, whatever the zone of the reader', () => {
    const e = agendaEvent({ allDay: true, start: null, end: null, startDate: '2030-05-01', endDate: '2030-05-03', timeZone: 'Pacific/Auckland' });
    expect(texts(e)).toBe('mercredi 1 mai 2030 – vendredi 3 mai 2030');
    expect(whenOf(e).map((p) => p.datetime)).toEqual(['2030-05-01', '2030-05-03']);
    expect(texts(agendaEvent({ allDay: true, start: null, end: null, startDate: '2030-05-01', endDate: '2030-05-01' }))).toBe('mercredi 1 mai 2030');
  });

  it('says where: the venue, abroad with its country, and online', () => {
    expect(placeOf(agendaEvent(), 'En ligne')).toBe('Maison de la ville durable, Paris');
    expect(placeOf(agendaEvent({ venue: { name: 'Centre', city: 'Toronto', country: 'CA' } as AgendaEvent['venue'] }), 'En ligne')).toBe('Centre, Toronto (CA)');
    expect(placeOf(agendaEvent({ onlineUrl: 'https://visio.example.org' }), 'En ligne')).toBe('Maison de la ville durable, Paris · En ligne');
    expect(placeOf(agendaEvent({ venue: null, onlineUrl: 'https://visio.example.org' }), 'Online')).toBe('Online');
  });
});
