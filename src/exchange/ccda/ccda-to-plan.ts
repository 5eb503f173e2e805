/**
 * A C-CDA document as a treatment plan: the header (ccda-header-reader.ts; the patient from @medplum/ccda's
 * C-CDA→FHIR conversion), and the care-plan entries (health concerns, problems, goals and their milestones,
 * interventions, outcomes) read here from the parsed document, because the converter files health concerns as
 * problem-list items, turns every entryRelationship of a goal into a target, drops objectives' nesting and
 * skips the Interventions section. Sections and
 * entries the plan has no place for are listed, as is the document's own list of what it could not carry.
 */
import type * as fhir from 'fhir/r4';
import type {
  Diagnosis,
  Intervention,
  Measurement,
  PresentingConcern,
  TreatmentPlan,
} from '../../plan/treatment-plan.ts';
import type { NotUnderstoodItem } from '../import-report.ts';
import { CODE, OID, TEMPLATE } from './ccda-codes.ts';
import {
  concernFromEntry,
  diagnosisFromEntry,
  interventionFromEntry,
  measurementFromEntry,
} from './ccda-entry-readers.ts';
import type { SystemOf } from './ccda-entry-relations.ts';
import { goalFromEntry, goalsFromReadings, type GoalEntryReading } from './ccda-goal-reader.ts';
import { headerFromCcda } from './ccda-header-reader.ts';
import { at, attr, child, children, entryId, hasTemplate, templateRoots, words, type CdaNode } from './ccda-nodes.ts';

export interface CcdaPlanReading {
  readonly plan: TreatmentPlan;
  /** The document's patient as FHIR (from the converter, identifiers restored), without an id. */
  readonly patient?: fhir.Patient;
  readonly notUnderstood: readonly NotUnderstoodItem[];
}

const SECTION = {
  healthConcerns: TEMPLATE.healthConcernsSection.root,
  problems: [TEMPLATE.problemSection.root, '2.16.840.1.113883.10.20.22.2.5'],
  goals: TEMPLATE.goalsSection.root,
  interventions: [TEMPLATE.interventionsSection.root, '2.16.840.1.113883.10.20.21.2.3.2'],
  planOfTreatment: '2.16.840.1.113883.10.20.22.2.10',
  outcomes: TEMPLATE.outcomesSection.root,
} as const;

/** The entries' acts, observations, procedures ... of a section, with their position. */
function entryElements(section: CdaNode): { node: CdaNode; kind: string; index: number }[] {
  return children(section, 'entry').flatMap((entry, index) =>
    ['act', 'observation', 'procedure', 'encounter', 'substanceAdministration', 'supply', 'organizer'].flatMap((kind) =>
      children(entry, kind).map((node) => ({ node, kind, index }))
    )
  );
}

/** The plan a C-CDA document holds. `converted` is @medplum/ccda's FHIR Bundle of the same document. */
export function planFromCcda(document: CdaNode, converted: fhir.Bundle, systemOf: SystemOf): CcdaPlanReading {
  const notUnderstood: NotUnderstoodItem[] = [];
  const skip = (path: string, reason: string): void => {
    notUnderstood.push({ resource: 'ClinicalDocument', path, reason });
  };

  const header = headerFromCcda(document, converted, systemOf);
  const { planId } = header;

  const concerns: PresentingConcern[] = [];
  const diagnoses: Diagnosis[] = [];
  const goalReadings: GoalEntryReading[] = [];
  const interventions: Intervention[] = [];
  const measurements: Measurement[] = [];
  let outcomeSummary: string | undefined;

  const sections = children(at(document, 'component', 'structuredBody'), 'component').flatMap((component, c) =>
    children(component, 'section').map((section, s) => ({
      section,
      path: `ClinicalDocument.component.structuredBody.component[${String(c)}].section${s === 0 ? '' : `[${String(s)}]`}`,
    }))
  );
  for (const { section, path } of sections) {
    const roots = templateRoots(section);
    const is = (root: string | readonly string[]): boolean =>
      (typeof root === 'string' ? [root] : root).some((r) => roots.includes(r));
    const title = words(child(section, 'title')) || attr(child(section, 'code'), 'displayName') || 'A section';
    const entries = entryElements(section);
    const unread = (entry: { kind: string; index: number }, reason: string): void => {
      skip(`${path}.entry[${String(entry.index)}].${entry.kind}`, `${title}: ${reason}`);
    };
    const fallback = (entry: { index: number }, kind: string): string =>
      `${planId}/${kind}-${String(sections.findIndex((s) => s.section === section))}-${String(entry.index)}`;

    if (roots.includes(OID.notCarriedSection)) {
      for (const item of children(at(section, 'text', 'list'), 'item')) {
        skip(
          `${path}.text`,
          `The exporting system says the plan also held what this document does not carry: ${words(item)}`
        );
      }
      continue;
    }
    if (is(SECTION.healthConcerns)) {
      for (const entry of entries) {
        const concern =
          entry.kind === 'act' ? concernFromEntry(entry.node, fallback(entry, 'concern'), systemOf) : undefined;
        if (concern) concerns.push(concern);
        else unread(entry, 'not a health concern the plan can read.');
      }
    } else if (is(SECTION.problems)) {
      for (const entry of entries) {
        const diagnosis =
          entry.kind === 'act' ? diagnosisFromEntry(entry.node, fallback(entry, 'diagnosis'), systemOf) : undefined;
        if (diagnosis) diagnoses.push(diagnosis);
        else unread(entry, 'not a problem the plan can read.');
      }
    } else if (is(SECTION.goals) || is(SECTION.planOfTreatment)) {
      for (const entry of entries) {
        const mood = attr(entry.node, 'moodCode');
        if (entry.kind === 'observation' && (mood === 'GOL' || hasTemplate(entry.node, TEMPLATE.goalObservation))) {
          goalReadings.push(goalFromEntry(entry.node, fallback(entry, 'goal'), systemOf, header.clientIds));
        } else if (is(SECTION.planOfTreatment) && ['INT', 'RQO', 'PRMS', 'PRP', 'APT', 'ARQ'].includes(mood ?? '')) {
          const intervention = interventionFromEntry(entry.node, fallback(entry, 'intervention'), systemOf);
          if (intervention) interventions.push(intervention);
          else unread(entry, 'a planned activity without a code or words.');
        } else unread(entry, `a ${entry.kind} the plan has no place for.`);
      }
    } else if (is(SECTION.interventions)) {
      for (const entry of entries) {
        const intervention =
          entry.kind === 'act'
            ? interventionFromEntry(entry.node, fallback(entry, 'intervention'), systemOf)
            : undefined;
        if (intervention) interventions.push(intervention);
        else unread(entry, 'not an intervention the plan can read.');
      }
    } else if (is(SECTION.outcomes)) {
      for (const entry of entries) {
        if (
          entry.kind === 'act' &&
          (entryId(entry.node)?.endsWith('/outcome-summary') === true ||
            attr(child(entry.node, 'code'), 'code') === CODE.outcomeSummary.code)
        ) {
          outcomeSummary = words(child(entry.node, 'text'));
          continue;
        }
        const measurement =
          entry.kind === 'observation'
            ? measurementFromEntry(entry.node, fallback(entry, 'measurement'), systemOf)
            : undefined;
        if (measurement) measurements.push(measurement);
        else unread(entry, 'an outcome without a measured value, which the plan cannot record.');
      }
    } else {
      skip(
        path,
        entries.length > 0
          ? `${title}: ${String(entries.length)} ${entries.length === 1 ? 'entry' : 'entries'} in a section the treatment plan has no place for.`
          : `${title}: a narrative section the treatment plan has no place for.`
      );
    }
  }

  const conditionIds = new Set([...concerns.map((c) => c.id), ...diagnoses.map((d) => d.id)]);
  const goals = goalsFromReadings(goalReadings, conditionIds);
  const knownGoals = new Set(goalReadings.map((g) => g.id));

  const plan: TreatmentPlan = {
    id: planId,
    status: 'active',
    intent: 'plan',
    title: header.title,
    ...(header.created !== undefined ? { created: header.created } : {}),
    ...(header.authorName !== undefined ? { author: { name: header.authorName } } : {}),
    contributors: [],
    client: header.client,
    session: {},
    history: { treatmentHistory: [], assessmentIds: [] },
    presentingConcerns: concerns,
    diagnoses,
    contract: { goalsForChange: [], responsibilities: [] },
    strengths: [],
    schedule: {},
    goals,
    interventions: interventions.map((i) => ({ ...i, goalIds: i.goalIds.filter((id) => knownGoals.has(id)) })),
    progress: {
      measurements: measurements.map((m) => {
        if (m.goalId === undefined || knownGoals.has(m.goalId)) return m;
        const { goalId, ...rest } = m;
        skip('ClinicalDocument', `A measurement refers to a goal the document does not hold (${goalId}).`);
        return rest;
      }),
      notes: [],
      ...(outcomeSummary !== undefined && outcomeSummary !== '' ? { outcomeSummary } : {}),
    },
    signatures: [],
    review: {
      ...(header.periodStart !== undefined ? { periodStart: header.periodStart } : {}),
      ...(header.nextReview !== undefined ? { nextReviewDate: header.nextReview } : {}),
    },
    considerations: { clientPreferences: [], culturalConsiderations: [], participants: [] },
  };
  return { plan, ...(header.patient !== undefined ? { patient: header.patient } : {}), notUnderstood };
}
