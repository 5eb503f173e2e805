/**
 * Every code system, code, extension and profile URL the mapping uses, in one place (DESIGN.md §2: nothing else
 * spells a code). Codes come from DESIGN.md §4 or were looked up in the published code systems; where a concept
 * has no standard code, the code is ours and is defined in `fhir-profiles/input/fsh/`.
 * test/unit/mapping-constants.test.ts checks that every profile, extension, ValueSet and CodeSystem URL of ours
 * exists in `fhir-profiles/generated/`.
 */
import type * as fhir from 'fhir/r4';

/** Our canonical base (spelled once more in fhir-profiles/sushi-config.yaml; the constants test ties the two). */
export const CANONICAL = 'https://treatment-plan.example.org/fhir';

/** The identifier system of every record the app writes; the value is the model's id (the business id). */
export const RECORD_ID_SYSTEM = `${CANONICAL}/sid/record-id`;

const profile = (id: string): string => `${CANONICAL}/StructureDefinition/${id}`;

export const PROFILE = {
  carePlan: profile('treatment-plan'),
  goal: profile('treatment-goal'),
  condition: profile('plan-condition'),
  consent: profile('treatment-contract'),
  serviceRequest: profile('planned-intervention'),
  encounter: profile('treatment-session'),
  location: profile('place-of-service'),
  score: profile('assessment-score'),
  measure: profile('progress-measure'),
  strength: profile('client-strength'),
  history: profile('client-history'),
  procedure: profile('past-treatment'),
  progressNote: profile('progress-note'),
  careTeam: profile('plan-participants'),
  provenance: profile('plan-signature'),
} as const;

export const EXTENSION = {
  /** R4 core: a related goal; type `milestone` on the parent marks an objective. */
  goalRelationship: 'http://hl7.org/fhir/StructureDefinition/goal-relationship',
  /** R4 core: the goals a request serves. */
  pertainsToGoal: 'http://hl7.org/fhir/StructureDefinition/resource-pertainsToGoal',
  /** R4 core: the words behind a value (an onset date that was also described). */
  originalText: 'http://hl7.org/fhir/StructureDefinition/originalText',
  /** Ours: what a CarePlan.note of the app holds (goal for change, preference, ...). */
  noteKind: profile('plan-note-kind'),
  /** Ours: the plan a continuing goal was carried over from. */
  carriedFrom: profile('goal-carried-from'),
  /** Ours: the business identifier of a record whose resource has no identifier element (Provenance). */
  recordIdentifier: profile('record-identifier'),
  /** Ours: why the clinician signed a plan that did not pass the completeness check (Provenance). */
  signedIncompleteReason: profile('signed-incomplete-reason'),
} as const;

const codeSystem = (id: string): string => `${CANONICAL}/CodeSystem/${id}`;

export const SYSTEM = {
  snomed: 'http://snomed.info/sct',
  loinc: 'http://loinc.org',
  icd10cm: 'http://hl7.org/fhir/sid/icd-10-cm',
  ucum: 'http://unitsofmeasure.org',
  cpt: 'http://www.ama-assn.org/go/cpt',
  nucc: 'http://nucc.org/provider-taxonomy',
  placeOfService: 'https://www.cms.gov/Medicare/Coding/place-of-service-codes/Place_of_Service_Code_Set',
  actCode: 'http://terminology.hl7.org/CodeSystem/v3-ActCode',
  roleClass: 'http://terminology.hl7.org/CodeSystem/v3-RoleClass',
  dataAbsentReason: 'http://terminology.hl7.org/CodeSystem/data-absent-reason',
  carePlanCategory: 'http://hl7.org/fhir/us/core/CodeSystem/careplan-category',
  conditionCategory: 'http://terminology.hl7.org/CodeSystem/condition-category',
  conditionCategoryUsCore: 'http://hl7.org/fhir/us/core/CodeSystem/condition-category',
  conditionClinical: 'http://terminology.hl7.org/CodeSystem/condition-clinical',
  conditionVerification: 'http://terminology.hl7.org/CodeSystem/condition-ver-status',
  goalCategory: 'http://terminology.hl7.org/CodeSystem/goal-category',
  goalAchievement: 'http://terminology.hl7.org/CodeSystem/goal-achievement',
  goalPriority: 'http://terminology.hl7.org/CodeSystem/goal-priority',
  goalRelationshipType: 'http://terminology.hl7.org/CodeSystem/goal-relationship-type',
  consentScope: 'http://terminology.hl7.org/CodeSystem/consentscope',
  observationCategory: 'http://terminology.hl7.org/CodeSystem/observation-category',
  documentCategoryUsCore: 'http://hl7.org/fhir/us/core/CodeSystem/us-core-documentreference-category',
  provenanceParticipant: 'http://terminology.hl7.org/CodeSystem/provenance-participant-type',
  signatureType: 'urn:iso-astm:E1762-95:2013',
  eltssObservation: 'http://hl7.org/fhir/us/eltss/CodeSystem/eltss-observation-codes-temporary',
  responsibilityRole: codeSystem('responsibility-role'),
  planActivityKind: codeSystem('plan-activity-kind'),
  planNoteKind: codeSystem('plan-note-kind'),
  credential: codeSystem('credential'),
  therapyModality: codeSystem('therapy-modality'),
} as const;

/** ValueSets and CodeSystems of ours that the mapping relies on (checked against fhir-profiles/generated). */
export const OWN_TERMINOLOGY = {
  codeSystems: [
    SYSTEM.responsibilityRole,
    SYSTEM.planActivityKind,
    SYSTEM.planNoteKind,
    SYSTEM.credential,
    SYSTEM.therapyModality,
    SYSTEM.placeOfService,
  ],
  valueSets: [
    `${CANONICAL}/ValueSet/outcome-measures`,
    `${CANONICAL}/ValueSet/plan-note-kinds`,
    `${CANONICAL}/ValueSet/places-of-service`,
  ],
} as const;

const coding = (system: string, code: string, display?: string): fhir.Coding =>
  display === undefined ? { system, code } : { system, code, display };

export const CODING = {
  /** DESIGN.md §4 "Sensitivity": mental-health information, and substance-use information. */
  psy: coding(SYSTEM.actCode, 'PSY'),
  eth: coding(SYSTEM.actCode, 'ETH'),
  assessPlan: coding(SYSTEM.carePlanCategory, 'assess-plan'),
  mentalHealthCarePlan: coding(SYSTEM.snomed, '718347000', 'Mental health care plan'),
  behavioral: coding(SYSTEM.goalCategory, 'behavioral'),
  milestone: coding(SYSTEM.goalRelationshipType, 'milestone'),
  healthConcern: coding(SYSTEM.conditionCategoryUsCore, 'health-concern'),
  socialHistory: coding(SYSTEM.observationCategory, 'social-history'),
  survey: coding(SYSTEM.observationCategory, 'survey'),
  /** LOINC 11341-5 History of Occupation (as US Core's occupation observation). */
  occupation: coding(SYSTEM.loinc, '11341-5', 'History of Occupation'),
  /** LOINC 29762-2 Social history Narrative (the C-CDA social history section code). */
  socialHistoryNarrative: coding(SYSTEM.loinc, '29762-2', 'Social history Narrative'),
  strength: coding(SYSTEM.eltssObservation, 'strength'),
  treatmentScope: coding(SYSTEM.consentScope, 'treatment'),
  /** LOINC 59284-0 Patient Consent (in R4's consent-category value set). */
  patientConsent: coding(SYSTEM.loinc, '59284-0', 'Patient Consent'),
  optIn: coding(SYSTEM.actCode, 'OPTIN'),
  /** LOINC 34904-3 Mental health Progress note. */
  progressNote: coding(SYSTEM.loinc, '34904-3', 'Mental health Progress note'),
  clinicalNote: coding(SYSTEM.documentCategoryUsCore, 'clinical-note', 'Clinical Note'),
  /** LOINC 18776-5 Plan of care note: the plan filed as a note where plan resources cannot be written. */
  planOfCareNote: coding(SYSTEM.loinc, '18776-5', 'Plan of care note'),
  careSchedule: coding(SYSTEM.planActivityKind, 'care-schedule'),
  responsibility: coding(SYSTEM.planActivityKind, 'responsibility'),
  unknown: coding(SYSTEM.dataAbsentReason, 'unknown'),
  patientRole: coding(SYSTEM.roleClass, 'PAT'),
  guardianRole: coding(SYSTEM.roleClass, 'GUARD'),
} as const;

/** ASTM E1762 signature types (DESIGN.md §4 "Signatures"). */
export const SIGNATURE_TYPE = {
  author: coding(SYSTEM.signatureType, '1.2.840.10065.1.12.1.1', "Author's Signature"),
  verification: coding(SYSTEM.signatureType, '1.2.840.10065.1.12.1.5', 'Verification Signature'),
  consent: coding(SYSTEM.signatureType, '1.2.840.10065.1.12.1.7', 'Consent Signature'),
} as const;

export const AGENT_TYPE = {
  author: coding(SYSTEM.provenanceParticipant, 'author'),
  verifier: coding(SYSTEM.provenanceParticipant, 'verifier'),
} as const;

/** Session classes (v3-ActCode), by the model's contact mode. */
export const CONTACT_MODE_CLASS = {
  'in-person': coding(SYSTEM.actCode, 'AMB'),
  telehealth: coding(SYSTEM.actCode, 'VR'),
  'home-visit': coding(SYSTEM.actCode, 'HH'),
} as const;

/** Kinds of CarePlan.note the app writes (our `plan-note-kind` code system). */
export const NOTE_KIND = {
  goalForChange: 'goal-for-change',
  clientPreference: 'client-preference',
  culturalConsideration: 'cultural-consideration',
  outcomeSummary: 'outcome-summary',
} as const;

/** LOINC totals in our `outcome-measures` ValueSet: scores with these codes claim the assessment-score profile. */
export const OUTCOME_MEASURE_CODES: ReadonlySet<string> = new Set([
  '44261-6',
  '89204-2',
  '70274-6',
  '55758-7',
  '75624-7',
  '75626-2',
  '82667-7',
]);

/** ICD-10-CM F10-F19: mental and behavioural disorders due to psychoactive substance use (labelled ETH). */
export const SUBSTANCE_USE_ICD10 = /^F1\d(\.|$)/;

export const UNIT_MINUTES = 'min';
export const TEXT_PLAIN_UTF8 = 'text/plain; charset=utf-8';
export const TYPED_SIGNATURE_FORMAT = 'text/plain';
export const DRAWN_SIGNATURE_FORMAT = 'image/png';
