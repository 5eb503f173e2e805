/**
 * The files the Exchange panel hands to the browser (issue 6 §3): one plan of the client's records as a FHIR
 * document Bundle, a FHIR transaction Bundle or a C-CDA Care Plan document, named after the client and the day.
 * The C-CDA writer is loaded on demand: it stays out of the workspace's first download.
 */
import type * as fhir from 'fhir/r4';
import { exportPlan } from '../exchange/index.ts';
import { localDate } from './clock.ts';

export type ExchangeFormat = 'document' | 'transaction' | 'ccda';

export const EXCHANGE_FORMATS: readonly { readonly format: ExchangeFormat; readonly label: string }[] = [
  { format: 'document', label: 'FHIR document (a readable Bundle with one section per plan section)' },
  { format: 'transaction', label: 'FHIR transaction (ready to load into another FHIR server)' },
  { format: 'ccda', label: 'C-CDA Care Plan (XML, for EHRs that exchange C-CDA)' },
];

export interface ExchangeFile {
  readonly name: string;
  /** The MIME type of the download. */
  readonly type: string;
  readonly text: string;
  /** What the format could not carry, one sentence each (C-CDA only). */
  readonly notCarried: readonly string[];
}

export interface ExportRequest {
  readonly records: readonly fhir.FhirResource[];
  /** `CarePlan/id` or the plan's business id. */
  readonly planId: string;
  readonly format: ExchangeFormat;
  readonly clientName: string;
  readonly now: Date;
}

/** `George Smith`, 2026-11-27, transaction → `george-smith-treatment-plan-2026-11-27.transaction.json`. */
export function exchangeFileName(clientName: string, format: ExchangeFormat, now: Date): string {
  const words = clientName
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  const client = words === '' ? 'client' : words.slice(0, 60);
  const ending = format === 'ccda' ? 'ccda.xml' : `${format}.json`;
  return `${client}-treatment-plan-${localDate(now)}.${ending}`;
}

/** The file for one plan of the records; throws an Error with a sentence when the records hold no such plan. */
export async function exportFile(request: ExportRequest): Promise<ExchangeFile> {
  const { records, planId, format, now } = request;
  const name = exchangeFileName(request.clientName, format, now);
  if (format === 'ccda') {
    const { planToCcda } = await import('../exchange/ccda/index.ts');
    const ccda = planToCcda(records, { planId, now });
    return { name, type: 'application/xml', text: ccda.xml, notCarried: ccda.notCarried };
  }
  const bundle = exportPlan(records, { planId, format, now });
  return { name, type: 'application/fhir+json', text: `${JSON.stringify(bundle, null, 2)}\n`, notCarried: [] };
}
