/**
 * Treatment history as Procedures (DESIGN.md §4): a past therapy with status completed, what it was (code),
 * when (performedPeriod), by whom or where (performer, a name), and how it went (outcome, in words).
 */
import type * as fhir from 'fhir/r4';
import type { PastTreatment, TreatmentPlan } from '../plan/treatment-plan.ts';
import { PROFILE } from './codes.ts';
import { conceptToFhir } from './concept.ts';
import { draft } from './draft.ts';
import type { Draft } from './draft.ts';
import { keepIfSame, sameJson } from './json.ts';
import { nameOf } from './person-ref.ts';
import type { ResourceIndex } from './resource-index.ts';

export function performedFromFhir(procedure: fhir.Procedure): { start?: string; end?: string } {
  if (procedure.performedPeriod) {
    const { start, end } = procedure.performedPeriod;
    return {
      ...(start !== undefined ? { start: start.slice(0, 10) } : {}),
      ...(end !== undefined ? { end: end.slice(0, 10) } : {}),
    };
  }
  return procedure.performedDateTime === undefined ? {} : { start: procedure.performedDateTime.slice(0, 10) };
}

export function performerName(procedure: fhir.Procedure, index?: ResourceIndex): string | undefined {
  const actor = procedure.performer?.[0]?.actor;
  return actor?.display ?? nameOf(index?.resolve(actor?.reference));
}

export function outcomeText(procedure: fhir.Procedure): string | undefined {
  return procedure.outcome?.text ?? procedure.outcome?.coding?.[0]?.display;
}

function pastTreatmentDraft(plan: TreatmentPlan, treatment: PastTreatment): Draft {
  return draft<fhir.Procedure>({
    type: 'Procedure',
    key: treatment.id,
    profile: PROFILE.procedure,
    owned: (loaded, ctx) => {
      const period = {
        ...(treatment.start !== undefined ? { start: treatment.start } : {}),
        ...(treatment.end !== undefined ? { end: treatment.end } : {}),
      };
      const samePeriod = loaded !== undefined && sameJson(performedFromFhir(loaded), period);
      const [performer, ...others] = loaded?.performer ?? [];
      const samePerformer = loaded !== undefined && performerName(loaded, ctx.loaded) === treatment.provider;
      const client = plan.client.reference;
      return {
        status: loaded?.status ?? 'completed',
        code: conceptToFhir(treatment.treatment, loaded?.code),
        subject: loaded?.subject.reference === client ? loaded.subject : { reference: client },
        ...(samePeriod ? {} : { performedDateTime: undefined, performedPeriod: period }),
        performer: samePerformer
          ? loaded.performer
          : [
              ...(treatment.provider !== undefined ? [{ actor: { display: treatment.provider } }] : []),
              ...(performer ? others : []),
            ],
        outcome: keepIfSame(
          loaded?.outcome,
          treatment.outcome,
          (o) => o.text ?? o.coding?.[0]?.display,
          (text) => ({ text })
        ),
      };
    },
  });
}

export function procedureDrafts(plan: TreatmentPlan): Draft[] {
  return plan.history.treatmentHistory.map((t) => pastTreatmentDraft(plan, t));
}
