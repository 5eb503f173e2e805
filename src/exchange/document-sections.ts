/**
 * Which section of the plan document a record belongs in, and each section's narrative: the plan outline that
 * the print view and the PDF lay out (src/workspace/plan-outline.ts), as XHTML a receiving system can display
 * without our profiles (https://hl7.org/fhir/R4/narrative.html: basic elements only, every text escaped).
 */
import type * as fhir from 'fhir/r4';
import { SYSTEM } from '../mapping/codes.ts';
import { escapeXhtml } from '../mapping/narrative.ts';
import type { OutlineBlock, SignatureLine } from '../workspace/plan-outline.ts';
import type { SectionId } from '../workspace/sections.ts';

/** LOINC section codes where one says what the section holds (the C-CDA section codes). */
export const SECTION_CODES: Partial<Record<SectionId, { readonly code: string; readonly display: string }>> = {
  session: { code: '46240-8', display: 'History of Hospitalizations+Outpatient visits Narrative' },
  history: { code: '29762-2', display: 'Social history Narrative' },
  concerns: { code: '75310-3', display: 'Health concerns Document' },
  diagnoses: { code: '11450-4', display: 'Problem list - Reported' },
  goals: { code: '61146-7', display: 'Goals' },
  interventions: { code: '62387-6', display: 'Interventions Narrative' },
  progress: { code: '11383-7', display: 'Patient problem outcome Narrative' },
};

export const LOINC = SYSTEM.loinc;

const codes = (concepts: readonly (fhir.CodeableConcept | undefined)[]): string[] =>
  concepts.flatMap((c) => c?.coding ?? []).flatMap((c) => (c.code === undefined ? [] : [c.code]));

const profiles = (resource: fhir.FhirResource): string[] => resource.meta?.profile ?? [];

/** Sections by resource type, where the type alone tells. */
const BY_TYPE: Readonly<Record<string, SectionId>> = {
  Encounter: 'session',
  Procedure: 'history',
  Consent: 'contract',
  Goal: 'goals',
  DocumentReference: 'progress',
  CarePlan: 'review',
  CareTeam: 'considerations',
  Provenance: 'signatures',
};

/** The section a record of the plan is shown in; undefined for the people and places the plan refers to. */
export function sectionOfRecord(resource: fhir.FhirResource): SectionId | undefined {
  if (resource.resourceType === 'Condition') {
    return codes(resource.category ?? []).includes('health-concern') ? 'concerns' : 'diagnoses';
  }
  if (resource.resourceType === 'ServiceRequest') {
    const kinds = codes(resource.category ?? []);
    if (kinds.includes('responsibility')) return 'contract';
    return kinds.includes('care-schedule') ? 'schedule' : 'interventions';
  }
  if (resource.resourceType === 'Observation') {
    const strength =
      codes([resource.code]).includes('strength') || profiles(resource).some((p) => p.endsWith('/client-strength'));
    if (strength) return 'strengths';
    return codes(resource.category ?? []).includes('social-history') ? 'history' : 'progress';
  }
  return BY_TYPE[resource.resourceType];
}

const p = (inner: string): string => `<p>${inner}</p>`;
const b = (text: string): string => `<b>${escapeXhtml(text)}</b>`;

function block(item: OutlineBlock): string {
  switch (item.kind) {
    case 'rows':
      return item.rows.map((row) => p(`${b(`${row.label}: `)}${escapeXhtml(row.value)}`)).join('');
    case 'list':
      return item.items.length === 0
        ? ''
        : `${p(b(item.label))}<ul>${item.items.map((i) => `<li>${escapeXhtml(i)}</li>`).join('')}</ul>`;
    case 'paragraph':
      return p(`${b(`${item.label}: `)}${escapeXhtml(item.text)}`);
    case 'entry':
      return `<div>${p(b(item.title))}${item.blocks.map(block).join('')}</div>`;
    case 'none':
      return p(escapeXhtml(item.text));
  }
}

/** One XHTML `div` for a section's narrative. */
export function sectionXhtml(blocks: readonly OutlineBlock[]): string {
  const inner = blocks.map(block).join('');
  return `<div xmlns="http://www.w3.org/1999/xhtml">${inner === '' ? p('None recorded.') : inner}</div>`;
}

/** The signature lines as narrative: who signed, as whom, when (and which version); lines still to sign too. */
export function signaturesXhtml(lines: readonly SignatureLine[]): string {
  const items = lines.map((line) =>
    line.signed
      ? `<li>${b(`${line.role}: `)}${escapeXhtml(
          `${line.signed.signer}, signed "${line.signed.typedName}" on ${line.signed.signedAt}` +
            (line.signed.planVersion === undefined ? '' : ` (plan version ${line.signed.planVersion})`)
        )}</li>`
      : `<li>${b(`${line.role}: `)}not signed</li>`
  );
  return `<div xmlns="http://www.w3.org/1999/xhtml"><ul>${items.join('')}</ul></div>`;
}
