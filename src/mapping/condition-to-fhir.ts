/**
 * Diagnoses and presenting concerns as Conditions (DESIGN.md §4): diagnoses on the problem list or as
 * encounter diagnoses, coded in ICD-10-CM and SNOMED CT together where both are known; concerns as US Core
 * health concerns, which may be words only.
 */
import type * as fhir from 'fhir/r4';
import type { Diagnosis, Onset, PresentingConcern, TreatmentPlan } from '../plan/treatment-plan.ts';
import { firstNoteToFhir } from './annotations.ts';
import { CODING, PROFILE, SYSTEM } from './codes.ts';
import { codedAs, codingIn, conceptToFhir, mergeCategories } from './concept.ts';
import { draft } from './draft.ts';
import type { Draft, Owned, WriteContext } from './draft.ts';
import { keepIfSame, sameJson } from './json.ts';
import { onsetFromFhir, onsetToFhir } from './quantities.ts';

const CATEGORY_SYSTEMS = [SYSTEM.conditionCategory, SYSTEM.conditionCategoryUsCore];
const ignore = (): void => undefined;

export function statusCoding(system: string, code: string): fhir.CodeableConcept {
  return { coding: [{ system, code }] };
}

function onsetOwned(onset: Onset | undefined, loaded: fhir.Condition | undefined): Owned<fhir.Condition> {
  if (loaded && sameJson(onsetFromFhir(loaded, ignore), onset)) return {};
  return {
    onsetDateTime: undefined,
    _onsetDateTime: undefined,
    onsetString: undefined,
    onsetAge: undefined,
    onsetPeriod: undefined,
    onsetRange: undefined,
    ...onsetToFhir(onset),
  };
}

function statusOwned(
  loaded: fhir.CodeableConcept | undefined,
  code: string | undefined,
  system: string
): fhir.CodeableConcept | undefined {
  return keepIfSame(
    loaded,
    code,
    (c) => codingIn(c, system)?.code,
    (value) => statusCoding(system, value)
  );
}

function commonOwned(
  ctx: WriteContext,
  loaded: fhir.Condition | undefined,
  category: fhir.Coding,
  part: PresentingConcern | Diagnosis
): Owned<fhir.Condition> {
  const concept = 'concern' in part ? part.concern : part.condition;
  const client = ctx.plan.client.reference;
  return {
    category: mergeCategories(loaded?.category, [codedAs(category)], CATEGORY_SYSTEMS),
    code: conceptToFhir(concept, loaded?.code),
    subject: loaded?.subject.reference === client ? loaded.subject : { reference: client },
    note: firstNoteToFhir(part.note, loaded?.note),
    ...onsetOwned(part.onset, loaded),
  };
}

function concernDraft(concern: PresentingConcern): Draft {
  return draft<fhir.Condition>({
    type: 'Condition',
    key: concern.id,
    profile: PROFILE.condition,
    owned: (loaded, ctx) => ({
      ...commonOwned(ctx, loaded, CODING.healthConcern, concern),
      clinicalStatus: statusOwned(loaded?.clinicalStatus, concern.status, SYSTEM.conditionClinical),
    }),
  });
}

function diagnosisDraft(diagnosis: Diagnosis): Draft {
  const category = { system: SYSTEM.conditionCategory, code: diagnosis.category };
  return draft<fhir.Condition>({
    type: 'Condition',
    key: diagnosis.id,
    profile: PROFILE.condition,
    owned: (loaded, ctx) => ({
      ...commonOwned(ctx, loaded, category, diagnosis),
      clinicalStatus: statusOwned(loaded?.clinicalStatus, diagnosis.clinicalStatus, SYSTEM.conditionClinical),
      verificationStatus: statusOwned(
        loaded?.verificationStatus,
        diagnosis.verificationStatus,
        SYSTEM.conditionVerification
      ),
      abatementDateTime: keepIfSame(
        loaded?.abatementDateTime,
        diagnosis.abatement,
        (d) => d.slice(0, 10),
        (d) => d
      ),
    }),
  });
}

export function conditionDrafts(plan: TreatmentPlan): Draft[] {
  return [...plan.presentingConcerns.map(concernDraft), ...plan.diagnoses.map(diagnosisDraft)];
}
