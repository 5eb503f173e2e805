import { describe, expect, test } from 'vitest';
import * as plan from '../../src/plan/index.ts';
import type { CompletenessItemId, TreatmentPlan } from '../../src/plan/index.ts';
import { samplePlan, TODAY } from './plan-fixtures.ts';

function item(p: TreatmentPlan, id: CompletenessItemId): plan.CompletenessItem {
  const found = plan.checkCompleteness(p, TODAY).find((i) => i.id === id);
  if (!found) throw new Error(`no item ${id}`);
  return found;
}

describe('what insurers require', () => {
  test('the date of service: missing is a failure pointing at it', () => {
    expect(item(plan.setDateOfService(samplePlan(), null), 'date-of-service')).toMatchObject({
      group: 'insurer',
      passed: false,
      paths: ['session.dateOfService'],
    });
    expect(item(samplePlan(), 'date-of-service')).toMatchObject({ passed: true, why: 'Date of service: 2026-03-02.' });
  });

  test('start and stop time: each missing one is named', () => {
    const noEnd = plan.setSessionTimes(samplePlan(), { end: null });
    expect(item(noEnd, 'session-times')).toMatchObject({
      passed: false,
      paths: ['session.end'],
      why: 'Enter the session’s stop time.',
    });
    const neither = plan.setSessionTimes(samplePlan(), { start: null, end: null });
    expect(item(neither, 'session-times').paths).toEqual(['session.start', 'session.end']);
    expect(item(samplePlan(), 'session-times').passed).toBe(true);
  });

  test('a start time without a zone does not count as recorded', () => {
    expect(item(plan.setSessionTimes(samplePlan(), { start: '2026-03-02T10:00:00' }), 'session-times').paths).toEqual([
      'session.start',
    ]);
  });

  test('the place of service', () => {
    expect(item(plan.setPlaceOfService(samplePlan(), null), 'place-of-service')).toMatchObject({
      passed: false,
      paths: ['session.placeOfService'],
    });
    expect(item(samplePlan(), 'place-of-service').why).toBe('Place of service: Office.');
  });

  test('the client’s name and a second identifier: the MRN or the date of birth will do', () => {
    const p = samplePlan();
    const noMrn = { ...p, client: { ...p.client, identifiers: [] } };
    expect(item(noMrn, 'client-identification').passed).toBe(true);
    const nameOnly = { ...p, client: { reference: 'Patient/george', name: 'George Smith', identifiers: [] } };
    expect(item(nameOnly, 'client-identification')).toMatchObject({ passed: false, paths: ['client.identifiers'] });
    const nameless = { ...p, client: { ...p.client, name: ' ' } };
    expect(item(nameless, 'client-identification').paths).toEqual(['client.name']);
  });

  test('the provider’s name and credentials', () => {
    expect(item(plan.setSessionProvider(samplePlan(), null), 'provider-credentials')).toMatchObject({
      passed: false,
      paths: ['session.provider'],
    });
    const noCredentials = plan.setSessionProvider(samplePlan(), { name: 'Dana Rivera', credentials: [] });
    expect(item(noCredentials, 'provider-credentials')).toMatchObject({
      passed: false,
      paths: ['session.provider.credentials'],
      why: 'Add Dana Rivera’s credentials (e.g. LCSW, PhD).',
    });
    expect(item(samplePlan(), 'provider-credentials').why).toBe('Provider: Dana Rivera, LCSW.');
  });

  test('one failing item makes the plan incomplete', () => {
    expect(plan.isComplete(plan.checkCompleteness(plan.setPlaceOfService(samplePlan(), null), TODAY))).toBe(false);
  });
});
