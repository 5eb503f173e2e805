import { describe, expect, test } from 'vitest';
import {
  addPastTreatment,
  editPastTreatment,
  editPlanHeader,
  linkAssessment,
  newPastTreatment,
  removePastTreatment,
  sequentialIds,
  setDateOfService,
  setOccupation,
  setPlaceOfService,
  setPlanStatus,
  setPsychosocialHistory,
  setServiceType,
  setSessionProvider,
  setSessionTimes,
  unlinkAssessment,
} from '../../src/plan/index.ts';
import { refusal } from './plan-assertions.ts';
import { samplePlan } from './plan-fixtures.ts';

describe('the plan header', () => {
  test('editing the title and summary changes only those, sharing the untouched sections', () => {
    const before = samplePlan();
    const plan = editPlanHeader(before, { title: 'George’s plan', summary: 'CBT for recurrent depression' });
    expect(plan.title).toBe('George’s plan');
    expect(plan.summary).toBe('CBT for recurrent depression');
    expect(plan.goals).toBe(before.goals);
    expect(plan.author).toBe(before.author);
  });

  test('null clears an optional field and removes it from the plan', () => {
    const plan = editPlanHeader(samplePlan(), { author: null });
    expect('author' in plan).toBe(false);
  });

  test('a plan is put in force by setting it active', () => {
    expect(setPlanStatus(samplePlan(), 'active').status).toBe('active');
  });
});

describe('session details', () => {
  test('the date of service, start and stop times are set', () => {
    let plan = setDateOfService(samplePlan(), '2026-03-09');
    plan = setSessionTimes(plan, { start: '2026-03-09T09:00:00-05:00', end: '2026-03-09T09:50:00-05:00' });
    expect(plan.session).toMatchObject({
      dateOfService: '2026-03-09',
      start: '2026-03-09T09:00:00-05:00',
      end: '2026-03-09T09:50:00-05:00',
    });
  });

  test('the place of service and how the session was held are set together', () => {
    const place = { system: 'urn:pos', code: '10', display: 'Telehealth in patient’s home' };
    const plan = setPlaceOfService(samplePlan(), place, 'telehealth');
    expect(plan.session.placeOfService).toEqual(place);
    expect(plan.session.contactMode).toBe('telehealth');
  });

  test('setting the place alone keeps how the session was held', () => {
    const plan = setPlaceOfService(samplePlan(), { system: 'urn:pos', code: '53' });
    expect(plan.session.contactMode).toBe('in-person');
  });

  test('the provider with credentials and the kind of session are set', () => {
    const provider = { name: 'Sam Lee', credentials: ['PhD', 'LP'] };
    const plan = setServiceType(setSessionProvider(samplePlan(), provider), { system: 'urn:cpt', code: '90834' });
    expect(plan.session.provider).toEqual(provider);
    expect(plan.session.serviceType?.code).toBe('90834');
  });

  test('clearing the date of service removes it', () => {
    expect('dateOfService' in setDateOfService(samplePlan(), null).session).toBe(false);
  });
});

describe('history and assessment', () => {
  test('occupation and psychosocial history are set; blank text clears them', () => {
    const plan = setPsychosocialHistory(setOccupation(samplePlan(), 'Bus driver'), 'Grew up in foster care.');
    expect(plan.history).toMatchObject({ occupation: 'Bus driver', psychosocialHistory: 'Grew up in foster care.' });
    const cleared = setOccupation(plan, '   ');
    expect('occupation' in cleared.history).toBe(false);
  });

  test('past treatment is added, edited and removed by id', () => {
    const past = newPastTreatment(
      { treatment: 'Inpatient detox', start: '2022-01-10', end: '2022-01-17' },
      sequentialIds('past-new')
    );
    let plan = addPastTreatment(samplePlan(), past);
    expect(plan.history.treatmentHistory.at(-1)).toEqual(past);
    plan = editPastTreatment(plan, past.id, { outcome: 'Completed', provider: 'County hospital' });
    expect(plan.history.treatmentHistory.at(-1)).toMatchObject({ outcome: 'Completed', provider: 'County hospital' });
    plan = removePastTreatment(plan, past.id);
    expect(plan.history.treatmentHistory.map((t) => t.id)).toEqual(['past-1']);
  });

  test('a past treatment cannot reuse an id the plan already has', () => {
    const clash = newPastTreatment({ treatment: 'Counselling' }, () => 'goal-1-1');
    const error = refusal(() => addPastTreatment(samplePlan(), clash), 'duplicate-id');
    expect(error.related).toEqual(['goals[0]']);
  });

  test('editing a past treatment that is not there is refused', () => {
    refusal(() => editPastTreatment(samplePlan(), 'nope', { outcome: 'x' }), 'not-found');
  });

  test('a recorded score is linked as an assessment result once, and unlinked without deleting it', () => {
    let plan = linkAssessment(samplePlan(), 'm-2');
    expect(plan.history.assessmentIds).toEqual(['m-1', 'm-2']);
    expect(linkAssessment(plan, 'm-2').history.assessmentIds).toEqual(['m-1', 'm-2']);
    plan = unlinkAssessment(plan, 'm-1');
    expect(plan.history.assessmentIds).toEqual(['m-2']);
    expect(plan.progress.measurements.map((m) => m.id)).toContain('m-1');
  });

  test('only recorded measurements can be linked as assessment results', () => {
    refusal(() => linkAssessment(samplePlan(), 'm-404'), 'not-found');
    refusal(() => unlinkAssessment(samplePlan(), 'm-2'), 'not-found');
  });
});
