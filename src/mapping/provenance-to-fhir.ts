/**
 * Signatures as Provenance (DESIGN.md §4), one per signing: the target is the plan, pinned to the signed version
 * (`CarePlan/{id}/_history/{vid}`) when it is known; recorded and signature.when are the signing time; the agent
 * says who (and, for a guardian, on whose behalf); the signature type says in which role (ASTM E1762 author's,
 * verification, consent signature). The signature as captured is kept twice over: the typed name as a
 * text/plain signature, the drawn image as an image/png one. Provenance has no identifier element in R4, so
 * the signature's id travels in our `record-identifier` extension, and the clinician's reason for signing a plan
 * that failed the completeness check in our `signed-incomplete-reason`.
 */
import type * as fhir from 'fhir/r4';
import type { Signature, SignerRole, TreatmentPlan } from '../plan/treatment-plan.ts';
import { textToBase64 } from './base64.ts';
import {
  AGENT_TYPE,
  CODING,
  DRAWN_SIGNATURE_FORMAT,
  EXTENSION,
  PROFILE,
  SIGNATURE_TYPE,
  TYPED_SIGNATURE_FORMAT,
} from './codes.ts';
import { codedAs } from './concept.ts';
import { draft } from './draft.ts';
import type { Draft } from './draft.ts';
import { recordIdentifier } from './identifiers.ts';
import { sameJson } from './json.ts';
import { personRefToFhir } from './person-ref.ts';

const SIGNATURE_TYPES: Record<SignerRole, fhir.Coding> = {
  clinician: SIGNATURE_TYPE.author,
  supervisor: SIGNATURE_TYPE.verification,
  client: SIGNATURE_TYPE.consent,
  guardian: SIGNATURE_TYPE.consent,
};

function agentOf(signature: Signature, plan: TreatmentPlan, who: fhir.Reference): fhir.ProvenanceAgent {
  switch (signature.role) {
    case 'clinician':
      return { type: codedAs(AGENT_TYPE.author), who };
    case 'supervisor':
      return { type: codedAs(AGENT_TYPE.verifier), who };
    case 'client':
      return { role: [codedAs(CODING.patientRole)], who };
    case 'guardian':
      return { role: [codedAs(CODING.guardianRole)], who, onBehalfOf: { reference: plan.client.reference } };
  }
}

const OUR_FORMATS = [TYPED_SIGNATURE_FORMAT, DRAWN_SIGNATURE_FORMAT];

function provenanceDraft(plan: TreatmentPlan, signature: Signature): Draft {
  const signer = signature.signer.reference;
  const query = `recorded=${encodeURIComponent(signature.signedAt)}`;
  return draft<fhir.Provenance>({
    type: 'Provenance',
    key: signature.id,
    profile: PROFILE.provenance,
    identifiedBy: 'owned',
    ifNoneExist: signer ? `${query}&agent=${encodeURIComponent(signer)}` : query,
    owned: (loaded, ctx) => {
      const planRef = ctx.ref('CarePlan', plan.id) ?? '';
      const versioned = signature.planVersion !== undefined && !planRef.startsWith('urn:');
      const target = versioned ? `${planRef}/_history/${signature.planVersion ?? ''}` : planRef;
      const [, ...otherTargets] = loaded?.target ?? [];
      const [agent, ...otherAgents] = loaded?.agent ?? [];
      const who = personRefToFhir(signature.signer, agent?.who, ctx.loaded) ?? { display: signature.signer.name };
      const ownAgent = agentOf(signature, plan, who);
      const base = { type: [{ ...SIGNATURE_TYPES[signature.role] }], when: signature.signedAt, who };
      const signatures: fhir.Signature[] = [
        { ...base, sigFormat: TYPED_SIGNATURE_FORMAT, data: textToBase64(signature.typedName) },
        ...(signature.image ? [{ ...base, sigFormat: DRAWN_SIGNATURE_FORMAT, data: signature.image }] : []),
      ];
      const kept = (loaded?.signature ?? []).filter((s) => !OUR_FORMATS.includes(s.sigFormat ?? ''));
      const identifier: fhir.Extension = {
        url: EXTENSION.recordIdentifier,
        valueIdentifier: recordIdentifier(signature.id),
      };
      const reason: fhir.Extension[] =
        signature.incompleteReason === undefined
          ? []
          : [{ url: EXTENSION.signedIncompleteReason, valueString: signature.incompleteReason }];
      const ours = [EXTENSION.recordIdentifier, EXTENSION.signedIncompleteReason];
      return {
        extension: [identifier, ...reason, ...(loaded?.extension ?? []).filter((e) => !ours.includes(e.url))],
        target: [{ reference: target }, ...otherTargets],
        recorded: signature.signedAt,
        agent: [agent && sameJson(agent, ownAgent) ? agent : ownAgent, ...otherAgents],
        signature: [...signatures, ...kept],
      };
    },
  });
}

export function provenanceDrafts(plan: TreatmentPlan): Draft[] {
  return plan.signatures.map((s) => provenanceDraft(plan, s));
}
