import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ManagedItem, TranslationSummary, Versioned } from '../api/client.js';
import { rightsFor } from '../content/rights.js';
import { specOf } from '../content/registry.js';
import { fr } from '../i18n/fr.js';
import type { ActionRequest } from './vp-item-panel.js';
import './vp-language-versions.js';
import type { VpLanguageVersions } from './vp-language-versions.js';
import type { Workspace } from './workspace.js';

const fiches = specOf('fiches');
const editor = { id: 'u-editor', email: 'editor@example.org', displayName: 'Élise Rédaction', role: 'editor' as const };

const item = (id: string, locale: 'fr' | 'en'): Versioned<ManagedItem> => ({
  etag: '"v2"',
  item: {
    id, type: 'fiche', slug: 'reseau-de-chaleur', status: 'published', version: 2, hasUnpublishedChanges: false,
    createdAt: '2026-11-01T08:00:00+00:00', createdBy: 'editor@example.org', updatedAt: '2026-11-01T08:00:00+00:00',
    updatedBy: 'editor@example.org', publishedAt: '2026-11-01T08:00:00+00:00',
    content: { locale, title: 'Un réseau de chaleur' },
  } as unknown as ManagedItem,
});

const summary = (id: string, locale: 'fr' | 'en', title: string): TranslationSummary => ({
  id, locale, slug: 'reseau-de-chaleur', title, status: 'draft', hasUnpublishedChanges: false, updatedAt: '2026-11-02T08:00:00+00:00',
});

async function mount(current: Versioned<ManagedItem>, versions: TranslationSummary[], user = editor) {
  const list = vi.fn(async () => versions);
  const el = document.createElement('vp-language-versions') as VpLanguageVersions;
  el.spec = fiches;
  el.workspace = { api: { translations: () => ({ list }) }, user } as unknown as Workspace;
  el.rights = rightsFor(user, fiches, current.item);
  el.current = current;
  const actions: ActionRequest[] = [];
  el.addEventListener('vp-action', (e) => actions.push((e as CustomEvent<ActionRequest>).detail));
  document.body.append(el);
  for (let i = 0; i < 4; i++) {
    await el.updateComplete;
    await new Promise((r) => setTimeout(r, 0));
  }
  return { el, list, actions };
}

const buttons = (el: VpLanguageVersions) => [...el.shadowRoot!.querySelectorAll('button')];

afterEach(() => {
  document.body.innerHTML = '';
});

describe('vp-language-versions', () => {
  it('shows the item’s language and offers to create the English version when there is none', async () => {
    const { el, list, actions } = await mount(item('f-fr', 'fr'), [summary('f-fr', 'fr', 'Un réseau de chaleur')]);
    expect(list).toHaveBeenCalledWith('f-fr');
    expect(el.shadowRoot!.querySelector('[aria-current] .code')!.textContent).toBe('FR');
    const create = buttons(el).find((b) => b.textContent === fr.translations.create('en'))!;
    expect(buttons(el).some((b) => b.textContent === fr.translations.unlink)).toBe(false); // nothing to unlink from
    create.click();
    expect(actions).toEqual([{ action: 'translate', locale: 'en' }]);
  });

  it('links to the other version with its status, and unlinks only after a confirmation naming it', async () => {
    const { el, actions } = await mount(item('f-fr', 'fr'), [summary('f-fr', 'fr', 'Un réseau de chaleur'), summary('f-en', 'en', 'A heating network')]);
    const link = el.shadowRoot!.querySelector<HTMLAnchorElement>('li[data-locale="en"] a')!;
    expect(link.getAttribute('href')).toBe('#/fiches/f-en');
    expect(link.getAttribute('aria-label')).toBe(fr.translations.open('en', 'A heating network'));
    expect(el.shadowRoot!.querySelector('li[data-locale="en"] vp-status-badge')!.getAttribute('status')).toBe('draft');

    buttons(el).find((b) => b.textContent === fr.translations.unlink)!.click();
    await el.updateComplete;
    const dialog = el.shadowRoot!.querySelector('[role="alertdialog"]')!;
    expect(dialog.textContent).toContain('la version anglaise « A heating network »');
    expect(el.shadowRoot!.activeElement?.id).toBe('unlink-keep'); // the safe answer has the focus
    expect(actions).toEqual([]);
    el.shadowRoot!.querySelector<HTMLButtonElement>('#unlink-confirm')!.click();
    expect(actions).toEqual([{ action: 'unlink' }]);
  });

  it('asks to save first while the form has unsaved changes', async () => {
    const { el } = await mount(item('f-fr', 'fr'), [summary('f-fr', 'fr', 'Un réseau de chaleur')]);
    el.dirty = true;
    await el.updateComplete;
    const create = buttons(el).find((b) => b.textContent === fr.translations.create('en'))!;
    expect(create.disabled).toBe(true);
    expect(el.shadowRoot!.querySelector('#translate-save-first')!.textContent).toBe(fr.translations.saveFirst);
  });
});
