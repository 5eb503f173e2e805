/**
 * Signing a plan and saving it against the in-process sandbox over real HTTP with a real SMART token: the plan's
 * content is saved first, and each signature's Provenance pins the CarePlan version that holds that content; the
 * consent to treatment carries the signed plan as a PDF; when the signatures' transaction fails, they stay with
 * the plan and a retry writes them once.
 */
import type * as fhir from 'fhir/r4';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { FhirError } from '../../src/fhir/fhir-error.ts';
import type { FhirGateway } from '../../src/fhir/gateway.ts';
import { loadPlanRecords } from '../../src/fhir/load-plan-records.ts';
import { planFromFhir } from '../../src/mapping/index.ts';
import {
  newSignature,
  randomIds,
  sequentialIds,
  signCheckedPlan,
  type SignerRole,
  type TreatmentPlan,
} from '../../src/plan/index.ts';
import { savePlanWithSignatures, unsavedSignatures, type SigningOptions } from '../../src/workspace/sign-plan.ts';
import { savePlan } from '../../src/workspace/save-plan.ts';
import { startPlan } from '../../src/workspace/start-plan.ts';
import { signaturePng } from '../support/signature-png.ts';
import { launchCountedGateway, type CountedGateway } from './support/plan-gateway.ts';
import { startTestSandbox, type TestSandbox } from './support/sandbox-fixture.ts';

const CLIENT = 'john-doe';
const TODAY = '2026-11-27';
const PRINTED_AT = '2026-11-27T10:05:00-05:00';
let sandbox: TestSandbox;
let session: CountedGateway;

beforeAll(async () => {
  sandbox = await startTestSandbox({ seed: 'records' });
  session = await launchCountedGateway(sandbox, CLIENT);
});

afterAll(async () => {
  await sandbox.close();
});

async function load(gateway: FhirGateway = session.gateway): Promise<fhir.FhirResource[]> {
  return (await loadPlanRecords(gateway, CLIENT, session.traits, { documentElements: 'all' })).resources;
}

/** A new plan for John Doe, started from his record the way the workspace starts one. */
async function newPlan(): Promise<{ plan: TreatmentPlan; loaded: fhir.FhirResource[] }> {
  const loaded = await load();
  const patient = await session.gateway.read<fhir.Patient>(`Patient/${CLIENT}`);
  const practitioner = await session.gateway.read<fhir.Practitioner>('Practitioner/sandbox-practitioner');
  const plan = startPlan({ id: randomIds(), today: TODAY, now: PRINTED_AT, patient, practitioner, resources: loaded });
  return { plan, loaded };
}

/**
 * The clinician (who records why the new plan is signed as it is) and John's mother sign, with drawings, at
 * `hour` (each test signs its own plan at its own time: a signature is recognised on the server by its time and
 * signer, so a retry never duplicates it).
 */
function signed(plan: TreatmentPlan, hour: string): TreatmentPlan {
  const ids = sequentialIds(`${plan.id}-signature`);
  const sign = (p: TreatmentPlan, role: SignerRole, name: string, at: string, reason?: string): TreatmentPlan =>
    signCheckedPlan(
      p,
      newSignature(
        {
          role,
          signer: role === 'clinician' && p.session.provider ? p.session.provider : { name },
          signedAt: at,
          typedName: name,
          image: signaturePng(),
          ...(reason === undefined ? {} : { incompleteReason: reason }),
        },
        ids
      ),
      TODAY
    );
  const clinician = sign(plan, 'clinician', 'Sandbox Clinician', `2026-11-27T${hour}:01:00-05:00`, 'First session.');
  return sign(clinician, 'guardian', 'Jane Doe', `2026-11-27T${hour}:02:00-05:00`);
}

function options(gateway: FhirGateway): SigningOptions {
  return { gateway, reload: () => load(gateway), printedAt: PRINTED_AT, newId: randomIds };
}

function planProvenances(resources: readonly fhir.FhirResource[], carePlanId: string): fhir.Provenance[] {
  return resources.filter(
    (r): r is fhir.Provenance =>
      r.resourceType === 'Provenance' && (r.target[0]?.reference ?? '').startsWith(`CarePlan/${carePlanId}/`)
  );
}

function carePlanOf(resources: readonly fhir.FhirResource[], planId: string): fhir.CarePlan {
  const found = resources.find(
    (r): r is fhir.CarePlan =>
      r.resourceType === 'CarePlan' && (r.identifier ?? []).some((identifier) => identifier.value === planId)
  );
  if (found?.id === undefined) throw new Error(`CarePlan ${planId} was not saved`);
  return found;
}

/** The plan's content in a CarePlan: all but its version and its narrative (which lists the signatures). */
function content(carePlan: fhir.CarePlan): Record<string, unknown> {
  return Object.fromEntries(Object.entries(carePlan).filter(([key]) => key !== 'meta' && key !== 'text'));
}

/**
 * A gateway that counts transactions and fails the `failing`-th (1-based) as a server error; every other request
 * (the batch that loads the records, reads) passes through.
 */
function failingTransaction(gateway: FhirGateway, failing: number): FhirGateway & { transactions: number } {
  const wrapped: FhirGateway & { transactions: number } = {
    baseUrl: gateway.baseUrl,
    transactions: 0,
    request: <T>(request: Parameters<FhirGateway['request']>[0]) => {
      const bundle = request.body as Partial<fhir.Bundle> | undefined;
      if (request.method === 'POST' && bundle?.type === 'transaction') {
        wrapped.transactions += 1;
        if (wrapped.transactions === failing) {
          return Promise.reject(new FhirError(503, gateway.baseUrl, 'Service unavailable (injected by the test)'));
        }
      }
      return gateway.request<T>(request);
    },
    read: gateway.read.bind(gateway),
    search: gateway.search.bind(gateway),
  };
  return wrapped;
}

describe('signing a new plan and saving it', () => {
  test('saves the content, then Provenances pinned to that CarePlan version and the consent with the signed PDF', async () => {
    const { plan, loaded } = await newPlan();
    const working = signed(plan, '10');
    const gateway = failingTransaction(session.gateway, 0);

    const outcome = await savePlanWithSignatures(working, loaded, options(gateway));

    expect(outcome).toMatchObject({ kind: 'signed', contentSaved: true, signatures: 2, withCopy: true });
    expect(gateway.transactions).toBe(2);
    const fresh = await load();
    const carePlan = carePlanOf(fresh, plan.id);
    const provenances = planProvenances(fresh, carePlan.id ?? '');
    expect(provenances).toHaveLength(2);
    const targets = new Set(provenances.map((p) => p.target[0]?.reference));
    expect(targets.size).toBe(1);
    const [target = ''] = [...targets];
    const version = /^CarePlan\/[^/]+\/_history\/([^/]+)$/.exec(target)?.[1];
    expect(version).toBeDefined();
    expect(outcome.kind === 'signed' ? outcome.version : undefined).toBe(version);

    // The consent to treatment was made from the guardian's signature, with the signed plan attached.
    const consent = fresh.find((r): r is fhir.Consent => r.resourceType === 'Consent');
    const consentLink = `Consent/${consent?.id ?? ''}`;

    // The pinned version exists, holds the plan's content as it is now, and was written before the signatures
    // (its narrative does not list them; the current one does, and links the consent made at signing).
    const pinnedVersion = await session.gateway.read<fhir.CarePlan>(target);
    expect(pinnedVersion.meta?.versionId).toBe(version);
    const { supportingInfo = [], ...current } = content(carePlan) as Partial<fhir.CarePlan>;
    expect(supportingInfo.map((r) => r.reference)).toContain(consentLink);
    const before = supportingInfo.filter((r) => r.reference !== consentLink);
    expect(content(pinnedVersion)).toEqual({ ...current, ...(before.length > 0 ? { supportingInfo: before } : {}) });
    expect(pinnedVersion.text?.div).not.toContain('Jane Doe');
    expect(carePlan.text?.div).toContain('Jane Doe');
    expect(carePlan.meta?.versionId).not.toBe(version);

    expect(consent?.status).toBe('active');
    expect(consent?.dateTime).toBe('2026-11-27T10:02:00-05:00');
    expect(consent?.performer?.[0]?.display).toBe('Jane Doe');
    expect(consent?.sourceAttachment?.contentType).toBe('application/pdf');
    expect(atob(consent?.sourceAttachment?.data ?? '').startsWith('%PDF')).toBe(true);

    const read = planFromFhir(fresh, { planId: plan.id }).plan;
    expect(read.signatures.map((s) => [s.role, s.planVersion, s.incompleteReason])).toEqual([
      ['clinician', version, 'First session.'],
      ['guardian', version, undefined],
    ]);
    expect(unsavedSignatures(read, fresh)).toEqual([]);
  });

  test('a plan already saved signs in one transaction, pinned to the version on record', async () => {
    const { plan, loaded } = await newPlan();
    const first = await savePlan(session.gateway, plan, loaded);
    expect(first).toMatchObject({ kind: 'sent', result: { kind: 'saved' } });
    const onRecord = await load();
    const savedVersion = carePlanOf(onRecord, plan.id).meta?.versionId;
    const gateway = failingTransaction(session.gateway, 0);

    const outcome = await savePlanWithSignatures(signed(plan, '11'), onRecord, options(gateway));

    expect(outcome).toMatchObject({ kind: 'signed', contentSaved: false, version: savedVersion });
    expect(gateway.transactions).toBe(1);
    const fresh = await load();
    const provenances = planProvenances(fresh, carePlanOf(fresh, plan.id).id ?? '');
    expect(provenances.map((p) => p.target[0]?.reference?.split('/_history/')[1])).toEqual([
      savedVersion,
      savedVersion,
    ]);
  });

  test('when the signatures’ transaction fails they stay with the plan, and a retry writes them exactly once', async () => {
    const { plan, loaded } = await newPlan();
    const working = signed(plan, '12');
    const gateway = failingTransaction(session.gateway, 2);

    const failed = await savePlanWithSignatures(working, loaded, options(gateway));

    expect(failed).toMatchObject({ kind: 'signatures-not-saved', contentSaved: true, problem: { kind: 'save' } });
    const afterFailure = await load();
    const carePlanId = carePlanOf(afterFailure, plan.id).id ?? '';
    expect(planProvenances(afterFailure, carePlanId)).toEqual([]);
    // The consent the plan started with (a draft) is this plan's only one, and it has no signed copy yet.
    const supporting = (resources: readonly fhir.FhirResource[]): string[] =>
      (carePlanOf(resources, plan.id).supportingInfo ?? []).map((r) => r.reference ?? '');
    const signedCopies = (resources: readonly fhir.FhirResource[]): fhir.Consent[] =>
      resources.filter(
        (r): r is fhir.Consent =>
          r.resourceType === 'Consent' &&
          r.sourceAttachment !== undefined &&
          supporting(resources).includes(`Consent/${r.id ?? ''}`)
      );
    expect(signedCopies(afterFailure)).toEqual([]);
    expect(unsavedSignatures(working, afterFailure).map((s) => s.role)).toEqual(['clinician', 'guardian']);

    // The retry: the content is on record, so only the signatures' transaction is sent.
    const retry = failingTransaction(session.gateway, 0);
    const outcome = await savePlanWithSignatures(working, afterFailure, options(retry));
    expect(outcome).toMatchObject({ kind: 'signed', contentSaved: false, signatures: 2 });
    expect(retry.transactions).toBe(1);
    const fresh = await load();
    expect(planProvenances(fresh, carePlanId)).toHaveLength(2);
    expect(signedCopies(fresh)).toHaveLength(1);

    // Nothing is left to sign: a further save of the plan goes the usual way and writes no signature again.
    expect(unsavedSignatures(working, fresh)).toEqual([]);
  });
});
