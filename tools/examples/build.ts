/**
 * `npm run examples`: turns the example plans (tools/examples/plans/) into self-contained transaction Bundles
 * with the app's own mapping, one per client, in fhir-profiles/examples/<client>.transaction.json. The output
 * holds nothing that changes from run to run, so it is committed; the sandbox EHR seeds from it.
 *
 * `--check` writes nothing: it fails when the committed files differ from a fresh build.
 */
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { staleFiles } from '../profiles/generated-output.ts';
import { examplesDir, readCommittedExamples, renderExamples } from './example-output.ts';

const { values } = parseArgs({ options: { check: { type: 'boolean', default: false } } });
const fresh = renderExamples();
const stale = staleFiles(fresh, await readCommittedExamples());

if (values.check) {
  if (stale.length > 0) {
    console.error(`fhir-profiles/examples is stale (${stale.join(', ')}); run \`npm run examples\`.`);
    process.exit(1);
  }
  console.log(`fhir-profiles/examples is up to date (${fresh.size} Bundles).`);
} else {
  await mkdir(examplesDir, { recursive: true });
  for (const name of stale) {
    const text = fresh.get(name);
    await (text === undefined ? rm(join(examplesDir, name)) : writeFile(join(examplesDir, name), text));
  }
  console.log(`Wrote ${fresh.size} Bundles to fhir-profiles/examples (${stale.length} changed).`);
}
