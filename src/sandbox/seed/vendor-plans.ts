/**
 * Care plans an EHR keeps of its own, in the shapes its API returns, for the sandbox's `epic` and `oracle`
 * behaviours: what a plan app finds next to (or instead of) a structured plan on those servers. All synthetic.
 * - Epic: an encounter-level plan of this week's visit with its activities inline (`activity.detail`, no
 *   references) and a longitudinal plan still at `intent: proposal` (open.epic.com, CarePlan: longitudinal by
 *   default, encounter-level plans on request; category codes in vendor-rules.ts).
 * - Oracle Health: an `assess-plan` plan with its text in the narrative and no activities (Millennium R4
 *   CarePlan search: "The CarePlan.activity element is not supported and not returned").
 * The example plans written by the app stay in the seed too, as if migrated from an earlier system that could write
 * them: on these servers they can be read but not changed, which is the situation the note strategy is for.
 */
import type * as fhir from 'fhir/r4';
import type { Behaviour } from '../behaviour/behaviour-rules.ts';
import { EPIC_CARE_PLAN_CATEGORIES } from '../behaviour/vendor-rules.ts';
import { CLIENT_IDS, type ClientId } from './clients.ts';
import { VISITS } from './encounters.ts';
import { PRACTITIONER_ID } from './practice.ts';
import { SYSTEM, coding, concept } from './terminology.ts';

const US_CORE_CAREPLAN_CATEGORY = 'http://hl7.org/fhir/us/core/CodeSystem/careplan-category';
const XHTML = 'http://www.w3.org/1999/xhtml';

interface PlanNotes {
  readonly diagnosis: string;
  readonly assessment: string;
  readonly instructions: readonly string[];
  readonly proposal: string;
}

/** What the EHR's own notes say for each client; consistent with the example plans, written for this seed. */
const NOTES: Readonly<Record<ClientId, PlanNotes>> = {
  'george-smith': {
    diagnosis: 'george-smith-depression',
    assessment: 'Depressed mood improving with weekly therapy; sleep still broken. Continue current plan.',
    instructions: ['Walk 20 minutes on three days this week', 'Keep the sleep diary and bring it next visit'],
    proposal: 'Consider adding behavioural activation homework once sleep settles.',
  },
  'robert-johnson': {
    diagnosis: 'robert-johnson-anxiety',
    assessment: 'Worry about work remains high; uses breathing exercises most days. GAD-7 trending down.',
    instructions: ['Practise paced breathing twice a day', 'Write down one worry a day and the outcome'],
    proposal: 'Review whether group CBT for anxiety would suit after the next review.',
  },
  'michael-jones': {
    diagnosis: 'michael-jones-ptsd',
    assessment: 'Fewer nightmares this month; avoidance of driving continues. Engaged in trauma-focused work.',
    instructions: ['Short drives with a support person, twice this week', 'Grounding exercise when startled'],
    proposal: 'Plan a gradual return to motorway driving over the next two months.',
  },
  'john-doe': {
    diagnosis: 'john-doe-alcohol-use',
    assessment: 'Drinking on weekends with friends; motivated to cut down before exams. Parent supportive.',
    instructions: ['Count drinks each weekend in the app', 'Plan one alcohol-free activity with friends'],
    proposal: 'Family session with his mother to agree house rules.',
  },
};

function narrative(lines: readonly string[]): fhir.Narrative {
  const paragraphs = lines.map((line) => `<p>${line}</p>`).join('');
  return { status: 'generated', div: `<div xmlns="${XHTML}">${paragraphs}</div>` };
}

function visitOf(client: ClientId): (typeof VISITS)[number] {
  const visit = VISITS.find((v) => v.client === client);
  if (!visit) throw new Error(`No visit is seeded for ${client}`);
  return visit;
}

function epicPlans(client: ClientId): fhir.CarePlan[] {
  const notes = NOTES[client];
  const visit = visitOf(client);
  const common = {
    resourceType: 'CarePlan' as const,
    subject: { reference: `Patient/${client}` },
    author: { reference: `Practitioner/${PRACTITIONER_ID}`, display: 'Dana Rivera, LCSW' },
    addresses: [{ reference: `Condition/${notes.diagnosis}` }],
  };
  const encounterLevel: fhir.CarePlan = {
    ...common,
    id: `epic-encounter-plan-${client}`,
    text: narrative([notes.assessment, ...notes.instructions]),
    status: 'active',
    intent: 'plan',
    category: [
      concept(
        'Encounter Level Care Plan',
        coding(SYSTEM.snomed, EPIC_CARE_PLAN_CATEGORIES.encounterLevel, 'Care plan (record artifact)')
      ),
    ],
    encounter: { reference: `Encounter/${visit.id}` },
    period: { start: visit.start },
    activity: notes.instructions.map((instruction) => ({
      detail: { status: 'in-progress', code: { text: instruction }, description: 'Patient instructions' },
    })),
  };
  const proposal: fhir.CarePlan = {
    ...common,
    id: `epic-proposal-${client}`,
    text: narrative([notes.proposal]),
    status: 'draft',
    intent: 'proposal',
    category: [
      concept('Longitudinal Care Plan', coding(SYSTEM.snomed, EPIC_CARE_PLAN_CATEGORIES.longitudinal, 'Longitudinal')),
    ],
    period: { start: visit.start.slice(0, 10) },
    activity: [{ detail: { status: 'not-started', code: { text: notes.proposal } } }],
  };
  return [encounterLevel, proposal];
}

function oraclePlan(client: ClientId): fhir.CarePlan {
  const notes = NOTES[client];
  const visit = visitOf(client);
  return {
    resourceType: 'CarePlan',
    id: `oracle-assess-plan-${client}`,
    // Millennium puts the plan's description in the narrative as plain text.
    text: narrative([`Assessment and plan: ${notes.assessment} ${notes.instructions.join('. ')}.`]),
    status: 'active',
    intent: 'plan',
    category: [
      concept(
        'Assessment and Plan of Treatment',
        coding(US_CORE_CAREPLAN_CATEGORY, 'assess-plan', 'Assessment and Plan of Treatment')
      ),
    ],
    subject: { reference: `Patient/${client}` },
    period: { start: visit.start },
    author: { reference: `Practitioner/${PRACTITIONER_ID}`, display: 'Dana Rivera, LCSW' },
  };
}

const OWN_PLANS: Readonly<Record<Behaviour, (client: ClientId) => fhir.CarePlan[]>> = {
  open: () => [],
  medplum: () => [],
  epic: epicPlans,
  oracle: (client) => [oraclePlan(client)],
};

/** The plans an EHR behaving as `behaviour` keeps itself, for every seeded client; none for open servers. */
export function vendorPlans(behaviour: Behaviour): fhir.CarePlan[] {
  return CLIENT_IDS.flatMap(OWN_PLANS[behaviour]);
}
