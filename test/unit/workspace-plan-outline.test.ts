import { describe, expect, test } from 'vitest';
import { emptyPlan, type TreatmentPlan } from '../../src/plan/index.ts';
import { planOutline, type OutlineBlock, type PlanOutline } from '../../src/workspace/plan-outline.ts';
import { SECTIONS } from '../../src/workspace/sections.ts';
import { fullPlan } from '../support/full-plan.ts';
import { samplePlan, signedPlan } from './plan-fixtures.ts';

/** Every string an outline block shows, depth first. */
function blockText(block: OutlineBlock): string[] {
  switch (block.kind) {
    case 'rows':
      return block.rows.flatMap((row) => [row.label, row.value]);
    case 'list':
      return [block.label, ...block.items];
    case 'paragraph':
      return [block.label, block.text];
    case 'entry':
      return [block.title, ...block.blocks.flatMap(blockText)];
    case 'none':
      return [block.text];
  }
}

function sectionText(outline: PlanOutline, id: string): string[] {
  const section = outline.sections.find((s) => s.id === id);
  if (section === undefined) throw new Error(`the outline has no ${id} section`);
  return section.blocks.flatMap(blockText);
}

function rowValue(outline: PlanOutline, id: string, label: string): string | undefined {
  const section = outline.sections.find((s) => s.id === id);
  for (const block of section?.blocks ?? []) {
    if (block.kind === 'rows') {
      const row = block.rows.find((r) => r.label === label);
      if (row !== undefined) return row.value;
    }
  }
  return undefined;
}

describe('the printed plan outline', () => {
  test('has the client first, then every workspace section in order, each under its workspace title', () => {
    const outline = planOutline(fullPlan());
    expect([...outline.sections.map((s) => s.heading), outline.signaturesHeading]).toEqual([
      'Client',
      ...SECTIONS.map((s) => s.title),
    ]);
    for (const section of outline.sections) expect(section.blocks.length).toBeGreaterThan(0);
  });

  test('names the client with the second identifier and date of birth, and the provider with credentials', () => {
    const outline = planOutline(samplePlan());
    expect(outline.client).toEqual({ name: 'George Smith', identifier: 'MRN MRN-1001' });
    expect(rowValue(outline, 'client', 'Name')).toBe('George Smith');
    expect(rowValue(outline, 'client', 'MRN')).toBe('MRN-1001');
    expect(rowValue(outline, 'client', 'Date of birth')).toBe('12 May 1984');
    expect(rowValue(outline, 'session', 'Provider')).toBe('Dana Rivera, LCSW');
  });

  test('gives the session date, start and stop time as entered, and the place of service', () => {
    const outline = planOutline(fullPlan());
    expect(rowValue(outline, 'session', 'Date of service')).toBe('5 Jan 2026');
    expect(rowValue(outline, 'session', 'Start time')).toBe('10:00');
    expect(rowValue(outline, 'session', 'Stop time')).toBe('10:55');
    expect(rowValue(outline, 'session', 'Place of service')).toBe('Office (11)');
    expect(rowValue(outline, 'session', 'Kind of session')).toBe('90791 Psychiatric diagnostic evaluation');
  });

  test('says what is missing instead of leaving insurer-required fields blank', () => {
    const plan = samplePlan();
    const bare: TreatmentPlan = { ...plan, session: {}, client: { ...plan.client, identifiers: [] } };
    const outline = planOutline(bare);
    expect(rowValue(outline, 'session', 'Date of service')).toBe('Not recorded');
    expect(rowValue(outline, 'session', 'Provider')).toBe('Not recorded');
    expect(rowValue(outline, 'client', 'Second identifier')).toBe('None on record');
    expect(outline.client).toEqual({ name: 'George Smith' });
  });

  test('lists goals with measurable targets, their objectives, and the interventions that serve them', () => {
    const outline = planOutline(samplePlan());
    const goals = outline.sections.find((s) => s.id === 'goals')?.blocks ?? [];
    const first = goals[0];
    expect(first?.kind === 'entry' ? first.title : undefined).toBe(
      'Goal 1: Reduce depressive symptoms to the mild range'
    );
    const goalText = sectionText(outline, 'goals');
    expect(goalText).toContain('PHQ-9 total score below 10 by 1 Jun 2026');
    expect(goalText).toContain('Objective 1.1: Challenge three negative automatic thoughts a week');
    expect(goalText).toContain('Thought records completed per week at least 3 times per week by 1 Apr 2026');
    expect(goalText).toContain('Hours of sleep per night at least 7 hours by 1 May 2026');
    // "=" and "%" read as the progress views say them.
    expect(sectionText(planOutline(fullPlan()), 'goals')).toContain('Nights with 6 hours of sleep exactly 80%');
    const interventions = sectionText(outline, 'interventions');
    expect(interventions).toContain('Intervention 1: Cognitive restructuring (CBT)');
    expect(interventions).toContain('Goal 1, Objective 1.1');
    expect(interventions).toContain('1 time per week');
  });

  test('shows every section of a full plan in clinician words', () => {
    const outline = planOutline(fullPlan());
    expect(sectionText(outline, 'history')).toContain('Past treatment: Supportive counselling');
    expect(sectionText(outline, 'concerns')).toContain('Wakes at 4 am most days and cannot get back to sleep');
    expect(sectionText(outline, 'diagnoses')).toContain(
      'Major depressive disorder, recurrent, moderate (ICD-10-CM F33.1; SNOMED CT 370143000)'
    );
    expect(sectionText(outline, 'contract')).toEqual(
      expect.arrayContaining([
        'Get back to work full time',
        'Sam Avery: Join one session a month to plan shared activities.',
        'Consents to treatment',
      ])
    );
    expect(sectionText(outline, 'strengths')).toContain('Close, supportive sister');
    expect(rowValue(outline, 'schedule', 'Session length')).toBe('53 minutes');
    expect(sectionText(outline, 'progress')).toContain('2 Mar 2026: PHQ-9 total score 12 (Goal 1)');
    expect(rowValue(outline, 'review', 'Next review')).toBe('5 Apr 2026');
    expect(rowValue(outline, 'review', 'Plan period starts')).toBe('5 Jan 2026');
    expect(sectionText(outline, 'considerations')).toEqual(
      expect.arrayContaining(['Morning appointments', 'Prefers not to schedule on religious holidays'])
    );
  });

  test('a new, empty plan has every section, each saying what is not recorded yet', () => {
    const blank = emptyPlan({ id: 'plan-new', client: samplePlan().client, today: '2026-03-02' });
    const outline = planOutline(blank);
    expect(outline.sections.map((s) => s.id)).toEqual([
      'client',
      ...SECTIONS.map((s) => s.id).filter((id) => id !== 'signatures'),
    ]);
    for (const section of outline.sections) expect(section.blocks.length).toBeGreaterThan(0);
    expect(sectionText(outline, 'goals')).toEqual(['No goals yet.']);
    expect(sectionText(outline, 'interventions')).toEqual(['No interventions yet.']);
    expect(sectionText(outline, 'concerns')).toEqual(['None recorded.']);
    expect(rowValue(outline, 'session', 'Provider')).toBe('Not recorded');
    expect(rowValue(outline, 'review', 'Plan status')).toBe('Draft');
  });

  test('an unsigned plan has empty signature lines for the clinician and the client', () => {
    expect(planOutline(samplePlan()).signatures).toEqual([
      { role: 'Clinician' },
      { role: 'Client (or parent or guardian)' },
    ]);
  });

  test('a signed plan shows each signature with signer, typed name, time, version and drawn image', () => {
    const plan = fullPlan();
    const withVersion: TreatmentPlan = {
      ...plan,
      signatures: plan.signatures.map((s) => ({ ...s, planVersion: '4' })),
    };
    const lines = planOutline(withVersion).signatures;
    expect(lines).toEqual([
      {
        role: 'Clinician',
        signed: {
          signer: 'Dana Rivera',
          typedName: 'Dana Rivera, LCSW',
          signedAt: '5 Jan 2026, 10:58',
          planVersion: '4',
        },
      },
      {
        role: 'Client',
        signed: {
          signer: 'Jordan Avery',
          typedName: 'Jordan Avery',
          signedAt: '5 Jan 2026, 10:59',
          planVersion: '4',
          image: 'iVBORw0KGgoAAAANSUhEUgAAAAE=',
        },
      },
    ]);
    // The client's line is still open when only the clinician has signed.
    expect(planOutline({ ...signedPlan(), signatures: signedPlan().signatures.slice(0, 1) }).signatures).toEqual([
      expect.objectContaining({ role: 'Clinician' }),
      { role: 'Client (or parent or guardian)' },
    ]);
  });

  test('a plan signed although incomplete carries the clinician’s reason on their signature line only', () => {
    const plan = fullPlan();
    const reason = 'Client in crisis; safety plan needed today, goals to follow next session.';
    const signedIncomplete: TreatmentPlan = {
      ...plan,
      signatures: plan.signatures.map((s) => (s.role === 'clinician' ? { ...s, incompleteReason: reason } : s)),
    };
    const lines = planOutline(signedIncomplete).signatures;
    expect(lines.map((line) => [line.role, line.signed?.incompleteReason])).toEqual([
      ['Clinician', reason],
      ['Client', undefined],
    ]);
    expect(lines[1]?.signed).not.toHaveProperty('incompleteReason');
  });

  test('keeps hostile strings from the server exactly as text', () => {
    const payload = '<img src=x onerror="alert(1)"><script>alert(2)</script>';
    const plan = samplePlan();
    const hostile: TreatmentPlan = {
      ...plan,
      client: { ...plan.client, name: payload, identifiers: [{ label: 'MRN', value: payload }] },
      strengths: [{ id: 's-x', description: payload, use: payload }],
    };
    const outline = planOutline(hostile);
    expect(outline.client).toEqual({ name: payload, identifier: `MRN ${payload}` });
    expect(sectionText(outline, 'strengths')).toEqual([payload, 'How the plan uses it', payload]);
  });
});
