/**
 * Saving new signatures pinned to the saved plan version (issue 4 §4, DESIGN.md §4: Provenance pinned to
 * `CarePlan/{id}/_history/{vid}`, the signed plan kept as a PDF on the consent to treatment). The server assigns
 * version ids, so a plan with unsaved content is saved in two steps, each one save through the server's write
 * strategy (src/workspace/strategies/: one transaction, ordered steps, a clinical note, or the companion store):
 *
 * 1. the plan's content without the new signatures (the usual save); its CarePlan's new version id is read back;
 * 2. the signatures pinned to that version, with the signed plan as a PDF attached to the consent to treatment
 *    (made from the client's signature when the plan has none).
 *
 * When step 2 fails, the content stays saved and the signatures stay in the working plan: a retry finds no unsaved
 * content and only does step 2. A plan without unsaved content signs in one save.
 */
import type * as fhir from 'fhir/r4';
import type { FhirGateway } from '../fhir/gateway.ts';
import type { SaveResult } from '../fhir/save-result.ts';
import { bytesToBase64 } from '../mapping/base64.ts';
import { planFromFhir, planVersionOnRecord } from '../mapping/index.ts';
import {
  fileSignedCopy,
  takesSignedCopy,
  type IdFactory,
  type IsoDateTime,
  type Signature,
  type TreatmentPlan,
} from '../plan/index.ts';
import { saveView, type SaveView } from './save-outcome.ts';
import { savePlan, type SaveAttempt } from './save-plan.ts';

export type RenderPlanPdf = (plan: TreatmentPlan, options: { readonly printedAt: string }) => Promise<Uint8Array>;

export interface SigningOptions {
  readonly gateway: FhirGateway;
  /** Reads the client's records again (after step 1, for step 2's versions and `If-Match`). */
  readonly reload: () => Promise<readonly fhir.FhirResource[]>;
  /** When the signed copy is made (a zoned date-time), printed on it and kept as its creation time. */
  readonly printedAt: IsoDateTime;
  /** Ids for a consent to treatment made from the client's signature. */
  readonly newId: IdFactory;
  /** Makes the signed copy; by default src/workspace/plan-pdf.ts, loaded on first use (pdf-lib is heavy). */
  readonly renderPdf?: RenderPlanPdf;
  /** Told when each step starts, for a progress indicator. */
  readonly onStep?: (step: SigningStep) => void;
  /** How each step is saved: the server's write strategy (src/workspace/strategies/); default one transaction. */
  readonly save?: SaveStep;
}

/** One save of the plan against the records it was loaded with. */
export type SaveStep = (plan: TreatmentPlan, loaded: readonly fhir.FhirResource[]) => Promise<SaveAttempt>;

/** `content`: saving the plan without the new signatures; `signatures`: saving them with the signed copy. */
export type SigningStep = 'content' | 'signatures';

/** Why step 2 did not write the signatures. */
export type SignaturesProblem =
  /** The server did not take the save (conflict, refusal, expired session, no answer). */
  | { readonly kind: 'save'; readonly view: SaveView; readonly request: fhir.Bundle; readonly result: SaveResult }
  /** The records could not be read again after step 1, so the saved version is unknown. */
  | { readonly kind: 'reload'; readonly error: unknown }
  /** The signed copy (PDF) could not be made. */
  | { readonly kind: 'copy'; readonly error: unknown };

export type SigningOutcome =
  /** Step 1 failed: nothing was written, signatures and edits are kept. */
  | {
      readonly kind: 'content-not-saved';
      readonly view: SaveView;
      readonly request: fhir.Bundle;
      readonly result: SaveResult;
    }
  /** Step 2 failed; `contentSaved` says whether step 1 wrote the plan's content. */
  | { readonly kind: 'signatures-not-saved'; readonly contentSaved: boolean; readonly problem: SignaturesProblem }
  | {
      readonly kind: 'signed';
      readonly contentSaved: boolean;
      /** The CarePlan version the signatures pin, when the server versions. */
      readonly version: string | undefined;
      readonly signatures: number;
      /** True when the signed copy was attached to the consent to treatment. */
      readonly withCopy: boolean;
    };

/**
 * The working plan's signatures that the record does not hold yet. A signature the record holds keeps the version
 * the record pinned it to (a save whose answer was lost may have written it).
 */
export function unsavedSignatures(plan: TreatmentPlan, loaded: readonly fhir.FhirResource[]): Signature[] {
  const recorded = recordedSignatures(plan, loaded);
  return plan.signatures.filter((s) => !recorded.has(s.id));
}

function recordedSignatures(plan: TreatmentPlan, loaded: readonly fhir.FhirResource[]): Map<string, Signature> {
  const onRecord = planFromFhir(loaded, { planId: plan.id }).plan;
  return new Map(onRecord.id === plan.id ? onRecord.signatures.map((s) => [s.id, s]) : []);
}

/** The working plan with every signature pinned: new ones to `version`, recorded ones as the record has them. */
function pinned(plan: TreatmentPlan, loaded: readonly fhir.FhirResource[], version: string | undefined): TreatmentPlan {
  const recorded = recordedSignatures(plan, loaded);
  const signatures = plan.signatures.map((s): Signature => {
    if (s.planVersion !== undefined) return s;
    const pin = recorded.has(s.id) ? recorded.get(s.id)?.planVersion : version;
    return pin === undefined ? s : { ...s, planVersion: pin };
  });
  return { ...plan, signatures };
}

const defaultRenderPdf: RenderPlanPdf = async (plan, options) => {
  const { renderPlanPdf } = await import('./plan-pdf.ts');
  return renderPlanPdf(plan, options);
};

/** The (pinned) plan with its signed copy on the consent to treatment, when it has somewhere to keep one. */
async function withSignedCopy(plan: TreatmentPlan, options: SigningOptions): Promise<TreatmentPlan> {
  if (!takesSignedCopy(plan)) return plan;
  const render = options.renderPdf ?? defaultRenderPdf;
  const pdf = await render(plan, { printedAt: options.printedAt });
  const document = {
    contentType: 'application/pdf',
    title: `${plan.title} (signed)`,
    data: bytesToBase64(pdf),
    creation: options.printedAt,
  };
  return fileSignedCopy(plan, document, options.newId());
}

/**
 * Saves `plan`, whose new signatures are not pinned yet, in one or two saves (see above). Every outcome is
 * a value; the caller reloads the record after anything was written.
 */
export async function savePlanWithSignatures(
  plan: TreatmentPlan,
  loaded: readonly fhir.FhirResource[],
  options: SigningOptions
): Promise<SigningOutcome> {
  const fresh = unsavedSignatures(plan, loaded);
  const freshIds = new Set(fresh.map((s) => s.id));
  const content: TreatmentPlan = { ...plan, signatures: plan.signatures.filter((s) => !freshIds.has(s.id)) };

  options.onStep?.('content');
  const save: SaveStep = options.save ?? ((step, records) => savePlan(options.gateway, step, records));
  const first = await save(pinned(content, loaded, undefined), loaded);
  if (first.kind === 'sent') {
    const view = saveView(first.result, first.request);
    if (view.kind !== 'saved') return { kind: 'content-not-saved', view, request: first.request, result: first.result };
  }
  const contentSaved = first.kind === 'sent';
  if (fresh.length === 0) {
    return { kind: 'signed', contentSaved, version: undefined, signatures: 0, withCopy: false };
  }

  let records = loaded;
  if (contentSaved) {
    try {
      records = await options.reload();
    } catch (error) {
      return { kind: 'signatures-not-saved', contentSaved, problem: { kind: 'reload', error } };
    }
  }
  options.onStep?.('signatures');
  const version = planVersionOnRecord(records, plan.id);
  const signing = pinned(plan, records, version);
  let signed: TreatmentPlan;
  try {
    signed = await withSignedCopy(signing, options);
  } catch (error) {
    return { kind: 'signatures-not-saved', contentSaved, problem: { kind: 'copy', error } };
  }
  const second = await save(signed, records);
  if (second.kind === 'sent') {
    const view = saveView(second.result, second.request);
    if (view.kind !== 'saved') {
      const problem = { kind: 'save', view, request: second.request, result: second.result } as const;
      return { kind: 'signatures-not-saved', contentSaved, problem };
    }
  }
  return {
    kind: 'signed',
    contentSaved,
    version,
    signatures: fresh.length,
    withCopy: takesSignedCopy(signing),
  };
}
