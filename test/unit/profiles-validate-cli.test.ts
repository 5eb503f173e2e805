import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as example from './profiles-fixtures.ts';

const run = promisify(execFile);
const cli = join(import.meta.dirname, '../../tools/profiles/validate.ts');

interface CliResult {
  code: number;
  stdout: string;
}

async function validate(...files: string[]): Promise<CliResult> {
  try {
    const { stdout } = await run(process.execPath, [cli, ...files]);
    return { code: 0, stdout };
  } catch (error) {
    const failure = error as { code: number; stdout: string };
    return { code: failure.code, stdout: failure.stdout };
  }
}

let dir: string;
const good = () => join(dir, 'good.json');
const bad = () => join(dir, 'bad.json');

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'profiles-cli-'));
  const bundle = {
    resourceType: 'Bundle',
    type: 'collection',
    entry: [{ resource: example.carePlan() }, { resource: example.goal() }, { resource: example.provenance() }],
  };
  await writeFile(good(), JSON.stringify(bundle));
  const broken = structuredClone(bundle);
  broken.entry[2] = { resource: { ...example.provenance(), target: [] } };
  await writeFile(bad(), JSON.stringify(broken));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('npm run validate', () => {
  it('exits 0 and calls a conforming Bundle valid', async () => {
    const result = await validate(good());
    expect(result).toEqual({ code: 0, stdout: `${good()}: valid (0 error(s), 0 other issue(s))\n` });
  }, 30_000);

  it('exits 1 and prints each error with the file and the FHIRPath of the entry element', async () => {
    const result = await validate(good(), bad());
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(`${bad()}: Bundle.entry[2].resource.target: error [structure]`);
    expect(result.stdout).toContain(`${bad()}: invalid (`);
    expect(result.stdout).toContain(`${good()}: valid`);
  }, 30_000);

  it('exits 1 on a file that is not FHIR JSON, and 2 without files', async () => {
    const notJson = join(dir, 'notes.txt');
    await writeFile(notJson, 'not json');
    expect((await validate(notJson)).code).toBe(1);
    expect((await validate()).code).toBe(2);
  }, 30_000);
});
