import { css } from 'lit';

/** What the media elements share beyond the editor's common styles: the grid of thumbnails. */
export const mediaStyles = css`
  ul.grid { list-style: none; margin: 0; padding: 0; display: grid; gap: 0.75rem; grid-template-columns: repeat(auto-fill, minmax(9.5rem, 1fr)); }
  ul.grid button.card {
    display: flex; flex-direction: column; width: 100%; padding: 0.35rem; gap: 0.35rem; text-align: left;
    border: 2px solid var(--vp-line); background: var(--vp-bg); color: var(--vp-ink); border-radius: 6px;
  }
  ul.grid button.card[aria-pressed='true'] { border-color: var(--vp-green); box-shadow: 0 0 0 2px var(--vp-green); }
  ul.grid img { width: 100%; height: auto; aspect-ratio: 4 / 3; object-fit: cover; background: #eef1ec; border-radius: 3px; }
  .card .name { font-size: 0.85rem; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
  .badge-missing { font-size: 0.75rem; font-weight: 600; color: var(--vp-error); }
  form.filters { display: flex; flex-wrap: wrap; gap: 0.75rem; align-items: flex-end; margin: 0 0 1rem; }
  form.filters .field { margin: 0; min-width: 12rem; flex: 1; }
  form.filters label.check { display: flex; gap: 0.4rem; align-items: center; font-weight: 400; margin: 0 0 0.5rem; }
`;
