/**
 * Reads one command's arguments with node:util `parseArgs` (strict: an unknown option is a usage error).
 * Every command takes `--help`, `--json` (stdout carries only JSON) and `--quiet` (no progress on stderr).
 */
import { parseArgs, type ParseArgsOptionsConfig } from 'node:util';
import { usageError } from './cli-error.ts';

export const COMMON_OPTIONS = {
  help: { type: 'boolean', short: 'h' },
  json: { type: 'boolean' },
  quiet: { type: 'boolean', short: 'q' },
} as const satisfies ParseArgsOptionsConfig;

export interface CommonFlags {
  readonly json: boolean;
  readonly quiet: boolean;
}

export interface CommandArgs<O extends ParseArgsOptionsConfig> {
  readonly values: { readonly [K in keyof O]?: O[K]['type'] extends 'boolean' ? boolean : string };
  readonly positionals: readonly string[];
  readonly help: boolean;
  readonly common: CommonFlags;
}

export function parseCommandArgs<O extends ParseArgsOptionsConfig>(
  command: string,
  argv: readonly string[],
  options: O
): CommandArgs<O> {
  let parsed: { values: Record<string, string | boolean | (string | boolean)[] | undefined>; positionals: string[] };
  try {
    parsed = parseArgs({ args: [...argv], options: { ...COMMON_OPTIONS, ...options }, allowPositionals: true });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw usageError(`${command}: ${message} (see treatment-plan ${command} --help)`);
  }
  const { values, positionals } = parsed;
  return {
    values: values as CommandArgs<O>['values'],
    positionals,
    help: values['help'] === true,
    common: { json: values['json'] === true, quiet: values['quiet'] === true },
  };
}

/** The value of a required option, or a usage error naming it. */
export function required(command: string, name: string, value: string | undefined): string {
  if (value === undefined || value === '') {
    throw usageError(`${command}: --${name} is required (see treatment-plan ${command} --help)`);
  }
  return value;
}

/** An absolute http(s) URL, or a usage error. */
export function serverUrl(command: string, name: string, value: string | undefined): string {
  const url = required(command, name, value);
  if (!URL.canParse(url) || !/^https?:$/.test(new URL(url).protocol)) {
    throw usageError(`${command}: --${name} must be the FHIR base URL (http:// or https://), not "${url}"`);
  }
  return url;
}
