import type * as fhir from 'fhir/r4';
import { describe, expect, it } from 'vitest';
import { CODING, RECORD_ID_SYSTEM } from '../../src/mapping/codes.ts';
import { planFromFhir } from '../../src/mapping/plan-from-fhir.ts';
import { planToFhir } from '../../src/mapping/plan-to-fhir.ts';
import { writeSetToTransaction } from '../../src/mapping/write-set.ts';
import type { TreatmentPlan } from '../../src/plan/treatment-plan.ts';
import { applyWriteSet, TransactionError } from '../support/apply-write-set.ts';
import { fullPlan } from '../support/full-plan.ts';
import { EHR_RECORDS } from '../support/mapping-world.ts';
import { savePlan, stored } from '../support/save-plan.ts';

/** Every string, array and object under `value`, with its path. */
function* walk(value: unknown, path: string): Generator<[string, unknown]> {
  yield [path, value];
  if (Array.isArray(value)) for (const [i, item] of value.entries()) yield* walk(item, `${path}[${String(i)}]`);
  else if (typeof value === 'object' && value !== null)
    for (const [k, v] of Object.entries(value)) yield* walk(v, `${path}.${k}`);
}

describe('the write set of a new plan', () => {
  const writeSet = planToFhir(fullPlan(), EHR_RECORDS);
  const fullUrls = new Set(writeSet.map((e) => e.fullUrl));

  it('creates every record with a urn:uuid, no id, and a conditional create on its business identifier', () => {
    for (const { fullUrl, resource, request } of writeSet) {
      expect(fullUrl).toMatch(/^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(resource.id).toBeUndefined();
      expect(request).toMatchObject({ method: 'POST', url: resource.resourceType });
      expect(request.ifNoneExist).toBeTruthy();
    }
    const goal = writeSet.find((e) => e.resource.resourceType === 'Goal');
    expect(goal?.request.ifNoneExist).toBe(`identifier=${encodeURIComponent(`${RECORD_ID_SYSTEM}|goal-mood`)}`);
    expect(fullUrls.size).toBe(writeSet.length);
  });

  it('links the records by their urn:uuid full URLs and never contains one in another', () => {
    const plan = writeSet.find((e) => e.resource.resourceType === 'CarePlan')?.resource as fhir.CarePlan;
    expect(plan.contained).toBeUndefined();
    const references = writeSet.flatMap(({ resource }) =>
      [...walk(resource, '')].flatMap(([path, v]) => (path.endsWith('.reference') && typeof v === 'string' ? [v] : []))
    );
    const internal = references.filter((r) => r.startsWith('urn:'));
    expect(internal.length).toBeGreaterThan(20);
    for (const reference of internal) expect(fullUrls.has(reference)).toBe(true);
    expect(references.filter((r) => r.startsWith('#'))).toEqual([]);
  });

  it('holds no empty strings, arrays or objects, and no date-time without a zone', () => {
    for (const { resource } of writeSet) {
      for (const [path, value] of walk(resource, resource.resourceType)) {
        const empty =
          value === '' ||
          (Array.isArray(value) && value.length === 0) ||
          (typeof value === 'object' && value !== null && Object.keys(value).length === 0);
        expect({ path, empty }).toEqual({ path, empty: false });
        if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(value))
          expect(value).toMatch(/(Z|[+-]\d{2}:\d{2})$/);
      }
    }
  });

  it('labels a substance-use plan ETH as well as PSY', () => {
    const plan = fullPlan();
    const drinking: TreatmentPlan = {
      ...plan,
      diagnoses: [
        ...plan.diagnoses,
        {
          id: 'diagnosis-aud',
          condition: {
            text: 'Alcohol use disorder',
            codes: [{ system: 'http://hl7.org/fhir/sid/icd-10-cm', code: 'F10.20' }],
          },
          category: 'problem-list-item',
          clinicalStatus: 'active',
          role: 'focus',
        },
      ],
    };
    const labels = planToFhir(drinking, EHR_RECORDS).map((e) => e.resource.meta?.security?.map((s) => s.code));
    expect(labels).toContainEqual(['PSY', 'ETH']);
    expect(planToFhir(plan, EHR_RECORDS).map((e) => e.resource.meta?.security?.map((s) => s.code))).not.toContainEqual([
      'PSY',
      'ETH',
    ]);
  });

  it('becomes one transaction Bundle with each entry request', () => {
    const bundle = writeSetToTransaction(writeSet);
    expect(bundle).toMatchObject({ resourceType: 'Bundle', type: 'transaction' });
    expect(bundle.entry?.map((e) => e.request?.method)).toEqual(writeSet.map((e) => e.request.method));
    expect(bundle.entry?.[0]?.request?.ifNoneExist).toBe(writeSet[0]?.request.ifNoneExist);
  });
});

describe('the write set of a loaded plan', () => {
  const { store } = savePlan(fullPlan());
  const loaded = planFromFhir(store).plan;

  it('holds only the records that change, updated with If-Match of the version loaded', () => {
    const [mood, ...others] = loaded.goals;
    if (!mood) throw new Error('the plan has goals');
    const edited: TreatmentPlan = { ...loaded, goals: [{ ...mood, notes: [...mood.notes, 'Going well'] }, ...others] };
    const writeSet = planToFhir(edited, store);
    expect(writeSet.map((e) => e.request.url).sort()).toEqual(
      [
        `Goal/${stored(store, 'Goal', 'goal-mood').id ?? ''}`,
        `CarePlan/${stored(store, 'CarePlan', 'plan-jordan-2026').id ?? ''}`,
      ].sort()
    );
    for (const { request, resource } of writeSet) {
      expect(request).toEqual({
        method: 'PUT',
        url: `${resource.resourceType}/${resource.id ?? ''}`,
        ifMatch: `W/"${resource.meta?.versionId ?? ''}"`,
      });
    }
  });

  it('is refused by a server that holds a newer version (412), leaving nothing half written', () => {
    const bumped = store.map((r) =>
      r.resourceType === 'CarePlan' ? { ...r, meta: { ...r.meta, versionId: '7' } } : r
    );
    const writeSet = planToFhir({ ...loaded, title: 'Renamed' }, store);
    expect(() => applyWriteSet(bumped, writeSet)).toThrow(TransactionError);
  });

  it('keeps the profile and PSY label the records already carry, adding none twice', () => {
    const writeSet = planToFhir({ ...loaded, title: 'Renamed' }, store);
    const plan = writeSet[0]?.resource;
    expect(plan?.meta?.security?.filter((s) => s.code === CODING.psy.code)).toHaveLength(1);
    expect(plan?.meta?.profile).toHaveLength(1);
  });
});
