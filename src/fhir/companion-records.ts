/**
 * The companion store (issue 5 §2): where the EHR takes notes but not plans, the structured plan is kept on a
 * second FHIR server the practice controls. The two servers are linked like this:
 * - the client: a Patient on the companion carrying the EHR patient's identifiers, found (or created, with a
 *   conditional create) by those identifiers, never by id;
 * - the EHR's records (conditions, encounters, practitioners, scores): the companion's plan refers to them by
 *   ABSOLUTE URL on the EHR (`https://ehr.example/fhir/Condition/123`), so a reader of the companion alone can
 *   still tell where each one lives (https://hl7.org/fhir/R4/references.html#literal);
 * - the plan's own records (CarePlan, Goal, ...): relative references on the companion, as on any server.
 * Loading reads both servers and merges them into the EHR's view: absolute EHR URLs become relative again, the
 * companion's client becomes the EHR's, and every record that came from the companion is tagged with its origin
 * (the tag is stripped before anything is written back).
 */
import type * as fhir from 'fhir/r4';
import { RECORD_ID_SYSTEM } from '../mapping/codes.ts';
import { tokenParameter } from '../mapping/identifiers.ts';
import { FhirError } from './fhir-error.ts';
import type { FhirGateway } from './gateway.ts';
import type { PlanRecords } from './load-plan-records.ts';

/** Marks a loaded record as one read from the companion store (meta.tag; never written to a server). */
export const COMPANION_ORIGIN: Readonly<fhir.Coding> = {
  system: 'https://treatment-plan.example.org/fhir/CodeSystem/record-origin',
  code: 'companion',
};

/** How a record's references are rewritten: returns the new reference, or the same one. */
export type ReferenceMap = (reference: string) => string;

const isOriginTag = (tag: fhir.Coding): boolean =>
  tag.system === COMPANION_ORIGIN.system && tag.code === COMPANION_ORIGIN.code;

export function isFromCompanion(resource: fhir.FhirResource): boolean {
  return (resource.meta?.tag ?? []).some(isOriginTag);
}

/** The record marked as read from the companion. */
export function withCompanionOrigin<T extends fhir.FhirResource>(resource: T): T {
  const tags = (resource.meta?.tag ?? []).filter((tag) => !isOriginTag(tag));
  return { ...resource, meta: { ...resource.meta, tag: [...tags, { ...COMPANION_ORIGIN }] } };
}

/** The record without the origin mark (what is written back). */
export function withoutCompanionOrigin<T extends fhir.FhirResource>(resource: T): T {
  if (resource.meta?.tag === undefined) return resource;
  const meta: fhir.Meta = { ...resource.meta, tag: resource.meta.tag.filter((tag) => !isOriginTag(tag)) };
  if (meta.tag?.length === 0) delete meta.tag;
  const copy: T = { ...resource, meta };
  if (Object.keys(meta).length === 0) delete copy.meta;
  return copy;
}

/** A copy of `value` with every `Reference.reference` (any `reference` string property) passed through `map`. */
export function mapReferences<T>(value: T, map: ReferenceMap): T {
  if (Array.isArray(value)) return value.map((item: unknown) => mapReferences(item, map)) as T;
  if (typeof value !== 'object' || value === null) return value;
  const copy: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    copy[key] = key === 'reference' && typeof item === 'string' ? map(item) : mapReferences(item, map);
  }
  return copy as T;
}

/** The two clients that are one person: the EHR's patient and the companion's. */
export interface ClientLink {
  /** The EHR's FHIR base, without a trailing slash. */
  readonly ehrBaseUrl: string;
  readonly ehrPatientId: string;
  readonly companionPatientId: string;
}

/** `Type/id`, optionally pinned to a version (`Type/id/_history/3`). */
const RELATIVE = /^([A-Z][A-Za-z]+\/[A-Za-z0-9\-.]{1,64})(\/_history\/[A-Za-z0-9\-.]{1,64})?$/;

/** Companion reference -> EHR view: the companion's client is the EHR's, absolute EHR URLs become relative. */
export function referenceFromCompanion(link: ClientLink): ReferenceMap {
  const prefix = `${link.ehrBaseUrl}/`;
  return (reference) => {
    if (reference === `Patient/${link.companionPatientId}`) return `Patient/${link.ehrPatientId}`;
    if (reference.startsWith(prefix)) {
      const relative = reference.slice(prefix.length);
      return RELATIVE.test(relative) ? relative : reference;
    }
    return reference;
  };
}

/**
 * EHR view -> companion reference: the EHR's client is the companion's, a relative reference to a record the
 * companion holds (`onCompanion`, given `Type/id`) stays, every other relative reference (version pins
 * included) becomes the EHR's absolute URL.
 */
export function referenceToCompanion(link: ClientLink, onCompanion: (reference: string) => boolean): ReferenceMap {
  return (reference) => {
    if (reference === `Patient/${link.ehrPatientId}`) return `Patient/${link.companionPatientId}`;
    const address = RELATIVE.exec(reference)?.[1];
    if (address === undefined || onCompanion(address)) return reference;
    return `${link.ehrBaseUrl}/${reference}`;
  };
}

/**
 * The EHR's records as the workspace sees them beside a companion store: the plan lives in the companion, so the
 * EHR's own CarePlans (read-only there, e.g. Epic's) are left out and can never be picked as the current plan;
 * with no plan in the companion yet the workspace offers to start one, prefilled from the EHR's records. What the
 * EHR's plans pointed at (their goals, say) stays and is shown in the "from other systems" panel.
 */
export function ehrRecordsBesideCompanion(ehr: PlanRecords): PlanRecords {
  return { ...ehr, resources: ehr.resources.filter((r) => r.resourceType !== 'CarePlan') };
}

/**
 * The EHR's records and the companion's as one set, in the EHR's view (see ehrRecordsBesideCompanion): the
 * companion's CarePlan is the current plan. The companion's copy of the client is left out (the EHR's record is
 * the client); a record both servers hold under the same address is taken from the companion.
 */
export function mergePlanRecords(ehr: PlanRecords, companion: PlanRecords, link: ClientLink): PlanRecords {
  const fromCompanion = referenceFromCompanion(link);
  const theirs = companion.resources
    .filter((r) => r.resourceType !== 'Patient')
    .map((r) => withCompanionOrigin(mapReferences(r, fromCompanion)));
  const held = new Set(theirs.map((r) => `${r.resourceType}/${r.id ?? ''}`));
  const ours = ehrRecordsBesideCompanion(ehr).resources.filter((r) => !held.has(`${r.resourceType}/${r.id ?? ''}`));
  return {
    resources: [...ours, ...theirs],
    roundTrips: Math.max(ehr.roundTrips, companion.roundTrips),
    requests: ehr.requests + companion.requests,
    incomplete: [
      ...ehr.incomplete,
      ...companion.incomplete.map((search) => ({ ...search, search: `Companion store: ${search.search}` })),
    ],
  };
}

/** The EHR patient's identifiers usable for matching (system and value both present). */
export function matchingIdentifiers(patient: fhir.Patient): fhir.Identifier[] {
  return (patient.identifier ?? []).filter(
    (identifier) =>
      typeof identifier.system === 'string' &&
      identifier.system !== '' &&
      typeof identifier.value === 'string' &&
      identifier.value !== '' &&
      identifier.system !== RECORD_ID_SYSTEM
  );
}

/** `identifier=s1|v1,s2|v2`: matches a Patient with any of them (https://hl7.org/fhir/R4/search.html#token). */
function identifierSearch(identifiers: readonly fhir.Identifier[]): string {
  const tokens = identifiers.map((i) => tokenParameter(i.system ?? '', i.value ?? ''));
  return `identifier=${tokens.join(encodeURIComponent(','))}`;
}

function noIdentifiers(patient: fhir.Patient): FhirError {
  return new FhirError(
    0,
    'Patient',
    `The EHR's record of this client has no identifier with a system, so the plan cannot be linked to it in the ` +
      `companion store (client ${patient.id ?? 'without id'}).`
  );
}

/** The companion's id for the client, or undefined when the companion holds no such client yet. */
export async function findCompanionPatient(
  gateway: FhirGateway,
  ehrPatient: fhir.Patient
): Promise<string | undefined> {
  const identifiers = matchingIdentifiers(ehrPatient);
  if (identifiers.length === 0) throw noIdentifiers(ehrPatient);
  const response = await gateway.request<fhir.Bundle>({
    method: 'GET',
    url: `Patient?${identifierSearch(identifiers)}`,
  });
  const matches = (response.body?.entry ?? []).flatMap((e) =>
    e.resource?.resourceType === 'Patient' ? [e.resource] : []
  );
  return matches[0]?.id;
}

/** The client as the companion keeps it: identifiers (how it is matched), name, birth date, gender. */
export function companionPatientOf(ehrPatient: fhir.Patient): fhir.Patient {
  return {
    resourceType: 'Patient',
    identifier: matchingIdentifiers(ehrPatient),
    ...(ehrPatient.name !== undefined ? { name: ehrPatient.name } : {}),
    ...(ehrPatient.birthDate !== undefined ? { birthDate: ehrPatient.birthDate } : {}),
    ...(ehrPatient.gender !== undefined ? { gender: ehrPatient.gender } : {}),
  };
}

/**
 * The companion's id for the client, created if missing by a conditional create on the EHR identifiers, so two
 * saves (or two tabs) never make two clients (https://hl7.org/fhir/R4/http.html#ccreate).
 */
export async function ensureCompanionPatient(gateway: FhirGateway, ehrPatient: fhir.Patient): Promise<string> {
  const identifiers = matchingIdentifiers(ehrPatient);
  if (identifiers.length === 0) throw noIdentifiers(ehrPatient);
  const response = await gateway.request<fhir.Patient>({
    method: 'POST',
    url: 'Patient',
    body: companionPatientOf(ehrPatient),
    headers: { 'If-None-Exist': identifierSearch(identifiers) },
  });
  const id = response.body?.id ?? /Patient\/([^/]+)/.exec(response.location ?? '')?.[1];
  if (id === undefined) {
    throw new FhirError(response.status, 'Patient', 'The companion store did not say where it keeps the client.');
  }
  return id;
}
