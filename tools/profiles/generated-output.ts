/**
 * What `npm run profiles` writes to fhir-profiles/generated, and how it is compared with what is committed.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { compileFsh } from './compile-fsh.ts';
import { generatedDir, profilesProjectDir } from './paths.ts';

export interface RenderedOutput {
  /** File name to file text: pretty-printed JSON, one resource per file, ending in a newline. */
  files: Map<string, string>;
  errors: string[];
  warnings: string[];
}

/** Compiles the FSH project and renders each resource as it is committed. */
export async function renderGenerated(projectDir = profilesProjectDir): Promise<RenderedOutput> {
  const { files, errors, warnings } = await compileFsh(projectDir);
  const rendered = new Map([...files].map(([name, resource]) => [name, `${JSON.stringify(resource, null, 2)}\n`]));
  return { files: rendered, errors, warnings };
}

/** The committed JSON files of `dir` (none if it does not exist). */
export async function readCommitted(dir = generatedDir): Promise<Map<string, string>> {
  const names = await readdir(dir).catch(() => [] as string[]);
  const files = new Map<string, string>();
  for (const name of names.filter((n) => n.endsWith('.json')).sort()) {
    files.set(name, await readFile(join(dir, name), 'utf8'));
  }
  return files;
}

/** Names of files that are missing, differ, or are no longer produced. */
export function staleFiles(fresh: ReadonlyMap<string, string>, committed: ReadonlyMap<string, string>): string[] {
  const names = new Set([...fresh.keys(), ...committed.keys()]);
  return [...names].filter((name) => fresh.get(name) !== committed.get(name)).sort();
}
