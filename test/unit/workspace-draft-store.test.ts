import { describe, expect, test } from 'vitest';
import { emptyPlan, type TreatmentPlan } from '../../src/plan/index.ts';
import { clearDraft, draftKey, readDraft, writeDraft, type DraftStorage } from '../../src/workspace/draft-store.ts';

function memoryStorage(): DraftStorage & { readonly items: Map<string, string> } {
  const items = new Map<string, string>();
  return {
    items,
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => {
      items.set(key, value);
    },
    removeItem: (key) => {
      items.delete(key);
    },
  };
}

const PLAN: TreatmentPlan = emptyPlan({
  id: 'plan-1',
  client: { reference: 'Patient/p1', name: 'Ana Client', identifiers: [] },
  today: '2026-11-27',
});
const NOW = new Date('2026-11-27T10:15:00Z');

describe('drafts of unsaved changes', () => {
  test('the key names the server and the patient, so a draft never follows the clinician to another client', () => {
    expect(draftKey('http://ehr.example/fhir', 'p1')).not.toBe(draftKey('http://ehr.example/fhir', 'p2'));
    expect(draftKey('http://ehr.example/fhir', 'p1')).not.toBe(draftKey('http://other.example/fhir', 'p1'));
    expect(draftKey('http://ehr.example/fhir/', 'p1')).toBe(draftKey('http://ehr.example/fhir', 'p1'));
  });

  test('a kept draft is restored with the plan and the time it was kept', () => {
    const storage = memoryStorage();
    const key = draftKey('http://ehr.example/fhir', 'p1');
    expect(writeDraft(storage, key, { ...PLAN, title: 'Edited title' }, NOW)).toBe(true);
    const draft = readDraft(storage, key);
    expect(draft?.plan.title).toBe('Edited title');
    expect(draft?.savedAt).toBe('2026-11-27T10:15:00.000Z');
  });

  test('clearing the draft after a save leaves nothing to restore', () => {
    const storage = memoryStorage();
    const key = draftKey('http://ehr.example/fhir', 'p1');
    writeDraft(storage, key, PLAN, NOW);
    clearDraft(storage, key);
    expect(readDraft(storage, key)).toBeUndefined();
  });

  test('something else stored under the key, or broken JSON, is not taken for a draft', () => {
    const storage = memoryStorage();
    const key = draftKey('http://ehr.example/fhir', 'p1');
    storage.setItem(key, '{"version":1,"savedAt":"x","plan":{"id":"p"}}');
    expect(readDraft(storage, key)).toBeUndefined();
    storage.setItem(key, '{not json');
    expect(readDraft(storage, key)).toBeUndefined();
  });

  test('a browser that refuses to store says so instead of failing the edit', () => {
    const full: DraftStorage = {
      getItem: () => null,
      setItem: () => {
        throw new DOMException('quota', 'QuotaExceededError');
      },
      removeItem: () => undefined,
    };
    expect(writeDraft(full, 'k', PLAN, NOW)).toBe(false);
  });
});
