/**
 * A synthetic client with ten years of history, written as batches of PUTs with readable ids: every
 * plan resource type, thousands of scores, and references to clinicians, a clinic and a relative. Some
 * references (Goal.expressedBy) can only be followed after the first round trip, as on a real server.
 * Shared by `npm run bench` and the plan transport integration tests.
 */
import type * as fhir from 'fhir/r4';

export interface HistorySize {
  readonly carePlans: number;
  readonly goals: number;
  readonly conditions: number;
  readonly observations: number;
  readonly encounters: number;
  readonly serviceRequests: number;
  readonly documents: number;
  readonly procedures: number;
  readonly consents: number;
}

export const TEN_YEARS: HistorySize = {
  carePlans: 12,
  goals: 300,
  conditions: 200,
  observations: 3000,
  encounters: 150,
  serviceRequests: 60,
  documents: 40,
  procedures: 30,
  consents: 3,
};

/** A client a few months into treatment: one plan, a handful of goals, fortnightly scores. */
export const TYPICAL_YEAR: HistorySize = {
  carePlans: 1,
  goals: 4,
  conditions: 3,
  observations: 24,
  encounters: 12,
  serviceRequests: 3,
  documents: 12,
  procedures: 12,
  consents: 1,
};

const LOINC = 'http://loinc.org';
const SCORES = [
  { code: '44261-6', display: 'PHQ-9 total score' },
  { code: '70274-6', display: 'GAD-7 total score' },
];

/** Every resource of the client's record, keyed by nothing: ids are `${patientId}-${kind}-${n}`. */
export function tenYearHistory(patientId: string, size: HistorySize = TEN_YEARS): fhir.FhirResource[] {
  const patient = { reference: `Patient/${patientId}` };
  const id = (kind: string, n: number): string => `${patientId}-${kind}-${n}`;
  const day = (n: number, of: number): string =>
    new Date(Date.UTC(2016, 0, 1) + Math.floor((n * 3650) / Math.max(of, 1)) * 86_400_000).toISOString();
  const clinician = (n: number): fhir.Reference => ({ reference: `Practitioner/${id('clinician', n % 3)}` });
  const times = <T>(count: number, make: (n: number) => T): T[] => Array.from({ length: count }, (_, n) => make(n));

  return [
    { resourceType: 'Patient', id: patientId, name: [{ family: 'Decade', given: ['Dana'] }], gender: 'female' },
    ...times(4, (n): fhir.Practitioner => ({
      resourceType: 'Practitioner',
      id: id('clinician', n),
      name: [{ text: `Clinician ${n}` }],
    })),
    { resourceType: 'Location', id: id('clinic', 0), name: 'Riverside counselling rooms' },
    { resourceType: 'RelatedPerson', id: id('relative', 0), patient, relationship: [{ text: 'sister' }] },
    ...times(size.encounters, (n): fhir.Encounter => ({
      resourceType: 'Encounter',
      id: id('encounter', n),
      status: 'finished',
      class: { system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'AMB' },
      subject: patient,
      participant: [{ individual: clinician(n) }],
      location: [{ location: { reference: `Location/${id('clinic', 0)}` } }],
      period: { start: day(n, size.encounters) },
    })),
    ...times(size.conditions, (n): fhir.Condition => ({
      resourceType: 'Condition',
      id: id('condition', n),
      code: { text: `Concern ${n}` },
      subject: patient,
      asserter: clinician(n),
      recordedDate: day(n, size.conditions),
    })),
    ...times(size.goals, (n): fhir.Goal => ({
      resourceType: 'Goal',
      id: id('goal', n),
      lifecycleStatus: n < size.goals - 10 ? 'completed' : 'active',
      description: { text: `Goal ${n}` },
      subject: patient,
      // Goal has no reference search parameter to _include this by: it is looked up afterwards.
      expressedBy: { reference: `Practitioner/${id('clinician', 3)}` },
    })),
    ...times(size.carePlans, (n): fhir.CarePlan => ({
      resourceType: 'CarePlan',
      id: id('plan', n),
      status: n === size.carePlans - 1 ? 'active' : 'revoked',
      intent: 'plan',
      title: `Treatment plan ${n + 1}`,
      subject: patient,
      created: day(n, size.carePlans),
      goal: [{ reference: `Goal/${id('goal', size.goals - 1 - n)}` }],
    })),
    ...times(size.carePlans, (n): fhir.Provenance => ({
      resourceType: 'Provenance',
      id: id('signature', n),
      target: [{ reference: `CarePlan/${id('plan', n)}` }],
      recorded: day(n, size.carePlans),
      agent: [{ who: clinician(n) }, { who: patient }],
    })),
    ...times(size.observations, (n): fhir.Observation => {
      const score = SCORES[n % SCORES.length] ?? { code: '44261-6', display: 'PHQ-9 total score' };
      return {
        resourceType: 'Observation',
        id: id('score', n),
        status: 'final',
        category: [
          { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/observation-category', code: 'survey' }] },
        ],
        code: { coding: [{ system: LOINC, ...score }], text: score.display },
        subject: patient,
        performer: [clinician(n)],
        effectiveDateTime: day(n, size.observations),
        valueInteger: n % 27,
      };
    }),
    ...times(size.serviceRequests, (n): fhir.ServiceRequest => ({
      resourceType: 'ServiceRequest',
      id: id('intervention', n),
      status: 'completed',
      intent: 'order',
      code: { text: `Intervention ${n}` },
      subject: patient,
      requester: clinician(n),
    })),
    ...times(size.documents, (n): fhir.DocumentReference => ({
      resourceType: 'DocumentReference',
      id: id('note', n),
      status: 'current',
      type: { coding: [{ system: LOINC, code: '11506-3', display: 'Progress note' }] },
      subject: patient,
      date: day(n, size.documents),
      author: [clinician(n)],
      content: [{ attachment: { contentType: 'text/plain', data: btoa(`Session ${n}. `.repeat(200)) } }],
    })),
    ...times(size.procedures, (n): fhir.Procedure => ({
      resourceType: 'Procedure',
      id: id('session', n),
      status: 'completed',
      code: { text: 'Psychotherapy, 60 minutes' },
      subject: patient,
      performer: [{ actor: clinician(n) }],
      location: { reference: `Location/${id('clinic', 0)}` },
    })),
    ...times(size.consents, (n): fhir.Consent => ({
      resourceType: 'Consent',
      id: id('consent', n),
      status: n === size.consents - 1 ? 'active' : 'inactive',
      scope: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/consentscope', code: 'treatment' }] },
      category: [{ coding: [{ system: LOINC, code: '59284-0' }] }],
      patient,
      policyRule: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'OPTIN' }] },
      provision: {
        actor: [{ role: { text: 'witness' }, reference: { reference: `RelatedPerson/${id('relative', 0)}` } }],
      },
    })),
  ];
}

/**
 * Batch Bundles of at most `perBundle` PUTs. Batch, not transaction: Medplum's engine allows at most 50 updates
 * per transaction.
 */
export function historyBatches(resources: readonly fhir.FhirResource[], perBundle = 1000): fhir.Bundle[] {
  const bundles: fhir.Bundle[] = [];
  for (let start = 0; start < resources.length; start += perBundle) {
    bundles.push({
      resourceType: 'Bundle',
      type: 'batch',
      entry: resources.slice(start, start + perBundle).map((resource) => ({
        resource,
        request: { method: 'PUT', url: `${resource.resourceType}/${resource.id ?? ''}` },
      })),
    });
  }
  return bundles;
}

/** How many of each type, to compare a load against. */
export function countByType(resources: readonly fhir.FhirResource[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const resource of resources) {
    counts[resource.resourceType] = (counts[resource.resourceType] ?? 0) + 1;
  }
  return counts;
}
