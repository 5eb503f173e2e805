/**
 * fast-check arbitraries of valid treatment plans: every section may be empty or filled, ids are unique across
 * the plan, every reference between parts points at a part that exists, dates come in order, amounts are in
 * range, and texts hold the characters that break naive XML and JSON handling. The client and the provider are
 * the records of mapping-world.ts (the app reads them, never writes them).
 */
import fc from 'fast-check';
import { signatureOrder } from '../../src/mapping/careplan-from-fhir.ts';
import type * as m from '../../src/plan/treatment-plan.ts';
import { CLIENT, PROVIDER } from './mapping-world.ts';
import * as part from './plan-parts.ts';

const { text, option, date, dateTime, concept, personRef, ordered } = part;

const goalLike = (targets: fc.Arbitrary<m.MeasurableTarget[]>) =>
  fc.record({
    description: concept(part.GOAL_CODES),
    lifecycle: fc.constantFrom<m.GoalLifecycle>(
      'proposed',
      'planned',
      'accepted',
      'active',
      'on-hold',
      'completed',
      'cancelled'
    ),
    achievement: option(
      fc.constantFrom<m.Achievement>(
        'in-progress',
        'improving',
        'worsening',
        'no-change',
        'achieved',
        'sustaining',
        'not-achieved',
        'no-progress',
        'not-attainable'
      )
    ),
    statusDate: option(date),
    targets,
    expressedBy: option(fc.constantFrom<m.Party>('client', 'clinician', 'family', 'other')),
    addresses: fc.array(fc.nat(), { maxLength: 2 }),
    notes: fc.array(text, { maxLength: 2 }),
  });

const shape = fc.record({
  header: fc.record({
    status: fc.constantFrom<m.PlanStatus>(
      'draft',
      'active',
      'on-hold',
      'completed',
      'revoked',
      'entered-in-error',
      'unknown'
    ),
    title: text,
    summary: option(text),
    created: option(dateTime),
    author: option(personRef),
    contributors: fc.array(personRef, { maxLength: 2 }),
  }),
  session: part.session(PROVIDER),
  history: fc.record({
    occupation: option(text),
    psychosocialHistory: option(text),
    treatmentHistory: fc.array(part.pastTreatment, { maxLength: 2 }),
    assessments: fc.array(fc.nat(), { maxLength: 3 }),
  }),
  concerns: fc.array(part.concern, { maxLength: 3 }),
  diagnoses: fc.array(part.diagnosis, { maxLength: 3 }),
  contract: fc.record({
    goalsForChange: fc.array(text, { maxLength: 2 }),
    responsibilities: fc.array(part.responsibility, { maxLength: 2 }),
    consent: option(part.consent),
  }),
  strengths: fc.array(fc.record({ description: text, use: option(text) }), { maxLength: 2 }),
  schedule: part.schedule,
  goals: fc.array(
    fc.record({
      base: goalLike(part.targets),
      startDate: option(part.startDate),
      priority: option(fc.constantFrom<'high' | 'medium' | 'low'>('high', 'medium', 'low')),
      carriedFrom: option(fc.constantFrom('plan-2025-autumn', 'plan-2025-spring')),
      objectives: fc.array(goalLike(part.targets), { maxLength: 2 }),
    }),
    { maxLength: 3 }
  ),
  interventions: fc.array(part.intervention, { maxLength: 3 }),
  measurements: fc.array(part.measurement, { maxLength: 4 }),
  notes: fc.array(part.progressNote, { maxLength: 2 }),
  outcomeSummary: option(text),
  signatures: fc.array(part.signature(CLIENT), { maxLength: 3 }),
  review: ordered(date, 1, 180),
  replaces: option(fc.constantFrom('plan-2025-autumn', 'plan-2025-spring')),
  considerations: fc.record({
    clientPreferences: fc.array(text, { maxLength: 2 }),
    culturalConsiderations: fc.array(text, { maxLength: 2 }),
    participants: fc.array(fc.record({ person: personRef, relationship: text }), { maxLength: 2 }),
  }),
});

type Shape = typeof shape extends fc.Arbitrary<infer T> ? T : never;

const pick = <T>(items: readonly T[], indexes: readonly number[]): T[] =>
  items.length === 0 ? [] : [...new Set(indexes.map((i) => items[i % items.length] as T))];

/** Gives every part its id (`<kind>-<n>`, unique across the plan) and resolves index references to ids. */
function build(s: Shape): m.TreatmentPlan {
  let n = 0;
  const id = (kind: string): string => `${kind}-${String((n += 1))}`;
  const presentingConcerns = s.concerns.map((c) => ({ ...c, id: id('concern') }));
  const diagnoses = s.diagnoses.map((d) => ({ ...d, id: id('diagnosis') }));
  const conditionIds = [...presentingConcerns, ...diagnoses].map((c) => c.id);
  const goals: m.PlanGoal[] = s.goals.map((g) => {
    const { addresses, ...base } = g.base;
    const objectives = g.objectives.map(({ addresses: a, ...o }) => ({
      ...o,
      id: id('objective'),
      addresses: pick(conditionIds, a),
    }));
    return part.compact({
      ...base,
      id: id('goal'),
      startDate: g.startDate,
      priority: g.priority,
      carriedFrom: g.carriedFrom,
      addresses: pick(conditionIds, addresses),
      objectives,
    });
  });
  const goalIds = goals.flatMap((g) => [g.id, ...g.objectives.map((o) => o.id)]);
  const goalOf = (i: number | undefined): { goalId?: string } =>
    i === undefined || goalIds.length === 0 ? {} : { goalId: goalIds[i % goalIds.length] ?? '' };
  const measurements = s.measurements.map(({ goal, ...rest }) => ({ ...rest, id: id('measurement'), ...goalOf(goal) }));
  const consent = s.contract.consent && { ...s.contract.consent, id: id('consent') };
  const session = s.session && { ...s.session, id: id('session') };
  return {
    id: id('plan'),
    intent: 'plan',
    ...part.compact(s.header),
    client: CLIENT,
    session: session ?? {},
    history: part.compact({
      occupation: s.history.occupation,
      psychosocialHistory: s.history.psychosocialHistory,
      treatmentHistory: s.history.treatmentHistory.map((t) => ({ ...t, id: id('treatment') })),
      assessmentIds: pick(
        measurements.map((x) => x.id),
        s.history.assessments
      ),
    }),
    presentingConcerns,
    diagnoses,
    contract: {
      goalsForChange: s.contract.goalsForChange,
      responsibilities: s.contract.responsibilities.map((r) => ({ ...r, id: id('responsibility') })),
      ...(consent ? { consent } : {}),
    },
    strengths: s.strengths.map((x) => part.compact({ ...x, id: id('strength') })),
    schedule: s.schedule,
    goals,
    interventions: s.interventions.map(({ goals: g, ...i }) => ({
      ...i,
      id: id('intervention'),
      goalIds: pick(goalIds, g),
    })),
    progress: part.compact({
      measurements,
      notes: s.notes.map(({ goal, ...note }) => ({ ...note, id: id('note'), ...goalOf(goal) })),
      outcomeSummary: s.outcomeSummary,
    }),
    signatures: s.signatures.map((x) => ({ ...x, id: id('signature') })).sort(signatureOrder),
    review: part.compact({ periodStart: s.review?.[0], nextReviewDate: s.review?.[1], replaces: s.replaces }),
    considerations: {
      ...s.considerations,
      participants: s.considerations.participants.map((p) => ({ ...p, id: id('participant') })),
    },
  };
}

/** Arbitrary valid treatment plans, new (never saved), for the client and provider of mapping-world.ts. */
export const planArbitrary: fc.Arbitrary<m.TreatmentPlan> = shape.map(build);
