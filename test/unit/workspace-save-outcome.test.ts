import type * as fhir from 'fhir/r4';
import { describe, expect, test } from 'vitest';
import { FhirError } from '../../src/fhir/fhir-error.ts';
import { changedRecords } from '../../src/workspace/changed-records.ts';
import { saveView } from '../../src/workspace/save-outcome.ts';
import { fieldCandidates, sectionOfExpression, sectionOfPath } from '../../src/workspace/sections.ts';

const CARE_PLAN: fhir.CarePlan = {
  resourceType: 'CarePlan',
  status: 'active',
  intent: 'plan',
  subject: { reference: 'Patient/p1' },
};
const GOAL: fhir.Goal = {
  resourceType: 'Goal',
  lifecycleStatus: 'active',
  description: { text: 'Sleep better' },
  subject: { reference: 'Patient/p1' },
};

const REQUEST: fhir.Bundle = {
  resourceType: 'Bundle',
  type: 'transaction',
  entry: [
    {
      fullUrl: 'http://ehr.example/fhir/CarePlan/cp1',
      resource: CARE_PLAN,
      request: { method: 'PUT', url: 'CarePlan/cp1', ifMatch: 'W/"3"' },
    },
    {
      fullUrl: 'urn:uuid:0b8f2f1e-1111-4c4c-8888-000000000001',
      resource: GOAL,
      request: { method: 'POST', url: 'Goal', ifNoneExist: 'identifier=urn:x|g1' },
    },
  ],
};

describe('what the workspace shows after a save', () => {
  test('a conflict names the record someone else changed', () => {
    const view = saveView(
      { kind: 'conflict', status: 412, outcome: undefined, entryIndex: 0, written: 'nothing' },
      REQUEST
    );
    expect(view).toEqual({ kind: 'conflict', changed: ['the plan itself (CarePlan/cp1)'] });
  });

  test('a conflict the server did not place still says the plan changed', () => {
    const view = saveView({ kind: 'conflict', status: 409, outcome: undefined, written: 'nothing' }, REQUEST);
    expect(view).toEqual({ kind: 'conflict', changed: [] });
  });

  test('a rejected save lists each issue with its FHIRPath and the section that fixes it', () => {
    const view = saveView(
      {
        kind: 'rejected',
        status: 422,
        outcome: undefined,
        written: 'nothing',
        issues: [
          { message: 'Target needs a measure', expression: 'Goal.target[0].measure', severity: 'error' },
          { message: 'Bad status', entryIndex: 0, severity: 'error' },
          { message: 'Something else', severity: 'error' },
        ],
      },
      REQUEST
    );
    expect(view).toEqual({
      kind: 'rejected',
      status: 422,
      partly: false,
      issues: [
        { message: 'Target needs a measure', expression: 'Goal.target[0].measure', section: 'goals' },
        { message: 'Bad status', section: 'review' },
        { message: 'Something else' },
      ],
    });
  });

  test('a rejection without issues still says what happened', () => {
    const view = saveView(
      { kind: 'rejected', status: 500, outcome: undefined, issues: [], written: 'nothing' },
      REQUEST
    );
    expect(view.kind === 'rejected' ? view.issues : []).toEqual([
      { message: 'The server refused the save (HTTP 500).' },
    ]);
  });

  test('an expired token becomes "session expired", and no answer keeps the reason', () => {
    expect(saveView({ kind: 'unauthorized', outcome: undefined }, REQUEST)).toEqual({ kind: 'expired' });
    const error = new FhirError(0, 'http://ehr.example/fhir', 'The server did not answer.');
    expect(saveView({ kind: 'unreachable', error }, REQUEST)).toEqual({ kind: 'unreachable', message: error.message });
  });

  test('plan paths and FHIRPaths find their sections', () => {
    expect(sectionOfPath('goals[1].objectives[0].targets[0].value')).toBe('goals');
    expect(sectionOfPath('contract.consent.status')).toBe('contract');
    expect(sectionOfPath('client.identifiers')).toBe('history');
    expect(sectionOfExpression('Condition.code')).toBe('diagnoses');
    expect(sectionOfExpression('Patient.name')).toBeUndefined();
  });
});

describe('finding the field that fixes a path', () => {
  test('the field comes first, then its enclosing parts, then the section heading', () => {
    expect(fieldCandidates('goals[1].objectives')).toEqual([
      'plan-field-goals-1-objectives',
      'plan-field-goals-1-objectives-description',
      'plan-field-goals-1',
      'plan-field-goals-1-description',
      'plan-field-goals',
      'plan-field-goals-description',
      'plan-section-goals-heading',
    ]);
  });
});

describe('telling which record changed after a conflict', () => {
  test('a record the save meant to update whose version moved on is named; unchanged ones are not', () => {
    const moved = { ...CARE_PLAN, id: 'cp1', meta: { versionId: '4' } };
    const same = { ...CARE_PLAN, id: 'cp1', meta: { versionId: '3' } };
    expect(changedRecords(REQUEST, [moved])).toEqual(['the plan itself (CarePlan/cp1)']);
    expect(changedRecords(REQUEST, [same])).toEqual([]);
    expect(changedRecords(REQUEST, [])).toEqual([]);
  });
});
