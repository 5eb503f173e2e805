import { useMemo, useState, type ReactElement } from 'react';
import type { PlanRecords } from '../fhir/load-plan-records.ts';
import { partsOf, randomIds, type TreatmentPlan } from '../plan/index.ts';
import { localDate, zonedNow } from '../workspace/clock.ts';
import { recordedDiagnoses, searchAmong } from '../workspace/diagnosis-search.ts';
import { readDraft } from '../workspace/draft-store.ts';
import { foreignNarratives } from '../workspace/foreign-narratives.ts';
import { openPlanOnRecord, type PlansOnRecord } from '../workspace/plans-on-record.ts';
import { launchSession, startPlan } from '../workspace/start-plan.ts';
import { EarlierPlans } from './EarlierPlans.tsx';
import { ExchangePlan } from './ExchangePlan.tsx';
import { IncompleteRecordsNotice } from './IncompleteRecordsNotice.tsx';
import { NoPlanYet } from './NoPlanYet.tsx';
import { OlderPlanView } from './OlderPlanView.tsx';
import { OtherSystemsPanel } from './OtherSystemsPanel.tsx';
import { PlanWorkbench } from './PlanWorkbench.tsx';
import type { StrategyChoice } from '../workspace/strategies/choose-strategy.ts';
import type { WorkspaceSetup } from './workspace-setup.ts';

export interface ClientPlansProps {
  readonly setup: WorkspaceSetup;
  readonly records: PlanRecords;
  readonly refresh: () => Promise<PlanRecords>;
  /** Loads the records again without showing them. */
  readonly peek: () => Promise<PlanRecords>;
  readonly plans: PlansOnRecord;
}

function count(n: number, one: string, many: string): string {
  return `${String(n)} ${n === 1 ? one : many}`;
}

/** Why a new plan cannot be started: nothing saves here, or only notes do (the plan is the one the EHR holds). */
function startBlockedBecause(writing: StrategyChoice): string | undefined {
  if (writing.kind === 'read-only') return writing.reasons.join(' ');
  return writing.strategy.edits === 'plan'
    ? undefined
    : 'This server does not let apps write care plans, so a new plan cannot be started here; the plan the EHR holds is shown and filed as a clinical note.';
}

/** The client's plans once read: the current one (or a restored draft) to edit, earlier ones to open read-only. */
export function ClientPlans({ setup, records, refresh, peek, plans }: ClientPlansProps): ReactElement {
  const [draft] = useState(() => readDraft(setup.storage, setup.draftKey));
  const [started, setStarted] = useState<TreatmentPlan | undefined>(draft?.plan);
  const [restoredAt, setRestoredAt] = useState(draft?.savedAt);
  const [viewing, setViewing] = useState<string | undefined>(undefined);
  const [epoch, setEpoch] = useState(0);
  const current = plans.current;
  const searchDiagnoses = setup.searchDiagnoses;
  const search = useMemo(() => {
    if (searchDiagnoses) return searchDiagnoses;
    const fromPlan = current?.plan.diagnoses.map((d) => d.condition) ?? [];
    return searchAmong([...recordedDiagnoses(records.resources), ...fromPlan]);
  }, [searchDiagnoses, current, records]);
  const saved = useMemo(() => new Set(current ? partsOf(current.plan).map((p) => p.id) : []), [current]);
  const narratives = useMemo(() => foreignNarratives(records.resources), [records]);

  const earlier = <EarlierPlans plans={plans.others} onOpen={setViewing} />;
  const incomplete = <IncompleteRecordsNotice incomplete={records.incomplete} />;

  if (viewing !== undefined) {
    const opened = openPlanOnRecord(records.resources, viewing);
    const back = (): void => {
      setViewing(undefined);
    };
    if (!opened.ok) {
      return (
        <div className="save-error" role="alert">
          <p>{opened.problem}</p>
          <button type="button" onClick={back}>
            Back to the current plan
          </button>
        </div>
      );
    }
    return (
      <OlderPlanView
        reading={opened.value}
        narratives={narratives.filter((n) => n.address === viewing)}
        today={localDate(setup.now())}
        search={search}
        onBack={back}
      />
    );
  }
  const initial = started ?? plans.current?.plan;
  if (initial === undefined) {
    const diagnoses = recordedDiagnoses(records.resources).length;
    const scores = records.resources.filter((r) => r.resourceType === 'Observation').length;
    const fromEncounter = launchSession(records.resources, setup.encounterId) !== undefined;
    const session = fromEncounter ? 'the session details of the encounter you launched from, ' : '';
    return (
      <>
        {incomplete}
        <NoPlanYet
          clientName={plans.current?.plan.client.name ?? 'This client'}
          prefill={`${session}${count(diagnoses, 'diagnosis', 'diagnoses')} and ${count(scores, 'score', 'scores')}`}
          blockedBecause={startBlockedBecause(setup.writing)}
          onStart={() => {
            const now = setup.now();
            setStarted(
              startPlan({
                id: randomIds(),
                today: localDate(now),
                now: zonedNow(now, { seconds: true }),
                patient: setup.patient,
                ...(setup.practitioner ? { practitioner: setup.practitioner } : {}),
                ...(setup.encounterId === undefined ? {} : { encounter: setup.encounterId }),
                resources: records.resources,
              })
            );
          }}
        />
        <div className="plan-heading">
          <ExchangePlan setup={setup} records={records} refresh={refresh} />
        </div>
        <OtherSystemsPanel items={[]} narratives={narratives} />
        {earlier}
      </>
    );
  }
  return (
    <>
      {incomplete}
      <PlanWorkbench
        key={String(epoch)}
        setup={setup}
        records={records}
        refresh={refresh}
        peek={peek}
        initial={initial}
        restoredAt={restoredAt}
        saved={saved}
        searchDiagnoses={search}
        onDiscard={() => {
          setStarted(undefined);
          setRestoredAt(undefined);
          setEpoch((n) => n + 1);
        }}
      />
      <OtherSystemsPanel items={plans.current?.notUnderstood ?? []} narratives={narratives} />
      {earlier}
    </>
  );
}
