import { defineConfig } from 'vitest/config';

export default defineConfig({
  // Relative asset URLs: the build can be dropped into any folder of any static host.
  base: './',
  build: {
    outDir: 'dist',
    target: 'es2022',
    sourcemap: true,
  },
  test: {
    environment: 'happy-dom',
    include: ['src/**/*.test.ts'],
  },
});
