import { defineConfig } from 'vite';

/**
 * The `<vivapolis-agenda>` element as one ES module, `dist-agenda/agenda.js`, Lit included, for partner pages:
 * `npm run build:agenda`. Apart from the SPA's build (vite.config.ts), so neither empties the other's output.
 * The API serves the file at /embed/agenda.js (Vivapolis__Embed__AgendaScript); any static host with CORS can too.
 */
export default defineConfig({
  publicDir: false, // the SPA's config.json is not the element's
  build: {
    // A library build of ES format keeps whitespace (for bundlers downstream); this one goes to browsers as is.
    minify: true,
    rolldownOptions: { output: { minify: true } },
    outDir: 'dist-agenda',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
    lib: {
      entry: 'src/agenda/vivapolis-agenda.ts',
      formats: ['es'],
      fileName: () => 'agenda.js',
    },
  },
});
