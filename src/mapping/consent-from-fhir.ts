/** The consent to treatment from a Consent (scope treatment). */
import type * as fhir from 'fhir/r4';
import type { ConsentToTreatment } from '../plan/treatment-plan.ts';
import { CODING } from './codes.ts';
import { conceptFromFhir, hasCoding } from './concept.ts';
import { attachmentFromFhir } from './consent-to-fhir.ts';
import { personRefFromFhir } from './person-ref.ts';
import { idOf, reportUnread } from './read-context.ts';
import type { ReadContext } from './read-context.ts';
import type { Located } from './resource-index.ts';

const STATUSES: readonly ConsentToTreatment['status'][] = ['draft', 'proposed', 'active', 'rejected', 'inactive'];
const UNDERSTOOD = [
  'text',
  'status',
  'scope',
  'category',
  'patient',
  'dateTime',
  'performer',
  'policy',
  'policyRule',
  'provision',
  'sourceAttachment',
];
const PROVISION = ['type', 'period', 'code'];

/** A consent to treatment (scope `treatment`): a privacy or research consent is not consent to treatment. */
export function isTreatmentConsent(consent: fhir.Consent): boolean {
  return hasCoding(consent.scope, CODING.treatmentScope);
}

export function notTreatmentConsent(consent: fhir.Consent): string {
  // Consent.scope is required, but data from elsewhere may lack it.
  const scope = consent.scope as fhir.CodeableConcept | undefined;
  const code = scope?.coding?.[0]?.code ?? scope?.text ?? 'none';
  return `a Consent of scope ${code} is not consent to treatment; it is kept but not shown`;
}

export function consentFromFhir(at: Located<fhir.Consent>, ctx: ReadContext): ConsentToTreatment {
  const consent = at.resource;
  const report = ctx.reporter(at);
  reportUnread(report, consent, UNDERSTOOD);
  if (!hasCoding(consent.scope, CODING.treatmentScope)) report('Consent.scope', 'not a consent to treatment');
  (consent.performer ?? []).slice(1).forEach((_, i) => {
    report(`Consent.performer[${i + 1}]`, 'only the first person who agreed is shown');
  });
  const provision = consent.provision;
  for (const key of Object.keys(provision ?? {})) {
    if (!PROVISION.includes(key)) report(`Consent.provision.${key}`, 'has no place in the treatment plan');
  }
  const status = STATUSES.find((s) => s === consent.status);
  if (!status) report('Consent.status', `status ${consent.status} is shown as inactive`);
  if (!provision?.type) report('Consent.provision.type', 'no decision recorded; shown as permit');
  const grantor = personRefFromFhir(consent.performer?.[0], ctx.index, at);
  const start = provision?.period?.start;
  const end = provision?.period?.end;
  return {
    id: idOf(at),
    status: status ?? 'inactive',
    ...(consent.dateTime !== undefined ? { dateTime: consent.dateTime } : {}),
    decision: provision?.type ?? 'permit',
    ...(grantor ? { grantor } : {}),
    ...(start !== undefined ? { start } : {}),
    ...(end !== undefined ? { end } : {}),
    modalities: (provision?.code ?? []).map((c, i) => conceptFromFhir(c, report, `Consent.provision.code[${i}]`)),
    ...(consent.sourceAttachment ? { document: attachmentFromFhir(consent.sourceAttachment) } : {}),
  };
}
