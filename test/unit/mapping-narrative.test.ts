import fc from 'fast-check';
import type * as fhir from 'fhir/r4';
import { describe, expect, it } from 'vitest';
import { checkNarrativeDiv } from '../../src/conformance/narrative.ts';
import { escapeXhtml, planNarrative } from '../../src/mapping/narrative.ts';
import { planToFhir } from '../../src/mapping/plan-to-fhir.ts';
import type { TreatmentPlan } from '../../src/plan/treatment-plan.ts';
import { fullPlan } from '../support/full-plan.ts';
import { EHR_RECORDS } from '../support/mapping-world.ts';
import { planArbitrary } from '../support/plan-arbitrary.ts';

const HOSTILE = ` <script>alert("x")</script> & 'q' <img src=x onerror=alert(1)> <a href="javascript:alert(1)" target="_blank">`;
/** Fields that hold words (not ids, codes or dates). */
const WORDS = new Set([
  'title',
  'summary',
  'name',
  'text',
  'description',
  'application',
  'use',
  'note',
  'typedName',
  'relationship',
  'outcome',
  'provider',
  'occupation',
  'psychosocialHistory',
  'outcomeSummary',
  'goalsForChange',
  'clientPreferences',
  'culturalConsiderations',
  'notes',
  'label',
  'credentials',
]);

/** `value` with HOSTILE appended to every word field. */
function hostile<T>(value: T, key = ''): T {
  if (typeof value === 'string') return (WORDS.has(key) ? value + HOSTILE : value) as T;
  if (Array.isArray(value)) return value.map((v: unknown) => hostile(v, WORDS.has(key) ? key : '')) as T;
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, k === 'provider' && typeof v !== 'string' ? hostile(v) : hostile(v, k)])
    ) as T;
  }
  return value;
}

describe('the plan narrative', () => {
  const plan: TreatmentPlan = hostile(fullPlan());
  const div = planNarrative(plan);

  it('is one XHTML div that satisfies txt-1 and txt-2 whatever the clinician typed', () => {
    expect(div.startsWith('<div xmlns="http://www.w3.org/1999/xhtml">')).toBe(true);
    expect(checkNarrativeDiv(div)).toEqual([]);
  });

  it('escapes every text, so no script, image, link, target or event attribute gets in', () => {
    const tags = div.match(/<[^>]*>/g) ?? [];
    expect(tags.filter((tag) => /^<\/?(script|img|a)\b|\s(target|onerror|href|src)=/.test(tag))).toEqual([]);
    expect(tags.filter((tag) => tag.includes('=')).map((tag) => tag.replace(/^<(\w+).*/, '$1'))).toEqual(['div']);
    for (const text of [
      plan.title,
      plan.summary,
      plan.goals[0]?.description.text,
      plan.goals[0]?.objectives[0]?.description.text,
      plan.interventions[0]?.technique.text,
      plan.strengths[0]?.use,
      plan.considerations.participants[0]?.relationship,
      plan.considerations.culturalConsiderations[0],
      plan.signatures[0]?.typedName,
      plan.progress.notes[0]?.text,
      plan.progress.outcomeSummary,
      plan.history.occupation,
      plan.contract.goalsForChange[0],
      plan.presentingConcerns[0]?.concern.text,
    ]) {
      expect(text).toContain(HOSTILE);
      expect(div).toContain(escapeXhtml(text ?? ''));
    }
  });

  it('summarises every section of the plan', () => {
    const headings = [...planNarrative(fullPlan()).matchAll(/<h3>([^<]*)<\/h3>/g)].map((m) => m[1]);
    expect(headings).toEqual([
      'Client',
      'Session',
      'History and assessment',
      'Presenting concerns',
      'Diagnoses',
      'Treatment contract',
      'Strengths',
      'Modality and frequency',
      'Goals',
      'Interventions',
      'Progress and outcomes',
      'Signatures',
      'Review',
      'Considerations',
    ]);
  });

  it('still says something for a plan with nothing but a title', () => {
    const bare = planNarrative({ ...fullPlan(), title: ' ', summary: undefined, author: undefined, contributors: [] });
    expect(checkNarrativeDiv(bare)).toEqual([]);
  });

  it('is what the written CarePlan carries, marked generated', () => {
    const carePlan = planToFhir(plan, EHR_RECORDS).find((e) => e.resource.resourceType === 'CarePlan')
      ?.resource as fhir.CarePlan;
    expect(carePlan.text).toEqual({ status: 'generated', div });
  });

  it('satisfies txt-1 and txt-2 for arbitrary plans', () => {
    fc.assert(
      fc.property(planArbitrary, (p) => {
        expect(checkNarrativeDiv(planNarrative(p))).toEqual([]);
      }),
      { numRuns: 200 }
    );
  });
});
