import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import { inlineScripts, withPolicyMeta } from './tools/build/content-security-policy.ts';
import { validationPackModule } from './tools/build/validation-pack-plugin.ts';

/**
 * Build only: each page gets its Content-Security-Policy as a meta element (tools/build/content-security-policy.ts),
 * and the build fails if a page carries an inline script the policy would block.
 */
function contentSecurityPolicy(): Plugin {
  return {
    name: 'treatment-plan:content-security-policy',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, context) {
        const inline = inlineScripts(html);
        if (inline.length > 0) {
          throw new Error(
            `${context.filename} has inline script, which its Content-Security-Policy blocks:\n${inline.join('\n')}`
          );
        }
        return withPolicyMeta(html);
      },
    },
  };
}

/**
 * Two pages: launch.html (SMART launch, no React, kept small) and index.html (the redirect URI and the app).
 * `base: './'` lets dist/ be served from any path, as EHR app hosting often requires.
 */
export default defineConfig(({ command }) => ({
  base: './',
  plugins: [react(), contentSecurityPolicy(), validationPackModule()],
  // fhirclient checks `typeof FHIRCLIENT_PURE`: defined, it uses the browser's fetch instead of bundling
  // cross-fetch. Build only: tests must keep the lazy lookup so interceptors (msw) see the requests.
  define: command === 'build' ? { FHIRCLIENT_PURE: 'true' } : {},
  server: { port: 4000, strictPort: true },
  preview: { port: 4000, strictPort: true },
  build: {
    // The weight budgets are in gzipped bytes per page and per budgeted lazy part (tools/bench/budgets.ts, checked by
    // test/e2e/weights.test.ts), not per minified chunk; this only keeps the build's own warning in line with them.
    // The largest chunk is the validation pack (about 3 MB minified, 200 kB gzipped), loaded only to check an import.
    chunkSizeWarningLimit: 3_200,
    rollupOptions: {
      input: {
        launch: fileURLToPath(new URL('./launch.html', import.meta.url)),
        index: fileURLToPath(new URL('./index.html', import.meta.url)),
      },
    },
  },
}));
