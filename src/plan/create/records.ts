/** New parts for the other sections, each with an id from the caller's `IdFactory` and clinical defaults. */
import { withoutUndefined } from '../changes.ts';
import type { IdFactory } from '../ids.ts';
import type {
  ConsentToTreatment,
  Diagnosis,
  Measurement,
  Participant,
  PastTreatment,
  PresentingConcern,
  ProgressNote,
  Responsibility,
  Signature,
  Strength,
} from '../treatment-plan.ts';
import { conceptOf, type Wording } from './goals.ts';

/** The input for a part: its fields without the id, with words allowed where a concept is expected. */
type Input<T, Worded extends keyof T = never, Defaulted extends keyof T = never> = Omit<
  T,
  'id' | Worded | Defaulted
> & {
  readonly [K in Worded]: Wording;
} & { readonly [K in Defaulted]?: T[K] };

export function newPastTreatment(input: Input<PastTreatment, 'treatment'>, newId: IdFactory): PastTreatment {
  return withoutUndefined({ id: newId(), ...input, treatment: conceptOf(input.treatment) });
}

/** A concern is `active` unless said otherwise. */
export function newPresentingConcern(
  input: Input<PresentingConcern, 'concern', 'status'>,
  newId: IdFactory
): PresentingConcern {
  return withoutUndefined({
    id: newId(),
    ...input,
    concern: conceptOf(input.concern),
    status: input.status ?? 'active',
  });
}

/** A diagnosis defaults to an active problem-list item that the plan treats (`focus`). */
export function newDiagnosis(
  input: Input<Diagnosis, 'condition', 'category' | 'clinicalStatus' | 'role'>,
  newId: IdFactory
): Diagnosis {
  return withoutUndefined({
    id: newId(),
    ...input,
    condition: conceptOf(input.condition),
    category: input.category ?? 'problem-list-item',
    clinicalStatus: input.clinicalStatus ?? 'active',
    role: input.role ?? 'focus',
  });
}

export function newResponsibility(input: Input<Responsibility>, newId: IdFactory): Responsibility {
  return withoutUndefined({ id: newId(), ...input });
}

/** Consent defaults to a draft permit covering no modality yet: it becomes `active` when the client agrees. */
export function newConsent(
  input: Input<ConsentToTreatment, never, 'status' | 'decision' | 'modalities'>,
  newId: IdFactory
): ConsentToTreatment {
  return withoutUndefined({
    id: newId(),
    ...input,
    status: input.status ?? 'draft',
    decision: input.decision ?? 'permit',
    modalities: input.modalities ?? [],
  });
}

export function newStrength(input: Input<Strength>, newId: IdFactory): Strength {
  return withoutUndefined({ id: newId(), ...input });
}

export function newMeasurement(input: Input<Measurement, 'measure'>, newId: IdFactory): Measurement {
  return withoutUndefined({ id: newId(), ...input, measure: conceptOf(input.measure) });
}

export function newProgressNote(input: Input<ProgressNote>, newId: IdFactory): ProgressNote {
  return withoutUndefined({ id: newId(), ...input });
}

/** The typed name defaults to the signer's name. */
export function newSignature(input: Input<Signature, never, 'typedName'>, newId: IdFactory): Signature {
  return withoutUndefined({ id: newId(), ...input, typedName: input.typedName ?? input.signer.name });
}

export function newParticipant(input: Input<Participant>, newId: IdFactory): Participant {
  return withoutUndefined({ id: newId(), ...input });
}
