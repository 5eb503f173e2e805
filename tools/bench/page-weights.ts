/**
 * What each page of a built app costs to load (issue 4 §6 "Weight"): the files a page loads before it can run,
 * found by walking the module graph from its HTML, and the chunks it loads later on first use, gzipped as a
 * server would send them. Shared by `npm run bench` and the weight budget test (test/e2e/weights.test.ts).
 *
 * The walk reads Vite's output as it is: the HTML's `<script src>` and `<link href>` tags, the static imports at the
 * top of each chunk (`import … from "./x.js"`, `export … from "./x.js"`, `import "./x.js"`), and, for the lazy
 * part, every other chunk or stylesheet a loaded chunk names (`import("./y.js")` and the preload lists Vite writes
 * beside it). Only names of files that exist in the build count, so a string that merely looks like a file name
 * cannot add weight.
 */
import { readFile } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { gzipSync } from 'node:zlib';

export type BuiltFileKind = 'html' | 'js' | 'css';

export interface BuiltFile {
  /** Relative to the build folder, with `/` separators: `assets/index-abc123.js`. */
  readonly path: string;
  readonly kind: BuiltFileKind;
  readonly bytes: number;
  readonly gzipBytes: number;
}

export interface PageWeight {
  /** The HTML file, relative to the build folder: `index.html`. */
  readonly page: string;
  readonly html: BuiltFile;
  /** The scripts and stylesheets the page loads before it runs, in the order they were found. */
  readonly firstLoad: readonly BuiltFile[];
  /** Scripts and stylesheets the page can load later (dynamic imports), each on its own. */
  readonly lazy: readonly BuiltFile[];
  /** Targets of `import()` in the first load that are themselves in the first load: code meant to be lazy is not. */
  readonly eagerDynamicImports: readonly string[];
}

const STATIC_IMPORT = /(?:\bfrom|\bimport)\s*["'`](\.{1,2}\/[^"'`\s]+\.js)["'`]/g;
const DYNAMIC_IMPORT = /\bimport\(\s*["'`](\.{1,2}\/[^"'`\s]+\.js)["'`]\s*\)/g;
const NAMED_ASSET = /["'`]([^"'`\s]+\.(?:js|css))["'`]/g;
const HTML_SCRIPT = /<script\b[^>]*\bsrc="([^"]+)"/g;
const HTML_LINK = /<link\b[^>]*>/g;
const LINK_REL = /\brel="([^"]+)"/;
const LINK_HREF = /\bhref="([^"]+)"/;
const LOADED_LINKS = new Set(['stylesheet', 'modulepreload']);

/** Sum of the gzipped sizes. */
export function gzipTotal(files: readonly BuiltFile[]): number {
  return files.reduce((sum, file) => sum + file.gzipBytes, 0);
}

/** Kilobytes (1000 bytes, as Vite reports them) with one decimal. */
export function kilobytes(bytes: number): string {
  return (bytes / 1000).toFixed(1);
}

/** Reads built files once each; every path is checked to stay inside the build folder. */
class BuildFolder {
  readonly #root: string;
  readonly #texts = new Map<string, Promise<string | undefined>>();

  constructor(root: string) {
    this.#root = resolve(root);
  }

  /** The build-relative path of `reference` as written in the file `from`, or undefined outside the build. */
  locate(from: string, reference: string): string | undefined {
    const bare = reference.replace(/[?#].*$/, '');
    if (/^[a-z]+:/i.test(bare) || bare.startsWith('//')) return undefined;
    const absolute = bare.startsWith('/') ? join(this.#root, bare) : resolve(dirname(join(this.#root, from)), bare);
    if (!absolute.startsWith(this.#root + sep)) return undefined;
    return relative(this.#root, absolute).split(sep).join('/');
  }

  /** The file's text, or undefined when it does not exist. */
  text(path: string): Promise<string | undefined> {
    let cached = this.#texts.get(path);
    if (cached === undefined) {
      cached = readFile(join(this.#root, path), 'utf8').then(
        (text) => text,
        (error: unknown) => {
          if ((error as { code?: unknown }).code === 'ENOENT') return undefined;
          throw error;
        }
      );
      this.#texts.set(path, cached);
    }
    return cached;
  }

  async measure(path: string): Promise<BuiltFile> {
    const text = await this.text(path);
    if (text === undefined) throw new Error(`${path} is not in the build at ${this.#root}.`);
    const bytes = Buffer.from(text, 'utf8');
    return { path, kind: kindOf(path), bytes: bytes.length, gzipBytes: gzipSync(bytes).length };
  }

  /** References in `from` matched by `pattern` that name files existing in the build. */
  async references(from: string, text: string, pattern: RegExp): Promise<string[]> {
    const found: string[] = [];
    for (const match of text.matchAll(pattern)) {
      // Vite's preload lists name files relative to the build folder, imports relative to the chunk: try both.
      const name = match[1] ?? '';
      const candidates = [this.locate(from, name), this.locate('index.html', name)];
      for (const candidate of candidates) {
        if (candidate !== undefined && (await this.text(candidate)) !== undefined) {
          found.push(candidate);
          break;
        }
      }
    }
    return [...new Set(found)];
  }
}

function kindOf(path: string): BuiltFileKind {
  if (path.endsWith('.html')) return 'html';
  if (path.endsWith('.css')) return 'css';
  return 'js';
}

/** Every file reachable from `start` by `edges`, `start` included, in the order found. */
async function closure(start: readonly string[], edges: (path: string) => Promise<string[]>): Promise<string[]> {
  const seen = new Set<string>();
  const queue = [...start];
  for (let path = queue.shift(); path !== undefined; path = queue.shift()) {
    if (seen.has(path)) continue;
    seen.add(path);
    queue.push(...(await edges(path)));
  }
  return [...seen];
}

/** The scripts and stylesheets an HTML page names in tags it loads at once. */
async function htmlReferences(folder: BuildFolder, page: string, html: string): Promise<string[]> {
  const names = [...html.matchAll(HTML_SCRIPT)].map((match) => match[1] ?? '');
  for (const [tag] of html.matchAll(HTML_LINK)) {
    const rels = (LINK_REL.exec(tag)?.[1] ?? '').toLowerCase().split(/\s+/);
    const href = LINK_HREF.exec(tag)?.[1];
    if (href !== undefined && rels.some((rel) => LOADED_LINKS.has(rel))) names.push(href);
  }
  const found: string[] = [];
  for (const name of names) {
    const path = folder.locate(page, name);
    if (path !== undefined && (await folder.text(path)) !== undefined) found.push(path);
  }
  return found;
}

/** Measures one page of the build in `distDir`, e.g. `pageWeight(dist, 'launch.html')`. */
export async function pageWeight(distDir: string, page: string): Promise<PageWeight> {
  const folder = new BuildFolder(distDir);
  const html = await folder.text(page);
  if (html === undefined) throw new Error(`${page} is not in the build at ${distDir}; run vite build first.`);
  const staticEdges = async (path: string): Promise<string[]> =>
    path.endsWith('.js') ? folder.references(path, (await folder.text(path)) ?? '', STATIC_IMPORT) : [];
  const anyEdges = async (path: string): Promise<string[]> =>
    path.endsWith('.js') ? folder.references(path, (await folder.text(path)) ?? '', NAMED_ASSET) : [];

  const firstPaths = await closure(await htmlReferences(folder, page, html), staticEdges);
  const first = new Set(firstPaths);
  const lazyPaths = (await closure(firstPaths, anyEdges)).filter((path) => !first.has(path));
  const dynamicTargets = await Promise.all(
    firstPaths
      .filter((path) => path.endsWith('.js'))
      .map(async (path) => folder.references(path, (await folder.text(path)) ?? '', DYNAMIC_IMPORT))
  );

  return {
    page,
    html: await folder.measure(page),
    firstLoad: await Promise.all(firstPaths.map((path) => folder.measure(path))),
    lazy: await Promise.all(lazyPaths.map((path) => folder.measure(path))),
    eagerDynamicImports: [...new Set(dynamicTargets.flat())].filter((path) => first.has(path)),
  };
}

/** The files among `files` whose text contains `marker`. */
export async function filesContaining(
  distDir: string,
  files: readonly BuiltFile[],
  marker: string
): Promise<BuiltFile[]> {
  const folder = new BuildFolder(distDir);
  const texts = await Promise.all(files.map((file) => folder.text(file.path)));
  return files.filter((_, index) => texts[index]?.includes(marker) === true);
}

export interface LazyPartWeight {
  /** The lazy scripts holding the part's marker. */
  readonly files: readonly BuiltFile[];
  /** Their gzipped sizes added together: what a budgeted part is held to. */
  readonly gzipBytes: number;
}

/**
 * What a part meant to load on first use weighs: every script among `lazy` whose text holds `marker`, and their
 * gzipped sizes together. Scripts only, since stylesheets loaded up front may name the same classes. The one measure
 * for `npm run bench` and the weight budget test, so that both hold a part to its budget the same way.
 */
export async function lazyPartWeight(
  distDir: string,
  lazy: readonly BuiltFile[],
  marker: string
): Promise<LazyPartWeight> {
  const files = await filesContaining(
    distDir,
    lazy.filter((file) => file.kind === 'js'),
    marker
  );
  return { files, gzipBytes: gzipTotal(files) };
}
