/** Every date and date-time in a plan with its path, so one rule can check them all. Keep in step with the model. */
import { goalLikesOf } from '../ids.ts';
import type { TreatmentPlan } from '../treatment-plan.ts';

export interface DateField {
  readonly path: string;
  readonly value: string;
  /** `date`: `YYYY-MM-DD`; `datetime`: with time and zone offset. */
  readonly kind: 'date' | 'datetime';
}

/** A period's two ends, for the "ends after it starts" rule. */
export interface PeriodFields {
  readonly what: string;
  readonly start?: string;
  readonly end?: string;
  readonly endPath: string;
}

export function dateFieldsOf(plan: TreatmentPlan): DateField[] {
  const fields: DateField[] = [];
  const date = (path: string, value: string | undefined): void => {
    if (value !== undefined) fields.push({ path, value, kind: 'date' });
  };
  const dateTime = (path: string, value: string | undefined): void => {
    if (value !== undefined) fields.push({ path, value, kind: 'datetime' });
  };
  dateTime('created', plan.created);
  date('client.birthDate', plan.client.birthDate);
  date('session.dateOfService', plan.session.dateOfService);
  dateTime('session.start', plan.session.start);
  dateTime('session.end', plan.session.end);
  plan.history.treatmentHistory.forEach((t, i) => {
    date(`history.treatmentHistory[${i}].start`, t.start);
    date(`history.treatmentHistory[${i}].end`, t.end);
  });
  plan.presentingConcerns.forEach((c, i) => {
    date(`presentingConcerns[${i}].onset.date`, c.onset?.date);
  });
  plan.diagnoses.forEach((d, i) => {
    date(`diagnoses[${i}].onset.date`, d.onset?.date);
    date(`diagnoses[${i}].abatement`, d.abatement);
  });
  const consent = plan.contract.consent;
  if (consent) {
    dateTime('contract.consent.dateTime', consent.dateTime);
    date('contract.consent.start', consent.start);
    date('contract.consent.end', consent.end);
    dateTime('contract.consent.document.creation', consent.document?.creation);
  }
  date('schedule.startDate', plan.schedule.startDate);
  date('schedule.targetEndDate', plan.schedule.targetEndDate);
  for (const { item, path } of goalLikesOf(plan)) {
    date(`${path}.statusDate`, item.statusDate);
    date(`${path}.startDate`, item.startDate);
    item.targets.forEach((t, i) => {
      date(`${path}.targets[${i}].dueDate`, t.dueDate);
    });
  }
  plan.interventions.forEach((intervention, i) => {
    date(`interventions[${i}].start`, intervention.start);
    date(`interventions[${i}].end`, intervention.end);
  });
  plan.progress.measurements.forEach((m, i) => {
    dateTime(`progress.measurements[${i}].date`, m.date);
  });
  plan.progress.notes.forEach((n, i) => {
    dateTime(`progress.notes[${i}].date`, n.date);
  });
  plan.signatures.forEach((s, i) => {
    dateTime(`signatures[${i}].signedAt`, s.signedAt);
  });
  date('review.periodStart', plan.review.periodStart);
  date('review.nextReviewDate', plan.review.nextReviewDate);
  return fields;
}

export function periodsOf(plan: TreatmentPlan): PeriodFields[] {
  const consent = plan.contract.consent;
  return [
    ...plan.history.treatmentHistory.map((t, i) => ({
      what: `Past treatment “${t.treatment.text}”`,
      start: t.start,
      end: t.end,
      endPath: `history.treatmentHistory[${i}].end`,
    })),
    ...plan.diagnoses.map((d, i) => ({
      what: `Diagnosis “${d.condition.text}”`,
      start: d.onset?.date,
      end: d.abatement,
      endPath: `diagnoses[${i}].abatement`,
    })),
    ...(consent
      ? [{ what: 'Consent to treatment', start: consent.start, end: consent.end, endPath: 'contract.consent.end' }]
      : []),
    {
      what: 'Treatment',
      start: plan.schedule.startDate,
      end: plan.schedule.targetEndDate,
      endPath: 'schedule.targetEndDate',
    },
    ...plan.interventions.map((intervention, i) => ({
      what: `Intervention “${intervention.technique.text}”`,
      start: intervention.start,
      end: intervention.end,
      endPath: `interventions[${i}].end`,
    })),
  ];
}
