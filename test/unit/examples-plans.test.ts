import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type * as fhir from 'fhir/r4';
import { describe, expect, it } from 'vitest';
import { planFromFhir } from '../../src/mapping/plan-from-fhir.ts';
import { ageOn } from '../../src/plan/age.ts';
import { checkCompleteness } from '../../src/plan/completeness/check-completeness.ts';
import { revisePlan } from '../../src/plan/revise.ts';
import { checkPlanRules } from '../../src/plan/rules/check-plan-rules.ts';
import type { Code, Measurement, SignerRole, TreatmentPlan } from '../../src/plan/treatment-plan.ts';
import { examplesDir, exampleFileName } from '../../tools/examples/example-output.ts';
import { EXAMPLES, currentPlan } from '../../tools/examples/plans/example-plans.ts';

const TODAY = '2026-11-27';

function bundleOf(client: string): fhir.Bundle {
  return JSON.parse(readFileSync(join(examplesDir, exampleFileName(client)), 'utf8')) as fhir.Bundle;
}

/** Each client's current plan as planFromFhir reads it from the committed Bundle. */
const readPlans = new Map(
  EXAMPLES.map((example) => [
    example.client,
    planFromFhir([bundleOf(example.client)], { planId: currentPlan(example).id }).plan,
  ])
);

function readPlan(client: string): TreatmentPlan {
  const plan = readPlans.get(client);
  if (!plan) throw new Error(`No example for ${client}`);
  return plan;
}

const clients = EXAMPLES.map((e) => e.client);
const codesOf = (codes: readonly Code[], system: string): string[] =>
  codes.filter((c) => c.system === system).map((c) => c.code);
const ICD10 = 'http://hl7.org/fhir/sid/icd-10-cm';
const SNOMED = 'http://snomed.info/sct';
const LOINC = 'http://loinc.org';

function monthsSpanned(measurements: readonly Measurement[]): number {
  const times = measurements.map((m) => Date.parse(m.date)).sort((a, b) => a - b);
  const first = times[0] ?? 0;
  const last = times.at(-1) ?? 0;
  return (last - first) / (1000 * 60 * 60 * 24 * 30.44);
}

function monthsBetween(from: string, to: string): number {
  return (Date.parse(to) - Date.parse(from)) / (1000 * 60 * 60 * 24 * 30.44);
}

describe.each(clients)('%s’s current plan, read back from the example Bundle', (client) => {
  const plan = readPlan(client);

  it('has its session: date, start and stop with zone offsets, place of service, CPT and a credentialed provider', () => {
    const session = plan.session;
    expect(session.dateOfService).toMatch(/^2026-\d\d-\d\d$/);
    expect(session.start?.startsWith(session.dateOfService ?? '?')).toBe(true);
    expect(session.start).toMatch(/T\d\d:\d\d:\d\d-0[56]:00$/);
    expect(session.end).toMatch(/T\d\d:\d\d:\d\d-0[56]:00$/);
    expect(session.placeOfService?.system).toBe(
      'https://www.cms.gov/Medicare/Coding/place-of-service-codes/Place_of_Service_Code_Set'
    );
    expect(session.serviceType).toMatchObject({ system: 'http://www.ama-assn.org/go/cpt' });
    expect(session.provider).toMatchObject({ name: 'Dana Rivera', credentials: ['LCSW'] });
    expect(session.provider?.specialty?.code).toBe('1041C0700X');
  });

  it('identifies the client by name, birth date and record number', () => {
    expect(plan.client.name).not.toBe('');
    expect(plan.client.birthDate).toMatch(/^\d{4}-\d\d-\d\d$/);
    expect(plan.client.identifiers.map((i) => i.value)).toContainEqual(expect.stringMatching(/^SB-\d{6}$/));
  });

  it('has history and assessment: occupation, psychosocial history, past treatment and intake scores', () => {
    expect(plan.history.occupation).toBeTruthy();
    expect(plan.history.psychosocialHistory?.length).toBeGreaterThan(200);
    expect(plan.history.treatmentHistory.length).toBeGreaterThanOrEqual(2);
    expect(plan.history.treatmentHistory.every((t) => t.outcome && t.start)).toBe(true);
    expect(plan.history.assessmentIds.length).toBeGreaterThan(0);
  });

  it('has presenting concerns and a focus diagnosis coded in ICD-10-CM, beside a comorbidity', () => {
    expect(plan.presentingConcerns.length).toBeGreaterThanOrEqual(3);
    const focus = plan.diagnoses.filter((d) => d.role === 'focus');
    expect(focus).toHaveLength(1);
    expect(codesOf(focus[0]?.condition.codes ?? [], ICD10)).toHaveLength(1);
    expect(plan.diagnoses.some((d) => d.role === 'comorbidity')).toBe(true);
  });

  it('has a treatment contract: goals for change in the client’s words, shared responsibilities and signed consent', () => {
    const contract = plan.contract;
    expect(contract.goalsForChange.length).toBeGreaterThanOrEqual(3);
    expect(contract.goalsForChange.every((g) => /\bI\b|\bmy\b/i.test(g))).toBe(true);
    expect(new Set(contract.responsibilities.map((r) => r.party))).toEqual(new Set(['client', 'clinician', 'family']));
    expect(contract.consent).toMatchObject({ status: 'active', decision: 'permit' });
    expect(contract.consent?.modalities.length).toBeGreaterThan(0);
    expect(contract.consent?.document?.contentType).toBe('application/pdf');
    expect(Buffer.from(contract.consent?.document?.data ?? '', 'base64').toString('latin1')).toMatch(/^%PDF-1\.4/);
  });

  it('has strengths, each with how it will be used', () => {
    expect(plan.strengths.length).toBeGreaterThanOrEqual(3);
    expect(plan.strengths.every((s) => (s.use ?? '').length > 10)).toBe(true);
  });

  it('has modality, format, frequency, session length and target dates', () => {
    expect(plan.schedule).toMatchObject({ sessionFrequency: { count: 1, per: 1, unit: 'wk' } });
    expect(plan.schedule.modality?.codes.length).toBeGreaterThan(0);
    expect(plan.schedule.format?.codes[0]?.code).toBe('18512000');
    expect([45, 60]).toContain(plan.schedule.sessionMinutes);
    expect(plan.schedule.startDate && plan.schedule.targetEndDate).toBeTruthy();
  });

  it('has three measurable goals, each with two or more objectives with targets and due dates', () => {
    expect(plan.goals).toHaveLength(3);
    for (const goal of plan.goals) {
      expect(goal.targets.length, goal.description.text).toBeGreaterThan(0);
      expect(goal.targets.every((t) => t.dueDate !== undefined && t.measure.text !== '')).toBe(true);
      expect(goal.objectives.length, goal.description.text).toBeGreaterThanOrEqual(2);
      for (const objective of goal.objectives) {
        expect(objective.targets[0]?.dueDate, objective.description.text).toBeDefined();
      }
    }
  });

  it('has interventions linked to its goals, with how each is applied and how often', () => {
    const goalIds = new Set(plan.goals.flatMap((g) => [g.id, ...g.objectives.map((o) => o.id)]));
    expect(plan.interventions.length).toBeGreaterThanOrEqual(4);
    for (const intervention of plan.interventions) {
      expect(intervention.goalIds.length).toBeGreaterThan(0);
      expect(intervention.goalIds.every((id) => goalIds.has(id))).toBe(true);
      expect(intervention.application?.length).toBeGreaterThan(20);
      expect(intervention.frequency).toBeDefined();
    }
    for (const goal of plan.goals) {
      expect(plan.interventions.some((i) => i.goalIds.includes(goal.id))).toBe(true);
    }
  });

  it('has at least three months of measurements, progress notes and an outcome summary', () => {
    expect(monthsSpanned(plan.progress.measurements)).toBeGreaterThanOrEqual(3);
    expect(plan.progress.measurements.length).toBeGreaterThanOrEqual(20);
    expect(plan.progress.notes.length).toBeGreaterThanOrEqual(3);
    expect(plan.progress.outcomeSummary?.length).toBeGreaterThan(100);
  });

  it('has a review period whose next review is one to six months after it starts', () => {
    const { periodStart, nextReviewDate } = plan.review;
    const months = monthsBetween(periodStart ?? '', nextReviewDate ?? '');
    expect(months).toBeGreaterThanOrEqual(1);
    expect(months).toBeLessThanOrEqual(6.1);
  });

  it('has the client’s preferences and cultural considerations', () => {
    expect(plan.considerations.clientPreferences.length).toBeGreaterThanOrEqual(2);
    expect(plan.considerations.culturalConsiderations.length).toBeGreaterThanOrEqual(2);
  });

  it('keeps every plan rule and passes the completeness check', () => {
    expect(checkPlanRules(plan)).toEqual([]);
    expect(checkCompleteness(plan, TODAY).filter((item) => !item.passed)).toEqual([]);
  });
});

describe('the signatures on each current plan', () => {
  const roles = (client: string): SignerRole[] => readPlan(client).signatures.map((s) => s.role);

  it('are the client’s and the clinician’s for the adults, with typed names', () => {
    for (const client of ['george-smith', 'robert-johnson', 'michael-jones']) {
      expect(new Set(roles(client))).toEqual(new Set(['client', 'clinician']));
      expect(
        readPlan(client).signatures.every((s) => s.typedName === s.signer.name || s.typedName.startsWith(s.signer.name))
      ).toBe(true);
    }
  });

  it('are his mother’s as guardian, John’s assent, the clinician’s and the clinical director’s for John Doe', () => {
    const plan = readPlan('john-doe');
    expect(roles('john-doe')).toEqual(['guardian', 'client', 'clinician', 'supervisor']);
    expect(plan.signatures[0]?.signer.name).toBe('Jane Doe');
    expect(ageOn(plan.client.birthDate ?? '', plan.signatures[1]?.signedAt.slice(0, 10) ?? '')).toBe(17);
    expect(plan.contract.consent?.grantor?.name).toBe('Jane Doe');
    expect(plan.considerations.participants).toEqual([
      expect.objectContaining({ relationship: 'Mother and legal guardian' }),
    ]);
  });
});

describe('the example plans’ clinical codes', () => {
  const focus = (client: string): Code[] =>
    readPlan(client)
      .diagnoses.find((d) => d.role === 'focus')
      ?.condition.codes.slice() ?? [];
  const measureCodes = (client: string): string[] =>
    readPlan(client).progress.measurements.flatMap((m) => codesOf(m.measure.codes, LOINC));

  it('are the diagnoses DESIGN.md names, with SNOMED CT where it lists one (or where it was checked)', () => {
    expect([codesOf(focus('george-smith'), ICD10), codesOf(focus('george-smith'), SNOMED)]).toEqual([
      ['F33.1'],
      ['370143000'],
    ]);
    expect([codesOf(focus('robert-johnson'), ICD10), codesOf(focus('robert-johnson'), SNOMED)]).toEqual([
      ['F41.1'],
      ['21897009'],
    ]);
    expect(codesOf(focus('michael-jones'), ICD10)).toEqual(['F43.10']);
    expect([codesOf(focus('john-doe'), ICD10), codesOf(focus('john-doe'), SNOMED)]).toEqual([['F10.10'], []]);
  });

  it('track PHQ-9 for George, GAD-7 for Robert, and AUDIT-C with the teen PHQ for John', () => {
    expect(measureCodes('george-smith').filter((c) => c === '44261-6').length).toBeGreaterThanOrEqual(10);
    expect(measureCodes('robert-johnson').filter((c) => c === '70274-6').length).toBeGreaterThanOrEqual(10);
    expect(new Set(measureCodes('john-doe'))).toEqual(new Set(['75626-2', '89204-2']));
  });

  it('record the PCL-5 total in words only, never under another scale’s code', () => {
    const pcl5 = readPlan('michael-jones').progress.measurements.filter((m) => m.measure.text.startsWith('PCL-5'));
    expect(pcl5.length).toBeGreaterThanOrEqual(8);
    expect(pcl5.every((m) => m.measure.codes.length === 0)).toBe(true);
    const bundleCodes = JSON.stringify(bundleOf('michael-jones'));
    expect(bundleCodes).not.toContain('101697-1');
  });

  it('show George’s PHQ-9 falling from the severe range to the mild one', () => {
    const phq9 = readPlan('george-smith')
      .progress.measurements.filter((m) => codesOf(m.measure.codes, LOINC).includes('44261-6'))
      .sort((a, b) => a.date.localeCompare(b.date))
      .map((m) => m.value.value);
    expect(phq9[0]).toBeGreaterThanOrEqual(20);
    expect(phq9.at(-1)).toBeLessThan(10);
    expect(phq9.every((v, i) => i === 0 || v <= (phq9[i - 1] ?? 0))).toBe(true);
  });

  it('label John’s substance-use plan ETH beside PSY, and the adults’ plans PSY only', () => {
    const security = (client: string): string[] =>
      (bundleOf(client).entry ?? [])
        .map((e) => e.resource)
        .filter((r): r is fhir.CarePlan => r?.resourceType === 'CarePlan')
        .flatMap((r) => r.meta?.security?.map((s) => s.code ?? '') ?? []);
    expect(security('john-doe')).toEqual(['PSY', 'ETH']);
    expect(security('robert-johnson')).toEqual(['PSY']);
  });
});

describe('George Smith’s revised plan', () => {
  const [initial, revised] = EXAMPLES[0]?.plans ?? [];
  if (!initial || !revised) throw new Error('George Smith has two plans');

  it('replaces the first plan, which is completed', () => {
    expect(initial.status).toBe('completed');
    expect(revised.review.replaces).toBe(initial.id);
  });

  it('carries over the goals revisePlan would carry, as the same goals, and drops the achieved one', () => {
    const carried = revisePlan(initial, '2026-08-24', revised.id).goals;
    const carriedIds = carried.map((g) => g.id);

    expect(revised.goals.filter((g) => g.carriedFrom === initial.id).map((g) => g.id)).toEqual(carriedIds);
    for (const goal of carried) {
      const objectiveIds = revised.goals.find((g) => g.id === goal.id)?.objectives.map((o) => o.id);
      expect(objectiveIds).toEqual(expect.arrayContaining(goal.objectives.map((o) => o.id)));
    }
    expect(revised.goals.map((g) => g.id)).not.toContain('gs-goal-activities');
  });

  it('is written as one Goal record per carried goal, listed by both CarePlans', () => {
    const resources = (bundleOf('george-smith').entry ?? []).map((e) => ({ fullUrl: e.fullUrl, resource: e.resource }));
    const plans = resources
      .filter((r) => r.resource?.resourceType === 'CarePlan')
      .map((r) => r.resource as fhir.CarePlan);
    const goalRefs = plans.map((p) => new Set(p.goal?.map((g) => g.reference)));
    const shared = [...(goalRefs[0] ?? [])].filter((ref) => goalRefs[1]?.has(ref));
    const moodGoals = resources.filter(
      (r) =>
        r.resource?.resourceType === 'Goal' &&
        (r.resource as fhir.Goal).description.text?.startsWith('Reduce depressive')
    );

    expect(plans).toHaveLength(2);
    expect(moodGoals).toHaveLength(1);
    expect(shared).toContain(moodGoals[0]?.fullUrl);
  });
});

describe('the examples’ dates', () => {
  it('all lie in 2026 and none after the examples’ day, apart from plans for the future', () => {
    for (const example of EXAMPLES) {
      for (const plan of example.plans) {
        const recorded = [
          plan.session.start,
          ...plan.progress.measurements.map((m) => m.date),
          ...plan.progress.notes.map((n) => n.date),
          ...plan.signatures.map((s) => s.signedAt),
        ];
        expect(recorded.every((d) => d !== undefined && d >= '2026-01-01' && d.slice(0, 10) <= TODAY)).toBe(true);
      }
    }
  });
});
