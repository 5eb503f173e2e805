/**
 * EHRs hold back records they treat as sensitive, and mental-health records are exactly those. Through msw (the
 * sandbox never filters): a searchset that says so (SUBSETTED nobody asked for, REDACTED or MASKED labels, an
 * OperationOutcome warning) and a server known to filter silently both make the load report "may be
 * incomplete" for the type, never a plain "none"; an ordinary empty answer from an ordinary server stays none.
 */
import type * as fhir from 'fhir/r4';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { createFetchGateway } from '../../src/fhir/fetch-gateway.ts';
import { loadPlanRecords, type PlanRecords } from '../../src/fhir/load-plan-records.ts';
import { NOTE_METADATA_ELEMENTS } from '../../src/fhir/plan-searches.ts';
import { UNKNOWN_SERVER_TRAITS, type ServerTraits } from '../../src/fhir/server-traits.ts';
import { BASE, scriptedFhir, searchset, typeOf, type Script } from './support/msw-fhir.ts';

const server = setupServer();
beforeAll(() => {
  server.listen({ onUnhandledFrame: 'error' });
});
afterEach(() => {
  server.resetHandlers();
});
afterAll(() => {
  server.close();
});

const TRAITS: ServerTraits = { ...UNKNOWN_SERVER_TRAITS, batch: 'no' };
const OBSERVATION_VALUE = 'http://terminology.hl7.org/CodeSystem/v3-ObservationValue';

const diagnosis: fhir.Condition = {
  resourceType: 'Condition',
  id: 'c1',
  code: { text: 'Major depressive disorder' },
  subject: { reference: 'Patient/p1' },
};

function warning(code: fhir.OperationOutcomeIssue['code'], diagnostics: string): fhir.BundleEntry {
  const outcome: fhir.OperationOutcome = {
    resourceType: 'OperationOutcome',
    issue: [{ severity: 'warning', code, diagnostics }],
  };
  return { resource: outcome, search: { mode: 'outcome' } };
}

/** Every search empty unless `answers` gives the type's Bundle. */
function record(answers: Partial<Record<string, fhir.Bundle>>, seen: string[] = []): Script {
  return (url) => {
    seen.push(url.search);
    return { status: 200, body: answers[typeOf(url)] ?? searchset([]) };
  };
}

async function load(script: Script, traits: ServerTraits = TRAITS, elements?: readonly string[]): Promise<PlanRecords> {
  server.use(...scriptedFhir(script));
  const gateway = createFetchGateway({ baseUrl: BASE, authorization: () => Promise.resolve('Bearer opaque') });
  return loadPlanRecords(gateway, 'p1', traits, elements === undefined ? {} : { documentElements: elements });
}

describe('records the server held back are reported as "may be incomplete", not as none', () => {
  test('an ordinary server that finds nothing is taken at its word', async () => {
    const records = await load(record({}));

    expect(records.incomplete).toEqual([]);
    expect(records.resources).toEqual([]);
  });

  test('an OperationOutcome warning in an empty searchset marks that type as possibly incomplete', async () => {
    const bundle: fhir.Bundle = {
      ...searchset([]),
      entry: [warning('suppressed', 'Some results were not shown because of their sensitivity.')],
    };

    const records = await load(record({ Condition: bundle }));

    expect(records.incomplete).toEqual([
      {
        search: 'Condition',
        reason: 'The server said: Some results were not shown because of their sensitivity.',
        withheld: true,
      },
    ]);
    expect(records.resources).toEqual([]);
  });

  test('a searchset tagged SUBSETTED that did not ask for a subset is reported, with what did arrive kept', async () => {
    const bundle: fhir.Bundle = {
      ...searchset([diagnosis]),
      meta: { tag: [{ system: OBSERVATION_VALUE, code: 'SUBSETTED' }] },
    };

    const records = await load(record({ Condition: bundle }));

    expect(records.resources.map((r) => r.id)).toEqual(['c1']);
    expect(records.incomplete).toEqual([
      { search: 'Condition', reason: 'The server says it sent only part of the results.', withheld: true },
    ]);
  });

  test('a resource labelled REDACTED or MASKED says parts were hidden', async () => {
    const masked: fhir.Condition = {
      ...diagnosis,
      meta: { security: [{ system: OBSERVATION_VALUE, code: 'MASKED' }] },
    };

    const records = await load(record({ Condition: searchset([masked]) }));

    expect(records.incomplete).toEqual([
      { search: 'Condition', reason: 'The server masked or removed parts of what it sent.', withheld: true },
    ]);
  });

  test('notes loaded without attachments on our own request are not reported as held back', async () => {
    const seen: string[] = [];
    const note: fhir.DocumentReference = {
      resourceType: 'DocumentReference',
      id: 'n1',
      status: 'current',
      content: [],
      meta: { tag: [{ system: OBSERVATION_VALUE, code: 'SUBSETTED' }] },
    };
    const bundle: fhir.Bundle = { ...searchset([note]), meta: { tag: [{ code: 'SUBSETTED' }] } };

    const records = await load(record({ DocumentReference: bundle }, seen), TRAITS, NOTE_METADATA_ELEMENTS);

    expect(seen.some((query) => query.includes('_elements='))).toBe(true);
    expect(records.incomplete).toEqual([]);
  });

  test('a server known to filter sensitive records makes each empty clinical search "may be incomplete"', async () => {
    const records = await load(record({ Condition: searchset([diagnosis]) }), {
      ...TRAITS,
      filtersSensitiveRecords: true,
    });

    const withheld = records.incomplete.filter((entry) => entry.withheld === true).map((entry) => entry.search);
    // Conditions came back; every other clinical type came back empty, which on this server proves nothing.
    expect(withheld.sort()).toEqual(
      ['CarePlan', 'DocumentReference', 'Encounter', 'Goal', 'Observation', 'Procedure', 'ServiceRequest'].sort()
    );
    expect(withheld).not.toContain('Consent');
    expect(records.incomplete.find((entry) => entry.search === 'Observation')?.reason).toMatch(
      /No Observation came back, but this server can hold back records it treats as sensitive/
    );
  });

  test('an empty search split into required categories is reported once for its type', async () => {
    const bundle: fhir.Bundle = {
      ...searchset([]),
      entry: [warning('processing', 'Resource request returns no results.')],
    };
    const traits: ServerTraits = {
      ...TRAITS,
      requiredSearchParams: { CarePlan: [{ category: 'assess-plan' }, { category: '38717003' }] },
    };

    const records = await load(record({ CarePlan: bundle }), traits);

    expect(records.incomplete).toEqual([
      { search: 'CarePlan', reason: 'The server said: Resource request returns no results.', withheld: true },
    ]);
  });
});
