/**
 * Dates on the Paris clock, whatever the browser's own time zone: editors schedule publications and record
 * consents in the newsroom's time, and the API takes instants with their offset. Written with Intl (a few lines)
 * rather than a date library, which would weigh more than the rest of the app.
 */
export const NEWSROOM_ZONE = 'Europe/Paris';

const wallClocks = new Map<string, Intl.DateTimeFormat>();

/** The wall-clock time in `zone` at an instant, as "YYYY-MM-DDTHH:mm". */
export function localInZone(instant: Date, zone: string = NEWSROOM_ZONE): string {
  let format = wallClocks.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', {
      timeZone: zone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit',
    });
    wallClocks.set(zone, format);
  }
  const p = Object.fromEntries(format.formatToParts(instant).map((part) => [part.type, part.value]));
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}`;
}

const asUtc = (local: string) => Date.parse(`${local.slice(0, 16)}:00Z`);

/** Minutes `zone` is ahead of UTC at an instant (60 or 120 for Paris). */
function offsetMinutes(instant: number, zone: string): number {
  return Math.round((asUtc(localInZone(new Date(instant), zone)) - Math.floor(instant / 60_000) * 60_000) / 60_000);
}

/**
 * The instant a Paris wall-clock time names ("2027-03-28T09:30" → "2027-03-28T09:30:00+02:00"); null for a
 * blank or malformed input. In the hour skipped in spring, the time after the change is taken.
 */
export function instantOf(local: string, zone: string = NEWSROOM_ZONE): string | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(local)) return null;
  const wall = asUtc(local);
  if (Number.isNaN(wall)) return null;
  // Two passes: the offset at the guess, then at the instant it gives (they differ only near a change).
  let offset = offsetMinutes(wall, zone);
  offset = offsetMinutes(wall - offset * 60_000, zone);
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  const hh = String(Math.floor(abs / 60)).padStart(2, '0');
  const mm = String(abs % 60).padStart(2, '0');
  return `${localInZone(new Date(wall - offset * 60_000), zone)}:00${sign}${hh}:${mm}`;
}

const dateTime = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeStyle: 'short', timeZone: NEWSROOM_ZONE });
const short = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'medium', timeStyle: 'short', timeZone: NEWSROOM_ZONE });

/** "12 mars 2027 à 09:30", on the Paris clock. */
export const formatLong = (iso: string | Date): string => dateTime.format(typeof iso === 'string' ? new Date(iso) : iso);

/** "12 mars 2027, 09:30", on the Paris clock, for lists. */
export const formatShort = (iso: string | Date): string => short.format(typeof iso === 'string' ? new Date(iso) : iso);

/** A local time without offset (an event's start) as written on its poster: "26 mars 2027 à 09:00". */
export function formatLocal(local: string, dateOnly = false): string {
  const utc = new Date(`${local.length <= 10 ? `${local}T00:00` : local.slice(0, 16)}:00Z`);
  const options: Intl.DateTimeFormatOptions = dateOnly ? { dateStyle: 'long', timeZone: 'UTC' } : { dateStyle: 'long', timeStyle: 'short', timeZone: 'UTC' };
  return new Intl.DateTimeFormat('fr-FR', options).format(utc);
}
