import { describe, expect, it } from 'vitest';
import type { ArticleContent } from '../api/client.js';
import {
  emptyForm,
  firstInvalidField,
  mapFieldErrors,
  normaliseErrorKey,
  splitList,
  toContent,
  toFormValues,
} from './article-form.js';

describe('toContent', () => {
  it('sends a minimal article without empty optional parts', () => {
    const content = toContent({ ...emptyForm(), title: '  Vers un modèle français  ' });
    expect(content).toEqual({
      locale: 'fr',
      title: 'Vers un modèle français',
      authors: [],
      tags: [],
      themes: [],
      relatedFiches: [],
      relatedEvents: [],
    });
    expect(JSON.stringify(content)).not.toContain('cover');
  });

  it('sends a blank title as blank, for the API to judge', () => {
    expect(toContent({ ...emptyForm(), title: '   ' }).title).toBe('');
  });

  it('splits comma separated lists and drops empty entries', () => {
    const content = toContent({ ...emptyForm(), title: 't', authors: 'Claire Martin, , Paul Roux ,', tags: 'vélo,  logistique' });
    expect(content.authors).toEqual(['Claire Martin', 'Paul Roux']);
    expect(content.tags).toEqual(['vélo', 'logistique']);
  });

  it('sends a cover as soon as one of its fields is filled, so the API can ask for the alt text', () => {
    const content = toContent({ ...emptyForm(), title: 't', coverUrl: 'https://img.example.org/a.jpg' });
    expect(content.cover).toEqual({ url: 'https://img.example.org/a.jpg', alt: '' });
  });

  it('round-trips every field through the form', () => {
    const original: ArticleContent = {
      locale: 'en',
      translationGroup: '2b0c3d9e-1f5a-4c1e-9a77-3c2f4d5e6a7b',
      slug: 'towards-a-french-model',
      title: 'Towards a French model',
      standfirst: 'The network at a glance.',
      body: '<p>Hello</p>\n<p>World</p>',
      rubric: 'Écosystème',
      authors: ['Claire Martin', 'Paul Roux'],
      interviewee: { name: 'Inès Dupont', role: 'directrice', organisation: 'Ville de Exemple' },
      tags: ['vélo'],
      themes: ['mobilite', 'energie'],
      relatedFiches: ['7a1b2c3d-0000-4000-8000-000000000001'],
      relatedEvents: [],
      seo: { title: 'SEO title', description: 'SEO description' },
      cover: { url: 'https://img.example.org/a.jpg', alt: 'Un tramway', credit: 'Photo : X' },
    };
    expect(toContent(toFormValues(original))).toEqual(original);
  });
});

describe('field errors', () => {
  it('normalises the shapes validators use for property paths', () => {
    expect(normaliseErrorKey('title')).toBe('title');
    expect(normaliseErrorKey('Title')).toBe('title');
    expect(normaliseErrorKey('Cover.Alt')).toBe('cover.alt');
    expect(normaliseErrorKey('authors[2]')).toBe('authors');
    expect(normaliseErrorKey('content.seo.description')).toBe('seo.description');
  });

  it('puts each message beside its field and keeps the rest for the alert', () => {
    const mapped = mapFieldErrors({
      title: ['Le titre doit contenir au moins 3 caractères.'],
      'cover.alt': ['Le texte alternatif est obligatoire.'],
      'tags[0]': ['Mot-clé trop long.'],
      relatedFiches: ['Fiche introuvable.'],
    });
    expect(mapped.byField).toEqual({
      title: ['Le titre doit contenir au moins 3 caractères.'],
      'cover.alt': ['Le texte alternatif est obligatoire.'],
      tags: ['Mot-clé trop long.'],
    });
    expect(mapped.other).toEqual([{ key: 'relatedFiches', messages: ['Fiche introuvable.'] }]);
  });

  it('finds the first invalid field in form order', () => {
    expect(firstInvalidField({ 'seo.title': ['x'], title: ['y'] })).toBe('title');
    expect(firstInvalidField({})).toBeNull();
  });

  it('splitList is forgiving', () => {
    expect(splitList('')).toEqual([]);
    expect(splitList(' a ,b,, c ')).toEqual(['a', 'b', 'c']);
  });
});
