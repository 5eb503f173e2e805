/**
 * What differs between two versions of a treatment plan, section by section, in the clinician's words:
 * "Goal “Reduce depressive symptoms”: target value 10 → 5", "Strength added: “Supportive sister”". Parts are
 * matched by id, so a goal whose words changed is one changed goal, not one removed and one added. Used by the
 * conflict panel (what changed on the server, what the clinician changed; issue 4 §5) and to compare two plans.
 * Pure: no FHIR, no React.
 */
import type { TreatmentPlan } from '../plan/index.ts';
import { SECTIONS, sectionOfPath, type SectionId } from './sections.ts';
import { Lines, type Fields, type PlanChangeLine } from './plan-diff-lines.ts';
import { partLabel } from './plan-diff-words.ts';

export type { PlanChangeLine } from './plan-diff-lines.ts';

/** The workspace's sections, plus the plan's header ("The plan") and its signatures (when not a section). */
export type DiffSectionId = 'plan' | SectionId | 'signatures';

export const DIFF_SECTIONS: readonly { readonly id: DiffSectionId; readonly title: string }[] = [
  { id: 'plan', title: 'The plan' },
  ...SECTIONS,
  ...(SECTIONS.some((s) => s.id === 'signatures') ? [] : [{ id: 'signatures' as const, title: 'Signatures' }]),
];

export interface SectionChanges {
  readonly section: DiffSectionId;
  readonly title: string;
  readonly changes: readonly PlanChangeLine[];
}

/** What each section holds, as named fields (a list of parts is one field). */
const VIEWS: Readonly<Record<DiffSectionId, (plan: TreatmentPlan) => Fields>> = {
  plan: (p) => ({
    title: p.title,
    summary: p.summary,
    status: p.status,
    intent: p.intent,
    created: p.created,
    author: p.author,
    contributors: p.contributors,
  }),
  session: (p) => ({ ...p.session }),
  history: (p) => ({ client: p.client, ...p.history }),
  concerns: (p) => ({ presentingConcerns: p.presentingConcerns }),
  diagnoses: (p) => ({ diagnoses: p.diagnoses }),
  contract: (p) => ({ ...p.contract }),
  strengths: (p) => ({ strengths: p.strengths }),
  schedule: (p) => ({ ...p.schedule }),
  goals: (p) => ({ goals: p.goals }),
  interventions: (p) => ({ interventions: p.interventions }),
  progress: (p) => ({
    measurements: p.progress.measurements,
    progressNotes: p.progress.notes,
    outcomeSummary: p.progress.outcomeSummary,
  }),
  review: (p) => ({ ...p.review }),
  considerations: (p) => ({ ...p.considerations }),
  signatures: (p) => ({ signatures: p.signatures }),
};

/** Names of the plan's goals, objectives, diagnoses, concerns and scores by id, from both versions. */
function namesOf(plans: readonly TreatmentPlan[]): ReadonlyMap<string, string> {
  const names = new Map<string, string>();
  for (const plan of plans) {
    const parts = [
      ...plan.goals.flatMap((g) => [g, ...g.objectives]),
      ...plan.diagnoses,
      ...plan.presentingConcerns,
      ...plan.progress.measurements,
    ];
    for (const part of parts) names.set(part.id, partLabel(part as unknown as Fields) ?? part.id);
  }
  return names;
}

/** What changed from `before` to `after`, per section in workspace order; sections without changes are left out. */
export function diffPlans(before: TreatmentPlan, after: TreatmentPlan): SectionChanges[] {
  const names = namesOf([after, before]);
  return DIFF_SECTIONS.flatMap(({ id, title }) => {
    const lines = new Lines(names);
    lines.fields(VIEWS[id](before), VIEWS[id](after), '');
    return lines.lines.length === 0 ? [] : [{ section: id, title, changes: lines.lines }];
  });
}

/** The section a change at a plan path shows in ("title" → the plan, "signatures[0]" → signatures). */
export function diffSectionOfPath(path: string): DiffSectionId {
  if (path.startsWith('signatures')) return 'signatures';
  return sectionOfPath(path) ?? 'plan';
}
