import { describe, expect, it } from 'vitest';
import { boundsOf, fieldId, getAt, inputPaths, labelOf, mapErrors, setAt, toContent } from './fields.js';
import { specOf } from './registry.js';
import { fieldsOf } from './types.js';

const fiche = fieldsOf(specOf('fiches'));
const article = fieldsOf(specOf('articles'));
const event = fieldsOf(specOf('events'));

describe('values by path', () => {
  it('reads and writes nested objects and rows without touching the original', () => {
    const values = { territory: { commune: 'Lorient' }, actors: [{ name: 'Ville' }] };
    const next = setAt(setAt(values, 'actors[0].role', 'maître d’ouvrage'), 'territory.regionCode', '53');
    expect(getAt(next, 'actors[0].role')).toBe('maître d’ouvrage');
    expect(getAt(next, 'territory.regionCode')).toBe('53');
    expect(values).toEqual({ territory: { commune: 'Lorient' }, actors: [{ name: 'Ville' }] });
    expect(getAt(setAt(next, 'territory.commune', undefined), 'territory')).toEqual({ regionCode: '53' });
  });
});

describe('toContent', () => {
  it('trims text, leaves out blank optional values and groups, and keeps what no field edits', () => {
    const content = toContent(article, {
      locale: 'fr', title: '  Vers un modèle français  ', standfirst: '   ', body: '<p></p>', translationGroup: 'g-1',
      interviewee: { name: '', role: ' ' }, seo: { title: 'SEO' }, tags: ['urbanisme'],
    });
    expect(content).toEqual({ locale: 'fr', title: 'Vers un modèle français', translationGroup: 'g-1', seo: { title: 'SEO' }, tags: ['urbanisme'] });
  });

  it('sends an optional group only when it differs from its defaults (a venue is not just "FR")', () => {
    expect(toContent(event, { title: 'Webinaire', venue: { country: 'FR' } })).toEqual({ title: 'Webinaire' });
    expect(toContent(event, { title: 'Matinale', venue: { country: 'FR', city: ' Paris ' } })).toEqual({ title: 'Matinale', venue: { country: 'FR', city: 'Paris' } });
    // A required group stays, so that the API says which part is missing.
    expect(toContent(fiche, { territory: { commune: '' } })).toEqual({ territory: {} });
  });

  it('sends days only for a whole-day event, whatever time was typed before', () => {
    expect(toContent(event, { allDay: true, start: '2027-03-26T09:00:00', end: '2027-03-27' })).toMatchObject({ start: '2027-03-26', end: '2027-03-27' });
    expect(toContent(event, { allDay: false, start: '2027-03-26T09:00:00' })).toMatchObject({ start: '2027-03-26T09:00:00' });
  });

  it('cleans each row of a list', () => {
    expect(toContent(fiche, { actors: [{ name: ' Ville de Lorient ', kind: 'collectivite', role: '' }] }))
      .toEqual({ actors: [{ name: 'Ville de Lorient', kind: 'collectivite' }] });
  });
});

describe('labels and errors', () => {
  it('names every path as people read it, never by the API property', () => {
    expect(labelOf(article, 'seo.title')).toBe('Référencement — Titre pour les moteurs de recherche');
    expect(labelOf(fiche, 'actors[1].name')).toBe('Acteurs — Acteur 2 — Nom');
    expect(labelOf(article, 'tags[1]')).toBe('Mots-clés, n° 2');
    expect(labelOf(event, 'venue')).toBe('Lieu');
  });

  it('puts a message beside its field, a group message on the group first field, and names the rest', () => {
    const values = { actors: [{ name: '' }, { name: 'b' }], venue: {} };
    const mapped = mapErrors(fiche, { 'Actors[1].Name': ['Trop court.'], 'territory.regionCode': ['Région inconnue.'], 'content.title': ['Obligatoire.'], relatedArticles: ['Trop.'] }, values);
    expect(mapped.byPath).toEqual({
      'actors[1].name': ['Trop court.'],
      'territory.regionCode': ['Région inconnue.'],
      title: ['Obligatoire.'],
      relatedArticles: ['Trop.'],
    });
    const onGroup = mapErrors(event, { venue: ['Le lieu est obligatoire.'], 'price.free': ['x'], mystery: ['?'] }, { venue: {} });
    expect(onGroup.byPath['venue.name']).toEqual(['Le lieu est obligatoire.']);
    expect(onGroup.byPath['price.free']).toEqual(['x']);
    expect(onGroup.other).toEqual([{ label: '', messages: ['?'] }]);
  });

  it('lists inputs in form order, rows expanded, with ids usable in selectors', () => {
    const paths = inputPaths(fiche, { actors: [{}, {}] });
    expect(paths.indexOf('actors[1].role')).toBeGreaterThan(paths.indexOf('actors[0].name'));
    expect(fieldId('actors[1].role')).toBe('f-actors-1-role');
  });
});

describe('bounds', () => {
  it('come from the contract, by path, rows included', () => {
    expect(boundsOf('articles', 'seo.title').maxLength).toBe(70);
    expect(boundsOf('fiches', 'actors[3].name').maxLength).toBe(200);
    expect(boundsOf('fiches', 'actors').maxItems).toBe(30);
    expect(boundsOf('advertiser-contacts', 'consent.text').maxLength).toBe(5000);
  });

  it('exist for every text field the forms show with a counter', () => {
    for (const spec of ['articles', 'fiches', 'events', 'advertiser-contacts'] as const) {
      for (const path of inputPaths(fieldsOf(specOf(spec)), {})) {
        const field = fieldsOf(specOf(spec));
        if (/^(title|fullName|slug)$/.test(path)) expect(boundsOf(spec, path).maxLength, `${spec} ${path}`).toBeGreaterThan(0);
        expect(labelOf(field, path), `${spec} ${path} has a label`).toBeTruthy();
      }
    }
  });
});
