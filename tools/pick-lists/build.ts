/**
 * `npm run pick-lists`: writes src/workspace/value-sets.generated.ts, the codes and displays of the ValueSets the
 * forms' pick lists come from (issue 4 §2), expanded from fhir-profiles/generated. Run it after `npm run profiles`
 * when a pick-list ValueSet or CodeSystem changes; the output is committed.
 *
 * `--check` writes nothing: it fails when the committed module differs from a fresh build.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { relative } from 'node:path';
import { parseArgs } from 'node:util';
import { generatedDir } from '../profiles/paths.ts';
import { expandPickLists } from './expand.ts';
import { moduleFile, renderModule } from './render.ts';

const { values } = parseArgs({ options: { check: { type: 'boolean', default: false } } });
const expanded = await expandPickLists(generatedDir, (await readdir(generatedDir)).sort());
const fresh = await renderModule(expanded);
const committed = await readFile(moduleFile, 'utf8').catch(() => undefined);
const shown = relative(process.cwd(), moduleFile);

if (values.check) {
  if (committed !== fresh) {
    console.error(`${shown} is stale; run \`npm run pick-lists\`.`);
    process.exit(1);
  }
  console.log(`${shown} is up to date (${expanded.length} ValueSets).`);
} else {
  if (committed !== fresh) await writeFile(moduleFile, fresh);
  console.log(`Wrote ${expanded.length} ValueSets to ${shown} (${committed === fresh ? 'unchanged' : 'changed'}).`);
}
