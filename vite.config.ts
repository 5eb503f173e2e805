import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

/**
 * Two pages: launch.html (SMART launch, no React, kept small) and index.html (the redirect URI and the app).
 * `base: './'` lets dist/ be served from any path, as EHR app hosting often requires.
 */
export default defineConfig(({ command }) => ({
  base: './',
  plugins: [react()],
  // fhirclient checks `typeof FHIRCLIENT_PURE`: defined, it uses the browser's fetch instead of bundling
  // cross-fetch. Build only: tests must keep the lazy lookup so interceptors (msw) see the requests.
  define: command === 'build' ? { FHIRCLIENT_PURE: 'true' } : {},
  server: { port: 4000, strictPort: true },
  preview: { port: 4000, strictPort: true },
  build: {
    rollupOptions: {
      input: {
        launch: fileURLToPath(new URL('./launch.html', import.meta.url)),
        index: fileURLToPath(new URL('./index.html', import.meta.url)),
      },
    },
  },
}));
