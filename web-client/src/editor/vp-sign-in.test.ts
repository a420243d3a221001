import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, type Api } from '../api/client.js';
import { fr } from '../i18n/fr.js';
import './vp-sign-in.js';
import type { VpSignIn } from './vp-sign-in.js';

async function mount(signIn: Api['signIn']) {
  const el = document.createElement('vp-sign-in') as VpSignIn;
  el.api = { signIn } as unknown as Api;
  document.body.append(el);
  await el.updateComplete;
  return el;
}

async function submit(el: VpSignIn, email: string, password: string) {
  const root = el.shadowRoot!;
  root.querySelector<HTMLInputElement>('#email')!.value = email;
  root.querySelector<HTMLInputElement>('#password')!.value = password;
  root.querySelector('form')!.dispatchEvent(new Event('submit', { cancelable: true }));
  for (let i = 0; i < 4; i++) {
    await el.updateComplete;
    await new Promise((r) => setTimeout(r, 0));
  }
}

afterEach(() => {
  document.body.innerHTML = '';
});

describe('vp-sign-in', () => {
  it('shows the API’s French detail on 429 and does not try again by itself', async () => {
    const detail = 'Trop d’essais de connexion pour cette adresse. Réessayez dans 8 secondes.';
    const signIn = vi.fn(async () => {
      throw new ApiError('http', { status: 429, title: 'Trop de requêtes', detail });
    });
    const el = await mount(signIn);
    // No error yet: the alert is empty, so that the style hides it.
    expect(el.shadowRoot!.querySelector('.alert:empty')).not.toBeNull();
    await submit(el, 'author@example.org', 'wrong');
    await new Promise((r) => setTimeout(r, 50));

    const alert = el.shadowRoot!.querySelector('[role="alert"]')!.textContent!;
    expect(alert).toContain(fr.auth.tooManyAttempts);
    expect(alert).toContain(detail);
    expect(signIn).toHaveBeenCalledOnce();
    expect(el.shadowRoot!.querySelector<HTMLButtonElement>('button[type="submit"]')!.disabled).toBe(false);
  });

  it('says the credentials are wrong on 401', async () => {
    const el = await mount(vi.fn(async () => {
      throw new ApiError('http', { status: 401, title: 'Authentification requise' });
    }));
    await submit(el, 'author@example.org', 'wrong');
    expect(el.shadowRoot!.querySelector('[role="alert"]')!.textContent).toContain(fr.auth.badCredentials);
  });
});
