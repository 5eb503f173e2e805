/**
 * A write the server refused because the app may not make it, told apart from one it refused for its content:
 * 403 when the token lacks the permission (scopes trimmed by the EHR after the grant, or an API the app was not
 * registered for) and 405 when the server does not offer the interaction at all. Either way nothing is wrong
 * with the plan, so the clinician is told so plainly and the edits stay; the server profile learns from the same
 * SaveResult (`rejected` with this status) not to offer that write again.
 * @see https://www.rfc-editor.org/rfc/rfc6750#section-3.1 (insufficient_scope)
 * @see https://hl7.org/fhir/R4/http.html#Status-Codes
 */
import type * as fhir from 'fhir/r4';

export type RefusalKind = 'insufficient-scope' | 'forbidden' | 'not-supported';

/** Why the server would not take the write, or undefined when the refusal was about the content. */
export function writeRefusal(
  status: number,
  outcome: fhir.OperationOutcome | undefined,
  challenge?: string
): RefusalKind | undefined {
  if (status === 405) {
    return 'not-supported';
  }
  if (status !== 403) {
    return undefined;
  }
  const said = [
    challenge ?? '',
    ...(outcome?.issue ?? []).flatMap((issue) => [
      issue.diagnostics ?? '',
      issue.details?.text ?? '',
      ...(issue.details?.coding ?? []).map((coding) => coding.code ?? ''),
    ]),
  ].join(' ');
  return /insufficient[_ ]scope/i.test(said) ? 'insufficient-scope' : 'forbidden';
}

/**
 * One sentence for the clinician about a refused write of `what` (e.g. "the care plan", "a new problem"),
 * saying that the edits are kept and what to do.
 */
export function refusalSentence(kind: RefusalKind, what: string): string {
  switch (kind) {
    case 'insufficient-scope':
      return (
        `The EHR no longer lets this app write ${what}: the permission granted at sign-in was narrowed. ` +
        'Your edits are kept in this browser tab. Ask your EHR administrator which permissions the app has, or ' +
        'launch the app again.'
      );
    case 'forbidden':
      return (
        `The EHR does not let this app write ${what}. Your edits are kept in this browser tab; ask your EHR ` +
        'administrator about the app’s access.'
      );
    case 'not-supported':
      return `This EHR does not accept ${what} from apps. Your edits are kept in this browser tab.`;
  }
}
