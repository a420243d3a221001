import { css } from 'lit';

/**
 * Themable from the partner's page with custom properties (on the element or any ancestor) and `::part()`;
 * light or dark after the reader's system, and nothing moves for readers who ask for reduced motion.
 * Default colours keep a contrast of 4.5:1 or more on either background.
 */
export const styles = css`
  :host {
    display: block;
    color-scheme: light dark;
    --_accent: var(--vivapolis-agenda-accent, #005f73);
    --_text: var(--vivapolis-agenda-text, #1b1b1b);
    --_muted: var(--vivapolis-agenda-muted, #4d4d4d);
    --_line: var(--vivapolis-agenda-line, #d6d6d6);
    --_alert: var(--vivapolis-agenda-alert, #a4001d);
    color: var(--_text);
    background: var(--vivapolis-agenda-background, transparent);
    font: var(--vivapolis-agenda-font, inherit);
  }
  @media (prefers-color-scheme: dark) {
    :host {
      --_accent: var(--vivapolis-agenda-accent, #7fd3e0);
      --_text: var(--vivapolis-agenda-text, #ececec);
      --_muted: var(--vivapolis-agenda-muted, #c2c2c2);
      --_line: var(--vivapolis-agenda-line, #444);
      --_alert: var(--vivapolis-agenda-alert, #ff9e9e);
    }
  }
  ul { list-style: none; margin: 0; padding: 0; }
  li { padding: 0.75rem 0; border-bottom: 1px solid var(--_line); }
  [role='heading'] { font-size: 1.125rem; font-weight: 700; margin: 0.125rem 0; }
  p { margin: 0.25rem 0; }
  .meta, .where { color: var(--_muted); font-size: 0.9375rem; }
  .status, [role='alert'] { color: var(--_alert); font-weight: 700; }
  .cancelled [role='heading'] { text-decoration: line-through; }
  a, button { color: var(--_accent); font: inherit; }
  .links a { margin-right: 1rem; }
  button { margin-top: 0.75rem; padding: 0.375rem 0.875rem; border: 1px solid currentColor; border-radius: 0.25rem; background: none; cursor: pointer; }
  :focus-visible { outline: 2px solid var(--_accent); outline-offset: 2px; }
  .vh { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
  [aria-busy='true'] { opacity: 0.6; transition: opacity 0.2s; }
  @media (prefers-reduced-motion: reduce) { * { transition: none !important; } }
`;
