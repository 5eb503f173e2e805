/**
 * A plan to compare from the text of a file or a paste (issue 6 §3 "compare"): FHIR JSON (a Bundle, loose
 * resources, NDJSON) read with the app's own reader, or a C-CDA document read by the C-CDA importer (loaded on
 * demand). Nothing is sent anywhere.
 */
import { looksLikeXml, parseImportInput } from '../exchange/index.ts';
import { readPlanInput } from '../mapping/index.ts';
import type { TreatmentPlan } from '../plan/index.ts';

/** The plan the text holds; throws an Error with a sentence when it holds none or is not FHIR or C-CDA. */
export async function planFromText(text: string): Promise<TreatmentPlan> {
  if (looksLikeXml(text)) {
    const { ccdaImportInput } = await import('../exchange/ccda/index.ts');
    return (await ccdaImportInput(text)).plan;
  }
  const reading = readPlanInput(parseImportInput(text).json);
  if (reading.source === 'none') {
    throw new Error('The file holds no treatment plan (no CarePlan, nor goals or conditions to read one from).');
  }
  return reading.plan;
}

/** Keys that hold where a record is kept (`Practitioner/7`, `urn:uuid:…`, a pinned plan version), not what it says. */
const ADDRESS_KEYS: ReadonlySet<string> = new Set(['reference', 'planVersion']);

/**
 * The plan without record addresses: a file's plan refers to records by `urn:uuid:` or by another server's ids,
 * so two plans from different places are compared on what they say, not on where their records are kept.
 */
export function withoutRecordAddresses(plan: TreatmentPlan): TreatmentPlan {
  // The plan model is plain JSON (it is kept as a draft in session storage), so a JSON copy is the whole plan.
  return JSON.parse(JSON.stringify(plan), (key, value: unknown) =>
    ADDRESS_KEYS.has(key) ? undefined : value
  ) as TreatmentPlan;
}
