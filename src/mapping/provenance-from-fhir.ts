/** Signatures from the Provenance records that target the plan. */
import type * as fhir from 'fhir/r4';
import type { Signature, SignerRole } from '../plan/treatment-plan.ts';
import { base64ToText } from './base64.ts';
import {
  AGENT_TYPE,
  CODING,
  DRAWN_SIGNATURE_FORMAT,
  EXTENSION,
  SIGNATURE_TYPE,
  TYPED_SIGNATURE_FORMAT,
} from './codes.ts';
import { hasCoding } from './concept.ts';
import { personRefFromFhir } from './person-ref.ts';
import { idOf, reportUnread } from './read-context.ts';
import type { ReadContext } from './read-context.ts';
import type { Located } from './resource-index.ts';

const UNDERSTOOD = ['text', 'target', 'recorded', 'agent', 'signature'];

// Provenance.agent, .target, .recorded and signature.type and .who are required, but data from elsewhere may
// lack them: read through Partial so a missing one never throws.
type Loose<T> = Partial<T>;

function roleOf(provenance: fhir.Provenance): SignerRole {
  const types = (provenance.signature ?? []).flatMap((s) => (s as Loose<fhir.Signature>).type ?? []);
  const has = (coding: fhir.Coding): boolean => types.some((t) => t.system === coding.system && t.code === coding.code);
  const agent = (provenance as Loose<fhir.Provenance>).agent?.[0];
  if (has(SIGNATURE_TYPE.verification) || hasCoding(agent?.type, AGENT_TYPE.verifier)) return 'supervisor';
  if (has(SIGNATURE_TYPE.consent)) {
    return (agent?.role ?? []).some((r) => hasCoding(r, CODING.guardianRole)) ? 'guardian' : 'client';
  }
  return 'clinician';
}

/** The version of `planAddress` a target pins, if it targets the plan at all. */
export function targetedVersion(target: fhir.Reference, planAddress: string): { version?: string } | undefined {
  const match = /^(.*?)(?:\/_history\/([^/]+))?$/.exec(target.reference ?? '');
  const address = match?.[1] ?? '';
  if (address !== planAddress && !address.endsWith(`/${planAddress}`)) return undefined;
  return match?.[2] === undefined ? {} : { version: match[2] };
}

export function signatureFromFhir(at: Located<fhir.Provenance>, planAddress: string, ctx: ReadContext): Signature {
  const provenance = at.resource;
  const report = ctx.reporter(at);
  reportUnread(report, provenance, UNDERSTOOD, [EXTENSION.recordIdentifier, EXTENSION.signedIncompleteReason]);
  const signatures = provenance.signature ?? [];
  signatures.forEach((s, i) => {
    if (s.sigFormat !== TYPED_SIGNATURE_FORMAT && s.sigFormat !== DRAWN_SIGNATURE_FORMAT) {
      report(`Provenance.signature[${i}]`, `a signature in ${s.sigFormat ?? 'an unknown format'} is not shown`);
    }
  });
  const loose = provenance as Loose<fhir.Provenance>;
  const signer = personRefFromFhir(
    (loose.agent?.[0] as Loose<fhir.ProvenanceAgent> | undefined)?.who,
    ctx.index,
    at
  ) ?? {
    name: '',
  };
  const typed = signatures.find((s) => s.sigFormat === TYPED_SIGNATURE_FORMAT)?.data;
  const image = signatures.find((s) => s.sigFormat === DRAWN_SIGNATURE_FORMAT)?.data;
  const incompleteReason = provenance.extension?.find((e) => e.url === EXTENSION.signedIncompleteReason)?.valueString;
  const version = (loose.target ?? [])
    .map((t) => targetedVersion(t, planAddress))
    .find((v) => v !== undefined)?.version;
  return {
    id: idOf(at),
    role: roleOf(provenance),
    signer,
    signedAt: loose.recorded ?? '',
    ...(version !== undefined ? { planVersion: version } : {}),
    typedName:
      (typed === undefined ? undefined : base64ToText(typed)) ??
      (signatures[0] as Loose<fhir.Signature> | undefined)?.who?.display ??
      signer.name,
    ...(image !== undefined ? { image } : {}),
    ...(incompleteReason !== undefined ? { incompleteReason } : {}),
  };
}
