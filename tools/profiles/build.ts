/**
 * `npm run profiles`: compiles `fhir-profiles/input/fsh` (offline, see compile-fsh.ts) and writes the
 * conformance resources, with snapshots, to `fhir-profiles/generated/`, one pretty-printed JSON file per
 * resource. The output holds nothing that changes from run to run, so it is committed and reviewed.
 *
 * `--check` writes nothing: it fails when the committed files differ from a fresh build.
 */
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { readCommitted, renderGenerated, staleFiles } from './generated-output.ts';
import { generatedDir } from './paths.ts';

const { values } = parseArgs({ options: { check: { type: 'boolean', default: false } } });
const started = performance.now();
const output = await renderGenerated();
for (const warning of output.warnings) console.warn(`warning: ${warning}`);
for (const error of output.errors) console.error(`error: ${error}`);
if (output.errors.length > 0) {
  console.error(`SUSHI reported ${output.errors.length} error(s); nothing written.`);
  process.exit(1);
}
const stale = staleFiles(output.files, await readCommitted());
const seconds = ((performance.now() - started) / 1000).toFixed(1);

if (values.check) {
  if (stale.length > 0) {
    console.error(`fhir-profiles/generated is stale (${stale.join(', ')}); run \`npm run profiles\`.`);
    process.exit(1);
  }
  console.log(`fhir-profiles/generated is up to date (${output.files.size} resources, ${seconds} s).`);
} else {
  await mkdir(generatedDir, { recursive: true });
  for (const name of stale) {
    const text = output.files.get(name);
    await (text === undefined ? rm(join(generatedDir, name)) : writeFile(join(generatedDir, name), text));
  }
  console.log(
    `Wrote ${output.files.size} resources to fhir-profiles/generated (${stale.length} changed, ${seconds} s).`
  );
}
