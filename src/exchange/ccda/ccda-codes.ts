/**
 * The identifiers, templates and codes of the C-CDA Care Plan document we write and read (C-CDA R2.1, templates
 * at https://hl7.org/cda/us/ccda/). Template ids carry the 2015-08-01 extension of the R2.1 versions.
 */
import { RECORD_ID_SYSTEM, SYSTEM } from '../../mapping/codes.ts';

/**
 * Our OID arc: a UUID-derived OID (ITU-T X.667, arc 2.25), so no registration is needed. `.1` roots the
 * business ids of the plan's records (the C-CDA twin of RECORD_ID_SYSTEM); the other branches name our own
 * code systems and identifier systems that have no OID.
 */
export const OUR_OID = '2.25.181475631912407803212953425507689647828';
export const OID = {
  /** `<id root=".1" extension="goal-1"/>`: a record of the plan by its business id. */
  record: `${OUR_OID}.1`,
  /** Ids of the parts of an entry that are no record of their own (the observation inside a concern act). */
  entryPart: `${OUR_OID}.2`,
  /** Who takes part (client, clinician, family, other): the `Party` of the plan model. */
  party: `${OUR_OID}.3`,
  /** An identifier whose FHIR system has no OID: the system is in `assigningAuthorityName`. */
  namedSystem: `${OUR_OID}.9`,
  /** The narrative section listing what the document could not carry. */
  notCarriedSection: `${OUR_OID}.10`,
} as const;

export const CDA_NS = 'urn:hl7-org:v3';
export const XSI_NS = 'http://www.w3.org/2001/XMLSchema-instance';
export const LOINC_OID = '2.16.840.1.113883.6.1';
export const SNOMED_OID = '2.16.840.1.113883.6.96';
export const ACT_CODE_OID = '2.16.840.1.113883.5.4';
export const ROLE_CODE_OID = '2.16.840.1.113883.5.111';
export const CONFIDENTIALITY_OID = '2.16.840.1.113883.5.25';
export const GOAL_ACHIEVEMENT_OID = '2.16.840.1.113883.4.642.4.1375';

const R21 = '2015-08-01';
export interface TemplateId {
  readonly root: string;
  readonly extension?: string;
}
export const TEMPLATE = {
  usRealmHeader: { root: '2.16.840.1.113883.10.20.22.1.1', extension: R21 },
  carePlanDocument: { root: '2.16.840.1.113883.10.20.22.1.15', extension: R21 },
  healthConcernsSection: { root: '2.16.840.1.113883.10.20.22.2.58', extension: R21 },
  problemSection: { root: '2.16.840.1.113883.10.20.22.2.5.1', extension: R21 },
  goalsSection: { root: '2.16.840.1.113883.10.20.22.2.60' },
  interventionsSection: { root: '2.16.840.1.113883.10.20.21.2.3', extension: R21 },
  outcomesSection: { root: '2.16.840.1.113883.10.20.22.2.61' },
  healthConcernAct: { root: '2.16.840.1.113883.10.20.22.4.132', extension: R21 },
  problemConcernAct: { root: '2.16.840.1.113883.10.20.22.4.3', extension: R21 },
  problemObservation: { root: '2.16.840.1.113883.10.20.22.4.4', extension: R21 },
  problemStatus: { root: '2.16.840.1.113883.10.20.22.4.6' },
  goalObservation: { root: '2.16.840.1.113883.10.20.22.4.121' },
  entryReference: { root: '2.16.840.1.113883.10.20.22.4.122' },
  priorityPreference: { root: '2.16.840.1.113883.10.20.22.4.143' },
  plannedInterventionAct: { root: '2.16.840.1.113883.10.20.22.4.146', extension: R21 },
  outcomeObservation: { root: '2.16.840.1.113883.10.20.22.4.144' },
  progressTowardGoal: { root: '2.16.840.1.113883.10.20.22.4.110' },
  commentActivity: { root: '2.16.840.1.113883.10.20.22.4.64' },
  author: { root: '2.16.840.1.113883.10.20.22.4.119' },
} as const satisfies Record<string, TemplateId>;

export interface CdaCode {
  readonly code: string;
  readonly codeSystem: string;
  readonly displayName: string;
}
const loinc = (code: string, displayName: string): CdaCode => ({ code, codeSystem: LOINC_OID, displayName });
const snomed = (code: string, displayName: string): CdaCode => ({ code, codeSystem: SNOMED_OID, displayName });

export const CODE = {
  carePlanDocument: loinc('52521-2', 'Overall plan of care/advance care directives'),
  healthConcernsSection: loinc('75310-3', 'Health concerns Document'),
  problemSection: loinc('11450-4', 'Problem list - Reported'),
  goalsSection: loinc('61146-7', 'Goals'),
  interventionsSection: loinc('62387-6', 'Interventions Narrative'),
  outcomesSection: loinc('11383-7', 'Patient problem outcome Narrative'),
  healthConcern: loinc('75310-3', 'Health concerns Document'),
  concern: { code: 'CONC', codeSystem: '2.16.840.1.113883.5.6', displayName: 'Concern' },
  /** Problem Observation codes (Problem Type): a problem-list item and an encounter diagnosis. */
  problem: snomed('55607006', 'Problem'),
  diagnosis: snomed('282291009', 'Diagnosis interpretation'),
  problemStatus: loinc('33999-4', 'Status'),
  goal: loinc('58144-7', "Resident's overall goal established during assessment process"),
  priority: snomed('225773000', 'Preference'),
  annotation: loinc('48767-8', 'Annotation comment'),
  outcomeSummary: loinc('11383-7', 'Patient problem outcome Narrative'),
  /** Ours: the observation inside a goal that says how far it is achieved (its value: R4 goal-achievement). */
  achievement: { code: 'goal-achievement', codeSystem: `${OUR_OID}.5`, displayName: 'Goal achievement' },
  familyMember: { code: 'FAMMEMB', codeSystem: ROLE_CODE_OID, displayName: 'family member' },
  restricted: { code: 'R', codeSystem: CONFIDENTIALITY_OID, displayName: 'Restricted' },
} as const satisfies Record<string, CdaCode>;

/** Priority Preference values (SNOMED CT) for goals, and for diagnoses: the plan's focus is high priority. */
export const PRIORITY = {
  high: snomed('394849002', 'High priority'),
  medium: snomed('394848005', 'Normal priority'),
  low: snomed('394847000', 'Low priority'),
} as const;

/** Problem Status values (SNOMED CT) for the clinical status of a diagnosis. */
export const PROBLEM_STATUS: Readonly<Record<string, CdaCode>> = {
  active: snomed('55561003', 'Active'),
  recurrence: snomed('246455001', 'Recurrence'),
  relapse: snomed('263855007', 'Relapse phase'),
  inactive: snomed('73425007', 'Inactive'),
  remission: snomed('277022003', 'Remission phase'),
  resolved: snomed('413322009', 'Resolved'),
};

/** FHIR code systems and their OIDs: the standard ones, R4's, and ours (under our arc). */
export const SYSTEM_OIDS: readonly (readonly [url: string, oid: string])[] = [
  [SYSTEM.loinc, LOINC_OID],
  [SYSTEM.snomed, SNOMED_OID],
  [SYSTEM.icd10cm, '2.16.840.1.113883.6.90'],
  [SYSTEM.cpt, '2.16.840.1.113883.6.12'],
  [SYSTEM.nucc, '2.16.840.1.113883.6.101'],
  [SYSTEM.actCode, ACT_CODE_OID],
  [SYSTEM.ucum, '2.16.840.1.113883.6.8'],
  [SYSTEM.placeOfService, '2.16.840.1.113883.6.50'],
  [SYSTEM.goalAchievement, GOAL_ACHIEVEMENT_OID],
  [RECORD_ID_SYSTEM, OID.record],
  [SYSTEM.therapyModality, `${OUR_OID}.4.1`],
  [SYSTEM.responsibilityRole, `${OUR_OID}.4.2`],
  [SYSTEM.planActivityKind, `${OUR_OID}.4.3`],
  [SYSTEM.credential, `${OUR_OID}.4.4`],
];

/** The OID of a FHIR system: known, `urn:oid:` spelled out, else undefined. */
export function oidOfSystem(system: string): string | undefined {
  if (system.startsWith('urn:oid:')) return system.slice('urn:oid:'.length);
  return SYSTEM_OIDS.find(([url]) => url === system)?.[1];
}

/** The FHIR system of an OID: known, else `urn:oid:`. */
export function systemOfOid(oid: string): string {
  return SYSTEM_OIDS.find(([, known]) => known === oid)?.[0] ?? `urn:oid:${oid}`;
}
