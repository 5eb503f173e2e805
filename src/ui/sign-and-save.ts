/**
 * The workbench's save when the working plan holds signatures the record does not: src/workspace/sign-plan.ts
 * writes them pinned to the saved plan version, and this keeps the working plan and the save bar in step with
 * what was written. Signatures that were not written stay in the working plan (and so in the draft).
 */
import type * as fhir from 'fhir/r4';
import type { PlanRecords } from '../fhir/load-plan-records.ts';
import { planFromFhir } from '../mapping/index.ts';
import { randomIds, type Signature, type TreatmentPlan } from '../plan/index.ts';
import { describeError } from '../smart/describe-error.ts';
import { zonedNow } from '../workspace/clock.ts';
import type { SaveView } from '../workspace/save-outcome.ts';
import {
  savePlanWithSignatures,
  unsavedSignatures,
  type SaveStep,
  type SignaturesProblem,
} from '../workspace/sign-plan.ts';
import type { SaveStatus } from './save-status.ts';
import type { WorkingPlan } from './use-working-plan.ts';
import type { WorkspaceSetup } from './workspace-setup.ts';

export interface SignAndSaveContext {
  readonly setup: WorkspaceSetup;
  readonly plan: TreatmentPlan;
  readonly loaded: readonly fhir.FhirResource[];
  readonly refresh: () => Promise<PlanRecords>;
  readonly working: WorkingPlan;
  readonly setStatus: (status: SaveStatus) => void;
  /** Shows a refused first step (conflict, refusal ...) the way any refused save is shown. */
  readonly showRefused: (view: SaveView, request: fhir.Bundle) => Promise<void>;
  /** The record now holds the whole working plan: the draft can go. */
  readonly onAllSaved: () => void;
  /** How each step is saved on this server (its write strategy). */
  readonly save: SaveStep;
}

function problemWords(problem: SignaturesProblem): string {
  switch (problem.kind) {
    case 'reload':
      return `the record could not be read again to find the saved version (${describeError(problem.error).sentence}).`;
    case 'copy':
      return `the signed copy of the plan (PDF) could not be made (${describeError(problem.error).sentence}).`;
    case 'save':
      switch (problem.view.kind) {
        case 'conflict':
          return 'someone else changed the plan in the meantime.';
        case 'rejected':
          return 'the server refused them.';
        case 'expired':
          return 'your session has expired.';
        case 'unreachable':
          return 'the server did not answer.';
        case 'saved':
          return 'the server’s answer could not be read.';
      }
  }
}

/** The plan as the record now holds it, with the signatures not yet written appended. */
function withPending(onRecord: TreatmentPlan, pending: readonly Signature[]): TreatmentPlan {
  const held = new Set(onRecord.signatures.map((s) => s.id));
  return { ...onRecord, signatures: [...onRecord.signatures, ...pending.filter((s) => !held.has(s.id))] };
}

export async function signAndSave(context: SignAndSaveContext): Promise<void> {
  const { setup, plan, working, setStatus } = context;
  const pending = unsavedSignatures(plan, context.loaded);
  let latest: PlanRecords | undefined;
  const outcome = await savePlanWithSignatures(plan, context.loaded, {
    gateway: setup.gateway,
    save: context.save,
    reload: async () => {
      latest = await context.refresh();
      return latest.resources;
    },
    printedAt: zonedNow(setup.now(), { seconds: true }),
    newId: randomIds,
    onStep: (step) => {
      setStatus({ kind: 'signing', step });
    },
  });
  switch (outcome.kind) {
    case 'content-not-saved':
      await context.showRefused(outcome.view, outcome.request);
      return;
    case 'signatures-not-saved': {
      if (outcome.contentSaved && latest !== undefined) {
        working.replace(withPending(planFromFhir(latest.resources, { planId: plan.id }).plan, pending), true);
      }
      const view = outcome.problem.kind === 'save' ? outcome.problem.view : undefined;
      setStatus({
        kind: 'signatures-not-saved',
        contentSaved: outcome.contentSaved,
        message: problemWords(outcome.problem),
        ...(view === undefined ? {} : { view }),
      });
      return;
    }
    case 'signed': {
      context.onAllSaved();
      try {
        const fresh = await context.refresh();
        working.replace(planFromFhir(fresh.resources, { planId: plan.id }).plan, false);
        setStatus({
          kind: 'signed',
          contentSaved: outcome.contentSaved,
          version: outcome.version,
          signatures: outcome.signatures,
          withCopy: outcome.withCopy,
        });
      } catch (error) {
        setStatus({ kind: 'unreachable', message: `saved, but reloading failed: ${describeError(error).sentence}` });
      }
      return;
    }
  }
}
