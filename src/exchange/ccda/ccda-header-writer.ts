/**
 * The header parts of our C-CDA document from FHIR records: identifiers as II (a system with no OID keeps its
 * URL in assigningAuthorityName under our named-system root), names as PN, and the record target (patient).
 */
import type * as fhir from 'fhir/r4';
import { RECORD_ID_SYSTEM } from '../../mapping/codes.ts';
import type { TreatmentPlan } from '../../plan/treatment-plan.ts';
import { OID, oidOfSystem } from './ccda-codes.ts';
import { cdaTime, personName } from './cda-values.ts';
import { el, type XmlElement } from './xml-text.ts';

/** A FHIR identifier as an II: its system's OID, or our named-system root with the system spelled out. */
function identifierElement(identifier: fhir.Identifier): XmlElement | undefined {
  if (identifier.value === undefined) return undefined;
  const oid = identifier.system === undefined ? undefined : oidOfSystem(identifier.system);
  if (oid !== undefined && identifier.system !== RECORD_ID_SYSTEM) {
    return el('id', { root: oid, extension: identifier.value, assigningAuthorityName: identifier.type?.text });
  }
  return el('id', { root: OID.namedSystem, extension: identifier.value, assigningAuthorityName: identifier.system });
}

export function ids(identifiers: readonly fhir.Identifier[] | undefined): XmlElement[] {
  const list = (identifiers ?? []).flatMap((i) => identifierElement(i) ?? []);
  return list.length > 0 ? list : [el('id', { nullFlavor: 'UNK' })];
}

export function humanName(name: fhir.HumanName | undefined, fallback: string): XmlElement {
  if (name === undefined || (name.family === undefined && (name.given ?? []).length === 0)) return personName(fallback);
  return el(
    'name',
    { use: name.use === 'official' ? 'L' : undefined },
    (name.prefix ?? []).map((p) => el('prefix', {}, p)),
    (name.given ?? []).map((g) => el('given', {}, g)),
    name.family === undefined ? undefined : el('family', {}, name.family),
    (name.suffix ?? []).map((s) => el('suffix', {}, s))
  );
}

const GENDER: Readonly<Record<string, string>> = { female: 'F', male: 'M', unknown: 'UN', other: 'UN' };

export function recordTarget(
  plan: TreatmentPlan,
  patient: fhir.Patient | undefined
): { element: XmlElement; ids: XmlElement[] } {
  const patientIds = ids(patient?.identifier);
  const address = patient?.address?.[0];
  const element = el(
    'recordTarget',
    {},
    el(
      'patientRole',
      {},
      patientIds,
      address === undefined
        ? undefined
        : el(
            'addr',
            { use: address.use === 'home' ? 'HP' : undefined },
            (address.line ?? []).map((line) => el('streetAddressLine', {}, line)),
            address.city === undefined ? undefined : el('city', {}, address.city),
            address.state === undefined ? undefined : el('state', {}, address.state),
            address.postalCode === undefined ? undefined : el('postalCode', {}, address.postalCode),
            address.country === undefined ? undefined : el('country', {}, address.country)
          ),
      (patient?.telecom ?? []).flatMap((t) =>
        t.value === undefined
          ? []
          : [el('telecom', { value: `${t.system === 'email' ? 'mailto:' : 'tel:'}${t.value}` })]
      ),
      el(
        'patient',
        {},
        humanName(patient?.name?.[0], plan.client.name),
        plan.client.gender === undefined
          ? el('administrativeGenderCode', { nullFlavor: 'UNK' })
          : el('administrativeGenderCode', {
              code: GENDER[plan.client.gender] ?? 'UN',
              codeSystem: '2.16.840.1.113883.5.1',
            }),
        plan.client.birthDate === undefined
          ? el('birthTime', { nullFlavor: 'UNK' })
          : el('birthTime', { value: cdaTime(plan.client.birthDate) })
      )
    )
  );
  return { element, ids: patientIds };
}
