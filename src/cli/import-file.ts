/**
 * Reads a file to import (or compare) and checks it before any server is contacted: size first (a huge file is
 * refused without loading it), then FHIR JSON through parseImportInput, or a C-CDA document (XML) through
 * src/exchange/ccda, which converts it into the records our mapping writes for the plan it holds.
 */
import { readFile, stat } from 'node:fs/promises';
import { ccdaImportInput, CcdaInputError } from '../exchange/ccda/index.ts';
import { ImportInputError, looksLikeXml, MAX_IMPORT_BYTES, parseImportInput } from '../exchange/index.ts';
import type { NotUnderstoodItem, ParsedInput } from '../exchange/index.ts';
import type { TreatmentPlan } from '../plan/index.ts';
import { CliError } from './cli-error.ts';
import type { CommandContext } from './context.ts';
import { EXIT } from './exit-codes.ts';
import type { CliIo } from './io.ts';

export interface ImportFile {
  readonly format: 'fhir' | 'ccda';
  readonly input: ParsedInput;
  /** C-CDA: the plan as read from the document. */
  readonly plan?: TreatmentPlan;
  /** C-CDA: what the document held that the plan has no place for (added to the report). */
  readonly notUnderstood: readonly NotUnderstoodItem[];
}

/** The name of standard input in messages, when a command is given `-` for a file. */
export const STDIN_NAME = 'standard input';

const tooLarge = (name: string): ImportInputError =>
  new ImportInputError('too-large', `${name} is larger than ${String(MAX_IMPORT_BYTES / 1024 / 1024)} MB.`);

/** All of standard input as text, refused as soon as it passes the import limit. */
export async function readStdin(io: CliIo): Promise<string> {
  if (io.stdin === undefined) throw new Error('standard input is not available here');
  const decoder = new TextDecoder();
  let text = '';
  let bytes = 0;
  for await (const chunk of io.stdin()) {
    const part = typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
    bytes += typeof chunk === 'string' ? new TextEncoder().encode(chunk).length : chunk.length;
    if (bytes > MAX_IMPORT_BYTES) throw tooLarge(STDIN_NAME);
    text += part;
  }
  return text + decoder.decode();
}

/** Reads `file` as given on the command line (`-`: standard input); `command` prefixes the messages. */
export async function readImportFile(context: CommandContext, command: string, file: string): Promise<ImportFile> {
  const name = file === '-' ? STDIN_NAME : file;
  let text: string;
  try {
    if (file === '-') text = await readStdin(context.io);
    else {
      const path = context.path(file);
      if ((await stat(path)).size > MAX_IMPORT_BYTES) throw tooLarge(name);
      text = await readFile(path, 'utf8');
    }
  } catch (error) {
    const reason = error instanceof ImportInputError ? error.message : `cannot read ${name}: ${String(error)}`;
    throw new CliError(EXIT.invalidInput, `${command}: ${reason}`, { cause: error });
  }
  try {
    if (looksLikeXml(text)) {
      const ccda = await ccdaImportInput(text);
      return { format: 'ccda', input: ccda.input, plan: ccda.plan, notUnderstood: ccda.notUnderstood };
    }
    return { format: 'fhir', input: parseImportInput(text), notUnderstood: [] };
  } catch (error) {
    if (error instanceof ImportInputError || error instanceof CcdaInputError) {
      throw new CliError(EXIT.invalidInput, `${command}: ${name}: ${error.message}`, { cause: error });
    }
    throw error;
  }
}
