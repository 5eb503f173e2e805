import type * as fhir from 'fhir/r4';
import { describe, expect, test } from 'vitest';
import { planSearches } from '../../src/fhir/plan-searches.ts';
import {
  canSearchById,
  includeValues,
  revIncludeValues,
  serverTraits,
  supports,
  UNKNOWN_SERVER_TRAITS,
} from '../../src/fhir/server-traits.ts';
import { capabilityStatement } from '../../src/sandbox/fhir/capability-statement.ts';

const sandbox = serverTraits(capabilityStatement('http://localhost:4010/fhir'));

/** Shaped like an EHR's public R4 API: read and search only, no batch, no includes, conflicts unknown. */
const readOnlyEhr: fhir.CapabilityStatement = {
  resourceType: 'CapabilityStatement',
  status: 'active',
  date: '2026-01-01',
  kind: 'instance',
  fhirVersion: '4.0.1',
  format: ['json'],
  rest: [
    {
      mode: 'server',
      resource: (['CarePlan', 'Goal', 'Observation', 'Condition'] as const).map(
        (type): fhir.CapabilityStatementRestResource => ({
          type,
          interaction: [{ code: 'read' }, { code: 'search-type' }],
          searchParam: [{ name: 'patient', type: 'reference' }],
          ...(type === 'Condition'
            ? { interaction: [{ code: 'read' }, { code: 'search-type' }, { code: 'create' }] }
            : {}),
        })
      ),
    },
  ],
};

/** Batch and transaction, but no `_include` or `_revinclude` advertised. */
const noIncludes: fhir.CapabilityStatement = {
  ...readOnlyEhr,
  rest: [
    {
      mode: 'server',
      interaction: [{ code: 'batch' }, { code: 'transaction' }],
      resource: [
        {
          type: 'CarePlan',
          interaction: [{ code: 'search-type' }, { code: 'update' }],
          conditionalCreate: true,
          versioning: 'versioned-update',
        },
      ],
    },
  ],
};

describe('server traits from the sandbox CapabilityStatement', () => {
  test('say it has batch and transaction, and every plan type can be searched, created and updated', () => {
    expect(sandbox.batch).toBe('yes');
    expect(sandbox.transaction).toBe('yes');
    for (const type of ['CarePlan', 'Goal', 'Condition', 'Observation', 'Consent', 'Provenance', 'DocumentReference']) {
      expect([type, supports(sandbox, type, 'search-type'), supports(sandbox, type, 'create')]).toEqual([
        type,
        'yes',
        'yes',
      ]);
      expect(sandbox.types?.[type]).toMatchObject({ conditionalCreate: true, versionedUpdate: true });
    }
  });

  test('offer the includes a plan needs: clinicians and places by _include, signatures by _revinclude', () => {
    expect(includeValues(sandbox, 'Encounter:location')).toEqual(['Encounter:location']);
    expect(includeValues(sandbox, 'Observation:performer')).toEqual(['Observation:performer']);
    expect(revIncludeValues(sandbox, 'CarePlan', 'Provenance:target')).toEqual(['Provenance:target']);
    expect(canSearchById(sandbox, 'Practitioner')).toBe(true);
  });

  test('treat both 409 and 412 as a conflict, because a CapabilityStatement cannot say which', () => {
    expect(sandbox.conflictStatuses).toEqual([409, 412]);
  });
});

describe('server traits from other statements', () => {
  test('a statement without batch or transaction says no to both, and unlisted interactions are unsupported', () => {
    const traits = serverTraits(readOnlyEhr);
    expect([traits.batch, traits.transaction]).toEqual(['no', 'no']);
    expect(supports(traits, 'CarePlan', 'update')).toBe('no');
    expect(supports(traits, 'Condition', 'create')).toBe('yes');
    expect(supports(traits, 'Consent', 'search-type')).toBe('no');
    expect(canSearchById(traits, 'Goal')).toBe(false);
  });

  test('a statement without includes gets plain searches, and types it cannot search are listed apart', () => {
    const traits = serverTraits(noIncludes);
    expect(includeValues(traits, 'CarePlan:performer')).toEqual([]);
    expect(revIncludeValues(traits, 'CarePlan', 'Provenance:target')).toEqual([]);

    const planned = planSearches('p1', traits, { pageSize: 500, requestTotal: true, documentElements: 'all' });

    expect(planned.searches.map((search) => search.url)).toEqual(['CarePlan?patient=p1&_count=500&_total=accurate']);
    expect(planned.unsearchable).toContain('Observation');
    expect(planned.provenanceIncluded).toBe(false);
  });

  test('typed include values are used when only those are advertised, and * allows any', () => {
    const typed = serverTraits({
      ...noIncludes,
      rest: [
        {
          mode: 'server',
          resource: [
            { type: 'Encounter', searchInclude: ['Encounter:participant:Practitioner'] },
            { type: 'Condition', searchInclude: ['*'] },
          ],
        },
      ],
    });
    expect(includeValues(typed, 'Encounter:participant')).toEqual(['Encounter:participant:Practitioner']);
    expect(includeValues(typed, 'Condition:asserter')).toEqual(['Condition:asserter']);
  });

  test('no statement at all leaves everything unknown: no batch assumed, no includes sent, both conflicts', () => {
    expect(serverTraits(undefined)).toBe(UNKNOWN_SERVER_TRAITS);
    expect(supports(UNKNOWN_SERVER_TRAITS, 'CarePlan', 'search-type')).toBe('unknown');
    expect(includeValues(UNKNOWN_SERVER_TRAITS, 'Encounter:location')).toEqual([]);
    const planned = planSearches('p1', UNKNOWN_SERVER_TRAITS, {
      pageSize: 50,
      requestTotal: false,
      documentElements: ['status'],
    });
    expect(planned.searches).toHaveLength(10);
    expect(planned.searches.find((s) => s.resourceType === 'DocumentReference')?.url).toBe(
      'DocumentReference?patient=p1&_count=50&_elements=status'
    );
  });
});
