import { LitElement, css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { Task } from '@lit/task';
import { createApi, type Api, type TokenResponse } from '../api/client.js';
import { loadConfig } from '../config.js';
import { fr } from '../i18n/fr.js';
import { SessionKeeper, type Session, type SessionEnd } from '../session.js';
import { worksOnArticles } from './roles.js';
import { parseRoute, type Route } from './route.js';
import { shared } from './styles.js';
import type { NavigateDetail } from './vp-article-editor.js';
import './vp-article-editor.js';
import './vp-article-list.js';
import './vp-not-in-role.js';
import './vp-sign-in.js';

interface View extends HTMLElement {
  focusHeading(): void;
  updateComplete: Promise<boolean>;
}

/**
 * The editor application: reads config.json, keeps the session, and shows the screen the URL
 * names (and the signed-in role allows). Routes live in the hash (`#/articles/…`) so that any
 * static host serves the app from one index.html, without rewrite rules.
 */
@customElement('vp-app')
export class VpApp extends LitElement {
  static override styles = [
    shared,
    css`
      :host { display: block; min-height: 100vh; }
      .skip { position: absolute; left: -999px; top: 0; background: #fff; padding: 0.5rem; z-index: 10; }
      .skip:focus { left: 0.5rem; }
      header { background: var(--vp-green-dark); color: #fff; }
      header .bar { max-width: 80rem; margin: 0 auto; padding: 0.6rem 1.25rem; display: flex; gap: 1.5rem; align-items: center; flex-wrap: wrap; }
      header a, header .brand { color: #fff; }
      .brand { font-weight: 800; font-size: 1.15rem; text-decoration: none; }
      .brand small { font-weight: 400; opacity: 0.85; margin-left: 0.4rem; }
      nav ul { list-style: none; margin: 0; padding: 0; display: flex; gap: 1rem; }
      nav a[aria-current='page'] { font-weight: 700; }
      .user { margin-left: auto; display: flex; gap: 0.75rem; align-items: center; }
      .user button { border-color: #fff; color: #fff; background: transparent; }
      main { max-width: 80rem; margin: 0 auto; padding: 1.5rem 1.25rem 3rem; }
      main.narrow { max-width: 28rem; }
    `,
  ];

  private api: Api | null = null;
  // Refreshes go through the API client, which exists once config.json is read; no call is made before.
  private keeper = new SessionKeeper({
    refresh: (refreshToken) => this.api!.refresh(refreshToken),
    logout: (refreshToken) => this.api!.logout(refreshToken),
    onChange: (session, ended) => this.sessionChanged(session, ended),
  });

  @state() private session: Session | null = this.keeper.current;
  @state() private signingOut = false;
  @state() private route: Route = parseRoute(location.hash);
  /** A message carried to the next screen (signed out, article deleted…). */
  @state() private flash = '';

  private routeChanged = false;
  /** The flash for the screen a pending hash change leads to. */
  private nextFlash = '';

  private config = new Task(this, {
    task: async () => {
      const config = await loadConfig();
      this.api = createApi({
        baseUrl: config.apiBaseUrl,
        tokens: this.keeper,
        // Still refused with a renewed token: the session is over all the same.
        onUnauthorized: () => this.keeper.end('expired'),
      });
      return config;
    },
    args: () => [],
  });

  private onHashChange = () => {
    this.route = parseRoute(location.hash);
    this.routeChanged = true;
    this.flash = this.nextFlash;
    this.nextFlash = '';
  };

  override connectedCallback() {
    super.connectedCallback();
    window.addEventListener('hashchange', this.onHashChange);
  }

  override disconnectedCallback() {
    window.removeEventListener('hashchange', this.onHashChange);
    super.disconnectedCallback();
  }

  override render() {
    return html`
      <a class="skip" href="#main" @click=${this.skipToMain}>${fr.app.skipLink}</a>
      <header>
        <div class="bar">
          <a class="brand" href="#/articles">${fr.app.name}<small>${fr.app.tagline}</small></a>
          ${this.session
            ? html`
                ${worksOnArticles(this.session.user.role)
                  ? html`<nav aria-label=${fr.app.mainNav}>
                      <ul>
                        <li><a href="#/articles" aria-current=${this.route.name === 'list' ? 'page' : nothing}>${fr.app.articles}</a></li>
                      </ul>
                    </nav>`
                  : nothing}
                <div class="user">
                  <span id="signed-in-user"
                    ><span class="visually-hidden">${fr.auth.signedInLabel}</span
                    >${fr.auth.signedInAs(this.session.user.displayName, fr.roles.names[this.session.user.role] ?? this.session.user.role)}</span
                  >
                  <button type="button" ?disabled=${this.signingOut} @click=${this.signOut}>
                    ${this.signingOut ? fr.auth.signingOut : fr.auth.signOut}
                  </button>
                </div>
              `
            : nothing}
        </div>
      </header>
      ${this.config.render({
        initial: () => this.renderMain(html`<p role="status">${fr.app.loading}</p>`),
        pending: () => this.renderMain(html`<p role="status">${fr.app.loading}</p>`),
        error: () => this.renderMain(html`<div class="alert" role="alert"><p>${fr.app.configError}</p></div>`),
        complete: () => this.renderScreen(),
      })}
    `;
  }

  private renderMain(content: unknown, narrow = false) {
    return html`<main id="main" tabindex="-1" class=${narrow ? 'narrow' : ''}>${content}</main>`;
  }

  private renderScreen() {
    const api = this.api!;
    if (!this.session) {
      return this.renderMain(html`<vp-sign-in .api=${api} .message=${this.flash} @vp-signed-in=${this.signedIn}></vp-sign-in>`, true);
    }
    const { user } = this.session;
    if (!worksOnArticles(user.role)) {
      return this.renderMain(html`<vp-not-in-role account-role=${user.role}></vp-not-in-role>`);
    }
    const route = this.route;
    if (route.name === 'list') {
      return this.renderMain(html`
        <p class="notice" role="status">${this.flash}</p>
        <vp-article-list .api=${api}></vp-article-list>
      `);
    }
    // One template for "new" and "edit", so that the element survives the switch from one to the
    // other after a creation (and keeps its "created" notice).
    return this.renderMain(html`<vp-article-editor
      .api=${api}
      .user=${user}
      .articleId=${route.name === 'edit' ? route.id : null}
      @vp-navigate=${this.navigate}
    ></vp-article-editor>`);
  }

  override updated() {
    document.title = fr.app.documentTitle(
      !this.session
        ? fr.auth.title
        : !worksOnArticles(this.session.user.role)
          ? fr.roles.notInRole.title
          : this.route.name === 'list'
            ? fr.list.title
            : fr.editor.editTitle,
    );
    if (this.routeChanged) {
      this.routeChanged = false;
      // Tell screen reader users the page changed: move focus to the new screen's heading.
      const view = this.renderRoot.querySelector<View>('vp-sign-in, vp-not-in-role, vp-article-list, vp-article-editor');
      void view?.updateComplete.then(() => view.focusHeading());
    }
  }

  private signedIn(event: CustomEvent<TokenResponse>) {
    this.keeper.start(event.detail);
    this.flash = '';
    this.routeChanged = true;
  }

  /** Signed in, renewed (the role may have changed) or ended. */
  private sessionChanged(session: Session | null, ended?: SessionEnd) {
    this.session = session;
    if (ended) {
      this.flash = ended === 'expired' ? fr.auth.sessionExpired : fr.auth.signedOut;
      this.routeChanged = true;
    }
  }

  private async signOut() {
    this.signingOut = true;
    try {
      await this.keeper.signOut();
    } finally {
      this.signingOut = false;
    }
  }

  private navigate(event: CustomEvent<NavigateDetail>) {
    const { path, replace, notice } = event.detail;
    if (replace) {
      // No hashchange event, no focus move: the editor stays where the editor was working.
      history.replaceState(null, '', path);
      this.route = parseRoute(path);
    } else {
      this.nextFlash = notice ?? '';
      location.hash = path;
    }
  }

  private skipToMain(event: Event) {
    event.preventDefault();
    this.renderRoot.querySelector<HTMLElement>('main')?.focus();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'vp-app': VpApp;
  }
}
