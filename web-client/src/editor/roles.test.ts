import { describe, expect, it } from 'vitest';
import type { ContentStatus, SignedInUser } from '../api/client.js';
import { fr } from '../i18n/fr.js';
import { articleRights, worksOnArticles } from './roles.js';

const as = (role: string, email = `${role}@example.org`): SignedInUser => ({ id: `u-${role}`, email, displayName: role, role });
const article = (createdBy: string, status: ContentStatus = 'draft') => ({ createdBy, status });
const STATUSES: ContentStatus[] = ['draft', 'in_review', 'scheduled', 'published', 'unpublished'];

describe('role rules for articles', () => {
  it('lets admins and editors do everything, without a review step of their own', () => {
    for (const role of ['admin', 'editor']) {
      expect(articleRights(as(role), null)).toEqual({ edit: true, publish: true, submit: false, readOnlyBecause: null });
      for (const status of STATUSES) {
        expect(articleRights(as(role), article('someone@example.org', status))).toEqual({
          edit: true,
          publish: true,
          submit: false,
          readOnlyBecause: null,
        });
      }
    }
  });

  it('lets an author create, and edit and submit their own draft, never publish', () => {
    const author = as('author');
    expect(articleRights(author, null)).toEqual({ edit: true, publish: false, submit: false, readOnlyBecause: null });
    expect(articleRights(author, article('author@example.org'))).toEqual({ edit: true, publish: false, submit: true, readOnlyBecause: null });
    // E-mail addresses compare as the API compares them, without regard to case.
    expect(articleRights(as('author', 'Author@Example.org'), article('author@example.org')).submit).toBe(true);
  });

  it('shows an author anything else read-only, saying why', () => {
    const author = as('author');
    expect(articleRights(author, article('editor@example.org'))).toEqual({
      edit: false,
      publish: false,
      submit: false,
      readOnlyBecause: fr.roles.readOnly.notYours,
    });
    for (const status of STATUSES.filter((s) => s !== 'draft')) {
      const rights = articleRights(author, article('author@example.org', status));
      expect(rights).toMatchObject({ edit: false, publish: false, submit: false });
      expect(rights.readOnlyBecause).toBe(fr.roles.readOnly.notADraft(fr.status[status]));
    }
  });

  it('keeps sales, and roles it does not know, away from articles', () => {
    expect(worksOnArticles('admin')).toBe(true);
    expect(worksOnArticles('editor')).toBe(true);
    expect(worksOnArticles('author')).toBe(true);
    expect(worksOnArticles('sales')).toBe(false);
    expect(worksOnArticles('intern')).toBe(false);
    expect(articleRights(as('sales'), article('sales@example.org'))).toEqual({
      edit: false,
      publish: false,
      submit: false,
      readOnlyBecause: fr.roles.readOnly.notYourRole,
    });
  });
});
