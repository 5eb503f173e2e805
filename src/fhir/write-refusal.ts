/**
 * A write the server refused because the app may not make it, told apart from one it refused for its content:
 * 403 when the token lacks the permission (scopes trimmed by the EHR after the grant, or an API the app was not
 * registered for) and 405 when the server does not offer the interaction at all. Either way nothing is wrong
 * with the plan, so the clinician is told so plainly (naming the server that refused) and the edits stay; the
 * SaveResult carries the kind as `refusal`, from which the server profile learns not to offer that write again
 * (runtime-refusal.ts).
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

/** The server that refused a write, as the clinician knows it, and who to ask about it. */
export interface RefusingServer {
  /** Lower case, as within a sentence: "the EHR", "the practice's plan store". */
  readonly name: string;
  /** Who can change what the app may write there: "your EHR administrator". */
  readonly administrator: string;
}

export const THE_EHR: RefusingServer = { name: 'the EHR', administrator: 'your EHR administrator' };

/** A server other than the EHR (a companion store), by the label the clinician sees. */
export function refusingServer(label: string): RefusingServer {
  return { name: label, administrator: `whoever runs ${label}` };
}

/**
 * One sentence for the clinician about a refused write of `what` (e.g. "the care plan", "a new problem") by
 * `server`, saying that the edits are kept and what to do.
 */
export function refusalSentence(kind: RefusalKind, what: string, server: RefusingServer = THE_EHR): string {
  const name = server.name.charAt(0).toUpperCase() + server.name.slice(1);
  switch (kind) {
    case 'insufficient-scope':
      return (
        `${name} no longer lets this app write ${what}: the permission granted at sign-in was narrowed. ` +
        `Your edits are kept in this browser tab. Ask ${server.administrator} which permissions the app has, or ` +
        'launch the app again.'
      );
    case 'forbidden':
      return (
        `${name} does not let this app write ${what}. Your edits are kept in this browser tab; ask ` +
        `${server.administrator} about the app’s access.`
      );
    case 'not-supported':
      return `${name} does not accept ${what} from apps. Your edits are kept in this browser tab.`;
  }
}
