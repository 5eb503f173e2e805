import { describe, expect, it } from 'vitest';
import { ccdaImportInput, planToCcda } from '../../src/exchange/ccda/index.ts';
import { OID } from '../../src/exchange/ccda/ccda-codes.ts';
import { xmlWellFormedness } from '../../src/exchange/ccda/xml-text.ts';
import { planFromFhir } from '../../src/mapping/plan-from-fhir.ts';
import { readPlanInput } from '../../src/mapping/read-plan-input.ts';
import type { TreatmentPlan } from '../../src/plan/treatment-plan.ts';
import { EXAMPLES } from '../../tools/examples/plans/example-plans.ts';
import { exampleRecords, type ExampleClient } from './workspace-example-records.ts';

const NOW = new Date('2026-11-27T15:00:00Z');
const PLANS = EXAMPLES.flatMap((example) =>
  example.plans.map((plan) => ({ client: example.client as ExampleClient, planId: plan.id, title: plan.title }))
);

/** Without server addresses, which differ from one system to the next. */
const portable = <T>(value: T): T =>
  JSON.parse(JSON.stringify(value), (key, inner: unknown) => (key === 'reference' ? undefined : inner)) as T;

/**
 * The parts of a plan a C-CDA Care Plan document carries: header, health concerns, diagnoses, goals with their
 * targets and objectives, interventions, measurements and the outcome summary, the plan period. Left out: what
 * the document reports as not carried (onsets in words, a verification other than refuted, the goal a plan
 * carried over, progress notes).
 */
function carried(plan: TreatmentPlan): unknown {
  const withoutOnsetWords = <T extends { readonly onset?: { readonly date?: string; readonly text?: string } }>(
    item: T
  ): T => {
    const { onset, ...rest } = item;
    return (onset?.date === undefined ? rest : { ...rest, onset: { date: onset.date } }) as T;
  };
  return portable({
    id: plan.id,
    title: plan.title,
    created: plan.created,
    author: plan.author?.name,
    client: { name: plan.client.name, birthDate: plan.client.birthDate, gender: plan.client.gender },
    presentingConcerns: plan.presentingConcerns.map(withoutOnsetWords),
    diagnoses: plan.diagnoses.map((d) => {
      const { verificationStatus, ...rest } = withoutOnsetWords(d);
      return verificationStatus === 'refuted' ? { ...rest, verificationStatus } : rest;
    }),
    goals: plan.goals.map((goal) => ({ ...goal, carriedFrom: undefined })),
    interventions: plan.interventions,
    measurements: plan.progress.measurements,
    outcomeSummary: plan.progress.outcomeSummary,
    review: { periodStart: plan.review.periodStart, nextReviewDate: plan.review.nextReviewDate },
  });
}

describe.each(PLANS)('the C-CDA Care Plan document of $client, "$title"', ({ client, planId }) => {
  const records = exampleRecords(client);
  const original = planFromFhir(records, { planId }).plan;
  const exported = planToCcda(records, { planId, now: NOW });

  it('is a well-formed C-CDA R2.1 Care Plan document with the care-plan sections, each with narrative', () => {
    expect(xmlWellFormedness(exported.xml)).toEqual({ root: 'ClinicalDocument' });
    expect(exported.xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n')).toBe(true);
    expect(exported.xml.endsWith('</ClinicalDocument>\n')).toBe(true);
    expect(exported.xml).toContain('<templateId root="2.16.840.1.113883.10.20.22.1.15" extension="2015-08-01"/>');
    expect(exported.xml).toContain('<code code="52521-2" codeSystem="2.16.840.1.113883.6.1"');
    for (const section of ['75310-3', '11450-4', '61146-7', '62387-6', '11383-7']) {
      const at = exported.xml.indexOf(`<code code="${section}"`);
      expect(at, `section ${section}`).toBeGreaterThan(0);
      expect(exported.xml.slice(at, exported.xml.indexOf('</text>', at))).toMatch(/<paragraph>/);
    }
    for (const goal of original.goals) {
      expect(exported.xml).toContain(`<id root="${OID.record}" extension="${goal.id}"/>`);
    }
  });

  it('imports back as the same plan in every part C-CDA carries', async () => {
    const imported = await ccdaImportInput(exported.xml);
    const reading = readPlanInput(imported.input.json);

    expect(reading.source).toBe('care-plan');
    expect(reading.notUnderstood).toEqual([]);
    expect(carried(reading.plan)).toEqual(carried(original));
    expect(imported.input.shape).toBe('collection');
  });

  it('reports on import what C-CDA cannot carry', async () => {
    const imported = await ccdaImportInput(exported.xml);
    const reasons = imported.notUnderstood.map((n) => n.reason).join('\n');
    const expectations: readonly (readonly [boolean, RegExp])[] = [
      [original.signatures.length > 0, /Signatures/],
      [original.progress.notes.length > 0, /Progress notes/],
      [original.strengths.length > 0, /Strengths/],
      [original.contract.responsibilities.length > 0, /responsibilities/],
      [original.contract.consent !== undefined, /consent to treatment/],
      [original.considerations.participants.length > 0, /Participants/],
      [original.review.replaces !== undefined, /revises/],
      [original.goals.some((g) => g.carriedFrom !== undefined), /carried from/],
      [original.history.treatmentHistory.length > 0, /Treatment history/],
      [original.diagnoses.some((d) => d.verificationStatus === 'provisional'), /Provisional/],
      [original.presentingConcerns.some((c) => c.onset?.text !== undefined), /Onsets described in words/],
    ];
    for (const [held, reported] of expectations) {
      if (held) expect(reasons).toMatch(reported);
      else expect(reasons).not.toMatch(reported);
    }
    expect(exported.notCarried.length).toBe(imported.notUnderstood.length);
  });
});
