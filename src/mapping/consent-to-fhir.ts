/**
 * The treatment contract's consent to treatment as a Consent (DESIGN.md §4): scope `treatment`, category LOINC
 * 59284-0 Patient Consent, the client as patient, who agreed (performer), when, the decision, period and
 * modalities as the provision, and the signed document as sourceAttachment. R4's ppc-1 needs a policy or a
 * policy rule: without one of its own the consent gets v3-ActCode OPTIN.
 */
import type * as fhir from 'fhir/r4';
import type { AttachedDocument, ConsentToTreatment, TreatmentPlan } from '../plan/treatment-plan.ts';
import { CODING, PROFILE } from './codes.ts';
import { codedAs, conceptFromFhir, conceptToFhir, hasCoding } from './concept.ts';
import { draft } from './draft.ts';
import type { Draft } from './draft.ts';
import { keepIfSame, sameJson } from './json.ts';
import { personRefToFhir } from './person-ref.ts';

export function attachmentFromFhir(attachment: fhir.Attachment): AttachedDocument {
  return {
    contentType: attachment.contentType ?? '',
    ...(attachment.title !== undefined ? { title: attachment.title } : {}),
    ...(attachment.url !== undefined ? { url: attachment.url } : {}),
    ...(attachment.data !== undefined ? { data: attachment.data } : {}),
    ...(attachment.creation !== undefined ? { creation: attachment.creation } : {}),
  };
}

export function attachmentToFhir(document: AttachedDocument): fhir.Attachment {
  return { ...document };
}

/** `categories` with `coding` first when none of them holds it yet. */
export function withCategory(
  categories: fhir.CodeableConcept[] | undefined,
  coding: fhir.Coding
): fhir.CodeableConcept[] {
  return (categories ?? []).some((c) => hasCoding(c, coding))
    ? (categories ?? [])
    : [codedAs(coding), ...(categories ?? [])];
}

function provisionOf(consent: ConsentToTreatment, loaded: fhir.ConsentProvision | undefined): fhir.ConsentProvision {
  const unused = [...(loaded?.code ?? [])];
  const code = consent.modalities.map((m) => {
    const same = unused.findIndex((c) => sameJson(conceptFromFhir(c), m));
    return same === -1 ? (conceptToFhir(m) ?? {}) : (unused.splice(same, 1)[0] ?? {});
  });
  const period = { start: consent.start, end: consent.end };
  return {
    ...loaded,
    type: consent.decision,
    period: sameJson(loaded?.period, period) ? loaded?.period : period,
    code,
  };
}

function consentDraft(plan: TreatmentPlan, consent: ConsentToTreatment): Draft {
  return draft<fhir.Consent>({
    type: 'Consent',
    key: consent.id,
    profile: PROFILE.consent,
    owned: (loaded, ctx) => {
      const [performer, ...others] = loaded?.performer ?? [];
      const grantor = personRefToFhir(consent.grantor, performer, ctx.loaded);
      return {
        status: consent.status,
        scope: hasCoding(loaded?.scope, CODING.treatmentScope) ? loaded?.scope : codedAs(CODING.treatmentScope),
        category: withCategory(loaded?.category, CODING.patientConsent),
        patient:
          loaded?.patient?.reference === plan.client.reference ? loaded.patient : { reference: plan.client.reference },
        dateTime: consent.dateTime,
        performer: [...(grantor ? [grantor] : []), ...others],
        ...(loaded?.policy || loaded?.policyRule ? {} : { policyRule: codedAs(CODING.optIn) }),
        provision: provisionOf(consent, loaded?.provision),
        sourceAttachment: keepIfSame(loaded?.sourceAttachment, consent.document, attachmentFromFhir, attachmentToFhir),
      };
    },
  });
}

export function consentDrafts(plan: TreatmentPlan): Draft[] {
  const consent = plan.contract.consent;
  return consent ? [consentDraft(plan, consent)] : [];
}
