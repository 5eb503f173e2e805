/**
 * A connection that drops in the middle of a save: the server may or may not have written the plan, and the app
 * cannot know. Against the in-process sandbox, whose conditional create and `If-Match` are real, a `fetch` that
 * loses the answer after the server acted (or before it saw the request) gives `unreachable`, and the retry
 * that follows, with or without reloading first, never leaves two copies of anything.
 */
import type * as fhir from 'fhir/r4';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createFetchGateway } from '../../src/fhir/fetch-gateway.ts';
import type { FhirGateway } from '../../src/fhir/gateway.ts';
import { loadPlanRecords } from '../../src/fhir/load-plan-records.ts';
import { randomIds, type TreatmentPlan } from '../../src/plan/index.ts';
import { savePlan } from '../../src/workspace/save-plan.ts';
import { startPlan } from '../../src/workspace/start-plan.ts';
import { launchCountedGateway, type CountedGateway } from './support/plan-gateway.ts';
import { startTestSandbox, type TestSandbox } from './support/sandbox-fixture.ts';

const CLIENT = 'john-doe';
let sandbox: TestSandbox;
let session: CountedGateway;

beforeAll(async () => {
  sandbox = await startTestSandbox({ seed: 'records' });
  session = await launchCountedGateway(sandbox, CLIENT);
});

afterAll(async () => {
  await sandbox.close();
});

type Drop = 'after-the-server-acted' | 'before-the-server-saw-it';

/** A gateway whose saves (POSTs to the base) lose their answer; everything else goes through. */
function droppingGateway(drop: Drop): FhirGateway {
  const dropping: typeof fetch = async (input, init) => {
    const url = input instanceof Request ? input.url : input.toString();
    const isSave = init?.method === 'POST' && url === session.gateway.baseUrl;
    if (isSave && drop === 'before-the-server-saw-it') {
      throw new TypeError('fetch failed: socket hang up');
    }
    const response = await fetch(input, init);
    if (isSave) {
      await response.arrayBuffer();
      throw new TypeError('fetch failed: connection reset by peer');
    }
    return response;
  };
  return createFetchGateway({
    baseUrl: session.gateway.baseUrl,
    authorization: () => Promise.resolve(`Bearer ${session.accessToken}`),
    fetch: dropping,
  });
}

async function load(): Promise<fhir.FhirResource[]> {
  return (await loadPlanRecords(session.gateway, CLIENT, session.traits)).resources;
}

async function newPlan(): Promise<{ plan: TreatmentPlan; loaded: fhir.FhirResource[] }> {
  const loaded = await load();
  const patient = await session.gateway.read<fhir.Patient>(`Patient/${CLIENT}`);
  const practitioner = await session.gateway.read<fhir.Practitioner>('Practitioner/sandbox-practitioner');
  const plan = startPlan({
    id: randomIds(),
    today: '2026-11-27',
    now: '2026-11-27T10:00:00-05:00',
    patient,
    practitioner,
    resources: loaded,
  });
  return { plan, loaded };
}

/** Resources on the server that carry one of the identifiers `plan`'s save wrote, counted per identifier. */
async function copiesByIdentifier(written: fhir.Bundle): Promise<Record<string, number>> {
  const onRecord = await load();
  const counts: Record<string, number> = {};
  for (const entry of written.entry ?? []) {
    const query = entry.request?.ifNoneExist;
    const type = entry.resource?.resourceType;
    if (query === undefined || type === undefined) continue;
    const value = new URLSearchParams(query).get('identifier')?.split('|').pop();
    counts[`${type} ${value ?? query}`] = onRecord.filter(
      (r) => r.resourceType === type && JSON.stringify(r).includes(`"value":"${value ?? ''}"`)
    ).length;
  }
  return counts;
}

function everyOnce(counts: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.keys(counts).map((key) => [key, 1]));
}

describe('a save whose connection drops', () => {
  test('after the server wrote it: unreachable, and a retry without reloading makes no second copy', async () => {
    const { plan, loaded } = await newPlan();

    const first = await savePlan(droppingGateway('after-the-server-acted'), plan, loaded);
    expect(first.kind === 'sent' ? first.result.kind : first.kind).toBe('unreachable');
    if (first.kind !== 'sent') throw new Error('the first save sent nothing');
    // Every create is conditional on the plan's own identifiers: that is what makes the retry safe.
    const creates = (first.request.entry ?? []).filter((entry) => entry.request?.method === 'POST');
    expect(creates.length).toBeGreaterThan(0);
    expect(creates.filter((entry) => entry.request?.ifNoneExist === undefined)).toEqual([]);
    const afterDrop = await copiesByIdentifier(first.request);
    expect(afterDrop).toEqual(everyOnce(afterDrop));

    const retry = await savePlan(session.gateway, plan, loaded);

    // The updates in the save now name a version the first attempt replaced: the retry is a conflict (the
    // workspace reloads and re-applies), never an overwrite and never a second copy of what was created.
    const updates = (first.request.entry ?? []).filter((entry) => entry.request?.method === 'PUT');
    expect(updates.map((entry) => entry.request?.ifMatch === undefined)).not.toContain(true);
    expect(retry.kind === 'sent' ? retry.result.kind : retry.kind).toBe(updates.length > 0 ? 'conflict' : 'saved');
    const afterRetry = await copiesByIdentifier(first.request);
    expect(afterRetry).toEqual(everyOnce(afterDrop));
  });

  test('after the server wrote it: reloading finds the plan, and saving again writes nothing new', async () => {
    const { plan, loaded } = await newPlan();
    const first = await savePlan(droppingGateway('after-the-server-acted'), plan, loaded);
    if (first.kind !== 'sent') throw new Error('the first save sent nothing');
    expect(first.result.kind).toBe('unreachable');

    const reloaded = await load();
    const retry = await savePlan(session.gateway, plan, reloaded);

    expect(retry.kind).toBe('nothing-to-save');
    const counts = await copiesByIdentifier(first.request);
    expect(counts).toEqual(everyOnce(counts));
  });

  test('before the server saw it: unreachable, nothing written, and the retry writes the plan once', async () => {
    const { plan, loaded } = await newPlan();

    const first = await savePlan(droppingGateway('before-the-server-saw-it'), plan, loaded);
    if (first.kind !== 'sent') throw new Error('the first save sent nothing');
    expect(first.result.kind).toBe('unreachable');
    const none = await copiesByIdentifier(first.request);
    expect(Object.values(none).every((n) => n === 0)).toBe(true);

    const retry = await savePlan(session.gateway, plan, loaded);

    expect(retry.kind === 'sent' ? retry.result.kind : retry.kind).toBe('saved');
    const counts = await copiesByIdentifier(first.request);
    expect(counts).toEqual(everyOnce(counts));
  });
});
