/**
 * Where the built app is: `dist/` by default, or the folder named by `E2E_DIST` (a build made with
 * `vite build --outDir …`, so that two builds on one machine do not overwrite each other).
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export function distDir(): string {
  const chosen = process.env['E2E_DIST'];
  return chosen !== undefined && chosen !== ''
    ? resolve(chosen)
    : fileURLToPath(new URL('../../../dist', import.meta.url));
}
