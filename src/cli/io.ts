/**
 * What a command may touch of the outside world, passed in so tests run commands in-process: output streams,
 * environment, working directory, clock and fetch. `processIo` is the real one (run.ts).
 */
export interface CliIo {
  /** Results: human text, or JSON only with `--json`. */
  readonly stdout: (text: string) => void;
  /** Progress and error messages. */
  readonly stderr: (text: string) => void;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Relative file paths are resolved against it. */
  readonly cwd: string;
  readonly now: () => Date;
  /** Defaults to the global fetch. */
  readonly fetch?: typeof fetch;
  /** Standard input, read where a command is given `-` for a file. */
  readonly stdin?: () => AsyncIterable<Uint8Array | string>;
}

export function processIo(): CliIo {
  return {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    env: process.env,
    cwd: process.cwd(),
    now: () => new Date(),
    stdin: () => process.stdin,
  };
}
