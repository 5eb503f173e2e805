import type * as fhir from 'fhir/r4';
import { describe, expect, test } from 'vitest';
import { RecordSet } from '../../src/fhir/record-set.ts';

const BASE = 'https://ehr.example/fhir';

describe('the loaded record set', () => {
  const goal = (versionId: string, lastUpdated: string, text: string): fhir.Goal => ({
    resourceType: 'Goal',
    id: 'g1',
    meta: { versionId, lastUpdated },
    lifecycleStatus: 'active',
    description: { text },
    subject: { reference: 'Patient/p1' },
  });

  test('keeps one resource per type and id, the newest version whichever order they arrive in', () => {
    const records = new RecordSet();
    records.add(goal('2', '2026-02-01T00:00:00Z', 'second'));
    records.add(goal('10', '2026-03-01T00:00:00Z', 'tenth'));
    records.add(goal('9', '2026-02-15T00:00:00Z', 'ninth'));
    expect(records.all()).toEqual([goal('10', '2026-03-01T00:00:00Z', 'tenth')]);
  });

  test('finds references to people and places that are not loaded, relative or absolute on this server', () => {
    const records = new RecordSet();
    records.add({ resourceType: 'Practitioner', id: 'known' });
    records.add({
      resourceType: 'Encounter',
      id: 'e1',
      status: 'finished',
      class: { code: 'AMB' },
      participant: [
        { individual: { reference: 'Practitioner/known' } },
        { individual: { reference: `${BASE}/Practitioner/new/_history/2` } },
        { individual: { reference: 'https://elsewhere.example/fhir/Practitioner/far' } },
        { individual: { reference: '#contained' } },
      ],
      location: [{ location: { reference: 'Location/room-1' } }],
      subject: { reference: 'Patient/p1' },
    });
    expect(records.missingReferences(['Practitioner', 'Location'], BASE)).toEqual([
      'Location/room-1',
      'Practitioner/new',
    ]);
  });
});
