/**
 * Session details as an Encounter (DESIGN.md §4): period (start, or the date of service; end) with zone
 * offsets, class from the contact mode (v3-ActCode AMB, VR, HH), type (CPT), the provider as participant, and
 * the place of service as a CMS code on Location.type. The Location is a `mode: kind` record ("an office", "the
 * client's home"), shared by every plan and created conditionally by its identifier. Where R4 or the profile
 * needs a code the model does not have, data-absent-reason `unknown` stands in.
 */
import type * as fhir from 'fhir/r4';
import type { Code, ContactMode, SessionDetails, TreatmentPlan } from '../plan/treatment-plan.ts';
import { CODING, CONTACT_MODE_CLASS, PROFILE, SYSTEM } from './codes.ts';
import { codeFromFhir, codeToFhir } from './concept.ts';
import { draft } from './draft.ts';
import type { Draft, WriteContext } from './draft.ts';
import { keepIfSame, sameJson } from './json.ts';
import { personRefToFhir } from './person-ref.ts';
import { recordKeys } from './record-keys.ts';

export function contactModeFromClass(coding: fhir.Coding | undefined): ContactMode | undefined {
  return (Object.keys(CONTACT_MODE_CLASS) as ContactMode[]).find(
    (mode) => coding?.system === SYSTEM.actCode && coding.code === CONTACT_MODE_CLASS[mode].code
  );
}

/** The first coding of a session type, unless it only says the type is unknown. */
export function serviceTypeFromFhir(type: fhir.CodeableConcept | undefined): Code | undefined {
  const coding = type?.coding?.[0];
  return coding?.system === SYSTEM.dataAbsentReason ? undefined : codeFromFhir(coding);
}

export function periodOf(session: SessionDetails): fhir.Period {
  const start = session.start ?? session.dateOfService;
  return { ...(start !== undefined ? { start } : {}), ...(session.end !== undefined ? { end: session.end } : {}) };
}

function classOf(mode: ContactMode | undefined, loaded: fhir.Coding | undefined): fhir.Coding {
  if (mode === undefined) return loaded && contactModeFromClass(loaded) === undefined ? loaded : { ...CODING.unknown };
  return keepIfSame(loaded, mode, contactModeFromClass, (m) => ({ ...CONTACT_MODE_CLASS[m] })) ?? { ...CODING.unknown };
}

function typeOf(code: Code | undefined, loaded: fhir.CodeableConcept | undefined): fhir.CodeableConcept {
  if (loaded && sameJson(serviceTypeFromFhir(loaded), code)) return loaded;
  return code ? { coding: [codeToFhir(code)] } : { coding: [{ ...CODING.unknown }] };
}

function locationReference(ctx: WriteContext, code: Code | undefined): fhir.EncounterLocation | undefined {
  const reference = code ? ctx.ref('Location', recordKeys.placeOfService(code)) : undefined;
  return reference ? { location: { reference } } : undefined;
}

function sessionDraft(plan: TreatmentPlan): Draft {
  const session = plan.session;
  return draft<fhir.Encounter>({
    type: 'Encounter',
    key: recordKeys.session(plan),
    profile: PROFILE.encounter,
    owned: (loaded, ctx) => {
      const [type, ...otherTypes] = loaded?.type ?? [];
      const [participant, ...others] = loaded?.participant ?? [];
      const provider = personRefToFhir(session.provider, participant?.individual, ctx.loaded);
      const [location, ...otherLocations] = loaded?.location ?? [];
      const place = locationReference(ctx, session.placeOfService);
      const client = plan.client.reference;
      const period = periodOf(session);
      return {
        status: loaded?.status ?? 'finished',
        class: classOf(session.contactMode, loaded?.class),
        type: [typeOf(session.serviceType, type), ...otherTypes],
        subject: loaded?.subject?.reference === client ? loaded.subject : { reference: client },
        period: sameJson(loaded?.period, period) ? loaded?.period : period,
        participant: [
          ...(provider ? [participant?.individual === provider ? participant : { individual: provider }] : []),
          ...others,
        ],
        location: [
          ...(place ? [location && location.location.reference === place.location.reference ? location : place] : []),
          ...otherLocations,
        ],
      };
    },
  });
}

function placeDraft(code: Code): Draft {
  return draft<fhir.Location>({
    type: 'Location',
    key: recordKeys.placeOfService(code),
    profile: PROFILE.location,
    sensitive: false,
    owned: (loaded) => ({
      status: loaded?.status ?? 'active',
      mode: 'kind',
      name: loaded?.name ?? code.display ?? `Place of service ${code.code}`,
      type: [{ coding: [codeToFhir(code, loaded?.type?.[0]?.coding?.[0])] }],
    }),
  });
}

function hasDetails(session: SessionDetails): boolean {
  return Object.entries(session).some(([key, value]) => key !== 'id' && value !== undefined);
}

/** The session's Encounter when it has any details, and the place-of-service Location it refers to. */
export function encounterDrafts(plan: TreatmentPlan): Draft[] {
  const session = plan.session;
  if (!hasDetails(session) && session.id === undefined) return [];
  const place = session.placeOfService;
  return [sessionDraft(plan), ...(place ? [placeDraft(place)] : [])];
}
