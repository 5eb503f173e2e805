/**
 * Arbitraries of the parts of a treatment plan (see plan-arbitrary.ts, which gives them ids and links them).
 * References between parts are generated as indexes (`goals: nat[]`) and resolved to ids afterwards.
 */
import fc from 'fast-check';
import { SYSTEM } from '../../src/mapping/codes.ts';
import type * as m from '../../src/plan/treatment-plan.ts';
import {
  DIAGNOSIS_CODES,
  FORMAT_CODES,
  MEASURE_CODES,
  MODALITY_CODES,
  OFFSETS,
  PLACES,
  at,
  code,
  compact,
  concept,
  date,
  dateTime,
  dayOf,
  option,
  period,
  personRef,
  text,
} from './plan-values.ts';

export {
  compact,
  concept,
  date,
  dateTime,
  option,
  ordered,
  personRef,
  startDate,
  text,
  GOAL_CODES,
} from './plan-values.ts';

const party = fc.constantFrom<m.Party>('client', 'clinician', 'family', 'other');
const frequency: fc.Arbitrary<m.Frequency> = fc.record({
  count: fc.integer({ min: 1, max: 3 }),
  per: fc.integer({ min: 1, max: 2 }),
  unit: fc.constantFrom<m.Frequency['unit']>('d', 'wk', 'mo'),
});
const onset: fc.Arbitrary<m.Onset> = fc
  .record({ date: option(date), text: option(text) })
  .filter((o) => o.date !== undefined || o.text !== undefined)
  .map(compact);

const amount = (comparator: m.Comparator): fc.Arbitrary<m.Amount> =>
  fc.oneof(
    fc.integer({ min: comparator === '<' ? 1 : 0, max: 27 }).map((value) => ({ value, unit: '{score}' })),
    fc
      .integer({ min: comparator === '<' ? 1 : 0, max: comparator === '>' ? 99 : 100 })
      .map((value) => ({ value, unit: '%' })),
    fc.integer({ min: 0, max: 70 }).map((n) => ({ value: n / 10, unit: '/wk' }))
  );
const target: fc.Arbitrary<m.MeasurableTarget> = fc
  .constantFrom<m.Comparator>('<', '<=', '>=', '>', '=')
  .chain((comparator) =>
    fc.record({
      measure: concept(MEASURE_CODES),
      comparator: fc.constant(comparator),
      value: amount(comparator),
      dueDate: option(fc.integer({ min: 740, max: 1200 }).map(dayOf)),
    })
  )
  .map(compact);
export const targets = fc.array(target, { maxLength: 2 });

export const session = (provider: m.Provider) =>
  option(
    fc
      .record({
        day: date,
        minutes: fc.integer({ min: 420, max: 1200 }),
        length: fc.integer({ min: 30, max: 120 }),
        offset: fc.constantFrom(...OFFSETS),
        times: fc.constantFrom('none', 'start', 'both'),
        contactMode: option(fc.constantFrom<m.ContactMode>('in-person', 'telehealth', 'home-visit')),
        placeOfService: option(fc.constantFrom(...PLACES)),
        serviceType: option(fc.constantFrom('90791', '90834', '90837').map((c) => code(SYSTEM.cpt, c))),
        provider: option(fc.constant(provider)),
      })
      .map(({ day, minutes, length, offset, times, ...rest }) =>
        compact({
          dateOfService: day,
          start: times === 'none' ? undefined : at(day, minutes, offset),
          end: times === 'both' ? at(day, Math.min(minutes + length, 1439), offset) : undefined,
          ...rest,
        })
      )
  );

export const pastTreatment = fc
  .record({ treatment: concept(MODALITY_CODES), when: period(), provider: option(text), outcome: option(text) })
  .map(({ when, ...rest }) => compact({ ...rest, ...when }));
export const concern = fc
  .record({
    concern: concept([[]]),
    onset: option(onset),
    status: fc.constantFrom<'active' | 'resolved'>('active', 'resolved'),
    note: option(text),
  })
  .map(compact);
export const diagnosis = fc
  .record({
    condition: concept(DIAGNOSIS_CODES),
    category: fc.constantFrom<m.Diagnosis['category']>('problem-list-item', 'encounter-diagnosis'),
    clinicalStatus: fc.constantFrom<m.DiagnosisStatus>(
      'active',
      'recurrence',
      'relapse',
      'inactive',
      'remission',
      'resolved'
    ),
    verificationStatus: option(
      fc.constantFrom<NonNullable<m.Diagnosis['verificationStatus']>>(
        'provisional',
        'differential',
        'confirmed',
        'refuted'
      )
    ),
    onset: option(onset),
    abatement: option(date),
    role: fc.constantFrom<m.Diagnosis['role']>('focus', 'comorbidity'),
    note: option(text),
  })
  // R4 con-4: only an inactive, resolved or remitted condition has abated; and it abates after its onset.
  .map((d) => {
    const abated = ['inactive', 'resolved', 'remission'].includes(d.clinicalStatus) ? d.abatement : undefined;
    const onset = d.onset?.date;
    return compact({ ...d, abatement: abated !== undefined && onset !== undefined && abated < onset ? onset : abated });
  });
export const responsibility = fc.record({ party, person: option(personRef), description: text }).map(compact);
const document: fc.Arbitrary<m.AttachedDocument> = fc
  .record({
    contentType: fc.constant('application/pdf'),
    title: option(text),
    url: option(fc.constant('https://docs.example.org/contract-0042.pdf')),
    data: option(fc.constant('JVBERi0xLjQK')),
    creation: option(dateTime),
  })
  .map(compact);
export const consent = fc
  .record({
    status: fc.constantFrom<m.ConsentToTreatment['status']>('draft', 'proposed', 'active', 'rejected', 'inactive'),
    dateTime: option(dateTime),
    decision: fc.constantFrom<'permit' | 'deny'>('permit', 'deny'),
    grantor: option(personRef),
    when: period(),
    modalities: fc.array(concept(MODALITY_CODES), { maxLength: 2 }),
    document: option(document),
  })
  .map(({ when, ...rest }) => compact({ ...rest, ...when }));
export const schedule: fc.Arbitrary<m.CareSchedule> = fc
  .record({
    modality: option(concept(MODALITY_CODES)),
    format: option(concept(FORMAT_CODES)),
    sessionFrequency: option(frequency),
    sessionMinutes: option(fc.integer({ min: 15, max: 120 })),
    when: period(),
  })
  .map(({ when, ...rest }) => compact({ ...rest, startDate: when.start, targetEndDate: when.end }));
export const intervention = fc
  .record({
    technique: concept(MODALITY_CODES),
    application: option(text),
    frequency: option(frequency),
    performer: option(party),
    performerRef: option(personRef),
    goals: fc.array(fc.nat(), { maxLength: 2 }),
    status: fc.constantFrom<m.Intervention['status']>('draft', 'active', 'on-hold', 'completed', 'revoked'),
    when: period(),
  })
  .map(({ when, ...rest }) => compact({ ...rest, ...when }));
export const measurement = fc
  .record({
    measure: concept(MEASURE_CODES),
    value: fc.integer({ min: 0, max: 27 }).map((value) => ({ value, unit: '{score}' })),
    date: dateTime,
    goal: option(fc.nat()),
    note: option(text),
  })
  .map(compact);
export const progressNote = fc
  .record({ date: dateTime, author: option(personRef), text, goal: option(fc.nat()) })
  .map(compact);
export const signature = (client: m.ClientIdentification) =>
  fc
    .record({
      role: fc.constantFrom<m.SignerRole>('client', 'guardian', 'clinician', 'supervisor'),
      signer: personRef,
      signedAt: dateTime,
      typedName: text,
      image: option(fc.constantFrom('iVBORw0KGgoAAAANSUhEUgAAAAE=', 'iVBORw0KGgo=')),
      incompleteReason: option(text),
    })
    .map((s) =>
      compact({
        ...s,
        signer: s.role === 'client' ? { reference: client.reference, name: client.name } : s.signer,
        // Only the clinician records why an incomplete plan was signed.
        incompleteReason: s.role === 'clinician' ? s.incompleteReason : undefined,
      })
    );
