/**
 * Reads a file to import (or compare) and checks it before any server is contacted: size first (a huge file is
 * refused without loading it), then FHIR JSON through parseImportInput, or a C-CDA document (XML) through
 * src/exchange/ccda, which converts it into the records our mapping writes for the plan it holds.
 */
import { readFile, stat } from 'node:fs/promises';
import { ccdaImportInput, CcdaInputError, looksLikeXml } from '../exchange/ccda/index.ts';
import { ImportInputError, MAX_IMPORT_BYTES, parseImportInput } from '../exchange/index.ts';
import type { NotUnderstoodItem, ParsedInput } from '../exchange/index.ts';
import type { TreatmentPlan } from '../plan/index.ts';
import { CliError } from './cli-error.ts';
import { EXIT } from './exit-codes.ts';

export interface ImportFile {
  readonly format: 'fhir' | 'ccda';
  readonly input: ParsedInput;
  /** C-CDA: the plan as read from the document. */
  readonly plan?: TreatmentPlan;
  /** C-CDA: what the document held that the plan has no place for (added to the report). */
  readonly notUnderstood: readonly NotUnderstoodItem[];
}

/** `command` prefixes the messages; `name` is the file as given on the command line. */
export async function readImportFile(command: string, path: string, name: string): Promise<ImportFile> {
  let text: string;
  try {
    if ((await stat(path)).size > MAX_IMPORT_BYTES) {
      throw new ImportInputError('too-large', `${name} is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB.`);
    }
    text = await readFile(path, 'utf8');
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
