/**
 * The on-disk copy of the sandbox's resources: one FHIR `collection` Bundle at `<dataDir>/resources.json`, so the
 * file is itself FHIR that any tool can read. Saves are debounced and atomic (write a temporary file, then
 * rename), so a crash leaves either the old copy or the new one, never half of one.
 */
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type * as fhir from 'fhir/r4';

export interface ResourceFile {
  /** The stored resources, or undefined when there is no file yet. */
  load(): Promise<fhir.Resource[] | undefined>;
  /** Asks for a save soon; many calls in a burst write once. */
  scheduleSave(): void;
  /** Writes now if anything changed since the last save. */
  flush(): Promise<void>;
}

export function resourceFile(dataDir: string, current: () => fhir.Resource[], debounceMs = 100): ResourceFile {
  const path = join(dataDir, 'resources.json');
  let dirty = false;
  let timer: NodeJS.Timeout | undefined;
  let writing: Promise<void> = Promise.resolve();

  async function save(): Promise<void> {
    if (!dirty) {
      return;
    }
    dirty = false;
    const bundle: fhir.Bundle = {
      resourceType: 'Bundle',
      type: 'collection',
      timestamp: new Date().toISOString(),
      entry: current().map((resource) => ({ resource })),
    };
    const temporary = `${path}.${process.pid}.${Date.now()}.tmp`;
    try {
      await mkdir(dataDir, { recursive: true });
      await writeFile(temporary, JSON.stringify(bundle, null, 1));
      await rename(temporary, path);
    } catch (error) {
      dirty = true; // try again with the next save
      throw error;
    }
  }

  function flush(): Promise<void> {
    if (timer) {
      clearTimeout(timer);
      timer = undefined;
    }
    // One write at a time; a change made during a write is picked up by the next one.
    writing = writing.then(save, save);
    return writing;
  }

  return {
    async load() {
      let text: string;
      try {
        text = await readFile(path, 'utf8');
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
          return undefined;
        }
        throw error;
      }
      const bundle = JSON.parse(text) as fhir.Bundle;
      return (bundle.entry ?? []).flatMap((entry) => (entry.resource ? [entry.resource] : []));
    },
    scheduleSave() {
      dirty = true;
      if (!timer) {
        timer = setTimeout(() => {
          timer = undefined;
          flush().catch((error: unknown) => {
            // Nobody awaits a background save: say so on stderr; close() flushes again and reports to its caller.
            console.error(`The sandbox could not save ${path}:`, error);
          });
        }, debounceMs);
      }
    },
    flush,
  };
}
