import { afterEach, describe, expect, it, vi } from 'vitest';
import { specOf } from '../content/registry.js';
import type { FieldChange, VpContentForm } from './vp-content-form.js';
import './vp-content-form.js';
import type { Workspace } from './workspace.js';

const MEMBER = '0195f0a2-7c4e-7b1a-9d1e-2f6a0c3b5e71';

/** The fiche form, with an API whose members list finds one member. */
async function mountFiche() {
  const get = vi.fn(async (id: string) => ({
    item: { id, slug: 'armor-biomasse-energies', content: { name: 'Armor Biomasse Énergies', kind: 'entreprise' } },
    etag: '"3"',
  }));
  const list = vi.fn(async () => ({ items: [{ id: MEMBER, title: 'Armor Biomasse Énergies', slug: 'armor-biomasse-energies' }], next: null }));
  const el = document.createElement('vp-content-form') as VpContentForm;
  el.segment = 'fiches';
  el.sections = specOf('fiches').sections;
  el.values = specOf('fiches').initial();
  el.workspace = { api: { content: () => ({ get, list }) }, themes: [], regions: [], user: { id: 'u-editor', email: 'editor@example.org', displayName: 'Élise Rédaction', role: 'editor' } } as unknown as Workspace;
  const changes: FieldChange[] = [];
  el.addEventListener('vp-field-change', (e) => changes.push((e as CustomEvent<FieldChange>).detail));
  document.body.append(el);
  await el.updateComplete;
  return { el, changes, get, list };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

afterEach(() => {
  document.body.innerHTML = '';
});

describe('vp-content-form link fields', () => {
  it('links a fiche actor to the member chosen by its name, and fills the actor’s name and kind from the member', async () => {
    const { el, changes, get, list } = await mountFiche();
    const picker = el.shadowRoot!.querySelector('vp-relation-picker[single]')!;
    await (picker as unknown as { updateComplete: Promise<unknown> }).updateComplete;
    const search = picker.shadowRoot!.querySelector<HTMLInputElement>('input[type="search"]')!;
    expect(picker.shadowRoot!.querySelector(`label[for="${search.id}"]`)!.textContent).toBe('Chercher un membre par son titre');

    vi.useFakeTimers();
    search.value = 'Armor';
    search.dispatchEvent(new Event('input'));
    await vi.runAllTimersAsync();
    vi.useRealTimers();
    await settle();
    expect(list).toHaveBeenCalledWith({ q: 'Armor', limit: 8, sort: 'title' });
    const choose = picker.shadowRoot!.querySelector<HTMLButtonElement>('.results button')!;
    expect(choose.textContent).toBe('Choisir « Armor Biomasse Énergies »');
    choose.click();
    await settle();

    await (picker as unknown as { updateComplete: Promise<unknown> }).updateComplete;
    expect(picker.shadowRoot!.querySelector('.results')).toBeNull(); // one member: the search is done
    expect(get).toHaveBeenCalledWith(MEMBER);
    expect(changes).toEqual([
      { path: 'actors[0].memberId', value: MEMBER },
      { path: 'actors[0].name', value: 'Armor Biomasse Énergies' },
      { path: 'actors[0].kind', value: 'entreprise' },
    ]);
  });
});
