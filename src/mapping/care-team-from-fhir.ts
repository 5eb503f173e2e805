/** Participants of a couples or family plan from the plan's CareTeam. */
import type * as fhir from 'fhir/r4';
import type { Participant } from '../plan/treatment-plan.ts';
import { participantFromFhir } from './care-team-to-fhir.ts';
import { reportUnread } from './read-context.ts';
import type { ReadContext } from './read-context.ts';
import type { Located } from './resource-index.ts';

export function participantsFromFhir(at: Located<fhir.CareTeam>, ctx: ReadContext): Participant[] {
  const report = ctx.reporter(at);
  reportUnread(report, at.resource, ['text', 'status', 'subject', 'participant', 'name']);
  return (at.resource.participant ?? []).flatMap((p, i) => {
    const participant = participantFromFhir(p, ctx.index);
    if (!participant) report(`CareTeam.participant[${i}]`, 'a participant without an id or a person is not shown');
    return participant ? [participant] : [];
  });
}
