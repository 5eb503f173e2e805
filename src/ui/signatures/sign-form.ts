/**
 * What the sign form offers, from the plan: the roles that may sign today, who signs in each by default, and the
 * signing time as the model wants it (a date-time with the local zone offset).
 */
import {
  ageOn,
  DEFAULT_AGE_OF_MAJORITY,
  isCalendarDate,
  type IsoDate,
  type IsoDateTime,
  type PersonRef,
  type SignerRole,
  type TreatmentPlan,
} from '../../plan/index.ts';
import { zonedNow } from '../../workspace/clock.ts';

/** True when the client is a minor on `today` by a known birth date, so a guardian signs. */
export function clientIsMinor(plan: TreatmentPlan, today: IsoDate): boolean {
  const birthDate = plan.client.birthDate;
  return (
    birthDate !== undefined &&
    isCalendarDate(birthDate) &&
    isCalendarDate(today) &&
    ageOn(birthDate, today) < DEFAULT_AGE_OF_MAJORITY
  );
}

/** Clinician and client always; a guardian when the client is a minor today; the supervisor's co-signature. */
export function signerRoles(plan: TreatmentPlan, today: IsoDate): SignerRole[] {
  return ['clinician', 'client', ...(clientIsMinor(plan, today) ? (['guardian'] as const) : []), 'supervisor'];
}

/** People of the plan who may sign for the client: the consent's grantor (when not the client), participants. */
function guardianCandidates(plan: TreatmentPlan): PersonRef[] {
  const grantor = plan.contract.consent?.grantor;
  const fromConsent = grantor !== undefined && grantor.reference !== plan.client.reference ? [grantor] : [];
  return [...fromConsent, ...plan.considerations.participants.map((p) => p.person)];
}

/**
 * Who signs in `role` unless the clinician says otherwise: the plan's provider (else its author, else whoever is
 * signed in) for the clinician, the client for the client, the person who gave consent or the first participant
 * for a guardian; nobody for the supervisor.
 */
export function defaultSigner(
  plan: TreatmentPlan,
  role: SignerRole,
  signedIn: PersonRef | undefined
): PersonRef | undefined {
  switch (role) {
    case 'clinician': {
      const provider = plan.session.provider;
      if (provider !== undefined) {
        return { name: provider.name, ...(provider.reference === undefined ? {} : { reference: provider.reference }) };
      }
      return plan.author ?? signedIn;
    }
    case 'client':
      return { reference: plan.client.reference, name: plan.client.name };
    case 'guardian':
      return guardianCandidates(plan)[0];
    case 'supervisor':
      return undefined;
  }
}

/** The signer for a name the clinician typed: the known person of that name (with their record), else the name. */
export function signerNamed(
  plan: TreatmentPlan,
  role: SignerRole,
  name: string,
  signedIn: PersonRef | undefined
): PersonRef {
  const trimmed = name.trim();
  const known = [
    defaultSigner(plan, role, signedIn),
    ...(role === 'guardian' ? guardianCandidates(plan) : []),
    ...(role === 'supervisor' ? plan.contributors : []),
  ].find((person) => person !== undefined && person.name.trim().toLowerCase() === trimmed.toLowerCase());
  return known ?? { name: trimmed };
}

/** `2026-11-27T10:04:31-05:00`: the signing time, to the second, in the browser's zone. */
export function signingTime(now: Date): IsoDateTime {
  return zonedNow(now, { seconds: true });
}
