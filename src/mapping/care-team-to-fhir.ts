/**
 * Participants of a couples or family plan as one CareTeam per plan, referenced from CarePlan.careTeam ("who's
 * involved in the plan"): each participant is a CareTeam.participant whose member is the person (a reference
 * when they have a record, else a name), whose role says their relationship to the client in words, and whose
 * element id is the participant's id in the plan (a participant is part of the plan, not a record of its own).
 */
import type * as fhir from 'fhir/r4';
import type { Participant, TreatmentPlan } from '../plan/treatment-plan.ts';
import { PROFILE } from './codes.ts';
import { draft } from './draft.ts';
import type { Draft } from './draft.ts';
import { sameJson } from './json.ts';
import { personRefFromFhir, personRefToFhir } from './person-ref.ts';
import { recordKeys } from './record-keys.ts';
import type { ResourceIndex } from './resource-index.ts';

export function participantFromFhir(
  participant: fhir.CareTeamParticipant,
  index?: ResourceIndex
): Participant | undefined {
  const person = personRefFromFhir(participant.member, index);
  if (participant.id === undefined || !person) return undefined;
  const relationship = participant.role?.[0]?.text ?? participant.role?.[0]?.coding?.[0]?.display ?? '';
  return { id: participant.id, person, relationship };
}

function participantToFhir(participant: Participant, index: ResourceIndex): fhir.CareTeamParticipant {
  return {
    id: participant.id,
    role: [{ text: participant.relationship }],
    member: personRefToFhir(participant.person, undefined, index) ?? { display: participant.person.name },
  };
}

export function careTeamDrafts(plan: TreatmentPlan): Draft[] {
  const participants = plan.considerations.participants;
  if (participants.length === 0) return [];
  return [
    draft<fhir.CareTeam>({
      type: 'CareTeam',
      key: recordKeys.participants(plan),
      profile: PROFILE.careTeam,
      owned: (loaded, ctx) => {
        const old = loaded?.participant ?? [];
        const ours = participants.map(
          (p) =>
            old.find((l) => l.id === p.id && sameJson(participantFromFhir(l, ctx.loaded), p)) ??
            participantToFhir(p, ctx.loaded)
        );
        const client = plan.client.reference;
        return {
          status: loaded?.status ?? 'active',
          subject: loaded?.subject?.reference === client ? loaded.subject : { reference: client },
          participant: [...ours, ...old.filter((l) => l.id === undefined)],
        };
      },
    }),
  ];
}
