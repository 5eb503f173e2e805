/**
 * The people who take part in a plan (CareTeam, DESIGN.md §4) come with the plan: the CarePlan points at its
 * CareTeam, which no client-level search finds, so the loader follows that reference with the others, still
 * within two round trips. Without it a reload showed no participants, and the next save lost edits to them.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { loadPlanRecords } from '../../src/fhir/load-plan-records.ts';
import { planFromFhir } from '../../src/mapping/index.ts';
import { launchCountedGateway } from './support/plan-gateway.ts';
import { startTestSandbox, type TestSandbox } from './support/sandbox-fixture.ts';

let sandbox: TestSandbox;

beforeAll(async () => {
  sandbox = await startTestSandbox();
});

afterAll(async () => {
  await sandbox.close();
});

describe('loading a plan with participants', () => {
  test("brings John Doe's care team and his mother as a participant, in two round trips", async () => {
    const { gateway, counter, traits } = await launchCountedGateway(sandbox, 'john-doe');

    const records = await loadPlanRecords(gateway, 'john-doe', traits);

    expect(records.resources.filter((r) => r.resourceType === 'CareTeam')).toHaveLength(1);
    const { plan } = planFromFhir(records.resources);
    expect(plan.considerations.participants.map((p) => p.relationship)).not.toEqual([]);
    expect(counter.count.roundTrips).toBeLessThanOrEqual(2);
  });
});
