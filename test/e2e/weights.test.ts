/**
 * The weight budgets of issue 4 §6, checked on the built app so that CI fails when a page grows past them: the
 * launch page at most 30 kB of gzipped JavaScript and CSS, the workspace's first load at most 220 kB, and the
 * parts meant to load on first use (goal library, PDF, and later charts and signature capture) outside it.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, test } from 'vitest';
import { LAUNCH_BUDGET_BYTES, LAZY_PARTS, WORKSPACE_BUDGET_BYTES } from '../../tools/bench/budgets.ts';
import {
  filesContaining,
  gzipTotal,
  kilobytes,
  lazyPartWeight,
  pageWeight,
  type BuiltFile,
  type PageWeight,
} from '../../tools/bench/page-weights.ts';
import { distDir } from './support/dist-dir.ts';

const DIST = distDir();

let launch: PageWeight;
let workspace: PageWeight;

beforeAll(async () => {
  [launch, workspace] = await Promise.all([pageWeight(DIST, 'launch.html'), pageWeight(DIST, 'index.html')]);
});

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

const scripts = (files: readonly BuiltFile[]): BuiltFile[] => files.filter((file) => file.kind === 'js');

const listing = (files: readonly BuiltFile[]): string[] =>
  files.map((file) => `${file.path} ${kilobytes(file.gzipBytes)} kB`);

describe('the weight of the built pages', () => {
  test('the launch page loads its script and stylesheet, at most 30 kB gzipped in all', () => {
    expect(launch.firstLoad.map((file) => file.kind)).toEqual(expect.arrayContaining(['js', 'css']));
    expect(
      gzipTotal(launch.firstLoad),
      `launch.html loads ${listing(launch.firstLoad).join(', ')}`
    ).toBeLessThanOrEqual(LAUNCH_BUDGET_BYTES);
  });

  test('the workspace first load is at most 220 kB gzipped, lazy chunks not counted', () => {
    expect(workspace.firstLoad.map((file) => file.kind)).toEqual(expect.arrayContaining(['js', 'css']));
    expect(
      gzipTotal(workspace.firstLoad),
      `index.html loads ${listing(workspace.firstLoad).join(', ')}`
    ).toBeLessThanOrEqual(WORKSPACE_BUDGET_BYTES);
  });

  test('the workspace has lazily loaded chunks, and no code it imports lazily is also in its first load', () => {
    expect(workspace.lazy.length).toBeGreaterThan(0);
    expect(workspace.eagerDynamicImports).toEqual([]);
  });

  test.each(LAZY_PARTS)('the $name is not in the first load of either page', async (part) => {
    const firstLoads = scripts([...launch.firstLoad, ...workspace.firstLoad]);
    expect(listing(await filesContaining(DIST, firstLoads, part.marker))).toEqual([]);
  });

  const built = LAZY_PARTS.filter((part) => existsSync(join(ROOT, part.source)));
  test.each(built)('the $name is in a chunk of its own that the workspace loads on first use', async (part) => {
    const lazily = await filesContaining(DIST, scripts(workspace.lazy), part.marker);
    expect(lazily.length, `no lazy chunk holds "${part.marker}" (from ${part.source})`).toBeGreaterThan(0);
  });

  const budgeted = built.filter((part) => part.budgetBytes !== undefined);
  test.each(budgeted)('the $name weighs at most its budget, gzipped', async (part) => {
    const weight = await lazyPartWeight(DIST, workspace.lazy, part.marker);
    expect(weight.files.length).toBeGreaterThan(0);
    expect(weight.gzipBytes, listing(weight.files).join(', ')).toBeLessThanOrEqual(part.budgetBytes ?? 0);
  });
});
