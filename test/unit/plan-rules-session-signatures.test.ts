import { describe, expect, test } from 'vitest';
import {
  checkPlanRules,
  newSignature,
  sequentialIds,
  type Signature,
  type TreatmentPlan,
} from '../../src/plan/index.ts';
import { violations } from './plan-assertions.ts';
import { samplePlan, signedPlan } from './plan-fixtures.ts';

const ids = sequentialIds('sig-new');

describe('session times', () => {
  const withTimes = (start: string, end: string): TreatmentPlan => ({
    ...samplePlan(),
    session: { ...samplePlan().session, start, end },
  });

  test('start and end fall on the date of service, in their own time zone', () => {
    const broken = withTimes('2026-03-01T23:30:00-05:00', '2026-03-03T00:10:00-05:00');
    expect(violations(broken, 'session-times-on-date').map((v) => v.path)).toEqual(['session.start', 'session.end']);
    // 23:30 in New York on the 2nd is the 3rd in UTC: still the date of service where it happened.
    expect(
      violations(withTimes('2026-03-02T23:00:00-05:00', '2026-03-02T23:50:00-05:00'), 'session-times-on-date')
    ).toEqual([]);
  });

  test('the session ends after it starts', () => {
    expect(
      violations(withTimes('2026-03-02T10:00:00-05:00', '2026-03-02T09:00:00-05:00'), 'session-end-after-start').map(
        (v) => v.path
      )
    ).toEqual(['session.end']);
    expect(
      violations(withTimes('2026-03-02T10:00:00-05:00', '2026-03-02T10:00:00-05:00'), 'session-end-after-start')
    ).toHaveLength(1);
    expect(violations(samplePlan(), 'session-end-after-start')).toEqual([]);
  });
});

describe('review every 1 to 6 months', () => {
  const reviewedOn = (nextReviewDate: string): TreatmentPlan => ({
    ...samplePlan(),
    review: { periodStart: '2026-01-31', nextReviewDate },
  });

  test('a next review on or before the period start is an error', () => {
    expect(violations(reviewedOn('2026-01-31'), 'review-interval')).toEqual([
      expect.objectContaining({ severity: 'error', path: 'review.nextReviewDate' }),
    ]);
  });

  test('a review sooner than a month or later than six months is a warning', () => {
    expect(violations(reviewedOn('2026-02-27'), 'review-interval')).toEqual([
      expect.objectContaining({ severity: 'warning', path: 'review.nextReviewDate' }),
    ]);
    expect(violations(reviewedOn('2026-08-01'), 'review-interval')[0]?.severity).toBe('warning');
  });

  test('exactly one month (the end of a short month) and exactly six months are within the window', () => {
    expect(violations(reviewedOn('2026-02-28'), 'review-interval')).toEqual([]);
    expect(violations(reviewedOn('2026-07-31'), 'review-interval')).toEqual([]);
  });
});

describe('who signs', () => {
  const sign = (
    role: Signature['role'],
    name: string,
    reference?: string,
    signedAt = '2026-03-02T10:53:00-05:00'
  ): Signature => newSignature({ role, signer: reference ? { reference, name } : { name }, signedAt }, ids);
  const teen = (signatures: Signature[], birthDate = '2010-06-15'): TreatmentPlan => ({
    ...samplePlan(),
    client: { ...samplePlan().client, birthDate },
    signatures,
  });

  test('a client who is a minor on the signing day needs a guardian’s signature as well', () => {
    const broken = teen([sign('clinician', 'Dana Rivera'), sign('client', 'George Smith', 'Patient/george')]);
    expect(violations(broken, 'guardian-signature-for-minor')).toEqual([
      {
        path: 'signatures[1]',
        severity: 'error',
        message: 'The client was 15 when signing on 2026-03-02, so a parent or guardian must sign as well.',
      },
    ]);
    expect(
      violations(teen([...broken.signatures, sign('guardian', 'Ana Smith')]), 'guardian-signature-for-minor')
    ).toEqual([]);
  });

  test('a guardian may sign instead of a minor client', () => {
    expect(checkPlanRules(teen([sign('clinician', 'Dana Rivera'), sign('guardian', 'Ana Smith')]))).toEqual([]);
  });

  test('the client who turns 18 on the signing day signs alone; the age of majority can be set', () => {
    expect(violations(teen([sign('client', 'George Smith')], '2008-03-02'), 'guardian-signature-for-minor')).toEqual(
      []
    );
    expect(
      violations(teen([sign('client', 'George Smith')], '2008-03-03'), 'guardian-signature-for-minor')
    ).toHaveLength(1);
    expect(
      checkPlanRules(teen([sign('client', 'George Smith')]), { ageOfMajority: 14 }).map((v) => v.rule)
    ).not.toContain('guardian-signature-for-minor');
  });

  test('a guardian signing for an adult is a warning', () => {
    const adult = { ...signedPlan(), signatures: [...signedPlan().signatures, sign('guardian', 'Ana Smith')] };
    expect(violations(adult, 'guardian-signature-for-adult')).toEqual([
      expect.objectContaining({ path: 'signatures[2]', severity: 'warning' }),
    ]);
  });

  test('the client’s signature is the client’s', () => {
    const wrong = { ...samplePlan(), signatures: [sign('client', 'Anne Smith', 'RelatedPerson/anne')] };
    expect(violations(wrong, 'client-signature-signer').map((v) => v.path)).toEqual(['signatures[0].signer']);
    expect(violations(signedPlan(), 'client-signature-signer')).toEqual([]);
  });

  test('a supervisor co-signs a clinician: alone it is a warning', () => {
    const alone = { ...samplePlan(), signatures: [sign('supervisor', 'Pat Kim')] };
    expect(violations(alone, 'supervisor-cosigns')).toEqual([
      expect.objectContaining({ severity: 'warning', path: 'signatures[0]' }),
    ]);
    expect(
      violations(
        { ...signedPlan(), signatures: [...signedPlan().signatures, sign('supervisor', 'Pat Kim')] },
        'supervisor-cosigns'
      )
    ).toEqual([]);
  });
});
