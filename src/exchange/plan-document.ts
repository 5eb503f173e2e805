/**
 * The plan as a FHIR document (https://hl7.org/fhir/R4/documents.html): a Composition (LOINC 18776-5 Plan of
 * care note) with one section per plan section, each with its narrative and entries, attesters from the
 * signatures, then every record the plan refers to. A receiving system without our profiles can display it from
 * the narratives alone.
 */
import type * as fhir from 'fhir/r4';
import { lockReason } from '../plan/lock.ts';
import type { SignerRole, TreatmentPlan } from '../plan/treatment-plan.ts';
import { nameBasedUuid } from '../mapping/identifiers.ts';
import { escapeXhtml } from '../mapping/narrative.ts';
import { planOutline } from '../workspace/plan-outline.ts';
import { SECTIONS, type SectionId } from '../workspace/sections.ts';
import { LOINC, SECTION_CODES, sectionOfRecord, sectionXhtml, signaturesXhtml } from './document-sections.ts';
import type { PortableRecords } from './portable-records.ts';

/** How each signer attests (R4 composition-attestation-mode). */
const ATTESTATION: Record<SignerRole, fhir.CompositionAttester['mode']> = {
  clinician: 'legal',
  supervisor: 'professional',
  client: 'personal',
  guardian: 'personal',
};

function sections(
  plan: TreatmentPlan,
  placed: ReadonlySet<string>,
  portable: PortableRecords
): fhir.CompositionSection[] {
  const outline = planOutline(plan);
  const entries = new Map<SectionId, fhir.Reference[]>();
  for (const entry of portable.entries) {
    // Records of earlier plans (reached through `replaces`) are listed with the review, beside the plan they belong to.
    const own = sectionOfRecord(entry.resource);
    const section = own === undefined ? undefined : placed.has(entry.source) ? own : 'review';
    if (section !== undefined) entries.set(section, [...(entries.get(section) ?? []), { reference: entry.fullUrl }]);
  }
  return SECTIONS.map(({ id, title }): fhir.CompositionSection => {
    const code = SECTION_CODES[id];
    const blocks = outline.sections.find((s) => s.id === id)?.blocks ?? [];
    const div = id === 'signatures' ? signaturesXhtml(outline.signatures) : sectionXhtml(blocks);
    const refs = entries.get(id) ?? [];
    return {
      title,
      ...(code ? { code: { coding: [{ system: LOINC, ...code }], text: title } } : {}),
      text: { status: 'generated', div },
      ...(refs.length > 0 ? { entry: refs } : { emptyReason: { text: 'Nothing recorded' } }),
    };
  });
}

function portableReference(reference: string | undefined, name: string, portable: PortableRecords): fhir.Reference {
  const url = reference === undefined ? undefined : portable.fullUrlOf(reference);
  return url === undefined ? { display: name } : { reference: url, display: name };
}

export function planDocument(
  plan: TreatmentPlan,
  placed: readonly string[],
  portable: PortableRecords,
  now: Date
): fhir.Bundle {
  const timestamp = now.toISOString();
  const documentId = nameBasedUuid(`plan-document|${plan.id}|${timestamp}`);
  const outline = planOutline(plan);
  const composition: fhir.Composition = {
    resourceType: 'Composition',
    identifier: { system: 'urn:ietf:rfc:3986', value: `urn:uuid:${documentId}` },
    status: lockReason(plan) === 'signed' ? 'final' : 'preliminary',
    type: { coding: [{ system: LOINC, code: '18776-5', display: 'Plan of care note' }], text: 'Treatment plan' },
    subject: portableReference(plan.client.reference, plan.client.name, portable),
    date: timestamp,
    author: [
      plan.author
        ? portableReference(plan.author.reference, plan.author.name, portable)
        : { display: 'Author not recorded' },
    ],
    title: plan.title.trim() === '' ? 'Treatment plan' : plan.title,
    text: {
      status: 'generated',
      div: `<div xmlns="http://www.w3.org/1999/xhtml"><p><b>${escapeXhtml(outline.title || 'Treatment plan')}</b></p><p>${escapeXhtml(
        [outline.client.name, outline.client.identifier].filter(Boolean).join(', ')
      )}</p></div>`,
    },
    attester: plan.signatures.map((signature) => ({
      mode: ATTESTATION[signature.role],
      time: signature.signedAt,
      party: portableReference(signature.signer.reference, signature.signer.name, portable),
    })),
    section: sections(plan, new Set(placed), portable),
  };
  if (composition.attester?.length === 0) delete composition.attester;
  return {
    resourceType: 'Bundle',
    type: 'document',
    identifier: { system: 'urn:ietf:rfc:3986', value: `urn:uuid:${nameBasedUuid(`plan-bundle|${documentId}`)}` },
    timestamp,
    entry: [
      { fullUrl: `urn:uuid:${documentId}`, resource: composition },
      ...portable.entries.map(({ fullUrl, resource }) => ({ fullUrl, resource })),
    ],
  };
}
