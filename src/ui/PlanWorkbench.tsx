import type * as fhir from 'fhir/r4';
import { useEffect, useMemo, useState, type ReactElement } from 'react';
import type { PlanRecords } from '../fhir/load-plan-records.ts';
import { planFromFhir } from '../mapping/index.ts';
import { checkPlanRules, lockReason, randomIds, type Concept, type TreatmentPlan } from '../plan/index.ts';
import { revisePlan } from '../plan/revise.ts';
import { localDate } from '../workspace/clock.ts';
import { changedRecords } from '../workspace/changed-records.ts';
import { conflictChanges } from '../workspace/conflict-changes.ts';
import { heldProblemIds } from '../workspace/held-problems.ts';
import { clearDraft, writeDraft } from '../workspace/draft-store.ts';
import { saveView, type SaveView } from '../workspace/save-outcome.ts';
import { refusalOf } from '../workspace/strategies/runtime-refusal.ts';
import { NO_REQUEST, strategySaveStep } from '../workspace/strategies/save-step.ts';
import type { StrategyOutcome } from '../workspace/strategies/write-strategy.ts';
import { unsavedSignatures } from '../workspace/sign-plan.ts';
import { describeError } from '../smart/describe-error.ts';
import { CompletenessPanel } from './CompletenessPanel.tsx';
import { DraftNotice } from './DraftNotice.tsx';
import type { PlanEditing } from './plan-editing.ts';
import { NoteModePanel } from './NoteModePanel.tsx';
import { PlanEditor } from './PlanEditor.tsx';
import { ExchangePlan } from './ExchangePlan.tsx';
import { PrintPlan } from './PrintPlan.tsx';
import { ReadOnlyNotice } from './ReadOnlyNotice.tsx';
import { SaveBar } from './SaveBar.tsx';
import { StrategyNotice } from './StrategyNotice.tsx';
import { signAndSave } from './sign-and-save.ts';
import type { SaveStatus } from './save-status.ts';
import { practitionerRef } from './progress/practitioner-ref.ts';
import { useWorkingPlan } from './use-working-plan.ts';
import type { WorkspaceSetup } from './workspace-setup.ts';

export interface PlanWorkbenchProps {
  readonly setup: WorkspaceSetup;
  readonly records: PlanRecords;
  readonly refresh: () => Promise<PlanRecords>;
  readonly peek: () => Promise<PlanRecords>;
  readonly initial: TreatmentPlan;
  /** When the initial plan is a restored draft: when it was kept. */
  readonly restoredAt: string | undefined;
  /** Ids of parts already in the client's record. */
  readonly saved: ReadonlySet<string>;
  readonly searchDiagnoses: (query: string) => readonly Concept[];
  /** Drops the working plan and the draft, back to the plan on record. */
  readonly onDiscard: () => void;
}

const DRAFT_DELAY_MS = 400;

/** The plan being edited: read-only notice, restored-draft notice, every section, and the save bar. */
export function PlanWorkbench(props: PlanWorkbenchProps): ReactElement {
  const { setup, records, refresh, peek, initial, saved, onDiscard } = props;
  const working = useWorkingPlan(initial, props.restoredAt !== undefined);
  const [status, setStatus] = useState<SaveStatus>({ kind: 'idle' });
  const [restoredAt, setRestoredAt] = useState(props.restoredAt);
  const [draftFailed, setDraftFailed] = useState(false);
  const { plan, changed, failure } = working;

  useEffect(() => {
    if (!changed) return undefined;
    const timer = setTimeout(() => {
      setDraftFailed(!writeDraft(setup.storage, setup.draftKey, plan, setup.now()));
    }, DRAFT_DELAY_MS);
    return () => {
      clearTimeout(timer);
    };
  }, [plan, changed, setup]);

  const violations = useMemo(() => checkPlanRules(plan), [plan]);
  const lock = lockReason(plan);
  const { writing } = setup;
  const strategy = writing.kind === 'chosen' ? writing.strategy : undefined;
  // On a note-only server the plan is shown as the EHR holds it; record keeping is what saves (issue 5 §2).
  const contentLocked = strategy?.edits !== 'plan';
  const reasons = [
    ...(writing.kind === 'read-only' ? writing.reasons : []),
    ...(lock === 'signed'
      ? ['This plan has been signed, so it can no longer change. Start a revision to change it.']
      : []),
    ...(lock === 'closed' ? [`This plan is ${plan.status.replaceAll('-', ' ')}; it is kept for reference.`] : []),
  ];
  const today = localDate(setup.now());
  const heldReason = writing.kind === 'chosen' ? writing.heldProblems : undefined;
  const heldIds = useMemo(() => heldProblemIds(records.resources), [records.resources]);
  const editing: PlanEditing = {
    plan,
    readOnly: reasons.length > 0 || contentLocked,
    canRecord: strategy !== undefined && lock !== 'closed',
    today,
    newId: randomIds,
    saved,
    edit: working.edit,
    messageAt: (path) =>
      failure?.path === path
        ? failure.message
        : violations.find((v) => v.path === path && v.severity === 'error')?.message,
    ...(heldReason !== undefined ? { heldProblems: { ids: heldIds, reason: heldReason } } : {}),
  };

  const reload = async (keepEdits: boolean): Promise<void> => {
    setStatus({ kind: 'reloading' });
    try {
      await refresh();
      if (!keepEdits) {
        clearDraft(setup.storage, setup.draftKey);
        onDiscard();
        return;
      }
      setStatus({ kind: 'idle' });
    } catch (error) {
      setStatus({ kind: 'unreachable', message: describeError(error).sentence });
    }
  };

  const showRefused = async (view: SaveView, request: fhir.Bundle): Promise<void> => {
    if (view.kind === 'conflict') {
      setStatus(view);
      // The server may not say which record changed: compare versions with a fresh read, kept aside, and the
      // plan in it with the plan as loaded, per section. When that read fails, the panel keeps saying "a record
      // of this plan".
      const fresh = await peek().catch(() => undefined);
      if (fresh === undefined) return;
      const changed = changedRecords(request, fresh.resources);
      const sections = conflictChanges(records.resources, fresh.resources, plan);
      setStatus({ ...view, ...(changed.length > 0 ? { changed } : {}), ...(sections ? { sections } : {}) });
      return;
    }
    setStatus(view);
  };

  /** A refused write (403/405) updates the server profile, and with it the strategy shown and used next. */
  const learn = (outcome: StrategyOutcome): void => {
    if (strategy === undefined) return;
    const refusal = refusalOf(outcome, strategy.kind);
    if (refusal !== undefined) setup.onRefused?.(refusal);
  };

  const save = async (): Promise<void> => {
    if (strategy === undefined) return;
    if (strategy.edits === 'plan' && unsavedSignatures(plan, records.resources).length > 0) {
      // New signatures are pinned to the saved plan version: see src/workspace/sign-plan.ts.
      setStatus({ kind: 'signing', step: 'content' });
      await signAndSave({
        setup,
        plan,
        loaded: records.resources,
        refresh,
        working,
        setStatus,
        showRefused,
        save: strategySaveStep(strategy, setup.now, learn),
        onAllSaved: () => {
          clearDraft(setup.storage, setup.draftKey);
          setRestoredAt(undefined);
        },
      });
      return;
    }
    setStatus({ kind: 'saving' });
    const attempt = await strategy.save({ plan, loaded: records.resources, now: setup.now() });
    if (attempt.kind === 'nothing-to-save') {
      setStatus(attempt);
      return;
    }
    const request = attempt.request ?? NO_REQUEST;
    const view = saveView(attempt.result, request);
    if (view.kind !== 'saved') {
      learn(attempt);
      await showRefused(view, request);
      return;
    }
    clearDraft(setup.storage, setup.draftKey);
    setRestoredAt(undefined);
    try {
      const fresh = await refresh();
      working.replace(planFromFhir(fresh.resources, { planId: plan.id }).plan, false);
      setStatus(view);
    } catch (error) {
      setStatus({ kind: 'unreachable', message: `saved, but reloading failed: ${describeError(error).sentence}` });
    }
  };

  const canRevise = lock === 'signed' && strategy?.edits === 'plan';
  // A signed plan still saves record keeping (scores, notes, signatures); its content is locked by the editors.
  const blockedBecause =
    strategy === undefined
      ? 'Saving is not possible here (see Read-only above).'
      : lock === 'closed'
        ? 'This plan is closed; nothing more is saved on it.'
        : undefined;
  return (
    <div className="workbench">
      <div className="plan-heading">
        <h2 className="plan-title">{plan.title}</h2>
        <span className="plan-status">{plan.status}</span>
        <PrintPlan plan={plan} now={setup.now} />
        <ExchangePlan
          setup={setup}
          records={records}
          refresh={refresh}
          onScreen={plan}
          onImported={(fresh) => {
            // An import may bring a newer current plan: show it, unless the clinician has unsaved edits to keep.
            if (changed) return;
            const current = planFromFhir(fresh.resources).plan;
            if (current.id !== '') working.replace(current, false);
          }}
        />
      </div>
      {restoredAt === undefined ? null : (
        <DraftNotice
          savedAt={restoredAt}
          onDiscard={() => {
            void reload(false);
          }}
        />
      )}
      {draftFailed ? <p className="notice">This browser is not keeping a draft of your changes; save soon.</p> : null}
      {reasons.length === 0 ? null : (
        <ReadOnlyNotice
          reasons={reasons}
          {...(canRevise
            ? {
                onStartRevision: () => {
                  working.replace(revisePlan(plan, today, randomIds()), true);
                },
              }
            : {})}
        />
      )}
      {writing.kind === 'chosen' ? (
        <StrategyNotice
          strategy={writing.strategy}
          because={writing.because}
          {...(writing.lockedSections ? { lockedSections: writing.lockedSections } : {})}
        />
      ) : null}
      {strategy?.kind === 'note' ? <NoteModePanel editing={editing} searchDiagnoses={props.searchDiagnoses} /> : null}
      <SaveBar
        blockedBecause={blockedBecause}
        saveLabel={strategy?.kind === 'note' ? 'Save as clinical note' : 'Save plan'}
        strategy={strategy?.kind}
        changed={changed}
        status={status}
        relaunchHref={setup.relaunchHref}
        onSave={() => {
          void save();
        }}
        onReapply={() => {
          void reload(true);
        }}
        onDiscard={() => {
          void reload(false);
        }}
      />
      {editing.readOnly ? null : <CompletenessPanel plan={plan} today={today} />}
      <PlanEditor
        editing={editing}
        searchDiagnoses={props.searchDiagnoses}
        {...(setup.renderGoalLibrary ? { renderGoalLibrary: setup.renderGoalLibrary } : {})}
        issues={status.kind === 'rejected' ? status.issues : []}
        recorder={{ author: practitionerRef(setup.practitioner), now: setup.now }}
        {...(writing.kind === 'chosen' && writing.lockedSections ? { lockedSections: writing.lockedSections } : {})}
      />
    </div>
  );
}
