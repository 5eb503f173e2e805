/** What every command works with: the io, the common flags, and the ways to report. */
import { isAbsolute, resolve } from 'node:path';
import type { CommonFlags } from './args.ts';
import type { CliIo } from './io.ts';

export interface CommandContext {
  readonly io: CliIo;
  readonly common: CommonFlags;
  /** A progress line on stderr (not with --quiet). */
  readonly progress: (message: string) => void;
  /** A line of human output on stdout (not with --json, where stdout carries only JSON). */
  readonly say: (line: string) => void;
  /** The command's result as JSON on stdout (with --json). */
  readonly json: (value: unknown) => void;
  /** A path given on the command line, from the working directory. */
  readonly path: (file: string) => string;
}

export function commandContext(io: CliIo, common: CommonFlags): CommandContext {
  return {
    io,
    common,
    progress: (message) => {
      if (!common.quiet) io.stderr(`${message}\n`);
    },
    say: (line) => {
      if (!common.json) io.stdout(`${line}\n`);
    },
    json: (value) => {
      io.stdout(`${JSON.stringify(value, null, 2)}\n`);
    },
    path: (file) => (isAbsolute(file) ? file : resolve(io.cwd, file)),
  };
}
