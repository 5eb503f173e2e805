/**
 * The plan header as a CarePlan (DESIGN.md §4), and the links that make the other records one plan:
 * - addresses: presenting concerns, then the diagnoses the plan treats (role `focus`);
 * - supportingInfo: every diagnosis (in the plan's order; comorbidities only here), the assessment results
 *   (in `history.assessmentIds` order), strengths, occupation, psychosocial history, past treatments, the
 *   consent and the progress notes;
 * - goal: every goal and objective; activity: interventions, the care schedule and the responsibilities (each a
 *   reference to a ServiceRequest), then one activity holding every measurement as outcomeReference;
 * - careTeam: the participants; note: goals for change, preferences, cultural considerations and the outcome
 *   summary, each marked with our `plan-note-kind` extension; replaces: the plan this one revises.
 * Links the reader could not place, and notes of other systems, are kept.
 */
import type * as fhir from 'fhir/r4';
import type { TreatmentPlan } from '../plan/treatment-plan.ts';
import { detailWithIntervention, inlineActivityIndex } from './activity-detail.ts';
import { CODING, EXTENSION, NOTE_KIND, PROFILE, SYSTEM } from './codes.ts';
import { codedAs, mergeCategories } from './concept.ts';
import { draft } from './draft.ts';
import type { Draft, WriteContext } from './draft.ts';
import { idOfPlanReference } from './plan-reference.ts';
import { keepIfSame, sameJson } from './json.ts';
import { planNarrative } from './narrative.ts';
import { personRefFromFhir, personRefToFhir } from './person-ref.ts';
import { recordKeys } from './record-keys.ts';
import { mergeInPlace, mergeReferences, planReference } from './references.ts';

/** The kind of a CarePlan.note the app wrote (`plan-note-kind`), or undefined for another system's note. */
export function noteKind(note: fhir.Annotation): string | undefined {
  return note.extension?.find((e) => e.url === EXTENSION.noteKind)?.valueCode;
}

function notesOf(plan: TreatmentPlan, loaded: readonly fhir.Annotation[] | undefined): fhir.Annotation[] {
  const { contract, considerations, progress } = plan;
  const ours: [string, string][] = [
    ...contract.goalsForChange.map((t): [string, string] => [NOTE_KIND.goalForChange, t]),
    ...considerations.clientPreferences.map((t): [string, string] => [NOTE_KIND.clientPreference, t]),
    ...considerations.culturalConsiderations.map((t): [string, string] => [NOTE_KIND.culturalConsideration, t]),
    ...(progress.outcomeSummary === undefined
      ? []
      : [[NOTE_KIND.outcomeSummary, progress.outcomeSummary] as [string, string]]),
  ];
  const unused = (loaded ?? []).filter((n) => noteKind(n) !== undefined);
  const notes = ours.map(([kind, text]) => {
    const i = unused.findIndex((n) => noteKind(n) === kind && n.text === text);
    return i === -1
      ? { extension: [{ url: EXTENSION.noteKind, valueCode: kind }], text }
      : (unused.splice(i, 1)[0] ?? { text });
  });
  return [...notes, ...(loaded ?? []).filter((n) => noteKind(n) === undefined)];
}

function activitiesOf(
  plan: TreatmentPlan,
  ctx: WriteContext,
  loaded: fhir.CarePlan | undefined
): fhir.CarePlanActivity[] {
  const old = loaded?.activity ?? [];
  const address = loaded?.id ? `CarePlan/${loaded.id}` : undefined;
  const used = new Set<fhir.CarePlanActivity>();
  const byReference = (reference: string): fhir.CarePlanActivity => {
    const found = old.find((a) => a.reference?.reference === reference);
    if (found) used.add(found);
    return found ?? { reference: { reference } };
  };
  const interventions = plan.interventions.flatMap((intervention) => {
    const inline = address === undefined ? undefined : inlineActivityIndex(intervention.id, address);
    const activity = inline === undefined ? undefined : old[inline];
    if (activity?.detail) {
      used.add(activity);
      const goals = ctx.refs('Goal', intervention.goalIds);
      return [{ ...activity, detail: detailWithIntervention(intervention, activity.detail, goals, ctx.loaded) }];
    }
    const reference = ctx.ref('ServiceRequest', intervention.id);
    return reference ? [byReference(reference)] : [];
  });
  const scheduled = Object.values(plan.schedule).some((v) => v !== undefined);
  const requests = [
    ...(scheduled ? [recordKeys.schedule(plan)] : []),
    ...plan.contract.responsibilities.map((r) => r.id),
  ].flatMap((key) => ctx.refs('ServiceRequest', [key]).map((r) => byReference(r.reference ?? '')));
  const bare = old.find((a) => !a.reference && !a.detail);
  if (bare) used.add(bare);
  const measured = ctx.refs(
    'Observation',
    plan.progress.measurements.map((m) => m.id)
  );
  const outcomes = mergeReferences(measured, bare?.outcomeReference, (r) => ctx.placed(r, loaded));
  const outcome = outcomes.length > 0 ? [{ ...bare, outcomeReference: outcomes }] : [];
  const owned = new Set(
    old.filter((a, i) => {
      if (used.has(a)) return true;
      if (a.reference) return ctx.placed(a.reference, loaded);
      return a.detail !== undefined && address !== undefined && ctx.placedAddress(`${address}#activity[${i}]`);
    })
  );
  return mergeInPlace(old, [...interventions, ...requests, ...outcome], (a) => owned.has(a));
}

function supportingInfoOf(plan: TreatmentPlan, ctx: WriteContext): fhir.Reference[] {
  const { history, contract } = plan;
  return [
    ...ctx.refs(
      'Condition',
      plan.diagnoses.map((d) => d.id)
    ),
    ...ctx.refs('Observation', history.assessmentIds),
    ...ctx.refs(
      'Observation',
      plan.strengths.map((s) => s.id)
    ),
    ...ctx.refs('Observation', [
      ...(history.occupation === undefined ? [] : [recordKeys.occupation(plan)]),
      ...(history.psychosocialHistory === undefined ? [] : [recordKeys.psychosocialHistory(plan)]),
    ]),
    ...ctx.refs(
      'Procedure',
      history.treatmentHistory.map((t) => t.id)
    ),
    ...ctx.refs('Consent', contract.consent ? [contract.consent.id] : []),
    ...ctx.refs(
      'DocumentReference',
      plan.progress.notes.map((n) => n.id)
    ),
  ];
}

export function carePlanDraft(plan: TreatmentPlan, hasSession: boolean): Draft {
  return draft<fhir.CarePlan>({
    type: 'CarePlan',
    key: plan.id,
    profile: PROFILE.carePlan,
    owned: (loaded, ctx) => {
      const placed = (r: fhir.Reference): boolean => ctx.placed(r, loaded);
      const address = loaded?.id ? `CarePlan/${loaded.id}` : undefined;
      const client = plan.client.reference;
      const [replaced, ...otherReplaced] = loaded?.replaces ?? [];
      const ownReplaced = keepIfSame(
        replaced,
        plan.review.replaces,
        (r) => idOfPlanReference(r, ctx.loaded),
        (id) => planReference(id, ctx.loaded)
      );
      const contributors = plan.contributors.map(
        (c) =>
          loaded?.contributor?.find((l) => sameJson(personRefFromFhir(l, ctx.loaded), c)) ??
          personRefToFhir(c, undefined, ctx.loaded) ?? { display: c.name }
      );
      const period = { start: plan.review.periodStart, end: plan.review.nextReviewDate };
      const session = hasSession ? ctx.ref('Encounter', recordKeys.session(plan)) : undefined;
      const ownCategories = [codedAs(CODING.assessPlan), codedAs(CODING.mentalHealthCarePlan)];
      return {
        contained: loaded?.contained?.filter(
          (c) => address === undefined || !ctx.placedAddress(`${address}#${c.id ?? ''}`)
        ),
        text: loaded?.text?.status === 'additional' ? loaded.text : { status: 'generated', div: planNarrative(plan) },
        status: plan.status,
        intent: 'plan',
        category: mergeCategories(loaded?.category, ownCategories, [SYSTEM.carePlanCategory]),
        title: plan.title,
        description: plan.summary,
        subject: loaded?.subject.reference === client ? loaded.subject : { reference: client },
        encounter:
          session === undefined
            ? undefined
            : loaded?.encounter?.reference === session
              ? loaded.encounter
              : { reference: session },
        period: sameJson(loaded?.period, period) ? loaded?.period : period,
        created: plan.created,
        author: personRefToFhir(plan.author, loaded?.author, ctx.loaded),
        contributor: contributors,
        careTeam: mergeReferences(
          ctx.refs('CareTeam', plan.considerations.participants.length > 0 ? [recordKeys.participants(plan)] : []),
          loaded?.careTeam,
          placed
        ),
        addresses: mergeReferences(
          ctx.refs('Condition', [
            ...plan.presentingConcerns.map((c) => c.id),
            ...plan.diagnoses.filter((d) => d.role === 'focus').map((d) => d.id),
          ]),
          loaded?.addresses,
          placed
        ),
        supportingInfo: mergeReferences(supportingInfoOf(plan, ctx), loaded?.supportingInfo, placed),
        goal: mergeReferences(
          ctx.refs(
            'Goal',
            plan.goals.flatMap((g) => [g.id, ...g.objectives.map((o) => o.id)])
          ),
          loaded?.goal,
          placed
        ),
        activity: activitiesOf(plan, ctx, loaded),
        note: notesOf(plan, loaded?.note),
        replaces: [...(ownReplaced ? [ownReplaced] : []), ...otherReplaced],
      };
    },
  });
}

/** The plan a revision replaces, now completed (with its narrative saying so). */
export function supersededDraft(old: TreatmentPlan): Draft {
  const completed: TreatmentPlan = { ...old, status: 'completed' };
  return draft<fhir.CarePlan>({
    type: 'CarePlan',
    key: old.id,
    profile: PROFILE.carePlan,
    owned: (loaded) => ({
      status: 'completed',
      text:
        loaded?.text?.status === 'additional' ? loaded.text : { status: 'generated', div: planNarrative(completed) },
    }),
  });
}
