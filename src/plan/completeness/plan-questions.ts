/** The guide's questions about the whole plan: concerns defined, a timeline with review dates, mutual agreement. */
import { ageOn } from '../age.ts';
import { isCalendarDate } from '../calendar.ts';
import { DEFAULT_AGE_OF_MAJORITY } from '../rules/rule-violation.ts';
import type { IsoDate, SignerRole, TreatmentPlan } from '../treatment-plan.ts';
import { failed, passed, type CompletenessItem } from './completeness-item.ts';

export function concernsDefined(plan: TreatmentPlan): CompletenessItem {
  const question = 'Are the presenting concerns clearly defined?';
  const blank = plan.presentingConcerns.flatMap((c, i) =>
    c.concern.text.trim() === '' ? [`presentingConcerns[${i}].concern.text`] : []
  );
  const active = plan.presentingConcerns.filter((c) => c.status === 'active' && c.concern.text.trim() !== '');
  if (blank.length > 0) {
    return failed('concerns-defined', 'guide', question, 'Describe each presenting concern in words.', blank);
  }
  if (active.length === 0) {
    const why =
      plan.presentingConcerns.length === 0
        ? 'No presenting concern is recorded: what brings the client to treatment?'
        : 'Every presenting concern is resolved: record what the plan now addresses.';
    return failed('concerns-defined', 'guide', question, why, ['presentingConcerns']);
  }
  const count = active.length === 1 ? '1 presenting concern is' : `${active.length} presenting concerns are`;
  return passed('concerns-defined', 'guide', question, `${count} described.`);
}

export function timeline(plan: TreatmentPlan, today: IsoDate): CompletenessItem {
  const question = 'Is there a timeline with review dates?';
  const { periodStart, nextReviewDate } = plan.review;
  const missing = [
    ...(periodStart === undefined || !isCalendarDate(periodStart) ? ['review.periodStart'] : []),
    ...(nextReviewDate === undefined || !isCalendarDate(nextReviewDate) ? ['review.nextReviewDate'] : []),
  ];
  if (missing.length > 0) {
    return failed(
      'timeline',
      'guide',
      question,
      'Set when the plan period starts and when the plan will next be reviewed.',
      missing
    );
  }
  if (nextReviewDate !== undefined && nextReviewDate < today) {
    return failed('timeline', 'guide', question, `The review planned for ${nextReviewDate} is overdue.`, [
      'review.nextReviewDate',
    ]);
  }
  return passed(
    'timeline',
    'guide',
    question,
    `The plan runs from ${periodStart ?? ''} and is next reviewed on ${nextReviewDate ?? ''}.`
  );
}

/** Whether the client needs a guardian to sign for them on `on`: a minor by a known birth date. */
function isMinorOn(plan: TreatmentPlan, on: IsoDate, ageOfMajority: number): boolean {
  const birthDate = plan.client.birthDate;
  return (
    birthDate !== undefined && isCalendarDate(birthDate) && isCalendarDate(on) && ageOn(birthDate, on) < ageOfMajority
  );
}

export function mutualAgreement(
  plan: TreatmentPlan,
  today: IsoDate,
  ageOfMajority = DEFAULT_AGE_OF_MAJORITY
): CompletenessItem {
  const question = 'Did the client and the clinician agree on the plan?';
  const minor = isMinorOn(plan, today, ageOfMajority);
  const signed = (role: SignerRole): boolean => plan.signatures.some((s) => s.role === role);
  const clientSide = minor ? signed('guardian') : signed('client') || signed('guardian');
  const consent = plan.contract.consent;
  const consented = consent?.status === 'active' && consent.decision === 'permit';
  if (clientSide && signed('clinician')) {
    return passed(
      'mutual-agreement',
      'guide',
      question,
      `The clinician and the ${minor ? 'guardian' : 'client'} have signed.`
    );
  }
  if (consented) {
    return passed('mutual-agreement', 'guide', question, 'Consent to treatment is recorded; signatures can follow.');
  }
  const who = minor ? 'the client’s guardian (the client is a minor)' : 'the client';
  const missing = [signed('clinician') ? '' : 'the clinician', clientSide ? '' : who].filter(Boolean).join(' and ');
  return failed(
    'mutual-agreement',
    'guide',
    question,
    `Not yet signed by ${missing}, and no consent to treatment is recorded.`,
    ['signatures', 'contract.consent']
  );
}
