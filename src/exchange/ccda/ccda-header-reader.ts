/**
 * The header of a C-CDA document as the plan needs it: the patient (from @medplum/ccda's conversion, with the
 * identifiers our writer spelled out restored), the plan's business id (set id, else document id), title,
 * author and time, and the plan period (documentationOf/serviceEvent).
 */
import type * as fhir from 'fhir/r4';
import type { ClientIdentification, ClientIdentifier } from '../../plan/treatment-plan.ts';
import { OID } from './ccda-codes.ts';
import type { SystemOf } from './ccda-entry-relations.ts';
import { isoDate, isoTime } from './cda-values.ts';
import { at, attr, child, children, idsOf, words, type CdaNode } from './ccda-nodes.ts';

export interface CcdaHeader {
  /** The document's patient as FHIR, without an id. */
  readonly patient?: fhir.Patient;
  /** The client as the plan shows them; `reference` is left empty for the importer to fill. */
  readonly client: ClientIdentification;
  /** The patient's ids as `root|extension`, to recognise the patient as a goal's author. */
  readonly clientIds: ReadonlySet<string>;
  readonly planId: string;
  readonly title: string;
  readonly created?: string;
  readonly authorName?: string;
  readonly periodStart?: string;
  readonly nextReview?: string;
}

/** Patient identifiers as written by us: our named-system root carries the system in assigningAuthorityName. */
function patientIdentifiers(patientRole: CdaNode | undefined, systemOf: SystemOf): fhir.Identifier[] {
  return idsOf(patientRole).flatMap((id): fhir.Identifier[] => {
    if (id.extension === undefined) return [];
    if (id.root === OID.namedSystem) {
      return id.assigningAuthorityName === undefined
        ? []
        : [{ system: id.assigningAuthorityName, value: id.extension }];
    }
    return [
      {
        system: systemOf(id.root),
        value: id.extension,
        ...(id.assigningAuthorityName !== undefined ? { type: { text: id.assigningAuthorityName } } : {}),
      },
    ];
  });
}

function nameWords(name: fhir.HumanName | undefined): string {
  if (name === undefined) return '';
  return (
    [...(name.prefix ?? []), ...(name.given ?? []), name.family ?? ''].join(' ').replace(/\s+/g, ' ').trim() +
    ((name.suffix ?? []).length > 0 ? `, ${(name.suffix ?? []).join(', ')}` : '')
  );
}

/** A PN element as words (given names, family name, then suffixes). */
function personWords(name: CdaNode | undefined, withSuffixes = true): string {
  if (name === undefined) return '';
  const parts = (key: string): string[] =>
    children(name, key)
      .map((n) => words(n))
      .filter((w) => w !== '');
  const structured = [...parts('prefix'), ...parts('given'), ...parts('family')].join(' ');
  const suffixes = parts('suffix');
  if (structured === '') return words(name);
  return withSuffixes && suffixes.length > 0 ? `${structured}, ${suffixes.join(', ')}` : structured;
}

export function headerFromCcda(document: CdaNode, converted: fhir.Bundle, systemOf: SystemOf): CcdaHeader {
  const patientRole = at(document, 'recordTarget', 'patientRole');
  const convertedPatient = converted.entry?.map((e) => e.resource).find((r) => r?.resourceType === 'Patient') as
    fhir.Patient | undefined;
  const identifiers = patientIdentifiers(patientRole, systemOf);
  const patient: fhir.Patient | undefined =
    convertedPatient === undefined
      ? undefined
      : (JSON.parse(
          JSON.stringify({
            ...convertedPatient,
            id: undefined,
            identifier: identifiers.length > 0 ? identifiers : undefined,
          })
        ) as fhir.Patient);
  const clientName =
    nameWords(patient?.name?.[0]) || personWords(at(patientRole, 'patient', 'name')) || 'Unknown client';
  const clientIds = new Set(idsOf(patientRole).map((id) => `${id.root}|${id.extension ?? ''}`));

  const setId = idsOf({ id: document.setId });
  const documentId = [...setId.filter((id) => id.root === OID.record), ...setId, ...idsOf(document)][0];
  const planId =
    documentId === undefined
      ? 'ccda-plan'
      : documentId.root === OID.record && documentId.extension !== undefined
        ? documentId.extension
        : `${documentId.root}${documentId.extension === undefined ? '' : `/${documentId.extension}`}`;
  const authorNode = child(document, 'author');
  // As the plan names its author: given and family name, the credentials are the provider's.
  const authorName = personWords(at(authorNode, 'assignedAuthor', 'assignedPerson', 'name'), false);
  const created = isoTime(attr(child(authorNode, 'time'), 'value'));
  const period = at(document, 'documentationOf', 'serviceEvent', 'effectiveTime');
  const periodStart = isoDate(attr(child(period, 'low'), 'value'));
  const nextReview = isoDate(attr(child(period, 'high'), 'value'));

  const identifiersForPlan: ClientIdentifier[] = identifiers.flatMap((i) =>
    i.value === undefined
      ? []
      : [
          {
            label: i.type?.text ?? 'Identifier',
            ...(i.system !== undefined ? { system: i.system } : {}),
            value: i.value,
          },
        ]
  );
  return {
    ...(patient !== undefined ? { patient } : {}),
    client: {
      reference: '',
      name: clientName,
      ...(patient?.birthDate !== undefined ? { birthDate: patient.birthDate } : {}),
      ...(patient?.gender !== undefined ? { gender: patient.gender } : {}),
      identifiers: identifiersForPlan,
    },
    clientIds,
    planId,
    title: words(child(document, 'title')) || 'Care plan',
    ...(created !== undefined ? { created } : {}),
    ...(authorName !== '' ? { authorName } : {}),
    ...(periodStart !== undefined ? { periodStart } : {}),
    ...(nextReview !== undefined ? { nextReview } : {}),
  };
}
