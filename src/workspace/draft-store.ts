/**
 * Unsaved changes survive a reload, an expired token and a relaunch for the same client (issue 4 §5): the working
 * plan is kept in sessionStorage, keyed by server and patient, and cleared after a successful save. Session storage
 * (not local storage) so that nothing about the client outlives the browser tab (DESIGN.md §7 "Safe").
 */
import { isObject as isRecord } from '../plan/json-object.ts';
import type { TreatmentPlan } from '../plan/index.ts';

export interface PlanDraft {
  readonly version: 1;
  /** When the draft was last written (ISO date-time). */
  readonly savedAt: string;
  readonly plan: TreatmentPlan;
}

/** The part of `Storage` the drafts use, so tests can pass a plain object. */
export type DraftStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

const PREFIX = 'treatment-plan.draft';

/** One key per server and patient: a draft never follows the clinician to another client or server. */
export function draftKey(serverUrl: string, patientId: string): string {
  return `${PREFIX}|${serverUrl.replace(/\/+$/, '')}|${patientId}`;
}

/** Keeps the working plan; false when the browser refused (storage full or disabled). */
export function writeDraft(storage: DraftStorage, key: string, plan: TreatmentPlan, now: Date): boolean {
  const draft: PlanDraft = { version: 1, savedAt: now.toISOString(), plan };
  try {
    storage.setItem(key, JSON.stringify(draft));
    return true;
  } catch {
    // Quota exceeded or storage disabled: the caller says the draft is not being kept.
    return false;
  }
}

/** The draft kept for this key, or undefined when there is none or it is not one this app wrote. */
export function readDraft(storage: DraftStorage, key: string): PlanDraft | undefined {
  const text = storage.getItem(key);
  if (text === null) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  return isPlanDraft(value) ? value : undefined;
}

export function clearDraft(storage: DraftStorage, key: string): void {
  storage.removeItem(key);
}

/** A shape check of what came back from storage: enough that the workspace can render it. */
export function isPlanDraft(value: unknown): value is PlanDraft {
  if (!isRecord(value) || value['version'] !== 1 || typeof value['savedAt'] !== 'string') return false;
  const plan = value['plan'];
  if (!isRecord(plan) || typeof plan['id'] !== 'string' || plan['id'] === '') return false;
  const lists = ['goals', 'interventions', 'diagnoses', 'presentingConcerns', 'strengths', 'signatures'];
  const sections = ['client', 'session', 'history', 'contract', 'schedule', 'progress', 'review', 'considerations'];
  return lists.every((name) => Array.isArray(plan[name])) && sections.every((name) => isRecord(plan[name]));
}
