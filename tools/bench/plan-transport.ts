/**
 * What showing and saving a plan costs on the wire (issue 4 §6): requests and sequential round trips, counted at
 * `fetch` around the app's own fetch gateway, for `loadPlanRecords` (show) and the workspace's `savePlan` (save). The
 * launch is the integration tests' (test/integration/support/plan-gateway.ts): fhirclient's Node entry through an EHR
 * launch, as the app's own SMART library does it in the browser.
 * The save is what a clinician's first save is: a small edit, or a revision when the plan is signed.
 */
import { loadPlanRecords } from '../../src/fhir/load-plan-records.ts';
import type { RequestCount, RoundTripCounter } from '../../src/fhir/round-trip-counter.ts';
import { editPlanHeader, isLocked, randomIds, type TreatmentPlan } from '../../src/plan/index.ts';
import { revisePlan } from '../../src/plan/revise.ts';
import type { RunningSandbox } from '../../src/sandbox/server.ts';
import { plansOnRecord } from '../../src/workspace/plans-on-record.ts';
import { savePlan } from '../../src/workspace/save-plan.ts';
import { PLAN_SCOPES } from '../../test/integration/support/fhirclient-launch.ts';
import { launchCountedGateway } from '../../test/integration/support/plan-gateway.ts';

export interface Measured extends RequestCount {
  readonly milliseconds: number;
}

export interface TransportFigures {
  /** Resources the load brought. */
  readonly resources: number;
  readonly show: Measured;
  /** Undefined when the client has no plan to save. */
  readonly save: (Measured & { readonly outcome: string }) | undefined;
}

async function measure<T>(counter: RoundTripCounter, run: () => Promise<T>): Promise<{ value: T; figures: Measured }> {
  counter.reset();
  const started = performance.now();
  const value = await run();
  return { value, figures: { ...counter.count, milliseconds: performance.now() - started } };
}

/** The clinician's change: a revision of a signed plan, else a reworded title. */
function edited(plan: TreatmentPlan, today: string): TreatmentPlan {
  return isLocked(plan)
    ? revisePlan(plan, today, randomIds())
    : editPlanHeader(plan, { title: `${plan.title} (reviewed)` });
}

/** Launches the app for `patientId` against the sandbox started for the app at `appUrl`, then shows and saves. */
export async function measureTransport(
  sandbox: RunningSandbox,
  appUrl: string,
  patientId: string
): Promise<TransportFigures> {
  const { gateway, counter, traits } = await launchCountedGateway(sandbox, patientId, PLAN_SCOPES, appUrl);

  const shown = await measure(counter, () => loadPlanRecords(gateway, patientId, traits));
  const plan = plansOnRecord(shown.value.resources).current?.plan;
  if (plan === undefined) {
    return { resources: shown.value.resources.length, show: shown.figures, save: undefined };
  }
  const today = new Date().toISOString().slice(0, 10);
  const saved = await measure(counter, () => savePlan(gateway, edited(plan, today), shown.value.resources));
  const outcome = saved.value.kind === 'sent' ? saved.value.result.kind : saved.value.kind;
  return {
    resources: shown.value.resources.length,
    show: shown.figures,
    save: { ...saved.figures, outcome },
  };
}
