import { describe, expect, it } from 'vitest';
import type { SignedInUser } from '../api/client.js';
import { specOf } from './registry.js';
import { manages, rightsFor, worksOn } from './rights.js';

const user = (role: string, email = `${role}@example.org`): SignedInUser => ({ id: `u-${role}`, email, displayName: role, role });
const fiche = specOf('fiches');
const contact = specOf('advertiser-contacts');

describe('rights', () => {
  it('give each desk to its roles', () => {
    expect(['admin', 'editor', 'author'].map((r) => worksOn(r, 'editorial'))).toEqual([true, true, true]);
    expect(worksOn('sales', 'editorial')).toBe(false);
    expect(['admin', 'sales', 'editor'].map((r) => manages(r, 'advertising'))).toEqual([true, true, false]);
    expect(worksOn('intern', 'editorial')).toBe(false);
  });

  it('let an author edit and submit only their own drafts, and say why otherwise', () => {
    const author = user('author');
    expect(rightsFor(author, fiche, null)).toMatchObject({ edit: true, submit: false, manage: false });
    expect(rightsFor(author, fiche, { createdBy: 'AUTHOR@example.org', status: 'draft' })).toMatchObject({ edit: true, submit: true });
    expect(rightsFor(author, fiche, { createdBy: 'editor@example.org', status: 'draft' }).readOnlyBecause).toContain('que vous avez créés');
    expect(rightsFor(author, fiche, { createdBy: 'author@example.org', status: 'in_review' }).readOnlyBecause).toContain('« en relecture »');
  });

  it('let managers do everything on their desk only', () => {
    expect(rightsFor(user('editor'), fiche, { createdBy: 'x', status: 'published' })).toMatchObject({ edit: true, manage: true });
    expect(rightsFor(user('editor'), contact, null)).toMatchObject({ edit: false, manage: false });
    expect(rightsFor(user('sales'), contact, { createdBy: 'x', status: 'draft' })).toMatchObject({ edit: true, manage: true });
  });
});
