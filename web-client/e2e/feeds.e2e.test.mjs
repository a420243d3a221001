// The partner feeds of a running, seeded API (seed-demo), read by the parsers partners' code uses: ical.js for
// iCalendar, rss-parser for Atom. Compared with the JSON delivery lists of the same filters.
//
//   VIVAPOLIS_API_URL=http://127.0.0.1:5099 node --test e2e/feeds.e2e.test.mjs
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import ICAL from 'ical.js';
import Parser from 'rss-parser';

const apiUrl = (process.env.VIVAPOLIS_API_URL ?? '').replace(/\/+$/, '');

async function all(path, query) {
  const items = [];
  let cursor = null;
  do {
    const response = await fetch(`${apiUrl}${path}?${query}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    assert.equal(response.status, 200, `${path}?${query}`);
    const body = await response.json();
    items.push(...body.items);
    cursor = body.next;
  } while (cursor);
  return items;
}

async function text(url) {
  const response = await fetch(url);
  assert.equal(response.status, 200, url);
  return { text: await response.text(), type: response.headers.get('content-type') };
}

describe('feeds read by ical.js and rss-parser', () => {
  it('the iCalendar feed has one VEVENT per listed event, with its UID, SEQUENCE, zone and status', async () => {
    assert.ok(/^https?:\/\//.test(apiUrl), 'VIVAPOLIS_API_URL must be set');
    for (const query of ['locale=fr', 'region=84', 'kind=matinale&locale=fr', 'from=2000-01-01']) {
      const events = await all('/api/v1/events', `${query}&limit=100`);
      const { text: ics, type } = await text(`${apiUrl}/feeds/events.ics?${query}`);
      assert.equal(type, 'text/calendar; charset=utf-8');
      const calendar = new ICAL.Component(ICAL.parse(ics));
      // As a calendar application does: the feed's own VTIMEZONEs say what its local times are.
      for (const zone of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(zone);
      const vevents = calendar.getAllSubcomponents('vevent').map((c) => new ICAL.Event(c));
      assert.deepEqual(vevents.map((e) => e.uid), events.map((e) => e.id), query);
      for (const [i, e] of events.entries()) {
        const ev = vevents[i];
        assert.equal(ev.summary.endsWith(e.title), true, e.title);
        assert.equal(ev.sequence, e.version);
        assert.equal(ev.component.getFirstPropertyValue('status'), e.eventStatus === 'cancelled' ? 'CANCELLED' : e.eventStatus === 'postponed' ? 'TENTATIVE' : 'CONFIRMED');
        if (e.allDay) {
          assert.equal(ev.startDate.isDate, true);
          assert.equal(ev.startDate.toString(), e.startDate);
        } else {
          assert.equal(ev.component.getFirstProperty('dtstart').getParameter('tzid'), e.timeZone);
          // ical.js applies the feed's own VTIMEZONE: the same instant as delivery's startsAt.
          assert.equal(ev.startDate.toJSDate().getTime(), Date.parse(e.startsAt), `${e.title} starts at ${e.startsAt}`);
        }
      }
      const zones = calendar.getAllSubcomponents('vtimezone').map((z) => z.getFirstPropertyValue('tzid')).sort();
      assert.deepEqual(zones, [...new Set(events.filter((e) => !e.allDay).map((e) => e.timeZone))].sort());
    }
  });

  it('the demo agenda has a cancelled event, kept in the feed as CANCELLED', async () => {
    const events = await all('/api/v1/events', 'status=cancelled&limit=100');
    assert.ok(events.length > 0, 'seed-demo has a cancelled event to come');
    const ics = (await text(`${apiUrl}/feeds/events/${events[0].slug}.ics`)).text;
    const ev = new ICAL.Event(new ICAL.Component(ICAL.parse(ics)).getFirstSubcomponent('vevent'));
    assert.equal(ev.uid, events[0].id);
    assert.equal(ev.component.getFirstPropertyValue('status'), 'CANCELLED');
  });

  it('the Atom feeds have one entry per published article and fiche, with stable ids, newest first', async () => {
    const parser = new Parser();
    for (const [type, query] of [['articles', 'limit=100'], ['fiches', 'limit=100'], ['fiches', 'region=53&limit=100']]) {
      const items = await all(`/api/v1/${type}`, query);
      const { text: atom, type: contentType } = await text(`${apiUrl}/feeds/${type}.atom?${query}`);
      assert.equal(contentType, 'application/atom+xml; charset=utf-8');
      const feed = await parser.parseString(atom);
      assert.ok(items.length > 0, `${type}?${query} has items`);
      assert.deepEqual(feed.items.map((i) => i.id), items.map((i) => `urn:uuid:${i.id}`), `${type}?${query}`);
      assert.deepEqual(feed.items.map((i) => i.title), items.map((i) => i.title));
      // Atom dates are written to the second.
      const second = (date) => Math.floor(Date.parse(date) / 1000);
      assert.deepEqual(feed.items.map((i) => second(i.isoDate)), items.map((i) => second(i.publishedAt)));
      for (const [i, item] of feed.items.entries()) assert.ok(item.link.endsWith(`/api/v1/${type}/${items[i].slug}`), item.link);
    }
  });
});
