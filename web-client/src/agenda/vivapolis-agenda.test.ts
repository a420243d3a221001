import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AgendaEvent, AgendaPage } from './api.js';
import { agendaEvent } from './test-events.js';
import './vivapolis-agenda.js';
import type { VivapolisAgenda } from './vivapolis-agenda.js';

const event = (n: number, over: Partial<AgendaEvent> = {}) =>
  agendaEvent({ id: `00000000-0000-4000-8000-00000000000${n}`, slug: `evenement-${n}`, title: `Événement ${n}`, ...over });

/** Answers each call with the next page (or status), and records the URLs asked. */
function api(...answers: (AgendaPage | number)[]) {
  const asked: URL[] = [];
  globalThis.fetch = vi.fn(async (input: RequestInfo | URL) => {
    asked.push(new URL(String(input)));
    const answer = answers.shift();
    return typeof answer === 'number'
      ? new Response('{}', { status: answer })
      : new Response(JSON.stringify(answer), { status: 200, headers: { 'Content-Type': 'application/json' } });
  }) as typeof fetch;
  return asked;
}

async function mount(attributes: Record<string, string>) {
  const el = document.createElement('vivapolis-agenda') as VivapolisAgenda;
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
  document.body.append(el);
  await settle(el);
  return el;
}

async function settle(el: VivapolisAgenda) {
  for (let i = 0; i < 6; i++) {
    await el.updateComplete;
    await new Promise((r) => setTimeout(r, 0));
  }
}

const shadow = (el: VivapolisAgenda) => el.shadowRoot!;

afterEach(() => {
  document.body.innerHTML = '';
});

describe('vivapolis-agenda', () => {
  it('asks the events of its attributes, shows them, and pages with the cursor', async () => {
    const asked = api({ items: [event(1), event(2)], next: 'page-2' }, { items: [event(3)], next: null });
    const loads: number[] = [];
    document.addEventListener('vivapolis-agenda-load', (e) => loads.push((e as CustomEvent).detail.count));

    const el = await mount({ api: 'https://api.example.org/', theme: 'mobilite', region: '84', kind: 'matinale',
      'attendance-mode': 'in_person', limit: '2', from: '2030-01-01', city: '' });

    expect(asked[0]!.origin + asked[0]!.pathname).toBe('https://api.example.org/api/v1/events');
    expect(Object.fromEntries(asked[0]!.searchParams)).toEqual({
      locale: 'fr', limit: '2', theme: 'mobilite', region: '84', kind: 'matinale', attendanceMode: 'in_person', from: '2030-01-01',
    });
    expect([...shadow(el).querySelectorAll('[role="heading"]')].map((h) => h.textContent)).toEqual(['Événement 1', 'Événement 2']);
    expect(shadow(el).querySelector('[role="heading"]')!.getAttribute('aria-level')).toBe('3');

    (shadow(el).querySelector('button[part="more"]') as HTMLButtonElement).click();
    await settle(el);

    expect(asked[1]!.searchParams.get('cursor')).toBe('page-2');
    expect([...shadow(el).querySelectorAll('[role="heading"]')].map((h) => h.textContent)).toEqual(['Événement 1', 'Événement 2', 'Événement 3']);
    expect(shadow(el).querySelector('button[part="more"]')).toBeNull();
    expect(loads).toEqual([2, 3]);
  });

  it('shows registration and calendar links, and says when an event is cancelled', async () => {
    api({ items: [event(1), event(2, { eventStatus: 'cancelled', locale: 'en' })], next: null });
    const el = await mount({ api: 'https://api.example.org', layout: 'compact' });

    const [open, cancelled] = [...shadow(el).querySelectorAll('li')];
    expect([...open!.querySelectorAll('a')].map((a) => [a.getAttribute('href'), a.textContent])).toEqual([
      ['https://www.example.org/visite', "S'inscrire : Événement 1"],
      ['https://api.example.org/feeds/events/evenement-1.ics', 'Ajouter à mon agenda : Événement 1'],
    ]);
    expect(cancelled!.getAttribute('part')).toBe('event cancelled');
    expect(cancelled!.querySelector('.status')!.textContent).toBe('Annulé');
    expect([...cancelled!.querySelectorAll('a')].map((a) => a.getAttribute('href'))).toEqual(['https://api.example.org/feeds/events/evenement-2.ics?locale=en']);
    expect(shadow(el).querySelector('[part="summary"]')).toBeNull(); // compact
    expect(open!.querySelector('time')!.getAttribute('datetime')).toBe('2030-03-29T09:00:00+01:00');
  });

  it('puts the events JSON-LD in the page, where search engines read it', async () => {
    api({ items: [event(1, { jsonLd: { '@context': 'https://schema.org', '@type': 'Event', '@id': 'urn:uuid:1' } as AgendaEvent['jsonLd'] })], next: null });
    const el = await mount({ api: 'https://api.example.org' });

    const block = el.querySelector('script[type="application/ld+json"]')!;
    expect(JSON.parse(block.textContent!)).toEqual([{ '@context': 'https://schema.org', '@type': 'Event', '@id': 'urn:uuid:1' }]);
  });

  it('says when there is nothing to show, in the language asked', async () => {
    api({ items: [], next: null });
    const el = await mount({ api: 'https://api.example.org', locale: 'en' });

    expect(shadow(el).querySelector('[role="status"]')!.textContent).toBe('No upcoming events.');
  });

  it('says when the agenda could not be loaded, and tries again on request', async () => {
    api(400, { items: [event(1)], next: null });
    const el = await mount({ api: 'https://api.example.org', theme: 'inconnu' });

    expect(shadow(el).querySelector('[role="alert"]')!.textContent).toBe('L’agenda n’a pas pu être chargé.');
    (shadow(el).querySelector('button') as HTMLButtonElement).click();
    await settle(el);

    expect(shadow(el).querySelectorAll('li')).toHaveLength(1);
  });

  it('starts again from the first page when a filter changes', async () => {
    const asked = api({ items: [event(1)], next: 'page-2' }, { items: [event(4)], next: null });
    const el = await mount({ api: 'https://api.example.org' });

    el.setAttribute('theme', 'eau');
    await settle(el);

    expect(asked[1]!.searchParams.get('theme')).toBe('eau');
    expect(asked[1]!.searchParams.has('cursor')).toBe(false);
    expect([...shadow(el).querySelectorAll('[role="heading"]')].map((h) => h.textContent)).toEqual(['Événement 4']);
  });
});
