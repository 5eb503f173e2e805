/**
 * Progress notes as DocumentReferences (DESIGN.md §4): LOINC 34904-3 Mental health Progress note, US Core
 * category clinical-note, the text as a UTF-8 text/plain attachment, the goal it is about in context.related.
 * A note has an identity of its own (searchable, one record per note), which CarePlan.activity.progress could
 * not give it.
 */
import type * as fhir from 'fhir/r4';
import type { ProgressNote, TreatmentPlan } from '../plan/treatment-plan.ts';
import { base64ToText, textToBase64 } from './base64.ts';
import { CODING, PROFILE, TEXT_PLAIN_UTF8 } from './codes.ts';
import { codedAs, hasCoding } from './concept.ts';
import { withCategory } from './consent-to-fhir.ts';
import { draft } from './draft.ts';
import type { Draft } from './draft.ts';
import { personRefToFhir } from './person-ref.ts';
import { mergeReferences } from './references.ts';

/**
 * The text of a note: its first attachment with inline text data. A DocumentReference loaded with `_elements`
 * (SUBSETTED) has no `content` although R4 requires it, so it is read as a note without text.
 */
export function noteText(document: fhir.DocumentReference): string | undefined {
  const content = document.content as readonly fhir.DocumentReferenceContent[] | undefined;
  const attachment = content?.[0]?.attachment;
  if (!attachment?.data || !(attachment.contentType ?? '').startsWith('text/')) return undefined;
  return base64ToText(attachment.data);
}

function progressNoteDraft(plan: TreatmentPlan, note: ProgressNote): Draft {
  return draft<fhir.DocumentReference>({
    type: 'DocumentReference',
    key: note.id,
    profile: PROFILE.progressNote,
    owned: (loaded, ctx) => {
      const [author, ...otherAuthors] = loaded?.author ?? [];
      const ownAuthor = personRefToFhir(note.author, author, ctx.loaded);
      const [content, ...otherContent] = loaded?.content ?? [];
      const sameText = loaded !== undefined && noteText(loaded) === note.text;
      const goal = note.goalId === undefined ? undefined : ctx.ref('Goal', note.goalId);
      const related = mergeReferences(goal ? [{ reference: goal }] : [], loaded?.context?.related, (r) =>
        ctx.placed(r)
      );
      const client = plan.client.reference;
      return {
        status: loaded?.status ?? 'current',
        type: hasCoding(loaded?.type, CODING.progressNote) ? loaded?.type : codedAs(CODING.progressNote),
        category: withCategory(loaded?.category, CODING.clinicalNote),
        subject: loaded?.subject?.reference === client ? loaded.subject : { reference: client },
        date: note.date,
        author: [...(ownAuthor ? [ownAuthor] : []), ...otherAuthors],
        content: [
          sameText && content
            ? content
            : { attachment: { contentType: TEXT_PLAIN_UTF8, data: textToBase64(note.text) } },
          ...otherContent,
        ],
        context: { ...loaded?.context, related },
      };
    },
  });
}

export function progressNoteDrafts(plan: TreatmentPlan): Draft[] {
  return plan.progress.notes.map((note) => progressNoteDraft(plan, note));
}
