import { css } from 'lit';

/** Styles shared by the editor's elements (each has its own shadow root). */
export const shared = css`
  :host {
    display: block;
    --vp-green: #1d6b3a;
    --vp-green-dark: #134a28;
    --vp-ink: #1b1f1a;
    --vp-muted: #4d564b;
    --vp-line: #c9cfc5;
    --vp-bg: #ffffff;
    --vp-error: #a4161a;
    --vp-error-bg: #fdecec;
    --vp-info-bg: #e8f3ec;
    color: var(--vp-ink);
    font: inherit;
  }
  *, *::before, *::after { box-sizing: border-box; }
  h1 { font-size: 1.6rem; margin: 0 0 1rem; }
  h1:focus { outline: none; }
  h1:focus-visible { outline: 3px solid var(--vp-green); outline-offset: 4px; }
  a { color: var(--vp-green-dark); }
  a:focus-visible, button:focus-visible, input:focus-visible, select:focus-visible, textarea:focus-visible {
    outline: 3px solid #f2b01e;
    outline-offset: 2px;
  }
  label { display: block; font-weight: 600; margin-bottom: 0.25rem; }
  .hint { display: block; color: var(--vp-muted); font-size: 0.9rem; margin: 0 0 0.25rem; font-weight: 400; }
  input[type='text'], input[type='email'], input[type='password'], input[type='url'], input[type='search'],
  select, textarea {
    font: inherit;
    width: 100%;
    padding: 0.45rem 0.6rem;
    border: 1px solid #7b8577;
    border-radius: 4px;
    background: var(--vp-bg);
    color: inherit;
  }
  textarea { min-height: 6rem; resize: vertical; }
  [aria-invalid='true'] { border-color: var(--vp-error); border-width: 2px; }
  .field { margin-bottom: 1rem; }
  .field-error { color: var(--vp-error); font-weight: 600; margin: 0.25rem 0 0; }
  button, .button {
    font: inherit;
    display: inline-block;
    padding: 0.45rem 1rem;
    border-radius: 4px;
    border: 1px solid var(--vp-green);
    background: var(--vp-bg);
    color: var(--vp-green-dark);
    cursor: pointer;
    text-decoration: none;
  }
  button.primary, .button.primary { background: var(--vp-green); color: #fff; }
  button.danger { border-color: var(--vp-error); color: var(--vp-error); }
  button[disabled] { opacity: 0.55; cursor: not-allowed; }
  .alert:empty, .notice:empty { display: none; }
  .alert {
    border-left: 4px solid var(--vp-error);
    background: var(--vp-error-bg);
    padding: 0.75rem 1rem;
    margin: 0 0 1rem;
  }
  .alert p, .alert ul { margin: 0.25rem 0; }
  .notice { border-left: 4px solid var(--vp-green); background: var(--vp-info-bg); padding: 0.75rem 1rem; margin: 0 0 1rem; }
  .visually-hidden {
    position: absolute !important;
    width: 1px; height: 1px; margin: -1px; padding: 0; overflow: hidden;
    clip: rect(0 0 0 0); white-space: nowrap; border: 0;
  }
  /* Tables of lists. "cards": at phone width each row is a card, so no table is wider than the screen. */
  table { width: 100%; border-collapse: collapse; background: var(--vp-bg); }
  caption { text-align: left; color: var(--vp-muted); padding: 0.5rem 0; }
  th, td { text-align: left; padding: 0.55rem 0.6rem; border-bottom: 1px solid var(--vp-line); vertical-align: top; }
  th { font-size: 0.9rem; color: var(--vp-muted); }
  td a { overflow-wrap: anywhere; }
  @media (max-width: 40rem) {
    table.cards, table.cards tbody, table.cards tr, table.cards td { display: block; width: 100%; }
    table.cards thead { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
    table.cards tr { border: 1px solid var(--vp-line); border-radius: 6px; margin-bottom: 0.75rem; padding: 0.25rem 0; }
    table.cards td { border: 0; padding: 0.25rem 0.75rem; }
    table.cards td[data-label]::before { content: attr(data-label) ' : '; color: var(--vp-muted); font-size: 0.85rem; }
  }
  .toolbar { display: flex; flex-wrap: wrap; gap: 1rem; align-items: center; justify-content: space-between; margin-bottom: 1rem; }
  .toolbar h1 { margin: 0; }
  form.filters { display: flex; flex-wrap: wrap; gap: 0.75rem; align-items: flex-end; margin-bottom: 1rem; }
  form.filters .field { margin: 0; flex: 1 1 11rem; min-width: 0; }
  nav.pager { display: flex; gap: 0.75rem; align-items: center; margin-top: 1rem; }
  section.panel { background: var(--vp-bg); border: 1px solid var(--vp-line); border-radius: 6px; padding: 1rem; margin-bottom: 1.25rem; }
  section.panel h2 { font-size: 1.15rem; margin-top: 0; }
  .secret { font-family: ui-monospace, monospace; overflow-wrap: anywhere; }
`;
