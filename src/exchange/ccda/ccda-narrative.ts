/**
 * Section narratives of the C-CDA document from the plan outline (src/workspace/plan-outline.ts), the same
 * words as the print view and the PDF, in the CDA narrative block's elements (paragraph, list, content), and
 * the list of what the document cannot carry as coded entries.
 */
import type { TreatmentPlan } from '../../plan/treatment-plan.ts';
import type { OutlineBlock } from '../../workspace/plan-outline.ts';
import { el, type XmlElement } from './xml-text.ts';

const bold = (text: string): XmlElement => el('content', { styleCode: 'Bold' }, text);

function blockNarrative(block: OutlineBlock): XmlElement[] {
  switch (block.kind) {
    case 'rows':
      return block.rows.map((row) => el('paragraph', {}, bold(`${row.label}: `), row.value));
    case 'list':
      return block.items.length === 0
        ? []
        : [el('paragraph', {}, bold(block.label)), el('list', {}, ...block.items.map((item) => el('item', {}, item)))];
    case 'paragraph':
      return [el('paragraph', {}, bold(`${block.label}: `), block.text)];
    case 'entry':
      return [el('paragraph', {}, bold(block.title)), ...block.blocks.flatMap(blockNarrative)];
    case 'none':
      return [el('paragraph', {}, block.text)];
  }
}

/** The `<text>` of a section: its outline blocks, or a sentence when there are none. */
export function sectionText(blocks: readonly OutlineBlock[], empty = 'None recorded.'): XmlElement {
  const content = blocks.flatMap(blockNarrative);
  return el('text', {}, content.length > 0 ? content : [el('paragraph', {}, empty)]);
}

const has = (value: unknown): boolean =>
  Array.isArray(value) ? value.length > 0 : typeof value === 'string' ? value.trim() !== '' : value !== undefined;

/**
 * What of the plan a C-CDA Care Plan document has no coded place for, one sentence each (the document's last
 * section lists them). The document writes the narrative of only the sections it codes (health concerns,
 * problems, goals, interventions, outcomes), so most of these are not in it at all; the few those sections'
 * narrative shows (progress notes, onsets in words, a diagnosis's verification, the plan a goal continues from)
 * a reader sees, but an import cannot read back as plan data.
 */
export function notCarried(plan: TreatmentPlan): string[] {
  const out: string[] = [];
  const add = (condition: boolean, sentence: string): void => {
    if (condition) out.push(sentence);
  };
  add(plan.status !== 'active', `The plan's status (${plan.status}): a C-CDA document has no status of its own.`);
  add(plan.intent !== 'plan', 'That the plan is a proposal.');
  add(has(plan.summary), 'The plan summary.');
  add(has(plan.contributors), 'Contributors to the plan.');
  const session = plan.session;
  add(
    has(session.id) ||
      has(session.start) ||
      has(session.contactMode) ||
      has(session.placeOfService) ||
      has(session.serviceType),
    'Session details (the encounter, contact mode, place of service, service type).'
  );
  add(has(plan.history.occupation), 'Occupation.');
  add(has(plan.history.psychosocialHistory), 'Psychosocial history.');
  add(has(plan.history.treatmentHistory), 'Treatment history (past treatments).');
  add(has(plan.history.assessmentIds), 'Which scores are intake assessments (they are carried as outcomes).');
  add(
    plan.presentingConcerns.some((c) => has(c.onset?.text)) || plan.diagnoses.some((d) => has(d.onset?.text)),
    'Onsets described in words.'
  );
  add(
    plan.diagnoses.some((d) => d.verificationStatus === 'provisional' || d.verificationStatus === 'differential'),
    'Provisional and differential verification of diagnoses.'
  );
  add(has(plan.contract.goalsForChange), 'Treatment contract: goals for change.');
  add(has(plan.contract.responsibilities), 'Treatment contract: responsibilities.');
  add(has(plan.contract.consent), 'Treatment contract: consent to treatment.');
  add(has(plan.strengths), 'Strengths.');
  add(Object.values(plan.schedule).some(has), 'Schedule (modality, format, frequency, session length, dates).');
  add(
    plan.goals.some((g) => has(g.carriedFrom)),
    'Which earlier plan a continuing goal was carried from.'
  );
  add(has(plan.progress.notes), 'Progress notes (shown in the narrative only).');
  add(has(plan.signatures), 'Signatures (FHIR Provenance records with the signed images).');
  add(has(plan.review.replaces), 'Which plan this plan revises.');
  add(has(plan.considerations.clientPreferences), 'Client preferences.');
  add(has(plan.considerations.culturalConsiderations), 'Cultural considerations.');
  add(has(plan.considerations.participants), 'Participants in the plan.');
  return out;
}
