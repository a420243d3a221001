// Stand-in for web-client's built agenda.js in the API tests (ApiFactory points Vivapolis:Embed:AgendaScript here).
customElements.define('vivapolis-agenda', class extends HTMLElement {});
