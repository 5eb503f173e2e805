/**
 * Loading a client's plan records from the sandbox EHR over real HTTP with a real SMART token: everything
 * arrives, nothing is cut at the first page, and the round trips stay within DESIGN.md §7's budget of 2 even
 * for a client with ten years of history. Round trips are counted at `fetch`, outside the loader.
 */
import type * as fhir from 'fhir/r4';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { loadPlanRecords } from '../../src/fhir/load-plan-records.ts';
import { NOTE_METADATA_ELEMENTS } from '../../src/fhir/plan-searches.ts';
import type { ServerTraits } from '../../src/fhir/server-traits.ts';
import { launchCountedGateway, serverCount, storeInSandbox } from './support/plan-gateway.ts';
import { startTestSandbox, type TestSandbox } from './support/sandbox-fixture.ts';
import { countByType, historyBatches, tenYearHistory, TYPICAL_YEAR } from '../../tools/bench/ten-year-client.ts';

const CLIENT = 'dana-decade';
const history = tenYearHistory(CLIENT);
const TYPICAL = 'tom-typical';
const typical = tenYearHistory(TYPICAL, TYPICAL_YEAR);
/** What a load should bring: the whole record except the Patient, whom the session already has. */
const expected = countByType(history.filter((resource) => resource.resourceType !== 'Patient'));

let sandbox: TestSandbox;

beforeAll(async () => {
  // Without the seed: these clients are the whole record, so every count is known exactly.
  sandbox = await startTestSandbox({ seed: false });
  await storeInSandbox(sandbox, historyBatches([...history, ...typical]));
}, 120_000);

afterAll(async () => {
  await sandbox.close();
});

const withoutBatch = (traits: ServerTraits): ServerTraits => ({ ...traits, batch: 'no' });

describe('loading the plan records of a client with ten years of history', () => {
  test('brings every resource of every type in at most 2 round trips and 2 requests when the server has batch', async () => {
    const { gateway, counter, traits } = await launchCountedGateway(sandbox, CLIENT);
    expect(traits.batch).toBe('yes');

    const records = await loadPlanRecords(gateway, CLIENT, traits);

    expect(countByType(records.resources)).toEqual(expected);
    expect(records.incomplete).toEqual([]);
    expect(counter.count).toEqual({ requests: 2, roundTrips: 2 });
    expect({ requests: records.requests, roundTrips: records.roundTrips }).toEqual(counter.count);
  });

  test('brings the same records in at most 2 round trips with parallel GETs when the server has no batch', async () => {
    const { gateway, counter, traits } = await launchCountedGateway(sandbox, CLIENT);

    const records = await loadPlanRecords(gateway, CLIENT, withoutBatch(traits));

    expect(countByType(records.resources)).toEqual(expected);
    expect(records.incomplete).toEqual([]);
    expect(counter.count.roundTrips).toBe(2);
    // One GET per search (10), then the 5 further pages of 500 scores, the clinician the goals cite and the roles
    // of the clinicians already seen.
    expect(counter.count.requests).toBe(17);
    expect({ requests: records.requests, roundTrips: records.roundTrips }).toEqual(counter.count);
  });

  test('still takes 2 round trips when pages are small, because every remaining page is requested at once', async () => {
    const { gateway, counter, traits } = await launchCountedGateway(sandbox, CLIENT);

    const records = await loadPlanRecords(gateway, CLIENT, withoutBatch(traits), { pageSize: 100 });

    expect(countByType(records.resources)).toEqual(expected);
    expect(counter.count.roundTrips).toBe(2);
    expect(counter.count.requests).toBeGreaterThan(30);
  });

  test('loads each resource once, though clinicians come included on many pages, and notes without attachments on request', async () => {
    const { gateway, traits } = await launchCountedGateway(sandbox, CLIENT);

    const records = await loadPlanRecords(gateway, CLIENT, traits, { documentElements: NOTE_METADATA_ELEMENTS });

    const keys = records.resources.map((resource) => `${resource.resourceType}/${resource.id ?? ''}`);
    expect(new Set(keys).size).toBe(keys.length);
    const notes = records.resources.filter((r): r is fhir.DocumentReference => r.resourceType === 'DocumentReference');
    expect(notes[0]).toMatchObject({ resourceType: 'DocumentReference', status: 'current' });
    expect(notes.filter((note) => note.date === undefined)).toEqual([]);
    expect(notes.filter((note) => 'content' in note)).toEqual([]);
  });

  test('by default loads notes whole, attachments included, so that what is loaded can be saved back', async () => {
    const { gateway, traits } = await launchCountedGateway(sandbox, CLIENT);

    const records = await loadPlanRecords(gateway, CLIENT, traits);

    const notes = records.resources.filter((r): r is fhir.DocumentReference => r.resourceType === 'DocumentReference');
    expect(notes.length).toBeGreaterThan(0);
    expect(notes.filter((note) => note.content.length === 0)).toEqual([]);
    expect(notes.filter((note) => note.meta?.tag?.some((t) => t.code === 'SUBSETTED'))).toEqual([]);
  });

  test('brings the plans with their signatures and the clinicians and clinic they cite', async () => {
    const { gateway, traits } = await launchCountedGateway(sandbox, CLIENT);

    const records = await loadPlanRecords(gateway, CLIENT, traits);

    const ids = (type: string): string[] =>
      records.resources.filter((resource) => resource.resourceType === type).map((resource) => resource.id ?? '');
    expect(ids('Provenance')).toHaveLength(expected['Provenance'] ?? -1);
    expect(ids('Practitioner').sort()).toEqual([0, 1, 2, 3].map((n) => `${CLIENT}-clinician-${n}`));
    expect(ids('Location')).toEqual([`${CLIENT}-clinic-0`]);
    expect(ids('RelatedPerson')).toEqual([`${CLIENT}-relative-0`]);
  });
});

describe('loading with a token that was not granted every plan type', () => {
  test('still loads the plan, and reports the searches the token may not make as incomplete', async () => {
    const scope =
      'launch openid fhirUser patient/CarePlan.rs patient/Goal.rs patient/Condition.rs patient/Observation.rs';
    const { gateway, counter, traits } = await launchCountedGateway(sandbox, TYPICAL, scope);

    const records = await loadPlanRecords(gateway, TYPICAL, traits);

    expect(countByType(records.resources)).toMatchObject({ CarePlan: 1, Goal: 4, Condition: 3, Observation: 24 });
    expect(records.resources.filter((r) => r.resourceType === 'Consent')).toEqual([]);
    expect(records.incomplete.map((entry) => [entry.search, entry.status])).toEqual(
      expect.arrayContaining([
        ['Consent', 403],
        ['Encounter', 403],
      ])
    );
    expect(counter.count.roundTrips).toBeLessThanOrEqual(2);
  });
});

describe('loading the plan records of a typical client', () => {
  test('brings every resource in 2 round trips of one request each, and as many as the server counts', async () => {
    const { gateway, counter, traits } = await launchCountedGateway(sandbox, TYPICAL);

    const records = await loadPlanRecords(gateway, TYPICAL, traits);

    expect(countByType(records.resources)).toEqual(countByType(typical.filter((r) => r.resourceType !== 'Patient')));
    expect(records.incomplete).toEqual([]);
    // The second round trip is the clinician the goals cite, whom no _include can bring.
    expect(counter.count).toEqual({ requests: 2, roundTrips: 2 });
    for (const type of ['CarePlan', 'Goal', 'Condition', 'Observation', 'Encounter', 'Consent']) {
      const loaded = records.resources.filter((resource) => resource.resourceType === type);
      expect({ type, count: loaded.length }).toEqual({ type, count: await serverCount(gateway, type, TYPICAL) });
    }
  });
});
