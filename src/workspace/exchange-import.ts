/**
 * The app's import (issue 6 §2–3), around src/exchange's prepareImport/applyImport: the text of a file or a
 * paste read as FHIR JSON or as a C-CDA document, a report prepared against the launched server, and the rules
 * the app adds: the records must belong to the launched client (matched by identifier), and the write goes
 * through the server's write strategy: one transaction, ordered steps, or, where the server takes no plans, a
 * clinical note plus what the server takes (src/workspace/import-as-note.ts).
 */
import type * as fhir from 'fhir/r4';
import type { ConformanceDefinitions } from '../conformance/definitions.ts';
import type { ApplyImportOptions, ImportReport } from '../exchange/index.ts';
import { looksLikeXml, parseImportInput, prepareImport } from '../exchange/index.ts';
import type { FhirGateway } from '../fhir/gateway.ts';
import type { ServerTraits } from '../fhir/server-traits.ts';
import { saveInSequence } from '../fhir/sequential-writes.ts';
import { humanName } from '../mapping/person-ref.ts';
import { fileImportWith, type FileImportContext } from './import-as-note.ts';
import type { StrategyChoice } from './strategies/choose-strategy.ts';

/** FHIR R4 and the profiles could not be downloaded (the app's files unreachable, say); the message is a sentence. */
export class DefinitionsLoadError extends Error {
  override readonly name = 'DefinitionsLoadError';
  constructor(cause: unknown) {
    super(
      `FHIR R4 and the plan profiles, needed to check the import, could not be loaded (${
        cause instanceof Error ? cause.message : String(cause)
      }): check the connection and try again.`,
      { cause }
    );
  }
}

let definitions: Promise<ConformanceDefinitions> | undefined;
let definitionsReady = false;

/**
 * R4 and our profiles for the import's validation, loaded on the first check and kept for the page's life (a
 * failed load is forgotten, so the next check tries again). `onLoading` is called only when it must be fetched.
 */
export function importDefinitions(onLoading?: () => void): Promise<ConformanceDefinitions> {
  if (!definitionsReady) onLoading?.();
  definitions ??= import('../conformance/browser-definitions.ts')
    .then(({ browserConformanceDefinitions }) => browserConformanceDefinitions())
    .then(
      (loaded) => {
        definitionsReady = true;
        return loaded;
      },
      (error: unknown) => {
        definitions = undefined;
        throw new DefinitionsLoadError(error);
      }
    );
  return definitions;
}

export interface TextImportOptions {
  /** Search parameters the server insists on per type, for the lookups that tell what it already holds. */
  readonly requiredSearchParams?: ServerTraits['requiredSearchParams'];
  /** Called when R4 and the profiles must first be downloaded, so the app can say why the check takes longer. */
  readonly onLoadingDefinitions?: () => void;
}

/**
 * The report for a text, validated against R4 and our profiles; throws ImportInputError or CcdaInputError (each
 * with a sentence) when the text is no FHIR or C-CDA the import can take. Nothing is written.
 */
export async function prepareTextImport(
  text: string,
  target: FhirGateway,
  options: TextImportOptions = {}
): Promise<ImportReport> {
  const requiredSearchParams = options.requiredSearchParams ?? {};
  if (looksLikeXml(text)) {
    const [{ prepareCcdaImport }, loaded] = await Promise.all([
      import('../exchange/ccda/index.ts'),
      importDefinitions(options.onLoadingDefinitions),
    ]);
    return prepareCcdaImport(text, target, { requiredSearchParams, definitions: loaded });
  }
  // Unreadable text is refused before the definitions are downloaded.
  const input = parseImportInput(text);
  return prepareImport(input, target, {
    requiredSearchParams,
    definitions: await importDefinitions(options.onLoadingDefinitions),
  });
}

/** The patient's name (the official one, else the first), or its address when it has none. */
function nameOf(patient: fhir.Patient): string {
  const words = humanName(patient.name)?.trim() ?? '';
  return words === '' ? `Patient/${patient.id ?? ''}` : words;
}

/**
 * Why the report's records may not be written into the launched client's record, or undefined when they may:
 * the patient the report matched by identifier must be the launched client. The app never creates a patient
 * nor attaches records to someone it could not match.
 */
export function wrongClient(report: ImportReport, launched: fhir.Patient): string | undefined {
  const client = nameOf(launched);
  const address = `Patient/${launched.id ?? ''}`;
  const match = report.patient;
  switch (match.kind) {
    case 'matched':
      return match.reference === address
        ? undefined
        : `These records are for ${match.name} (${match.reference} on this server), not for ${client}: nothing can be imported into ${client}'s record. Launch the app for ${match.name} to import them.`;
    case 'ambiguous':
      return `Several patients on this server share the identifiers of the client in the file (${match.candidates
        .map((c) => `${c.name}, ${c.reference}`)
        .join('; ')}), so it cannot be told whether the records are ${client}'s: nothing can be imported.`;
    case 'absent':
      return `The records cannot be matched to ${client}: ${match.message} The app imports only into the record of the client it was launched for.`;
  }
}

/** How the import is written on this server, or why it cannot be written here. */
export type ImportWriting =
  | { readonly kind: 'allowed'; readonly how: string; readonly options: Pick<ApplyImportOptions, 'write' | 'fileAs'> }
  | { readonly kind: 'blocked'; readonly reason: string };

/**
 * How the import is written here. `filing` lets a server that takes no plans take the import as a note (plus
 * what it takes); without it such a server gets no import, with the reason.
 */
export function importWriting(writing: StrategyChoice, filing?: FileImportContext): ImportWriting {
  if (writing.kind === 'read-only') {
    return { kind: 'blocked', reason: `Nothing can be imported here: ${writing.reasons.join(' ')}` };
  }
  switch (writing.strategy.kind) {
    case 'transaction':
      return {
        kind: 'allowed',
        how: 'The import is sent in one transaction: the server takes all of it or none of it.',
        options: {},
      };
    case 'sequential':
      return {
        kind: 'allowed',
        how: 'This server takes no atomic transactions, so the import is sent one record at a time, each create conditional on its identifier: importing again finishes a stopped import without duplicates.',
        options: { write: async (target, transaction) => (await saveInSequence(target, transaction)).result },
      };
    case 'companion':
    case 'note': {
      if (filing === undefined) {
        return {
          kind: 'blocked',
          reason:
            'This server does not let apps write care plans, and this import cannot be filed as a note here, so import is off. Export, compare and the command-line tool still work.',
        };
      }
      const how =
        writing.strategy.kind === 'note'
          ? 'This server does not let apps write care plans: the imported plan is filed as a clinical note (PDF and text), with its new problems and scores where the server takes them.'
          : "This server does not let apps write care plans: the imported plan is kept in the practice's companion store, with a clinical note in the chart.";
      return { kind: 'allowed', how, options: { fileAs: fileImportWith(writing.strategy, filing) } };
    }
  }
}
