/**
 * Runs the command-line tool in-process through its exported `main`, capturing what it prints, and counts
 * what a FHIR server holds, so a test can prove a command wrote nothing (or exactly what it said).
 */
import type * as fhir from 'fhir/r4';
import { main } from '../../../src/cli/main.ts';
import { SERVED_RESOURCE_TYPES } from '../../../src/sandbox/fhir/served-types.ts';

export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export interface CliRunOptions {
  readonly env?: Readonly<Record<string, string | undefined>>;
  readonly cwd?: string;
  readonly fetch?: typeof fetch;
  /** What the command reads from standard input (`-` for a file), in the chunks a pipe would give. */
  readonly stdin?: readonly (string | Uint8Array)[];
  /** The tool's clock. Default: the real time. */
  readonly now?: () => Date;
}

// eslint-disable-next-line @typescript-eslint/require-await -- an async generator, as a pipe is read
async function* chunks(parts: readonly (string | Uint8Array)[]): AsyncGenerator<string | Uint8Array> {
  for (const part of parts) yield part;
}

export async function runCli(argv: readonly string[], options: CliRunOptions = {}): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, {
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
    env: options.env ?? {},
    cwd: options.cwd ?? process.cwd(),
    now: options.now ?? (() => new Date()),
    ...(options.fetch ? { fetch: options.fetch } : {}),
    ...(options.stdin ? { stdin: () => chunks(options.stdin ?? []) } : {}),
  });
  return { code, stdout, stderr };
}

/** Every type the sandbox's FHIR service serves (src/sandbox/fhir/served-types.ts). */
export const PLAN_RECORD_TYPES = SERVED_RESOURCE_TYPES;

/** How many records of each plan type the server holds, asked with `_summary=count`. */
export async function countRecords(
  baseUrl: string,
  headers: Readonly<Record<string, string>> = {}
): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const type of PLAN_RECORD_TYPES) {
    const response = await fetch(`${baseUrl}/${type}?_summary=count`, {
      headers: { accept: 'application/fhir+json', ...headers },
    });
    const bundle = (await response.json()) as fhir.Bundle;
    counts[type] = bundle.total ?? -1;
  }
  return counts;
}

export const total = (counts: Readonly<Record<string, number>>): number =>
  Object.values(counts).reduce((sum, n) => sum + n, 0);
