/** What `npm run examples` writes to fhir-profiles/examples, and how it is compared with what is committed. */
import { resolve } from 'node:path';
import { readCommitted } from '../profiles/generated-output.ts';
import { exampleBundle, exampleRecords } from './example-bundle.ts';
import { EXAMPLES } from './plans/example-plans.ts';

/** Where the example Bundles are committed. */
export const examplesDir = resolve(import.meta.dirname, '../../fhir-profiles/examples');

export function exampleFileName(client: string): string {
  return `${client}.transaction.json`;
}

/** File name to file text: each client's Bundle, pretty-printed, ending in a newline. */
export function renderExamples(): Map<string, string> {
  const records = exampleRecords();
  return new Map(
    EXAMPLES.map((example) => [
      exampleFileName(example.client),
      `${JSON.stringify(exampleBundle(example, records), null, 2)}\n`,
    ])
  );
}

/** The committed example files. */
export function readCommittedExamples(): Promise<Map<string, string>> {
  return readCommitted(examplesDir);
}
