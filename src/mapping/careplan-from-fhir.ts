/**
 * A TreatmentPlan from a CarePlan and the records it links (the reverse of careplan-to-fhir.ts). Conditions are
 * read first (goals address them), then goals (interventions, measurements and notes name them), then the rest.
 */
import type * as fhir from 'fhir/r4';
import type { PlanStatus, Signature, TreatmentPlan } from '../plan/treatment-plan.ts';
import { carePlanLinks } from './careplan-links.ts';
import { CODING, EXTENSION, NOTE_KIND } from './codes.ts';
import { hasCoding } from './concept.ts';
import { personRefFromFhir } from './person-ref.ts';
import { idOfPlanReference } from './plan-reference.ts';
import { idOf, reportUnread } from './read-context.ts';
import type { ReadContext } from './read-context.ts';
import type { Located } from './resource-index.ts';
import { clientFromFhir } from './client-from-fhir.ts';
import { signatureFromFhir, targetedVersion } from './provenance-from-fhir.ts';

const STATUSES: readonly PlanStatus[] = [
  'draft',
  'active',
  'on-hold',
  'completed',
  'revoked',
  'entered-in-error',
  'unknown',
];
const UNDERSTOOD = [
  'text',
  'contained',
  'status',
  'intent',
  'category',
  'title',
  'description',
  'subject',
  'encounter',
  'period',
  'created',
  'author',
  'contributor',
  'careTeam',
  'addresses',
  'supportingInfo',
  'goal',
  'activity',
  'note',
  'replaces',
];

/** Signatures in the order they were signed (then by id): the order a Provenance search cannot promise. */
export function signatureOrder(a: Signature, b: Signature): number {
  return Date.parse(a.signedAt) - Date.parse(b.signedAt) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

function notesOfKind(plan: fhir.CarePlan, kind: string): string[] {
  return (plan.note ?? [])
    .filter((n) => n.extension?.some((e) => e.url === EXTENSION.noteKind && e.valueCode === kind))
    .map((n) => n.text);
}

function signaturesOf(at: Located<fhir.CarePlan>, ctx: ReadContext): Signature[] {
  const byId = new Map<string, Signature>();
  for (const located of ctx.index.all) {
    if (located.resource.resourceType !== 'Provenance') continue;
    const provenance = located as Located<fhir.Provenance>;
    // Provenance.target is required, but data from elsewhere may lack it.
    const targets = ((provenance.resource as Partial<fhir.Provenance>).target ?? []).map((t) =>
      targetedVersion(t, at.address)
    );
    if (!targets.some((t) => t !== undefined)) continue;
    ctx.use(located);
    const signature = signatureFromFhir(provenance, at.address, ctx);
    if (!byId.has(signature.id)) byId.set(signature.id, signature);
  }
  return [...byId.values()].sort(signatureOrder);
}

function reportHeader(at: Located<fhir.CarePlan>, ctx: ReadContext): void {
  const plan = at.resource;
  const report = ctx.reporter(at);
  reportUnread(report, plan, UNDERSTOOD);
  if (plan.text && plan.text.status !== 'generated') {
    report('CarePlan.text', 'the narrative holds text beyond the structured plan; it is kept but not shown');
  }
  (plan.category ?? []).forEach((c, i) => {
    if (!hasCoding(c, CODING.assessPlan) && !hasCoding(c, CODING.mentalHealthCarePlan)) {
      report(`CarePlan.category[${i}]`, 'this category has no place in the plan');
    }
  });
  if (plan.intent !== 'plan' && plan.intent !== 'proposal')
    report('CarePlan.intent', `intent ${plan.intent} is shown as a plan`);
  if (!STATUSES.includes(plan.status)) report('CarePlan.status', `status ${plan.status} is not known`);
  (plan.note ?? []).forEach((n, i) => {
    if (!n.extension?.some((e) => e.url === EXTENSION.noteKind))
      report(`CarePlan.note[${i}]`, 'a note of another system is kept but not shown');
  });
  (plan.replaces ?? []).slice(1).forEach((_, i) => {
    report(`CarePlan.replaces[${i + 1}]`, 'only the first plan replaced is shown');
  });
}

export function carePlanFromFhir(at: Located<fhir.CarePlan>, ctx: ReadContext): TreatmentPlan {
  const plan = at.resource;
  ctx.use(at);
  reportHeader(at, ctx);
  const links = carePlanLinks(at, ctx);
  const author = personRefFromFhir(plan.author, ctx.index, at);
  const replaces = idOfPlanReference(plan.replaces?.[0], ctx.index);
  const summary = plan.description;
  const outcomeSummary = notesOfKind(plan, NOTE_KIND.outcomeSummary)[0];
  (plan.contained ?? []).forEach((c, i) => {
    const located = ctx.index.resolve(`#${c.id ?? ''}`, at);
    if (!located || !ctx.used(located))
      ctx.report(at, `CarePlan.contained[${i}]`, 'a contained record the plan does not use');
  });
  return {
    id: idOf(at),
    status: plan.status,
    intent: plan.intent === 'proposal' ? 'proposal' : 'plan',
    title: plan.title ?? '',
    ...(summary !== undefined ? { summary } : {}),
    ...(plan.created !== undefined ? { created: plan.created } : {}),
    ...(author ? { author } : {}),
    contributors: (plan.contributor ?? []).flatMap((c) => personRefFromFhir(c, ctx.index, at) ?? []),
    client: clientFromFhir(plan.subject, ctx, at),
    session: links.session,
    history: links.history,
    presentingConcerns: links.presentingConcerns,
    diagnoses: links.diagnoses,
    contract: { ...links.contract, goalsForChange: notesOfKind(plan, NOTE_KIND.goalForChange) },
    strengths: links.strengths,
    schedule: links.schedule,
    goals: links.goals,
    interventions: links.interventions,
    progress: { ...links.progress, ...(outcomeSummary !== undefined ? { outcomeSummary } : {}) },
    signatures: signaturesOf(at, ctx),
    review: {
      ...(plan.period?.start !== undefined ? { periodStart: plan.period.start.slice(0, 10) } : {}),
      ...(plan.period?.end !== undefined ? { nextReviewDate: plan.period.end.slice(0, 10) } : {}),
      ...(replaces !== undefined ? { replaces } : {}),
    },
    considerations: {
      clientPreferences: notesOfKind(plan, NOTE_KIND.clientPreference),
      culturalConsiderations: notesOfKind(plan, NOTE_KIND.culturalConsideration),
      participants: links.participants,
    },
  };
}
