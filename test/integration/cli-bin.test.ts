/**
 * The real executable: `npx treatment-plan` from the repository runs bin/treatment-plan.js, which must start
 * the tool on Node 24 even when the `node` first on PATH is older, and pass the exit code and both streams
 * through.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { EXIT } from '../../src/cli/main.ts';

const root = resolve(import.meta.dirname, '../..');
const shim = join(root, 'bin/treatment-plan.js');
let dir: string;

interface Spawned {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the tool as a process; `input` is piped to its standard input, which is then closed. */
async function spawnTool(
  command: string,
  args: readonly string[],
  env: NodeJS.ProcessEnv,
  input?: string
): Promise<Spawned> {
  try {
    const running = promisify(execFile)(command, [...args], { cwd: root, env, timeout: 120_000 });
    if (input !== undefined) running.child.stdin?.end(input);
    const { stdout, stderr } = await running;
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: failed.code ?? -1, stdout: failed.stdout ?? '', stderr: failed.stderr ?? '' };
  }
}

/** A `node` older than 24.2 on the machine, outside node_modules, when there is one. */
async function olderSystemNode(): Promise<string | undefined> {
  for (const folder of (process.env['PATH'] ?? '').split(delimiter)) {
    if (folder.includes('node_modules')) continue;
    const candidate = join(folder, 'node');
    const run = await spawnTool(candidate, ['--version'], {});
    const [major = 0, minor = 0] = run.stdout.trim().replace(/^v/, '').split('.').map(Number);
    if (run.code === 0 && (major < 24 || (major === 24 && minor < 2))) return candidate;
  }
  return undefined;
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cli-bin-'));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

test('"npx treatment-plan validate" runs the tool and passes exit code 2 and the report through', async () => {
  const bad = join(dir, 'bad-goal.json');
  await writeFile(bad, JSON.stringify({ resourceType: 'Goal', lifecycleStatus: 'active' }));
  const run = await spawnTool(
    'npx',
    ['--offline', 'treatment-plan', 'validate', bad, '--json', '--quiet'],
    process.env
  );
  expect(run.code, run.stderr).toBe(EXIT.invalidInput);
  const [result] = JSON.parse(run.stdout) as { valid: boolean; issues: { location: string }[] }[];
  expect(result?.valid).toBe(false);
  expect(result?.issues.map((i) => i.location)).toContain('Goal.description');
}, 120_000);

test('"npx treatment-plan validate -" reads the records piped to it', async () => {
  const goal = { resourceType: 'Goal', lifecycleStatus: 'active', subject: { reference: 'Patient/p' } };
  const run = await spawnTool(
    'npx',
    ['--offline', 'treatment-plan', 'validate', '-', '--json', '--quiet'],
    process.env,
    JSON.stringify(goal)
  );
  expect(run.code, run.stderr).toBe(EXIT.invalidInput);
  const [result] = JSON.parse(run.stdout) as { file: string; issues: { location: string }[] }[];
  expect(result?.file).toBe('standard input');
  expect(result?.issues.map((i) => i.location)).toContain('Goal.description');
}, 120_000);

test('the shim started by an older Node runs the tool on the project’s Node 24', async () => {
  const older = await olderSystemNode();
  if (older === undefined) {
    // Every node on PATH is new enough: the shim then runs the tool in-process, which the npx test covers.
    expect(process.versions.node.split('.').map(Number)[0]).toBeGreaterThanOrEqual(24);
    return;
  }
  const env = {
    ...process.env,
    PATH: (process.env['PATH'] ?? '')
      .split(delimiter)
      .filter((p) => !p.includes('node_modules'))
      .join(delimiter),
  };
  const help = await spawnTool(older, [shim, 'export', '--help'], env);
  expect(help.code, help.stderr).toBe(EXIT.ok);
  expect(help.stdout).toContain('Usage: treatment-plan export');
  const usage = await spawnTool(older, [shim, 'frobnicate'], env);
  expect(usage.code).toBe(EXIT.usage);
  expect(usage.stderr).toContain('unknown command "frobnicate"');
}, 120_000);
