import { LitElement, css, html, nothing, type TemplateResult } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { Task } from '@lit/task';
import { createApi, type Api, type TokenResponse } from '../api/client.js';
import { loadConfig } from '../config.js';
import { Drafts } from '../content/drafts.js';
import { contentTypes, specOf } from '../content/registry.js';
import { administers, manages, usesMedia, worksOn } from '../content/rights.js';
import { fr } from '../i18n/fr.js';
import { SessionKeeper, type Session, type SessionEnd } from '../session.js';
import { hrefOf, parseRoute, type Route } from './route.js';
import { failedState, loadingState } from './states.js';
import { shared } from './styles.js';
import type { NavigateDetail } from './vp-content-editor.js';
import { loadWorkspace, type Workspace } from './workspace.js';
import './vp-account.js';
import './vp-api-keys.js';
import './vp-audit.js';
import './vp-content-editor.js';
import './vp-content-list.js';
import { loadMediaElements } from './media/load.js';
import { loadWebhookElements } from './webhooks/load.js';
import './vp-history.js';
import './vp-not-found.js';
import './vp-not-in-role.js';
import './vp-password-reset.js';
import './vp-review-queue.js';
import './vp-sign-in.js';
import './vp-users.js';

interface View extends HTMLElement {
  focusHeading(): void;
  updateComplete: Promise<boolean>;
  unsaved?: boolean;
}

const VIEWS =
  'vp-sign-in, vp-not-in-role, vp-not-found, vp-content-list, vp-content-editor, vp-history, vp-review-queue, vp-users, vp-api-keys, vp-audit, vp-account, vp-password-reset, vp-media-library, vp-webhooks, vp-webhook-detail';

/**
 * The editor application: reads config.json, keeps the session (shared by the browser's tabs), and shows the
 * screen the URL names, as the signed-in role allows. Leaving a screen with unsaved work asks first.
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
      header .bar { max-width: 80rem; margin: 0 auto; padding: 0.6rem 1.25rem; display: flex; gap: 0.5rem 1.5rem; align-items: center; flex-wrap: wrap; }
      header a, header .brand { color: #fff; }
      .brand { font-weight: 800; font-size: 1.15rem; text-decoration: none; }
      .brand small { font-weight: 400; opacity: 0.85; margin-left: 0.4rem; }
      nav ul { list-style: none; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: 0.25rem 1rem; }
      nav a[aria-current='page'] { font-weight: 700; text-decoration-thickness: 3px; }
      .user { margin-left: auto; display: flex; flex-wrap: wrap; gap: 0.5rem 0.75rem; align-items: center; }
      .user button { border-color: #fff; color: #fff; background: transparent; }
      main { max-width: 80rem; margin: 0 auto; padding: 1.5rem 1.25rem 3rem; }
      main.narrow { max-width: 28rem; }
      @media (max-width: 40rem) {
        header .bar, main { padding-left: 0.75rem; padding-right: 0.75rem; }
        .brand small { display: none; }
      }
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
  /** A message carried to the next screen (signed out, item deleted…). */
  @state() private flash = '';

  private routeChanged = false;
  /** The flash for the screen a pending hash change leads to. */
  private nextFlash = '';
  private currentHash = location.hash;

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

  /** Reference lists and names, loaded once per signed-in account. */
  private workspace = new Task(this, {
    args: () => [this.config.value, this.session?.user.id, this.session?.user.role] as const,
    task: async ([config, userId], { signal }): Promise<Workspace | null> => {
      const session = this.session;
      if (!config || !userId || !session) return null;
      return loadWorkspace(this.api!, session.user, new Drafts(userId), signal);
    },
  });

  private onHashChange = () => {
    // Our own replaceState, or an event from before the app was there.
    if (location.hash === this.currentHash) return;
    const view = this.renderRoot.querySelector<View>(VIEWS);
    if (view?.unsaved && !window.confirm(fr.app.leaveUnsaved)) {
      // Stay: the address goes back to the screen with the unsaved work, without a new history entry.
      history.replaceState(null, '', this.currentHash || '#/');
      return;
    }
    this.currentHash = location.hash;
    this.route = parseRoute(location.hash);
    this.routeChanged = true;
    this.flash = this.nextFlash;
    this.nextFlash = '';
  };

  /** Another tab signed in, renewed the tokens or signed out. */
  private onStorage = (event: StorageEvent) => {
    if (event.key === null || event.key === 'vivapolis.session') this.keeper.sync();
  };

  override connectedCallback() {
    super.connectedCallback();
    window.addEventListener('hashchange', this.onHashChange);
    window.addEventListener('storage', this.onStorage);
  }

  override disconnectedCallback() {
    window.removeEventListener('hashchange', this.onHashChange);
    window.removeEventListener('storage', this.onStorage);
    super.disconnectedCallback();
  }

  override render() {
    return html`
      <a class="skip" href="#main" @click=${this.skipToMain}>${fr.app.skipLink}</a>
      <header>
        <div class="bar">
          <a class="brand" href="#/">${fr.app.name}<small>${fr.app.tagline}</small></a>
          ${this.session ? this.renderNav(this.session) : nothing}
        </div>
      </header>
      ${this.config.render({
        initial: () => this.renderMain(loadingState(fr.app.loading)),
        pending: () => this.renderMain(loadingState(fr.app.loading)),
        error: () => this.renderMain(html`<div class="alert" role="alert"><p>${fr.app.configError}</p></div>`),
        complete: () => this.renderScreen(),
      })}
    `;
  }

  private renderNav(session: Session) {
    const role = session.user.role;
    const link = (href: string, label: string, current: boolean) =>
      html`<li><a href=${href} aria-current=${current ? 'page' : nothing}>${label}</a></li>`;
    const r = this.route;
    const segment = 'segment' in r ? r.segment : null;
    return html`
      <nav aria-label=${fr.app.mainNav}>
        <ul>
          ${contentTypes.filter((t) => worksOn(role, t.desk)).map((t) => link(hrefOf.list(t.segment), t.names.many, segment === t.segment))}
          ${usesMedia(role) ? link('#/media', fr.media.library.title, r.name === 'media') : nothing}
          ${manages(role, 'editorial') ? link('#/review', fr.app.review, r.name === 'review') : nothing}
          ${administers(role)
            ? html`${link('#/users', fr.app.users, r.name === 'users')}${link('#/api-keys', fr.app.apiKeys, r.name === 'api-keys')}${link(hrefOf.webhooks(), fr.app.webhooks, r.name === 'webhooks')}${link(hrefOf.audit(), fr.app.audit, r.name === 'audit')}`
            : nothing}
        </ul>
      </nav>
      <div class="user">
        <a href="#/account" id="signed-in-user" aria-current=${r.name === 'account' ? 'page' : nothing}
          ><span class="visually-hidden">${fr.auth.signedInLabel}</span>${fr.auth.signedInAs(session.user.displayName, fr.roles.names[role] ?? role)}</a
        >
        <button type="button" ?disabled=${this.signingOut} @click=${this.signOut}>${this.signingOut ? fr.auth.signingOut : fr.auth.signOut}</button>
      </div>
    `;
  }

  private renderMain(content: unknown, narrow = false) {
    // The message carried here is about how the screen was reached: the first action on it makes it old news.
    return html`<main id="main" tabindex="-1" class=${narrow ? 'narrow' : ''} @vp-action=${this.clearFlash} @vp-field-change=${this.clearFlash}>
      <p class="notice" role="status" id="flash">${this.session ? this.flash : ''}</p>
      ${content}
    </main>`;
  }

  private renderScreen() {
    const api = this.api!;
    const route = this.route;
    if (route.name === 'password-reset') {
      return this.renderMain(html`<vp-password-reset .api=${api} token=${route.token}></vp-password-reset>`, true);
    }
    if (!this.session) {
      return this.renderMain(html`<vp-sign-in .api=${api} .message=${this.flash} @vp-signed-in=${this.signedIn}></vp-sign-in>`, true);
    }
    return this.workspace.render({
      initial: () => this.renderMain(loadingState(fr.app.loading)),
      pending: () => this.renderMain(loadingState(fr.app.loading)),
      error: (error) => this.renderMain(failedState(fr.app.configError, error, () => this.workspace.run())),
      complete: (workspace) => (workspace ? this.renderMain(this.screenFor(route, workspace)) : this.renderMain(loadingState(fr.app.loading))),
    });
  }

  private screenFor(route: Route, w: Workspace): TemplateResult {
    const role = w.user.role;
    const notInRole = html`<vp-not-in-role account-role=${role}></vp-not-in-role>`;
    switch (route.name) {
      case 'home': {
        const first = contentTypes.find((t) => worksOn(role, t.desk));
        if (first) queueMicrotask(() => this.go(hrefOf.list(first.segment), true));
        return first ? loadingState(fr.app.loading) : notInRole;
      }
      case 'list':
      case 'new':
      case 'edit':
      case 'history': {
        const spec = specOf(route.segment);
        if (!worksOn(role, spec.desk)) return notInRole;
        if (route.name === 'list') return html`<vp-content-list .spec=${spec} .workspace=${w}></vp-content-list>`;
        if (route.name === 'history') return html`<vp-history .spec=${spec} .workspace=${w} .itemId=${route.id} @vp-navigate=${this.navigate}></vp-history>`;
        // One template for "new" and "edit", so that the element survives the switch from one to the other after a
        // creation (and keeps its "created" notice).
        return html`<vp-content-editor .spec=${spec} .workspace=${w} .itemId=${route.name === 'edit' ? route.id : null} @vp-navigate=${this.navigate}></vp-content-editor>`;
      }
      case 'review':
        return manages(role, 'editorial') ? html`<vp-review-queue .workspace=${w}></vp-review-queue>` : notInRole;
      case 'media':
        if (usesMedia(role)) void loadMediaElements();
        return usesMedia(role) ? html`<vp-media-library .api=${w.api.media} .user=${w.user} .nameOf=${w.nameOf}></vp-media-library>` : notInRole;
      case 'users':
        return administers(role) ? html`<vp-users .workspace=${w}></vp-users>` : notInRole;
      case 'api-keys':
        return administers(role) ? html`<vp-api-keys .workspace=${w}></vp-api-keys>` : notInRole;
      case 'webhooks':
        if (!administers(role)) return notInRole;
        void loadWebhookElements();
        // Two templates: the list and one webhook's screen are different elements, each focused on arrival.
        return route.id
          ? html`<vp-webhook-detail .api=${w.api.webhooks} .nameOf=${w.nameOf} webhookId=${route.id} @vp-navigate=${this.navigate}></vp-webhook-detail>`
          : html`<vp-webhooks .api=${w.api.webhooks}></vp-webhooks>`;
      case 'audit':
        return administers(role) ? html`<vp-audit .workspace=${w} .item=${route.item}></vp-audit>` : notInRole;
      case 'account':
        return html`<vp-account .workspace=${w} @vp-password-changed=${this.passwordChanged}></vp-account>`;
      default:
        return html`<vp-not-found></vp-not-found>`;
    }
  }

  override updated() {
    document.title = fr.app.documentTitle(this.pageTitle());
    if (this.routeChanged) {
      this.routeChanged = false;
      // Tell screen reader users the page changed: move focus to the new screen's heading.
      const view = this.renderRoot.querySelector<View>(VIEWS);
      // A screen loaded on demand (the media library) is defined a moment later.
      if (view) void customElements.whenDefined(view.localName).then(() => view.updateComplete).then(() => view.focusHeading());
    }
  }

  private pageTitle(): string {
    const r = this.route;
    if (r.name === 'password-reset') return fr.password.resetTitle;
    if (!this.session) return fr.auth.title;
    switch (r.name) {
      case 'list': return specOf(r.segment).names.many;
      case 'new': return specOf(r.segment).names.create;
      case 'edit': return fr.editor.editTitle(specOf(r.segment).names);
      case 'history': return fr.history.title(specOf(r.segment).names.one);
      case 'review': return fr.review.title;
      case 'media': return fr.media.library.title;
      case 'users': return fr.users.title;
      case 'api-keys': return fr.apiKeys.title;
      case 'webhooks': return fr.app.webhooks;
      case 'audit': return fr.audit.title;
      case 'account': return fr.password.accountTitle;
      case 'not-found': return fr.notFound.title;
      default: return fr.app.tagline;
    }
  }

  private signedIn(event: CustomEvent<TokenResponse>) {
    this.keeper.start(event.detail);
    this.flash = '';
    this.routeChanged = true;
  }

  /** Signed in, renewed (the role may have changed) or ended, here or in another tab. */
  private sessionChanged(session: Session | null, ended?: SessionEnd) {
    this.session = session;
    if (ended) {
      this.flash = ended === 'expired' ? fr.auth.sessionExpired : fr.auth.signedOut;
      this.routeChanged = true;
    } else if (session && this.route.name === 'password-reset') {
      this.routeChanged = true;
    }
  }

  private async signOut() {
    const view = this.renderRoot.querySelector<View>(VIEWS);
    if (view?.unsaved && !window.confirm(fr.app.leaveUnsaved)) return;
    const userId = this.session?.user.id;
    this.signingOut = true;
    try {
      await this.keeper.signOut();
      // Whoever signs in next on this browser finds nothing of this account's unsaved work, and starts at home.
      if (userId) new Drafts(userId).clear();
      this.go('#/', true);
    } finally {
      this.signingOut = false;
    }
  }

  /** The API ended every session of the account: sign in again, with the new password. */
  private passwordChanged() {
    this.keeper.end('signed-out');
    this.flash = fr.password.changed;
  }

  private navigate(event: CustomEvent<NavigateDetail>) {
    const { path, replace, notice } = event.detail;
    if (replace) {
      // No hashchange event, no focus move: the editor stays where the editor was working.
      this.go(path, true);
    } else {
      this.nextFlash = notice ?? '';
      location.hash = path;
    }
  }

  private go(path: string, replace: boolean) {
    if (!replace) {
      location.hash = path;
      return;
    }
    history.replaceState(null, '', path);
    this.currentHash = path;
    this.route = parseRoute(path);
    if (this.route.name === 'list') this.routeChanged = true;
  }

  private clearFlash = () => {
    if (this.flash) this.flash = '';
  };

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
