/**
 * The behaviour tables are one source for the FHIR side, the CapabilityStatement and the SMART side: these tests
 * check that the three read the same thing for every behaviour, and that the vendor seed plans are valid R4.
 */
import { describe, expect, it } from 'vitest';
import { behaviourRules, BEHAVIOURS } from '../../src/sandbox/behaviour/behaviours.ts';
import { typeRules } from '../../src/sandbox/behaviour/behaviour-rules.ts';
import { offeredPermissions, smartProfileFor } from '../../src/sandbox/behaviour/smart-profile.ts';
import { capabilityStatement } from '../../src/sandbox/fhir/capability-statement.ts';
import { toMedplum } from '../../src/sandbox/fhir/medplum-boundary.ts';
import { SERVED_RESOURCE_TYPES } from '../../src/sandbox/fhir/served-types.ts';
import { validationProblem } from '../../src/sandbox/fhir/validation.ts';
import { vendorPlans } from '../../src/sandbox/seed/vendor-plans.ts';

const BASE = 'http://localhost:4010/fhir';

describe.each(BEHAVIOURS)('the %s behaviour', (behaviour) => {
  const rules = behaviourRules(behaviour);

  it('lists in /metadata exactly the interactions it offers, type by type', () => {
    const statement = capabilityStatement(BASE, rules);
    for (const type of SERVED_RESOURCE_TYPES) {
      const listed = statement.rest?.[0]?.resource?.find((r) => r.type === type)?.interaction?.map((i) => i.code);
      expect(listed, type).toEqual([...typeRules(rules, type).interactions]);
    }
  });

  it('puts content rules only on types it lets apps write', () => {
    for (const type of SERVED_RESOURCE_TYPES) {
      const { content, interactions } = typeRules(rules, type);
      if (content) {
        expect(
          interactions.some((i) => i === 'create' || i === 'update'),
          type
        ).toBe(true);
      }
    }
  });

  it('limits a SMART grant to what it offers, or not at all when it offers everything', () => {
    const profile = smartProfileFor(rules);
    if (!rules.smart.trimToInteractions) {
      expect(profile.allowance).toBeUndefined();
      return;
    }
    const allowance = (profile.allowance ?? '').split(' ');
    for (const { resourceType, letters } of offeredPermissions(rules)) {
      expect(allowance).toContain(`patient/${resourceType}.${letters}`);
      expect(profile.scopesSupported).toContain(`patient/${resourceType}.${letters}`);
    }
  });

  it('seeds only valid R4 CarePlans of its own', () => {
    for (const plan of vendorPlans(behaviour)) {
      expect(validationProblem(toMedplum(plan)), plan.id).toBeUndefined();
    }
  });
});

describe('the vendor seed plans', () => {
  it('give Epic an inline-detail encounter-level plan and a proposal per client, Oracle one plan without activities', () => {
    const epic = vendorPlans('epic');
    expect(epic.filter((p) => p.intent === 'proposal')).toHaveLength(4);
    const encounterLevel = epic.filter((p) => p.encounter !== undefined);
    expect(encounterLevel).toHaveLength(4);
    expect(encounterLevel.every((p) => p.activity?.every((a) => a.detail && !a.reference))).toBe(true);
    const oracle = vendorPlans('oracle');
    expect(oracle).toHaveLength(4);
    expect(oracle.every((p) => p.activity === undefined && p.category?.[0]?.coding?.[0]?.code === 'assess-plan')).toBe(
      true
    );
    expect(vendorPlans('open')).toEqual([]);
    expect(vendorPlans('medplum')).toEqual([]);
  });
});
