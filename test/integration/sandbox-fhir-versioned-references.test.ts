/**
 * A record that points at one version of another (a signature's Provenance.target `CarePlan/1/_history/2`) is found
 * by a search on the plain reference and by `_revinclude`, as on servers that index references without their
 * version; the pinned reference itself still matches, and another record's reference does not.
 */
import type * as fhir from 'fhir/r4';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { FhirGateway } from '../../src/fhir/gateway.ts';
import { launchCountedGateway } from './support/plan-gateway.ts';
import { startTestSandbox, type TestSandbox } from './support/sandbox-fixture.ts';

let sandbox: TestSandbox;
let gateway: FhirGateway;
let planAt = '';
let pinned = '';

beforeAll(async () => {
  sandbox = await startTestSandbox({ seed: 'records' });
  gateway = (await launchCountedGateway(sandbox, 'john-doe')).gateway;
  const plan = await gateway.request<fhir.CarePlan>({
    method: 'POST',
    url: 'CarePlan',
    body: { resourceType: 'CarePlan', status: 'active', intent: 'plan', subject: { reference: 'Patient/john-doe' } },
  });
  planAt = `CarePlan/${plan.body?.id ?? ''}`;
  pinned = `${planAt}/_history/${plan.body?.meta?.versionId ?? ''}`;
  await gateway.request({
    method: 'POST',
    url: 'Provenance',
    body: {
      resourceType: 'Provenance',
      target: [{ reference: pinned }],
      recorded: '2026-11-27T10:00:00-05:00',
      agent: [{ who: { display: 'Dana Rivera' } }],
    },
  });
});

afterAll(async () => {
  await sandbox.close();
});

async function typesFound(url: string): Promise<string[]> {
  const { body } = await gateway.request<fhir.Bundle>({ method: 'GET', url });
  return (body?.entry ?? []).map((entry) => entry.resource?.resourceType ?? '');
}

describe('a version-specific reference', () => {
  test('is found by a search on the plain reference and on the pinned one', async () => {
    expect(await typesFound(`Provenance?target=${planAt}`)).toEqual(['Provenance']);
    expect(await typesFound(`Provenance?target=${pinned}`)).toEqual(['Provenance']);
  });

  test('is not found by a search on another record', async () => {
    expect(await typesFound('Provenance?target=CarePlan/another-plan')).toEqual([]);
  });

  test('comes with the plan it points at through _revinclude', async () => {
    expect(await typesFound('CarePlan?patient=john-doe&_revinclude=Provenance:target')).toEqual([
      'CarePlan',
      'Provenance',
    ]);
  });
});
