/**
 * Importing a C-CDA document: checked (size, well-formed XML, a ClinicalDocument), parsed and converted by
 * @medplum/ccda (loaded on demand, so it stays out of the app's first download), read as a treatment plan, and
 * handed to the FHIR import as the records our mapping writes for that plan (`planToFhir`), with the
 * document's patient. `prepareCcdaImport` is `prepareImport` for a C-CDA text: the same report, with what the
 * document held that the plan cannot represent added to `notUnderstood`.
 */
import type * as fhir from 'fhir/r4';
import type { FhirGateway } from '../../fhir/gateway.ts';
import { planToFhir } from '../../mapping/plan-to-fhir.ts';
import type { TreatmentPlan } from '../../plan/treatment-plan.ts';
import { importInputFromJson, MAX_IMPORT_BYTES, utf8Length, type ParsedInput } from '../import-input.ts';
import { withNotUnderstood, type ImportReport, type NotUnderstoodItem } from '../import-report.ts';
import { prepareImport, type PrepareImportOptions } from '../prepare-import.ts';
import { CDA_NS, systemOfOid } from './ccda-codes.ts';
import type { CdaNode } from './ccda-nodes.ts';
import { planFromCcda } from './ccda-to-plan.ts';
import { xmlWellFormedness } from './xml-text.ts';

export type CcdaInputErrorCode = 'too-large' | 'empty' | 'invalid-xml' | 'not-ccda';

export class CcdaInputError extends Error {
  override readonly name = 'CcdaInputError';
  readonly code: CcdaInputErrorCode;
  /** Where in the text the problem is (XML errors), 1-based. */
  readonly line?: number;
  readonly column?: number;

  constructor(code: CcdaInputErrorCode, message: string, where?: { readonly line: number; readonly column: number }) {
    super(message);
    this.code = code;
    if (where) {
      this.line = where.line;
      this.column = where.column;
    }
  }
}

export interface CcdaImportInput {
  /** What `prepareImport` takes: a collection Bundle of the plan's records and the document's patient. */
  readonly input: ParsedInput;
  /** The plan as read from the document. */
  readonly plan: TreatmentPlan;
  /** Sections and entries of the document the plan has no place for, and what the document says it left out. */
  readonly notUnderstood: readonly NotUnderstoodItem[];
}

function checkText(text: string, maxBytes: number): string {
  const bytes = utf8Length(text, maxBytes);
  if (bytes > maxBytes) {
    const mb = (n: number): string => `${(n / (1024 * 1024)).toFixed(1)} MB`;
    throw new CcdaInputError('too-large', `The file is ${mb(bytes)}; an import takes at most ${mb(maxBytes)}.`);
  }
  const trimmed = text.replace(/^\uFEFF/, '');
  if (trimmed.trim() === '') throw new CcdaInputError('empty', 'The file is empty: there is nothing to import.');
  const { problem, root } = xmlWellFormedness(trimmed);
  if (problem) {
    throw new CcdaInputError(
      'invalid-xml',
      `The file is not well-formed XML at line ${String(problem.line)}, column ${String(problem.column)}: ${problem.message}.`,
      problem
    );
  }
  const local = root?.replace(/^[^:]*:/, '');
  if (local !== 'ClinicalDocument' || !trimmed.includes(CDA_NS)) {
    throw new CcdaInputError(
      'not-ccda',
      `The file is XML but not a C-CDA document: its root element is <${root ?? ''}>, not a ClinicalDocument in the ${CDA_NS} namespace.`
    );
  }
  return trimmed;
}

/** A C-CDA document's text as import input. Throws CcdaInputError with a sentence a user can act on. */
export async function ccdaImportInput(
  text: string,
  options: { readonly maxBytes?: number } = {}
): Promise<CcdaImportInput> {
  const xml = checkText(text, options.maxBytes ?? MAX_IMPORT_BYTES);
  const ccda = await import('@medplum/ccda');
  let document: CdaNode;
  let converted: fhir.Bundle;
  try {
    const parsed = ccda.convertXmlToCcda(xml);
    document = parsed as unknown as CdaNode;
    // Medplum's FHIR types and ours differ only in detail; this is the one place they meet.
    converted = ccda.convertCcdaToFhir(parsed, { ignoreUnsupportedSections: true }) as unknown as fhir.Bundle;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new CcdaInputError('not-ccda', `The C-CDA document could not be converted: ${reason}.`, undefined);
  }
  const systemOf = (oid: string): string => {
    const ours = systemOfOid(oid);
    return ours.startsWith('urn:oid:') ? (ccda.mapCcdaSystemToFhir(oid) ?? ours) : ours;
  };
  const reading = planFromCcda(document, converted, systemOf);
  if (reading.patient === undefined) {
    // C-CDA requires a recordTarget (the US Realm Header's SHALL); without one there is nobody to attach the plan to.
    throw new CcdaInputError('not-ccda', 'The C-CDA document names no patient (it has no recordTarget/patientRole).');
  }
  const patientUrl = `urn:uuid:${crypto.randomUUID()}`;
  const plan: TreatmentPlan = { ...reading.plan, client: { ...reading.plan.client, reference: patientUrl } };
  const entries: fhir.BundleEntry[] = [
    { fullUrl: patientUrl, resource: reading.patient },
    ...planToFhir(plan, []).map(({ fullUrl, resource }) => ({ fullUrl, resource })),
  ];
  const bundle: fhir.Bundle = { resourceType: 'Bundle', type: 'collection', entry: entries };
  return { input: importInputFromJson(bundle, utf8Length(text)), plan, notUnderstood: reading.notUnderstood };
}

/** `prepareImport` for a C-CDA document's text. Throws CcdaInputError when the text is no C-CDA document. */
export async function prepareCcdaImport(
  text: string,
  target: FhirGateway,
  options: PrepareImportOptions = {}
): Promise<ImportReport> {
  const imported = await ccdaImportInput(text);
  return withNotUnderstood(await prepareImport(imported.input, target, options), imported.notUnderstood);
}
