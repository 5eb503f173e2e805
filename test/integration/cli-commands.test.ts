/**
 * The command-line tool against in-process FHIR servers (the sandbox's FHIR service, open): every command,
 * what it prints, its exit codes, `--json` output, and `--dry-run` writing nothing (counted on the server).
 */
import { mkdtemp, readFile, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type * as fhir from 'fhir/r4';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { EXIT } from '../../src/cli/main.ts';
import { countRecords, runCli, total } from './support/cli-run.ts';
import { startFhirOnlyServer, type FhirOnlyServer } from './support/fhir-only-server.ts';

let source: FhirOnlyServer;
let target: FhirOnlyServer;
let dir: string;
let georgeTransaction: string;

const file = (name: string): string => join(dir, name);

beforeAll(async () => {
  [source, target] = await Promise.all([startFhirOnlyServer({ seed: true }), startFhirOnlyServer({ seed: false })]);
  dir = await mkdtemp(join(tmpdir(), 'cli-commands-'));
  georgeTransaction = file('george.transaction.json');
  const exported = await runCli([
    'export',
    '--server',
    source.baseUrl,
    '--patient',
    'george-smith',
    '--format',
    'transaction',
    '--out',
    georgeTransaction,
  ]);
  expect(exported.code, exported.stderr).toBe(EXIT.ok);
}, 60_000);

afterAll(async () => {
  await Promise.all([source.close(), target.close()]);
  await rm(dir, { recursive: true, force: true });
});

describe('help and usage', () => {
  test.each(['validate', 'export', 'import', 'copy', 'diff'])(
    '"%s --help" explains the command and exits 0',
    async (command) => {
      const run = await runCli([command, '--help']);
      expect(run.code).toBe(EXIT.ok);
      expect(run.stdout).toContain(`Usage: treatment-plan ${command}`);
      expect(run.stdout).toContain('Exit codes');
    }
  );

  test('no command prints the overview and exits 1; an unknown command or option exits 1 with a sentence', async () => {
    const none = await runCli([]);
    expect(none.code).toBe(EXIT.usage);
    expect(none.stdout).toContain('Commands:');
    const unknown = await runCli(['publish']);
    expect(unknown.code).toBe(EXIT.usage);
    expect(unknown.stderr).toContain('unknown command "publish"');
    const badOption = await runCli(['export', '--server', source.baseUrl, '--patient', 'x', '--token', 'secret']);
    expect(badOption.code).toBe(EXIT.usage);
    expect(badOption.stderr).toMatch(/Unknown option '--token'/);
  });

  test('export without --server, or with a format it does not know, is a usage error', async () => {
    expect((await runCli(['export', '--patient', 'george-smith'])).stderr).toContain('--server is required');
    const format = await runCli(['export', '--server', source.baseUrl, '--patient', 'g', '--format', 'pdf']);
    expect(format.code).toBe(EXIT.usage);
    expect(format.stderr).toContain('--format must be one of document, transaction, ccda');
  });
});

describe('validate', () => {
  test('a valid example plan exits 0 and says valid', async () => {
    const run = await runCli(['validate', 'fhir-profiles/examples/george-smith.transaction.json']);
    expect(run.code, run.stdout).toBe(EXIT.ok);
    expect(run.stdout).toContain('george-smith.transaction.json: valid (0 error(s)');
  });

  test('an invalid resource exits 2 and names each problem by its FHIRPath, also as JSON', async () => {
    await writeFile(file('bad-goal.json'), JSON.stringify({ resourceType: 'Goal', lifecycleStatus: 'planned' }));
    const run = await runCli(['validate', file('bad-goal.json'), '--json', '--quiet']);
    expect(run.code).toBe(EXIT.invalidInput);
    const [result] = JSON.parse(run.stdout) as { valid: boolean; issues: { location: string; severity: string }[] }[];
    expect(result?.valid).toBe(false);
    expect(result?.issues).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ location: 'Goal.description', severity: 'error' }),
        expect.objectContaining({ location: 'Goal.subject', severity: 'error' }),
      ])
    );
    expect(run.stderr).toBe('');
  });

  test('a file that is not JSON exits 2, and says where it breaks', async () => {
    await writeFile(file('not-json.json'), '{"resourceType": "Goal",');
    const run = await runCli(['validate', file('not-json.json')]);
    expect(run.code).toBe(EXIT.invalidInput);
    expect(run.stdout).toContain('not a FHIR JSON resource (The file is not valid JSON at line 1, column 25: ');
  });

  test('a resource type the validator does not know is reported for that file, and the next file is still checked', async () => {
    await writeFile(file('frobnicate.json'), JSON.stringify({ resourceType: 'Frobnicate' }));
    const goal = { resourceType: 'Goal', description: { text: 'Walk daily' }, subject: { reference: 'Patient/p' } };
    await writeFile(file('goal.json'), JSON.stringify(goal));
    const run = await runCli(['validate', file('frobnicate.json'), file('goal.json')]);
    expect(run.code, run.stderr).toBe(EXIT.invalidInput);
    expect(run.stdout).toContain(`${file('frobnicate.json')}: error: could not be validated (`);
    expect(run.stdout).toContain('Frobnicate');
    expect(run.stdout).toContain(`${file('goal.json')}: Goal.lifecycleStatus: error [structure]`);
    expect(run.stderr).not.toContain('Unexpected failure');
  });

  test('"-" validates standard input', async () => {
    const goal = { resourceType: 'Goal', description: { text: 'Walk daily' }, subject: { reference: 'Patient/p' } };
    const run = await runCli(['validate', '-'], { stdin: [JSON.stringify(goal)] });
    expect(run.code).toBe(EXIT.invalidInput);
    expect(run.stdout).toContain('standard input: Goal.lifecycleStatus: error [structure]');
    expect((await runCli(['validate', '-', '-'], { stdin: ['{}'] })).code).toBe(EXIT.usage);
  });
});

describe('export', () => {
  test('a document Bundle on stdout: a Composition first, the client and the plan inside', async () => {
    const run = await runCli(['export', '--server', source.baseUrl, '--patient', 'george-smith', '--quiet']);
    expect(run.code, run.stderr).toBe(EXIT.ok);
    const bundle = JSON.parse(run.stdout) as fhir.Bundle;
    expect(bundle.type).toBe('document');
    expect(bundle.entry?.[0]?.resource?.resourceType).toBe('Composition');
    const types = new Set(bundle.entry?.map((e) => e.resource?.resourceType));
    expect([...types]).toEqual(expect.arrayContaining(['Patient', 'CarePlan', 'Goal']));
  });

  test('finds the patient by identifier (system|value) and reports progress on stderr only', async () => {
    const patient = (await (
      await fetch(`${source.baseUrl}/Patient/george-smith`, { headers: { accept: 'application/fhir+json' } })
    ).json()) as fhir.Patient;
    const mrn = patient.identifier?.[0];
    const out = file('by-identifier.json');
    const run = await runCli([
      'export',
      '--server',
      source.baseUrl,
      '--patient',
      `${mrn?.system ?? ''}|${mrn?.value ?? ''}`,
      '--format',
      'transaction',
      '--out',
      out,
      '--json',
    ]);
    expect(run.code, run.stderr).toBe(EXIT.ok);
    const summary = JSON.parse(run.stdout) as { patient: string; format: string; entries: number };
    expect(summary).toMatchObject({ patient: 'Patient/george-smith', format: 'transaction' });
    const bundle = JSON.parse(await readFile(out, 'utf8')) as fhir.Bundle;
    expect(bundle.type).toBe('transaction');
    expect(bundle.entry).toHaveLength(summary.entries);
    expect(run.stderr).toContain('Loading the records of Patient/george-smith');

    const byValue = await runCli(['export', '--server', source.baseUrl, '--patient', mrn?.value ?? '', '--quiet']);
    expect(byValue.code, byValue.stderr).toBe(EXIT.ok);
    expect(JSON.parse(byValue.stdout)).toMatchObject({ resourceType: 'Bundle', type: 'document' });
  });

  test('an unknown patient exits 2; an unreachable server exits 5', async () => {
    const unknown = await runCli(['export', '--server', source.baseUrl, '--patient', 'nobody-here']);
    expect(unknown.code).toBe(EXIT.invalidInput);
    expect(unknown.stderr).toContain('No patient');
    const closed = await startFhirOnlyServer({ seed: false });
    await closed.close();
    const unreachable = await runCli(['export', '--server', closed.baseUrl, '--patient', 'george-smith']);
    expect(unreachable.code).toBe(EXIT.unreachableOrAuth);
    expect(unreachable.stderr).toContain('got no response');
  });

  test('C-CDA: a Care Plan document out (what it cannot carry in the summary), and back in through the report', async () => {
    const run = await runCli(['export', '--server', source.baseUrl, '--patient', 'george-smith', '--format', 'ccda']);
    expect(run.code, run.stderr).toBe(EXIT.ok);
    expect(run.stdout).toContain('<ClinicalDocument');
    const out = file('george.ccda.xml');
    const summary = await runCli([
      'export',
      '--server',
      source.baseUrl,
      '--patient',
      'george-smith',
      '--format',
      'ccda',
      '--out',
      out,
      '--json',
      '--quiet',
    ]);
    expect(summary.code, summary.stderr).toBe(EXIT.ok);
    const parsed = JSON.parse(summary.stdout) as { format: string; notCarried: string[] };
    expect(parsed.format).toBe('ccda');
    expect(Array.isArray(parsed.notCarried)).toBe(true);
    expect(await readFile(out, 'utf8')).toContain('<ClinicalDocument');
    const xmlAsJson = await runCli([
      'export',
      '--server',
      source.baseUrl,
      '--patient',
      'g',
      '--format',
      'ccda',
      '--json',
    ]);
    expect(xmlAsJson.code).toBe(EXIT.usage);

    const before = await countRecords(target.baseUrl);
    const dryRun = await runCli(['import', '--server', target.baseUrl, out, '--dry-run', '--json']);
    expect(dryRun.code, dryRun.stdout + dryRun.stderr).toBe(EXIT.ok);
    const report = (JSON.parse(dryRun.stdout) as { report: { actions: { resourceType: string }[] } }).report;
    expect(report.actions.map((a) => a.resourceType)).toEqual(expect.arrayContaining(['CarePlan', 'Goal']));
    expect(await countRecords(target.baseUrl)).toEqual(before);

    await writeFile(file('broken.xml'), '<ClinicalDocument xmlns="urn:hl7-org:v3"><title>');
    const broken = await runCli(['import', '--server', target.baseUrl, file('broken.xml')]);
    expect(broken.code).toBe(EXIT.invalidInput);
    expect(broken.stderr).toMatch(/broken\.xml: /);
  });
});

describe('import', () => {
  test('reads standard input for "-": an export piped into an import, with a dry run first', async () => {
    const exported = await runCli([
      'export',
      '--server',
      source.baseUrl,
      '--patient',
      'george-smith',
      '--format',
      'transaction',
    ]);
    expect(exported.code, exported.stderr).toBe(EXIT.ok);
    // A title with an accent, and the pipe's chunks split inside its two UTF-8 bytes.
    const bundle = JSON.parse(exported.stdout) as fhir.Bundle;
    for (const entry of bundle.entry ?? []) {
      if (entry.resource?.resourceType === 'CarePlan') (entry.resource as fhir.CarePlan).title = 'Plan révisé';
    }
    const bytes = new TextEncoder().encode(JSON.stringify(bundle));
    const cut = bytes.indexOf(0xc3) + 1;
    const stdin = [bytes.slice(0, cut), bytes.slice(cut)];

    const before = await countRecords(target.baseUrl);
    const dryRun = await runCli(['import', '--server', target.baseUrl, '-', '--dry-run', '--json'], { stdin });
    expect(dryRun.code, dryRun.stderr).toBe(EXIT.ok);
    expect(dryRun.stderr).toContain('Reading standard input ...');
    const output = JSON.parse(dryRun.stdout) as { dryRun: boolean; report: { actions: { resourceType: string }[] } };
    expect(output.report.actions.map((a) => a.resourceType)).toEqual(expect.arrayContaining(['CarePlan', 'Goal']));
    expect(await countRecords(target.baseUrl)).toEqual(before);

    // Written into a server of its own: the tests below expect the target without George.
    const own = await startFhirOnlyServer({ seed: false });
    try {
      const imported = await runCli(['import', '--server', own.baseUrl, '-', '--yes'], { stdin });
      expect(imported.code, imported.stderr).toBe(EXIT.ok);
      const plans = await fetch(`${own.baseUrl}/CarePlan`, { headers: { accept: 'application/fhir+json' } });
      const titles = ((await plans.json()) as fhir.Bundle<fhir.CarePlan>).entry?.map((e) => e.resource?.title);
      expect(titles).toContain('Plan révisé');
    } finally {
      await own.close();
    }
  });

  test('standard input that is not JSON is located, and standard input past 50 MB is refused as it arrives', async () => {
    const broken = await runCli(['import', '--server', target.baseUrl, '-'], {
      stdin: ['{\n  "resourceType": "Bundle",\n  "type": tra\n}'],
    });
    expect(broken.code).toBe(EXIT.invalidInput);
    expect(broken.stderr).toMatch(/standard input: The file is not valid JSON at line 3, column 13: /);

    const megabyte = 'x'.repeat(1024 * 1024);
    const huge = await runCli(['import', '--server', target.baseUrl, '-'], {
      stdin: ['{"pad": "', ...Array.from({ length: 51 }, () => megabyte), '"}'],
    });
    expect(huge.code).toBe(EXIT.invalidInput);
    expect(huge.stderr).toContain('standard input is larger than 50 MB.');
  });

  test('--dry-run prints the report and writes nothing', async () => {
    const before = await countRecords(target.baseUrl);
    const run = await runCli(['import', '--server', target.baseUrl, georgeTransaction, '--dry-run']);
    expect(run.code, run.stderr).toBe(EXIT.ok);
    expect(run.stdout).toContain('Patient: not on the target');
    expect(run.stdout).toMatch(/Actions: create \d+/);
    expect(run.stdout).toContain('Dry run: nothing written.');
    expect(await countRecords(target.baseUrl)).toEqual(before);
  });

  test('--dry-run --json prints only JSON with the planned actions', async () => {
    const run = await runCli(['import', '--server', target.baseUrl, georgeTransaction, '--dry-run', '--json']);
    expect(run.code).toBe(EXIT.ok);
    const output = JSON.parse(run.stdout) as { dryRun: boolean; report: { ok: boolean; actions: unknown[] } };
    expect(output.dryRun).toBe(true);
    expect(output.report.ok).toBe(true);
    expect(output.report.actions.length).toBeGreaterThan(10);
  });

  test.each([
    ['invalid JSON', 'broken.json', '{"resourceType": "Bundle", "type": '],
    [
      'a Bundle of the wrong type',
      'message.json',
      JSON.stringify({ resourceType: 'Bundle', type: 'message', entry: [] }),
    ],
    ['JSON that is not FHIR', 'not-fhir.json', JSON.stringify({ hello: 'world' })],
  ])('%s exits 2 with a sentence and writes nothing', async (_what, name, text) => {
    await writeFile(file(name), text);
    const before = await countRecords(target.baseUrl);
    const run = await runCli(['import', '--server', target.baseUrl, file(name)]);
    expect(run.code).toBe(EXIT.invalidInput);
    expect(run.stderr).toMatch(/^treatment-plan import: .+/m);
    expect(await countRecords(target.baseUrl)).toEqual(before);
  });

  test('a reference to nothing (not in the file, not on the server) exits 2 and nothing is written', async () => {
    const bundle = JSON.parse(await readFile(georgeTransaction, 'utf8')) as fhir.Bundle;
    const goal = bundle.entry?.find((e) => e.resource?.resourceType === 'Goal')?.resource as fhir.Goal;
    goal.addresses = [{ reference: 'Condition/not-anywhere' }];
    await writeFile(file('dangling.json'), JSON.stringify(bundle));
    const before = await countRecords(target.baseUrl);
    const run = await runCli(['import', '--server', target.baseUrl, file('dangling.json'), '--yes']);
    expect(run.code, run.stdout + run.stderr).toBe(EXIT.invalidInput);
    expect(run.stdout).toContain('Condition/not-anywhere');
    expect(await countRecords(target.baseUrl)).toEqual(before);
  });

  test('a file over 50 MB exits 2 before it is read', async () => {
    await writeFile(file('huge.json'), '');
    await truncate(file('huge.json'), 50 * 1024 * 1024 + 1);
    const run = await runCli(['import', '--server', target.baseUrl, file('huge.json')]);
    expect(run.code).toBe(EXIT.invalidInput);
    expect(run.stderr).toContain('50 MB');
  });

  test('resources that fail validation exit 2 and nothing is written', async () => {
    const bundle = JSON.parse(await readFile(georgeTransaction, 'utf8')) as fhir.Bundle;
    const goal = bundle.entry?.find((e) => e.resource?.resourceType === 'Goal')?.resource as fhir.Goal;
    delete (goal as Partial<fhir.Goal>).lifecycleStatus;
    await writeFile(file('invalid-goal.json'), JSON.stringify(bundle));
    const before = await countRecords(target.baseUrl);
    const run = await runCli(['import', '--server', target.baseUrl, file('invalid-goal.json'), '--yes']);
    expect(run.code).toBe(EXIT.invalidInput);
    expect(run.stdout).toMatch(/error +Bundle\.entry\[\d+\]\.resource\.lifecycleStatus/);
    expect(await countRecords(target.baseUrl)).toEqual(before);
  });
});

/** The global fetch, except that the transaction POST to `baseUrl` is answered with `status` and an outcome. */
function transactionAnsweredWith(status: number, baseUrl: string): typeof fetch {
  return (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if (init?.method === 'POST' && url.replace(/\/+$/, '') === baseUrl) {
      const outcome = {
        resourceType: 'OperationOutcome',
        issue: [{ severity: 'error', code: 'processing', diagnostics: `The server refused this with ${status}.` }],
      };
      return Promise.resolve(
        new Response(JSON.stringify(outcome), { status, headers: { 'content-type': 'application/fhir+json' } })
      );
    }
    return fetch(input, init);
  };
}

describe('import that writes', () => {
  test('imports the plan in one go, and importing it again creates nothing new', async () => {
    const before = await countRecords(target.baseUrl);
    const first = await runCli(['import', '--server', target.baseUrl, georgeTransaction, '--yes', '--json']);
    expect(first.code, first.stdout + first.stderr).toBe(EXIT.ok);
    const written = JSON.parse(first.stdout) as { result: { kind: string; created: number; plan?: string } };
    expect(written.result.kind).toBe('written');
    expect(written.result.created).toBeGreaterThan(10);
    const after = await countRecords(target.baseUrl);
    expect(total(after) - total(before)).toBe(written.result.created);
    expect(after['CarePlan']).toBeGreaterThan(before['CarePlan'] ?? 0);

    const again = await runCli(['import', '--server', target.baseUrl, georgeTransaction, '--yes', '--json']);
    expect(again.code, again.stdout + again.stderr).toBe(EXIT.ok);
    expect((JSON.parse(again.stdout) as { result: { created: number } }).result.created).toBe(0);
    expect(await countRecords(target.baseUrl)).toEqual(after);
  });

  test('warnings need --yes: without it nothing is written and the exit code is 1; with it the records are written', async () => {
    const patientUrl = 'urn:uuid:8c1f0e52-3b7a-4d0e-9d55-0f6e4a7b2c11';
    const bundle = {
      resourceType: 'Bundle',
      type: 'collection',
      entry: [
        {
          fullUrl: patientUrl,
          resource: {
            resourceType: 'Patient',
            name: [{ family: 'Sample', given: ['Casey'] }],
            birthDate: '1990-02-03',
          },
        },
        {
          fullUrl: 'urn:uuid:0d7e2c34-5f1a-4b8e-a2c9-6e3d1f4b5a77',
          resource: {
            resourceType: 'Goal',
            lifecycleStatus: 'active',
            description: { text: 'Sleep seven hours on most nights' },
            subject: { reference: patientUrl },
          },
        },
      ],
    };
    await writeFile(file('no-identifiers.json'), JSON.stringify(bundle));
    const before = await countRecords(target.baseUrl);
    const unconfirmed = await runCli(['import', '--server', target.baseUrl, file('no-identifiers.json')]);
    expect(unconfirmed.code, unconfirmed.stdout + unconfirmed.stderr).toBe(EXIT.usage);
    expect(unconfirmed.stdout).toMatch(/warning +.*no identifier/);
    expect(unconfirmed.stdout).toContain('Re-run with --yes');
    expect(await countRecords(target.baseUrl)).toEqual(before);

    const confirmed = await runCli(['import', '--server', target.baseUrl, file('no-identifiers.json'), '--yes']);
    expect(confirmed.code, confirmed.stdout + confirmed.stderr).toBe(EXIT.ok);
    const after = await countRecords(target.baseUrl);
    expect(after['Patient']).toBe((before['Patient'] ?? 0) + 1);
    expect(after['Goal']).toBe((before['Goal'] ?? 0) + 1);
  });

  test.each([
    [409, EXIT.conflict],
    [412, EXIT.conflict],
    [400, EXIT.serverRejection],
    [500, EXIT.serverRejection],
    [401, EXIT.unreachableOrAuth],
  ])('a server that answers the transaction with %i ends with exit code %i and says why', async (status, code) => {
    const empty = await startFhirOnlyServer({ seed: false });
    try {
      const run = await runCli(['import', '--server', empty.baseUrl, georgeTransaction, '--yes'], {
        fetch: transactionAnsweredWith(status, empty.baseUrl),
      });
      expect(run.code, run.stdout + run.stderr).toBe(code);
      expect(run.stdout + run.stderr).toMatch(/Nothing written|refused/);
      expect(total(await countRecords(empty.baseUrl))).toBe(0);
    } finally {
      await empty.close();
    }
  });
});

describe('copy', () => {
  let copyTarget: FhirOnlyServer;
  let michaelMrn: string;

  beforeAll(async () => {
    copyTarget = await startFhirOnlyServer({ seed: false });
    const michael = (await (
      await fetch(`${source.baseUrl}/Patient/michael-jones`, { headers: { accept: 'application/fhir+json' } })
    ).json()) as fhir.Patient;
    const mrn = michael.identifier?.[0];
    michaelMrn = `${mrn?.system ?? ''}|${mrn?.value ?? ''}`;
  });

  afterAll(async () => {
    await copyTarget.close();
  });

  test('--dry-run reports and writes nothing', async () => {
    const args = ['copy', '--from', source.baseUrl, '--to', copyTarget.baseUrl, '--patient', michaelMrn];
    const run = await runCli([...args, '--dry-run']);
    expect(run.code, run.stderr).toBe(EXIT.ok);
    expect(run.stdout).toContain('Dry run: nothing written.');
    expect(total(await countRecords(copyTarget.baseUrl))).toBe(0);
  });

  test('copies the plan by identifier, a second copy creates nothing, and the copies compare equal', async () => {
    const args = ['copy', '--from', source.baseUrl, '--to', copyTarget.baseUrl, '--patient', michaelMrn, '--yes'];
    const first = await runCli([...args, '--json']);
    expect(first.code, first.stdout + first.stderr).toBe(EXIT.ok);
    const copied = JSON.parse(first.stdout) as { from: string; patient: string; result: { created: number } };
    expect(copied).toMatchObject({ from: source.baseUrl, patient: 'Patient/michael-jones' });
    const counts = await countRecords(copyTarget.baseUrl);
    expect(total(counts)).toBe(copied.result.created);
    expect(counts['Patient']).toBe(1);

    const second = await runCli([...args, '--json']);
    expect(second.code, second.stderr).toBe(EXIT.ok);
    expect((JSON.parse(second.stdout) as { result: { created: number } }).result.created).toBe(0);
    expect(await countRecords(copyTarget.baseUrl)).toEqual(counts);

    const copies = (await (
      await fetch(`${copyTarget.baseUrl}/Patient?identifier=${encodeURIComponent(michaelMrn)}`, {
        headers: { accept: 'application/fhir+json' },
      })
    ).json()) as fhir.Bundle<fhir.Patient>;
    const copyId = copies.entry?.[0]?.resource?.id ?? '';
    const diff = await runCli(
      ['diff', `${source.baseUrl}/Patient/michael-jones`, `${copyTarget.baseUrl}/Patient/${copyId}`, '--json'],
      {}
    );
    expect(diff.code, diff.stderr).toBe(EXIT.ok);
    const compared = JSON.parse(diff.stdout) as { identical: boolean; sections: unknown[] };
    expect(compared.sections).toEqual([]);
    expect(compared.identical).toBe(true);
  });
});

describe('diff', () => {
  test('a plan compared with itself has no differences', async () => {
    const run = await runCli(['diff', georgeTransaction, georgeTransaction]);
    expect(run.code, run.stderr).toBe(EXIT.ok);
    expect(run.stdout).toContain('No differences.');
  });

  test('a renamed plan shows the change in "The plan", as text and as JSON', async () => {
    const bundle = JSON.parse(await readFile(georgeTransaction, 'utf8')) as fhir.Bundle;
    for (const entry of bundle.entry ?? []) {
      if (entry.resource?.resourceType === 'CarePlan')
        (entry.resource as fhir.CarePlan).title = 'Renamed for the review';
    }
    await writeFile(file('renamed.json'), JSON.stringify(bundle));
    const text = await runCli(['diff', georgeTransaction, file('renamed.json')]);
    expect(text.code).toBe(EXIT.ok);
    expect(text.stdout).toMatch(/The plan:\n {2}~ .*Renamed for the review/);
    const json = await runCli(['diff', georgeTransaction, file('renamed.json'), '--json']);
    const output = JSON.parse(json.stdout) as { identical: boolean; sections: { section: string }[] };
    expect(output.identical).toBe(false);
    expect(output.sections.map((s) => s.section)).toEqual(['plan']);
  });

  test('one of the plans may come from standard input, not both', async () => {
    const piped = await readFile(georgeTransaction, 'utf8');
    const run = await runCli(['diff', georgeTransaction, '-'], { stdin: [piped] });
    expect(run.code, run.stderr).toBe(EXIT.ok);
    expect(run.stdout).toContain('No differences.');
    expect((await runCli(['diff', '-', '-'], { stdin: [piped] })).code).toBe(EXIT.usage);
  });

  test('a file that holds no plan exits 2; one argument is a usage error', async () => {
    await writeFile(file('practitioner.json'), JSON.stringify({ resourceType: 'Practitioner', id: 'p1' }));
    const run = await runCli(['diff', georgeTransaction, file('practitioner.json')]);
    expect(run.code).toBe(EXIT.invalidInput);
    expect(run.stderr).toContain('holds no treatment plan');
    expect((await runCli(['diff', georgeTransaction])).code).toBe(EXIT.usage);
  });
});
