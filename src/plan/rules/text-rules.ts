/** The words that make a part what it is are not blank (FHIR also forbids empty strings). */
import { goalLikesOf } from '../ids.ts';
import type { TreatmentPlan } from '../treatment-plan.ts';
import type { RuleViolation } from './rule-violation.ts';

export function checkTexts(plan: TreatmentPlan): RuleViolation[] {
  const violations: RuleViolation[] = [];
  const need = (text: string, path: string, what: string): void => {
    if (text.trim() === '')
      violations.push({ rule: 'blank-text', severity: 'error', message: `${what} is blank.`, path });
  };
  need(plan.title, 'title', 'The plan’s title');
  plan.history.treatmentHistory.forEach((t, i) => {
    need(t.treatment.text, `history.treatmentHistory[${i}].treatment.text`, 'A past treatment');
  });
  plan.presentingConcerns.forEach((c, i) => {
    need(c.concern.text, `presentingConcerns[${i}].concern.text`, 'A presenting concern');
  });
  plan.diagnoses.forEach((d, i) => {
    need(d.condition.text, `diagnoses[${i}].condition.text`, 'A diagnosis');
  });
  plan.contract.goalsForChange.forEach((text, i) => {
    need(text, `contract.goalsForChange[${i}]`, 'A goal for change');
  });
  plan.contract.responsibilities.forEach((r, i) => {
    need(r.description, `contract.responsibilities[${i}].description`, 'A responsibility');
  });
  plan.strengths.forEach((s, i) => {
    need(s.description, `strengths[${i}].description`, 'A strength');
  });
  for (const { path, objectiveIndex, item } of goalLikesOf(plan)) {
    need(item.description.text, `${path}.description.text`, objectiveIndex === undefined ? 'A goal' : 'An objective');
  }
  plan.interventions.forEach((intervention, i) => {
    need(intervention.technique.text, `interventions[${i}].technique.text`, 'An intervention’s technique');
  });
  plan.progress.notes.forEach((n, i) => {
    need(n.text, `progress.notes[${i}].text`, 'A progress note');
  });
  plan.signatures.forEach((s, i) => {
    need(s.typedName, `signatures[${i}].typedName`, 'A signature’s typed name');
    if (s.incompleteReason !== undefined) {
      need(s.incompleteReason, `signatures[${i}].incompleteReason`, 'The reason for signing an incomplete plan');
    }
  });
  plan.considerations.clientPreferences.forEach((text, i) => {
    need(text, `considerations.clientPreferences[${i}]`, 'A client preference');
  });
  plan.considerations.culturalConsiderations.forEach((text, i) => {
    need(text, `considerations.culturalConsiderations[${i}]`, 'A cultural consideration');
  });
  plan.considerations.participants.forEach((p, i) => {
    need(p.person.name, `considerations.participants[${i}].person.name`, 'A participant’s name');
    need(
      p.relationship,
      `considerations.participants[${i}].relationship`,
      'A participant’s relationship to the client'
    );
  });
  return violations;
}
