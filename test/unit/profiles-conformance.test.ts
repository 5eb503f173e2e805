import type * as fhir from 'fhir/r4';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkConformance } from '../../src/conformance/check.ts';
import type { ConformanceDefinitions } from '../../src/conformance/definitions.ts';
import type { ConformanceIssue } from '../../src/conformance/issue.ts';
import { nodeConformanceDefinitions, readGenerated } from '../../tools/profiles/definitions.ts';
import * as example from './profiles-fixtures.ts';

let definitions: ConformanceDefinitions;
beforeAll(async () => {
  definitions = await nodeConformanceDefinitions();
});

const errors = (resource: fhir.FhirResource): ConformanceIssue[] =>
  checkConformance(resource, definitions).filter((issue) => issue.severity === 'error');
const errorAt = (resource: fhir.FhirResource, location: string): ConformanceIssue[] =>
  errors(resource).filter((issue) => issue.location === location);

describe('our profiles', () => {
  it.each(Object.entries(example.conformingByProfile))('accept a conforming %s with no errors', (id, make) => {
    const resource = make();
    expect(resource.meta?.profile).toEqual([example.profileUrl(id)]);
    expect(definitions.profiles.has(example.profileUrl(id))).toBe(true);
    expect(errors(resource)).toEqual([]);
  });

  it('accept a presenting concern recorded as text only', () => {
    expect(errors(example.presentingConcern())).toEqual([]);
  });

  it('reject a plan without a subject, at CarePlan.subject', () => {
    const plan: Partial<fhir.CarePlan> = example.carePlan();
    delete plan.subject;
    expect(errorAt(plan as fhir.CarePlan, 'CarePlan.subject')).not.toEqual([]);
  });

  it('reject a plan that lacks the mental health care plan category, at CarePlan.category', () => {
    const plan = example.carePlan();
    plan.category = plan.category?.slice(0, 1);
    expect(errorAt(plan, 'CarePlan.category').map((i) => i.message)).toContainEqual(
      expect.stringContaining("slice 'mentalHealthCarePlan'")
    );
  });

  it('reject a plan whose assess-plan category is replaced by another code', () => {
    const plan = example.carePlan();
    plan.category = [
      { coding: [{ system: 'http://hl7.org/fhir/us/core/CodeSystem/careplan-category', code: 'other' }] },
      ...(plan.category?.slice(1) ?? []),
    ];
    expect(errorAt(plan, 'CarePlan.category').map((i) => i.message)).toContainEqual(
      expect.stringContaining("slice 'assessPlan'")
    );
  });

  it('reject a plan with intent proposal, at CarePlan.intent', () => {
    expect(errorAt({ ...example.carePlan(), intent: 'proposal' }, 'CarePlan.intent')).not.toEqual([]);
  });

  it('reject anything the app writes without the PSY sensitivity label, at meta.security', () => {
    const goal = example.goal();
    goal.meta = {
      ...goal.meta,
      security: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-Confidentiality', code: 'R' }],
    };
    expect(errorAt(goal, 'Goal.meta.security')).not.toEqual([]);
  });

  it('reject a goal that is not in the behavioral category, at Goal.category', () => {
    const goal = example.goal();
    goal.category = [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/goal-category', code: 'dietary' }] }];
    expect(errorAt(goal, 'Goal.category')).not.toEqual([]);
  });

  it('reject a goal relationship that has no target goal (tp-goal-1)', () => {
    const goal = example.goal();
    goal.extension = [
      {
        url: 'http://hl7.org/fhir/StructureDefinition/goal-relationship',
        extension: goal.extension?.[0]?.extension?.slice(0, 1),
      },
    ];
    expect(errors(goal).map((i) => i.rule)).toContain('tp-goal-1');
  });

  it('reject a condition that is neither a problem, a diagnosis nor a health concern (tp-con-1)', () => {
    const condition = example.condition();
    condition.category = [{ text: 'Something else' }];
    expect(errorAt(condition, 'Condition').map((i) => i.rule)).toContain('tp-con-1');
  });

  it('reject a consent whose scope is not treatment, at Consent.scope', () => {
    const consent = example.consent();
    consent.scope = { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/consentscope', code: 'research' }] };
    expect(errorAt(consent, 'Consent.scope')).not.toEqual([]);
  });

  it('reject an intervention scheduled as a single dateTime instead of a timing', () => {
    const request: fhir.ServiceRequest = { ...example.serviceRequest(), occurrenceDateTime: '2026-01-12' };
    delete request.occurrenceTiming;
    expect(errorAt(request, 'ServiceRequest.occurrenceDateTime').map((i) => i.rule)).toEqual(['choice-type']);
  });

  it('reject a pertainsToGoal extension without a goal reference (tp-sr-1)', () => {
    const request = example.serviceRequest();
    request.extension = [
      { url: 'http://hl7.org/fhir/StructureDefinition/resource-pertainsToGoal', valueString: 'mood goal' },
    ];
    expect(errors(request).map((i) => i.rule)).toContain('tp-sr-1');
  });

  it('reject a session without a type, at Encounter.type', () => {
    const session: Partial<fhir.Encounter> = example.encounter();
    delete session.type;
    expect(errorAt(session as fhir.Encounter, 'Encounter.type')).not.toEqual([]);
  });

  it('reject a score recorded as text, at Observation.valueString', () => {
    const score: fhir.Observation = { ...example.score(), valueString: '17' };
    delete score.valueInteger;
    expect(errorAt(score, 'Observation.valueString').map((i) => i.rule)).toEqual(['choice-type']);
  });

  it('reject a score coded with the GAD-7 panel code instead of the total, at Observation.code', () => {
    const score = example.score();
    score.code = { coding: [{ system: 'http://loinc.org', code: '69737-5' }] };
    expect(errorAt(score, 'Observation.code').map((i) => i.rule)).toEqual(['binding']);
  });

  it('reject a strength that is not coded as an eLTSS strength, at Observation.code', () => {
    const strength = example.strength();
    strength.code = { coding: [{ system: 'http://loinc.org', code: '11341-5' }] };
    expect(errorAt(strength, 'Observation.code')).not.toEqual([]);
  });

  it('reject a signature of a type the plan does not use, at its signature type', () => {
    const provenance = example.provenance();
    for (const signature of provenance.signature ?? []) {
      signature.type = [{ system: 'urn:iso-astm:E1762-95:2013', code: '1.2.840.10065.1.12.1.2' }];
    }
    expect(errorAt(provenance, 'Provenance.signature[0].type[0]').map((i) => i.rule)).toEqual(['binding']);
  });

  it('check a resource that claims an unknown profile against base R4 and say so', () => {
    const plan: fhir.CarePlan = {
      ...example.carePlan(),
      meta: { profile: ['http://example.org/StructureDefinition/other'] },
    };
    const issues = checkConformance(plan, definitions);
    expect(issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(issues).toContainEqual(
      expect.objectContaining({ severity: 'warning', rule: 'profile', location: 'CarePlan.meta.profile' })
    );
  });
});

describe('the generated conformance resources', () => {
  it('are themselves valid R4 (ValueSets, CodeSystems, the CapabilityStatement)', async () => {
    const resources = (await readGenerated()).filter((r) => r.resourceType !== 'StructureDefinition');
    expect(resources.length).toBeGreaterThan(10);
    for (const resource of resources) {
      expect({ id: resource.id, errors: errors(resource) }).toEqual({ id: resource.id, errors: [] });
    }
  });
});
