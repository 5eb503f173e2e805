import type * as fhir from 'fhir/r4';
import { describe, expect, it } from 'vitest';
import { toMedplum } from '../../src/sandbox/fhir/medplum-boundary.ts';
import { validateForWrite } from '../../src/sandbox/fhir/validation.ts';
import { sandboxSeed } from '../../src/sandbox/seed/sandbox-seed.ts';
import { loadSeed } from '../../src/sandbox/seed/seed-loader.ts';

const TODAY = new Date('2026-11-27T12:00:00Z');
const seed = sandboxSeed(TODAY);

function byId<T extends fhir.Resource>(type: T['resourceType'], id: string): T {
  const found = seed.find((r) => r.resourceType === type && r.id === id);
  if (!found) {
    throw new Error(`${type}/${id} is not in the seed`);
  }
  return found as T;
}

function ageOn(birthDate: string, day: Date): number {
  const birth = new Date(`${birthDate}T00:00:00Z`);
  const hadBirthday =
    day.getUTCMonth() > birth.getUTCMonth() ||
    (day.getUTCMonth() === birth.getUTCMonth() && day.getUTCDate() >= birth.getUTCDate());
  return day.getUTCFullYear() - birth.getUTCFullYear() - (hadBirthday ? 0 : 1);
}

describe('the sandbox seed', () => {
  it('is valid R4, resource by resource', () => {
    for (const resource of seed) {
      expect(() => {
        validateForWrite(toMedplum(resource));
      }, `${resource.resourceType}/${resource.id}`).not.toThrow();
    }
  });

  it('has the four clients of the guide under stable, readable ids, each with a synthetic MRN', () => {
    const patients = seed.filter((r): r is fhir.Patient => r.resourceType === 'Patient');

    expect(patients.map((p) => `${p.id} ${p.name?.[0]?.text}`)).toEqual([
      'george-smith George Smith',
      'robert-johnson Robert Johnson',
      'michael-jones Michael Jones',
      'john-doe John Doe',
    ]);
    for (const patient of patients) {
      const mrn = patient.identifier?.find((i) => i.type?.coding?.some((c) => c.code === 'MR'));
      expect(mrn?.value).toMatch(/^SB-\d{6}$/);
      expect(mrn?.system).toMatch(/^urn:oid:2\.16\.840\.1\.113883\.19\./);
    }
  });

  it('makes John Doe 17 whatever the date, with a parent who is his guardian', () => {
    for (const day of [TODAY, new Date('2031-02-01T00:00:00Z')]) {
      const john = sandboxSeed(day).find((r): r is fhir.Patient => r.resourceType === 'Patient' && r.id === 'john-doe');
      expect(ageOn(String(john?.birthDate), day)).toBe(17);
    }
    const parent = byId<fhir.RelatedPerson>('RelatedPerson', 'john-doe-parent');
    expect(parent.patient.reference).toBe('Patient/john-doe');
    expect(parent.relationship?.flatMap((r) => r.coding?.map((c) => c.code))).toEqual(['MTH', 'GUARD']);
  });

  it('has the clinician as Dana Rivera, LCSW, a clinical social worker by NUCC taxonomy', () => {
    const dana = byId<fhir.Practitioner>('Practitioner', 'sandbox-practitioner');
    const role = seed.find((r): r is fhir.PractitionerRole => r.resourceType === 'PractitionerRole');

    expect(dana.name?.[0]?.suffix).toEqual(['LCSW']);
    expect(dana.qualification?.[0]?.code.coding?.map((c) => c.code)).toContain('LCSW');
    expect(role?.practitioner?.reference).toBe('Practitioner/sandbox-practitioner');
    expect(role?.specialty?.[0]?.coding?.[0]).toMatchObject({
      system: 'http://nucc.org/provider-taxonomy',
      code: '1041C0700X',
    });
  });

  it('codes each presenting diagnosis in ICD-10-CM', () => {
    const codes = seed
      .filter((r): r is fhir.Condition => r.resourceType === 'Condition')
      .map((c) => [
        c.subject.reference,
        c.code?.coding?.find((x) => x.system === 'http://hl7.org/fhir/sid/icd-10-cm')?.code,
      ]);

    expect(codes).toEqual([
      ['Patient/george-smith', 'F33.1'],
      ['Patient/robert-johnson', 'F41.1'],
      ['Patient/michael-jones', 'F43.10'],
      ['Patient/john-doe', 'F10.10'],
    ]);
  });

  it('gives every client an ambulatory encounter with the clinician, and George two PHQ-9 totals', () => {
    const encounters = seed.filter((r): r is fhir.Encounter => r.resourceType === 'Encounter');
    const phq9 = seed
      .filter((r): r is fhir.Observation => r.resourceType === 'Observation')
      .filter((o) => o.code.coding?.[0]?.code === '44261-6');

    for (const client of ['george-smith', 'robert-johnson', 'michael-jones', 'john-doe']) {
      const theirs = encounters.filter((e) => e.subject?.reference === `Patient/${client}`);
      expect(theirs.length).toBeGreaterThan(0);
      expect(theirs.every((e) => e.class.code === 'AMB' && /[+-]\d\d:\d\d$/.test(String(e.period?.start)))).toBe(true);
    }
    expect(phq9.map((o) => [o.subject?.reference, o.valueQuantity?.unit])).toEqual([
      ['Patient/george-smith', '{score}'],
      ['Patient/george-smith', '{score}'],
    ]);
  });
});

describe('a seed with plans for some clients only', () => {
  it('carries the example plans of the clients named and leaves the others without a plan', () => {
    const subjectsOfPlans = (resources: readonly fhir.Resource[]): string[] =>
      resources
        .filter((r): r is fhir.Bundle => r.resourceType === 'Bundle')
        .flatMap((b) => b.entry ?? [])
        .flatMap((e) => e.resource ?? [])
        .filter((r): r is fhir.CarePlan => r.resourceType === 'CarePlan')
        .map((plan) => String(plan.subject.reference))
        .sort();

    expect(subjectsOfPlans(seed)).toContain('Patient/john-doe');
    const without = subjectsOfPlans(sandboxSeed(TODAY, ['george-smith', 'robert-johnson']));
    expect(without.length).toBeGreaterThan(0);
    expect(new Set(without)).toEqual(new Set(['Patient/george-smith', 'Patient/robert-johnson']));
  });
});

describe('loadSeed', () => {
  it('stores a list of resources under their own ids with one batch', async () => {
    const posted: fhir.Bundle[] = [];

    await loadSeed(
      (bundle) => {
        posted.push(bundle);
        const entry = bundle.entry?.map(() => ({ response: { status: '201' } }));
        return Promise.resolve<fhir.Bundle>({ resourceType: 'Bundle', type: 'batch-response', entry });
      },
      seed.slice(0, 2)
    );

    expect(posted[0]?.type).toBe('batch');
    expect(posted[0]?.entry?.map((e) => `${e.request?.method} ${e.request?.url}`)).toEqual([
      `PUT ${seed[0]?.resourceType}/${seed[0]?.id}`,
      `PUT ${seed[1]?.resourceType}/${seed[1]?.id}`,
    ]);
  });

  it('says which entry was refused and why', async () => {
    const refusal = loadSeed(
      () =>
        Promise.resolve<fhir.Bundle>({
          resourceType: 'Bundle',
          type: 'batch-response',
          entry: [
            { response: { status: '201' } },
            {
              response: {
                status: '400',
                outcome: {
                  resourceType: 'OperationOutcome',
                  issue: [{ severity: 'error', code: 'structure', diagnostics: 'Missing Goal.lifecycleStatus' }],
                } as fhir.OperationOutcome,
              },
            },
          ],
        }),
      seed.slice(0, 2)
    );

    await expect(refusal).rejects.toThrow(/entry 1 .*400 Missing Goal\.lifecycleStatus/);
  });
});
