/**
 * The page-weight walk that `npm run bench` and the weight budget test share, on a small build written the way
 * Vite writes one: what a page loads up front, what it loads on first use, and code meant to be lazy that is not.
 */
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, test } from 'vitest';
import { filesContaining, gzipTotal, pageWeight } from '../../tools/bench/page-weights.ts';

let folder: string | undefined;
afterEach(async () => {
  if (folder !== undefined) await rm(folder, { recursive: true, force: true });
  folder = undefined;
});

/** Writes `files` (path → text) into a fresh folder and returns it. */
async function build(files: Record<string, string>): Promise<string> {
  folder = await mkdtemp(join(tmpdir(), 'bench-page-weights-'));
  await mkdir(join(folder, 'assets'));
  for (const [path, text] of Object.entries(files)) {
    await writeFile(join(folder, path), text);
  }
  return folder;
}

const page = (script: string, links = ''): string =>
  `<!doctype html><html><head><script type="module" crossorigin src="./assets/${script}"></script>${links}` +
  `<link rel="icon" href="./favicon.svg"></head><body></body></html>`;

const APP = {
  'index.html': page(
    'index-a1.js',
    '<link rel="modulepreload" crossorigin href="./assets/shared-b2.js"><link rel="stylesheet" href="./assets/shared-c3.css">'
  ),
  'assets/index-a1.js':
    'import{a as e}from"./shared-b2.js";import"./side-d4.js";' +
    'const __vite__mapDeps=(i,m=__vite__mapDeps,d=(m.f||(m.f=["assets/library-e5.js","assets/library-f6.css"])))=>i.map(i=>d[i]);' +
    'const load=()=>e(()=>import(`./library-e5.js`),__vite__mapDeps([0,1]),import.meta.url);console.log("./missing.js");',
  'assets/shared-b2.js': 'export const a=1;',
  'assets/shared-c3.css': '.shared{color:red}',
  'assets/side-d4.js': 'window.side=1;',
  'assets/library-e5.js':
    'import{a}from"./shared-b2.js";import{t}from"./library-text-g7.js";export const lib=`Low mood`;',
  'assets/library-text-g7.js': 'export const t="library text";',
  'assets/library-f6.css': '.library{color:blue}',
};

describe('the weight of a page of a build', () => {
  test('the first load is the HTML’s scripts and stylesheets and their static imports, nothing lazy', async () => {
    const dist = await build(APP);

    const weight = await pageWeight(dist, 'index.html');

    expect(weight.firstLoad.map((file) => [file.path, file.kind])).toEqual([
      ['assets/index-a1.js', 'js'],
      ['assets/shared-b2.js', 'js'],
      ['assets/shared-c3.css', 'css'],
      ['assets/side-d4.js', 'js'],
    ]);
    expect(weight.eagerDynamicImports).toEqual([]);
  });

  test('the lazy part is each chunk and stylesheet a dynamic import brings, shared chunks not counted twice', async () => {
    const dist = await build(APP);

    const weight = await pageWeight(dist, 'index.html');

    expect(weight.lazy.map((file) => file.path).sort()).toEqual([
      'assets/library-e5.js',
      'assets/library-f6.css',
      'assets/library-text-g7.js',
    ]);
  });

  test('sizes are the gzipped bytes of each file, and a page’s total is their sum', async () => {
    const dist = await build(APP);

    const weight = await pageWeight(dist, 'index.html');

    const sizes = Object.fromEntries(weight.firstLoad.map((file) => [file.path, file.gzipBytes]));
    expect(sizes['assets/shared-b2.js']).toBe(gzipSync(Buffer.from(APP['assets/shared-b2.js'])).length);
    expect(gzipTotal(weight.firstLoad)).toBe(Object.values(sizes).reduce((sum, size) => sum + size, 0));
    expect(weight.html.bytes).toBe(Buffer.byteLength(APP['index.html']));
  });

  test('a module imported lazily and also statically is reported as eager', async () => {
    const dist = await build({
      ...APP,
      'assets/index-a1.js': APP['assets/index-a1.js'].replace('import"./side-d4.js";', 'import"./library-e5.js";'),
    });

    const weight = await pageWeight(dist, 'index.html');

    expect(weight.eagerDynamicImports).toEqual(['assets/library-e5.js']);
    expect(weight.lazy.map((file) => file.path)).not.toContain('assets/library-e5.js');
  });

  test('finds which files hold a marker string', async () => {
    const dist = await build(APP);
    const weight = await pageWeight(dist, 'index.html');

    expect((await filesContaining(dist, weight.lazy, 'Low mood')).map((file) => file.path)).toEqual([
      'assets/library-e5.js',
    ]);
    expect(await filesContaining(dist, weight.firstLoad, 'Low mood')).toEqual([]);
  });

  test('a page that is not in the build is an error that says to build first', async () => {
    const dist = await build(APP);

    await expect(pageWeight(dist, 'launch.html')).rejects.toThrow(/launch\.html is not in the build.*vite build/);
  });
});
