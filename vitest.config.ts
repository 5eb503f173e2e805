import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { validationPackModule } from './tools/build/validation-pack-plugin.ts';

// Unit and integration tests: no browser. Files that need a DOM say `// @vitest-environment jsdom` at the top.
export default defineConfig({
  // The app's import validation imports the validation pack, a module this plugin builds.
  plugins: [validationPackModule()],
  resolve: {
    alias: [
      // Under Vitest `fhirclient` resolves to its Node entry, where FHIR.oauth2 is undefined; the app uses the browser one.
      {
        find: /^fhirclient$/,
        replacement: fileURLToPath(new URL('./node_modules/fhirclient/lib/entry/browser.js', import.meta.url)),
      },
    ],
  },
  test: {
    include: ['test/unit/**/*.test.{ts,tsx}', 'test/integration/**/*.test.{ts,tsx}'],
    testTimeout: 20_000,
    // Starting a seeded sandbox takes a few seconds, and longer on a busy two-core machine.
    hookTimeout: 60_000,
  },
});
