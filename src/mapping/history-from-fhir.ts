/** Past treatments (Procedures) and progress notes (DocumentReferences) of a plan. */
import type * as fhir from 'fhir/r4';
import type { PastTreatment, ProgressNote } from '../plan/treatment-plan.ts';
import { conceptFromFhir } from './concept.ts';
import { outcomeText, performedFromFhir, performerName } from './procedure-to-fhir.ts';
import { noteText } from './progress-note-to-fhir.ts';
import { personRefFromFhir } from './person-ref.ts';
import { idOf, reportUnread } from './read-context.ts';
import type { ReadContext } from './read-context.ts';
import type { Located } from './resource-index.ts';

const PROCEDURE = ['text', 'status', 'code', 'subject', 'performedPeriod', 'performedDateTime', 'performer', 'outcome'];

export function pastTreatmentFromFhir(at: Located<fhir.Procedure>, ctx: ReadContext): PastTreatment {
  const procedure = at.resource;
  reportUnread(ctx.reporter(at), procedure, PROCEDURE);
  const { start, end } = performedFromFhir(procedure);
  const provider = performerName(procedure, ctx.index);
  const outcome = outcomeText(procedure);
  return {
    id: idOf(at),
    treatment: conceptFromFhir(procedure.code, ctx.reporter(at), 'Procedure.code'),
    ...(start !== undefined ? { start } : {}),
    ...(end !== undefined ? { end } : {}),
    ...(provider !== undefined ? { provider } : {}),
    ...(outcome !== undefined ? { outcome } : {}),
  };
}

const NOTE = ['text', 'status', 'type', 'category', 'subject', 'date', 'author', 'content', 'context'];

export function progressNoteFromFhir(
  at: Located<fhir.DocumentReference>,
  ctx: ReadContext,
  goalIdOf: (reference: fhir.Reference, from: Located) => string | undefined
): ProgressNote {
  const document = at.resource;
  const report = ctx.reporter(at);
  reportUnread(report, document, NOTE);
  const text = noteText(document);
  if (text === undefined)
    report('DocumentReference.content[0].attachment', 'the note is not inline text; its text is not shown');
  const author = personRefFromFhir(document.author?.[0], ctx.index, at);
  const goalId = (document.context?.related ?? []).map((r) => goalIdOf(r, at)).find((id) => id !== undefined);
  return {
    id: idOf(at),
    date: document.date ?? '',
    ...(author ? { author } : {}),
    text: text ?? '',
    ...(goalId !== undefined ? { goalId } : {}),
  };
}
