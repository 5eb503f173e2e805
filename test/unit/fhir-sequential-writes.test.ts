/**
 * The sequential transport against a FHIR server in memory that behaves in the ways the sandbox does not: empty
 * 201s with only a Location, 409 on a stale version, `If-None-Exist` ignored. Every outcome is a SaveResult.
 */
import type * as fhir from 'fhir/r4';
import { describe, expect, it } from 'vitest';
import { FhirError } from '../../src/fhir/fhir-error.ts';
import type { FhirGateway } from '../../src/fhir/gateway.ts';
import { saveInSequence } from '../../src/fhir/sequential-writes.ts';
import { memoryFhirServer, type MemoryServer } from '../support/memory-fhir-server.ts';

const SYSTEM = 'https://treatment-plan.example.org/fhir/sid/record-id';
const urn = (n: number): string => `urn:uuid:00000000-0000-4000-8000-00000000000${n}`;
const ids = (key: string): fhir.Identifier[] => [{ system: SYSTEM, value: key }];
const query = (key: string): string => `identifier=${encodeURIComponent(`${SYSTEM}|${key}`)}`;
const patient = { reference: 'Patient/p1' };

/** A goal with one score that names it (a cycle), a condition the goal addresses, and the plan listing all. */
function newPlan(): fhir.Bundle {
  const create = (n: number, resource: fhir.FhirResource, key: string): fhir.BundleEntry => ({
    fullUrl: urn(n),
    resource,
    request: { method: 'POST', url: resource.resourceType, ifNoneExist: query(key) },
  });
  return {
    resourceType: 'Bundle',
    type: 'transaction',
    entry: [
      create(
        1,
        { resourceType: 'Condition', identifier: ids('concern'), subject: patient, code: { text: 'Low mood' } },
        'concern'
      ),
      create(
        2,
        {
          resourceType: 'Goal',
          identifier: ids('goal'),
          lifecycleStatus: 'active',
          description: { text: 'Mild range' },
          subject: patient,
          addresses: [{ reference: urn(1) }],
          outcomeReference: [{ reference: urn(3) }],
        },
        'goal'
      ),
      create(
        3,
        {
          resourceType: 'Observation',
          identifier: ids('score'),
          status: 'final',
          code: { text: 'PHQ-9' },
          subject: patient,
          focus: [{ reference: urn(2) }],
          valueQuantity: { value: 12 },
        },
        'score'
      ),
      create(
        4,
        {
          resourceType: 'CarePlan',
          identifier: ids('plan'),
          status: 'active',
          intent: 'plan',
          subject: patient,
          addresses: [{ reference: urn(1) }],
          goal: [{ reference: urn(2) }],
        },
        'plan'
      ),
    ],
  };
}

function held<T extends fhir.FhirResource['resourceType']>(server: MemoryServer, type: T) {
  return server.records.filter((r) => r.resourceType === type) as Extract<fhir.FhirResource, { resourceType: T }>[];
}

/** A gateway whose `step`-th create or update is answered by `fail` instead of the server. */
function failing(server: FhirGateway, step: number, fail: () => FhirError, after = false): FhirGateway {
  let writes = 0;
  return {
    ...server,
    request: async (request) => {
      if (request.method === 'POST' || request.method === 'PUT') writes += 1;
      if (writes !== step || request.method === 'GET') return server.request(request);
      if (after) await server.request(request);
      throw fail();
    },
  };
}

describe('saving in sequence', () => {
  it('reads ids from Location when creates answer 201 with no body, and links the records with them', async () => {
    const server = memoryFhirServer({ emptyBodies: true });
    const saved = await saveInSequence(server, newPlan());

    expect(saved.result.kind).toBe('saved');
    const [condition] = held(server, 'Condition');
    const [goal] = held(server, 'Goal');
    const [score] = held(server, 'Observation');
    const [plan] = held(server, 'CarePlan');
    expect(plan?.goal).toEqual([{ reference: `Goal/${goal?.id ?? ''}` }]);
    expect(plan?.addresses).toEqual([{ reference: `Condition/${condition?.id ?? ''}` }]);
    expect(score?.focus).toEqual([{ reference: `Goal/${goal?.id ?? ''}` }]);
    expect(goal?.outcomeReference).toEqual([{ reference: `Observation/${score?.id ?? ''}` }]);
    // The goal was created without the score, then updated on the version its create's Location named.
    const goalPut = server.received.find((r) => r.method === 'PUT');
    expect(goalPut).toMatchObject({ url: `Goal/${goal?.id ?? ''}`, headers: { 'If-Match': 'W/"1"' } });
    expect(saved.requests).toBe(5);
    expect(server.received).toHaveLength(5);
  });

  it('answers with where each entry landed, in the order of the request', async () => {
    const server = memoryFhirServer();
    const saved = await saveInSequence(server, newPlan());
    if (saved.result.kind !== 'saved') throw new Error(saved.result.kind);

    const [goal] = held(server, 'Goal');
    expect(saved.result.locations.map((l) => [l.entryIndex, l.status])).toEqual([
      [0, '201 Created'],
      [1, '201 Created'],
      [2, '201 Created'],
      [3, '201 Created'],
    ]);
    expect(saved.result.locations[1]).toMatchObject({
      fullUrl: urn(2),
      location: `Goal/${goal?.id ?? ''}/_history/2`,
      etag: 'W/"2"',
    });
    expect(saved.result.response.entry?.[1]?.resource).toEqual(goal);
  });

  it('calls a 409 on a stale If-Match a conflict, names the entry, and says part of the save is written', async () => {
    const server = memoryFhirServer({ conflictStatus: 409 });
    const goal = server.put<fhir.Goal>({
      resourceType: 'Goal',
      id: 'g1',
      lifecycleStatus: 'active',
      description: { text: 'Old' },
      subject: patient,
    });
    server.put({ ...goal, description: { text: 'Changed elsewhere' } });
    const mine: fhir.Goal = { ...goal, description: { text: 'Mine' }, addresses: [{ reference: urn(1) }] };
    const bundle = newPlan();
    bundle.entry?.push({
      fullUrl: 'Goal/g1',
      resource: mine,
      request: { method: 'PUT', url: 'Goal/g1', ifMatch: 'W/"1"' },
    });

    const saved = await saveInSequence(server, bundle);

    expect(saved.result).toMatchObject({ kind: 'conflict', status: 409, entryIndex: 4, written: 'some' });
    expect(held(server, 'Goal').find((g) => g.id === 'g1')?.description.text).toBe('Changed elsewhere');
  });

  it('after an update whose answer was lost, a retry on the same versions finds its own write and finishes', async () => {
    const server = memoryFhirServer({ conflictStatus: 409 });
    const goal = server.put<fhir.Goal>({
      resourceType: 'Goal',
      id: 'g1',
      lifecycleStatus: 'active',
      description: { text: 'Old' },
      subject: patient,
    });
    const mine: fhir.Goal = { ...goal, description: { text: 'Mine' } };
    const bundle = newPlan();
    bundle.entry?.splice(1, 0, {
      fullUrl: 'Goal/g1',
      resource: mine,
      request: { method: 'PUT', url: 'Goal/g1', ifMatch: 'W/"1"' },
    });
    const lost = failing(server, 2, () => new FhirError(0, 'Goal/g1', 'connection dropped'), true);

    const first = await saveInSequence(lost, bundle);
    const retry = await saveInSequence(server, bundle);

    expect(first.result.kind).toBe('unreachable');
    expect(retry.result.kind).toBe('saved');
    expect(held(server, 'Goal').find((g) => g.id === 'g1')?.description.text).toBe('Mine');
    expect(held(server, 'Condition')).toHaveLength(1);
  });

  it('on a retry, reads what an earlier attempt created when the server answers without a body, and leaves it', async () => {
    const server = memoryFhirServer({ emptyBodies: true });
    const broken = failing(server, 5, () => new FhirError(500, 'CarePlan', 'Server error'));

    const first = await saveInSequence(broken, newPlan());
    const before = server.received.length;
    const retry = await saveInSequence(server, newPlan());

    expect(first.result).toMatchObject({ kind: 'rejected', written: 'some' });
    expect(retry.result.kind).toBe('saved');
    const retried = server.received.slice(before).filter((r) => r.method !== 'GET');
    expect(retried.map((r) => `${r.method} ${r.url}`)).toEqual([
      'POST Condition',
      'POST Goal',
      'POST Observation',
      'POST CarePlan',
    ]);
    expect(server.records.map((r) => `${r.resourceType} ${r.meta?.versionId ?? ''}`)).toEqual([
      'Condition 1',
      'Goal 2',
      'Observation 1',
      'CarePlan 1',
    ]);
  });

  it('searches before each create where the server ignores If-None-Exist, so a retry duplicates nothing', async () => {
    const server = memoryFhirServer({ ignoresIfNoneExist: true });
    const broken = failing(server, 3, () => new FhirError(500, 'Observation', 'Server error'));
    const options = { conditionalCreate: () => false };

    const first = await saveInSequence(broken, newPlan(), options);
    const retry = await saveInSequence(server, newPlan(), options);

    expect(first.result).toMatchObject({ kind: 'rejected', status: 500, written: 'some' });
    expect(retry.result.kind).toBe('saved');
    expect(server.records.map((r) => r.resourceType).sort()).toEqual(['CarePlan', 'Condition', 'Goal', 'Observation']);
    expect(server.received.filter((r) => r.method === 'GET' && r.url.startsWith('Condition?'))).toHaveLength(2);
  });

  it('refuses to pick one when a create’s identifier matches several records, and says so in words', async () => {
    const server = memoryFhirServer();
    const twin = { resourceType: 'Condition', identifier: ids('concern'), subject: patient } as const;
    server.put({ ...twin, id: 'c1' });
    server.put({ ...twin, id: 'c2' });

    const saved = await saveInSequence(server, newPlan());

    expect(saved.result).toMatchObject({ kind: 'rejected', status: 412, written: 'nothing' });
    if (saved.result.kind !== 'rejected') throw new Error(saved.result.kind);
    expect(saved.result.issues[0]).toMatchObject({ entryIndex: 0 });
    expect(saved.result.issues[0]?.message).toMatch(/More than one Condition/);
  });

  it('says unauthorized on a 401, and nothing written when the first request fails', async () => {
    const server = memoryFhirServer();
    const expired = failing(server, 1, () => new FhirError(401, 'Condition', 'expired'));
    const refused = failing(server, 1, () => new FhirError(500, 'Condition', 'Server error'));

    expect((await saveInSequence(expired, newPlan())).result).toMatchObject({ kind: 'unauthorized' });
    const saved = await saveInSequence(refused, newPlan());
    expect(saved.result).toMatchObject({ kind: 'rejected', status: 500, written: 'nothing' });
    expect(saved.landed).toEqual([]);
    expect(server.records).toEqual([]);
  });

  it('says the EHR narrowed its permissions when a write gets 403 insufficient_scope, naming the refused entry', async () => {
    const server = memoryFhirServer();
    const scopeTrimmed = (): FhirError =>
      new FhirError(403, 'Goal', 'Forbidden', undefined, { challenge: 'Bearer error="insufficient_scope"' });

    const saved = await saveInSequence(failing(server, 2, scopeTrimmed), newPlan());

    expect(saved.result).toMatchObject({
      kind: 'rejected',
      status: 403,
      refusal: 'insufficient-scope',
      written: 'some',
    });
    if (saved.result.kind !== 'rejected') throw new Error(saved.result.kind);
    expect(saved.result.issues[0]).toMatchObject({ entryIndex: 1 });
    expect(saved.result.issues[0]?.message).toMatch(/permission granted at sign-in was narrowed/);
  });

  it('lists what landed before a failure, so the workspace can say what was written', async () => {
    const server = memoryFhirServer();
    const refused = failing(server, 4, () => new FhirError(422, 'Observation', 'Unprocessable'));

    const saved = await saveInSequence(refused, newPlan());

    expect(saved.result).toMatchObject({ kind: 'rejected', status: 422, written: 'some' });
    expect(saved.landed.map((l) => l.fullUrl)).toEqual([urn(1), urn(2), urn(3)]);
    // The plan was not written, so nothing the clinician sees points at what is missing.
    expect(held(server, 'CarePlan')).toEqual([]);
  });
});
