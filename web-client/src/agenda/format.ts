/**
 * When and where, as the agenda writes them, in the event's own zone: "vendredi 29 mars 2030, 09:00" then
 * "11:30" on the same day; the whole end otherwise, and the zone after it when it is not Paris's. The API's
 * embedded page (`api/Features/Embed/AgendaPage.cs`) writes the same parts the same way.
 */
import type { AgendaEvent, AgendaLocale } from './api.js';

export interface TimePart {
  text: string;
  /** The `datetime` attribute: ISO 8601, a day or a time with its offset. */
  datetime: string;
  before: string;
}

const PARIS = 'Europe/Paris';
const cultures: Record<AgendaLocale, string> = { fr: 'fr-FR', en: 'en-GB' };

/** "vendredi 29 mars 2030": the day's parts in one order for every language, as .NET's "dddd d MMMM yyyy" writes them. */
function dayFormat(locale: AgendaLocale, timeZone: string) {
  const format = new Intl.DateTimeFormat(cultures[locale], { timeZone, weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });
  return (d: Date) => {
    const p = Object.fromEntries(format.formatToParts(d).map((part) => [part.type, part.value]));
    return `${p.weekday} ${p.day} ${p.month} ${p.year}`;
  };
}

function timeFormat(locale: AgendaLocale, timeZone: string) {
  const format = new Intl.DateTimeFormat(cultures[locale], { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  return (d: Date) => format.format(d);
}

/** `2030-03-29T09:00:00+01:00` → the same text, to the second (delivery may send fractions). */
function iso(value: string): string {
  return value.replace(/\.\d+(?=Z|[+-])/, '');
}

export function whenOf(e: AgendaEvent): TimePart[] {
  const locale = e.locale;
  if (e.allDay || !e.start || !e.end) {
    // Local days: formatted at noon UTC so that no zone moves them to another day.
    const day = dayFormat(locale, 'UTC');
    const at = (d: string) => day(new Date(`${d}T12:00:00Z`));
    const parts = [{ text: at(e.startDate), datetime: e.startDate, before: '' }];
    if (e.endDate !== e.startDate) parts.push({ text: at(e.endDate), datetime: e.endDate, before: ' – ' });
    return parts;
  }
  const day = dayFormat(locale, e.timeZone);
  const time = timeFormat(locale, e.timeZone);
  const start = new Date(e.start);
  const end = new Date(e.end);
  const zone = e.timeZone === PARIS ? '' : ` (${e.timeZone})`;
  const endDay = e.startDate === e.endDate ? '' : `${day(end)}, `;
  return [
    { text: `${day(start)}, ${time(start)}`, datetime: iso(e.start), before: '' },
    { text: `${endDay}${time(end)}${zone}`, datetime: iso(e.end), before: ' – ' },
  ];
}

/** "Maison de la ville durable, Paris", "…, Toronto (CA)", "… · En ligne", or "En ligne". */
export function placeOf(e: AgendaEvent, online: string): string | null {
  const v = e.venue;
  const venue = v ? `${v.name}, ${v.city}${v.country === 'FR' ? '' : ` (${v.country})`}` : null;
  if (venue && e.onlineUrl) return `${venue} · ${online}`;
  return venue ?? (e.onlineUrl ? online : null);
}
