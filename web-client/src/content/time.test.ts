import { describe, expect, it } from 'vitest';
import { formatLocal, formatLong, instantOf, localInZone } from './time.js';

describe('the Paris clock', () => {
  it('gives the instant of a Paris time, winter and summer', () => {
    expect(instantOf('2027-01-15T09:30')).toBe('2027-01-15T09:30:00+01:00');
    expect(instantOf('2027-07-15T09:30')).toBe('2027-07-15T09:30:00+02:00');
    expect(instantOf('')).toBeNull();
  });

  it('crosses the daylight-saving changes the right way', () => {
    // 28 March 2027, 02:00 → 03:00: the hour that does not exist is taken after the change.
    expect(new Date(instantOf('2027-03-28T01:30')!).toISOString()).toBe('2027-03-28T00:30:00.000Z');
    expect(new Date(instantOf('2027-03-28T03:30')!).toISOString()).toBe('2027-03-28T01:30:00.000Z');
    expect(localInZone(new Date('2027-10-31T00:30:00Z'))).toBe('2027-10-31T02:30');
  });

  it('reads instants back on the Paris clock whatever the browser’s zone', () => {
    expect(localInZone(new Date('2027-03-01T08:00:00Z'))).toBe('2027-03-01T09:00');
    expect(formatLong('2027-03-01T08:00:00Z')).toBe('1 mars 2027 à 09:00');
    expect(formatLocal('2027-03-26T09:00:00')).toBe('26 mars 2027 à 09:00');
    expect(formatLocal('2027-03-26', true)).toBe('26 mars 2027');
  });
});
