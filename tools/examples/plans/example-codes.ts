/**
 * The codes the example plans use, spelled once. Codes and displays are those of DESIGN.md §4 and the pick lists
 * in fhir-profiles/ (checked there against each code system); CPT codes carry no display (the AMA's wording).
 * Anything without a confirmed code is written as words only, never with a guessed code.
 */
import type { Concept } from '../../../src/plan/treatment-plan.ts';
import { code, concept } from './example-kit.ts';

export const SYSTEM = {
  icd10cm: 'http://hl7.org/fhir/sid/icd-10-cm',
  snomed: 'http://snomed.info/sct',
  loinc: 'http://loinc.org',
  nucc: 'http://nucc.org/provider-taxonomy',
  cpt: 'http://www.ama-assn.org/go/cpt',
  placeOfService: 'https://www.cms.gov/Medicare/Coding/place-of-service-codes/Place_of_Service_Code_Set',
  /** Ours (fhir-profiles/input/fsh/terminology-pick-lists.fsh): modalities with no confirmed SNOMED CT concept. */
  therapyModality: 'https://treatment-plan.example.org/fhir/CodeSystem/therapy-modality',
  /** The sandbox EHR's record numbers, on HL7's example OID arc (as in src/sandbox/seed/terminology.ts). */
  mrn: 'urn:oid:2.16.840.1.113883.19.5.99999.1',
} as const;

export const PLACE_OF_SERVICE = {
  office: code(SYSTEM.placeOfService, '11', 'Office'),
  telehealthInHome: code(SYSTEM.placeOfService, '10', "Telehealth Provided in Patient's Home"),
} as const;

/** CPT session types (DESIGN.md §4), without displays. */
export const CPT = {
  diagnosticEvaluation: code(SYSTEM.cpt, '90791'),
  psychotherapy45: code(SYSTEM.cpt, '90834'),
  psychotherapy60: code(SYSTEM.cpt, '90837'),
  familyWithClient: code(SYSTEM.cpt, '90847'),
} as const;

export const TAXONOMY = {
  clinicalSocialWorker: code(SYSTEM.nucc, '1041C0700X', 'Clinical Social Worker'),
  clinicalPsychologist: code(SYSTEM.nucc, '103TC0700X', 'Clinical Psychologist'),
} as const;

/** Outcome measures: LOINC totals only (never a panel code for a total). */
export const MEASURE = {
  phq9: concept(
    'PHQ-9 total score',
    code(SYSTEM.loinc, '44261-6', 'Patient Health Questionnaire 9 item (PHQ-9) total score [Reported]')
  ),
  phq9Teens: concept('PHQ-9 modified for teens (PHQ-A) total score', code(SYSTEM.loinc, '89204-2')),
  gad7: concept(
    'GAD-7 total score',
    code(SYSTEM.loinc, '70274-6', 'Generalized anxiety disorder 7 item (GAD-7) total score [Reported.PHQ]')
  ),
  auditC: concept('AUDIT-C total score', code(SYSTEM.loinc, '75626-2', 'Total score [AUDIT-C]')),
  /**
   * No LOINC code for the PCL-5 total was found (only the panel, 101697-1), so the total is a described measure:
   * words only, never another scale's code (DESIGN.md §4).
   */
  pcl5: { text: 'PCL-5 total score (0-80)', codes: [] } satisfies Concept,
} as const;

export const MODALITY = {
  cbt: concept(
    'Cognitive behavioral therapy (CBT)',
    code(SYSTEM.snomed, '228557008', 'Cognitive and behavioral therapy')
  ),
  individual: concept('Individual psychotherapy', code(SYSTEM.snomed, '18512000', 'Individual psychotherapy')),
  family: concept('Family therapy', code(SYSTEM.snomed, '108313002', 'Family psychotherapy procedure')),
  alcoholRelapsePrevention: concept(
    'Alcohol relapse prevention',
    code(SYSTEM.snomed, '720176005', 'Alcohol relapse prevention program')
  ),
  motivationalInterviewing: concept(
    'Motivational interviewing',
    code(SYSTEM.therapyModality, 'motivational-interviewing', 'Motivational interviewing')
  ),
  behavioralActivation: concept(
    'Behavioral activation',
    code(SYSTEM.therapyModality, 'behavioral-activation', 'Behavioral activation')
  ),
  cognitiveProcessingTherapy: concept(
    'Cognitive processing therapy (CPT), a trauma-focused therapy',
    code(SYSTEM.therapyModality, 'cognitive-processing-therapy', 'Cognitive processing therapy')
  ),
} as const;

export const DIAGNOSIS = {
  recurrentDepressionModerate: concept(
    'Major depressive disorder, recurrent, moderate',
    code(SYSTEM.icd10cm, 'F33.1', 'Major depressive disorder, recurrent, moderate'),
    // SNOMED CT's concept is "major depressive disorder" without the recurrent / moderate detail F33.1 carries.
    code(SYSTEM.snomed, '370143000', 'Major depressive disorder')
  ),
  generalizedAnxiety: concept(
    'Generalized anxiety disorder',
    code(SYSTEM.icd10cm, 'F41.1', 'Generalized anxiety disorder'),
    code(SYSTEM.snomed, '21897009', 'Generalized anxiety disorder')
  ),
  ptsd: concept(
    'Post-traumatic stress disorder',
    code(SYSTEM.icd10cm, 'F43.10', 'Post-traumatic stress disorder, unspecified'),
    // Checked: 47505003 is "Posttraumatic stress disorder (disorder)" (also in FHIR R4's HealthcareService example).
    code(SYSTEM.snomed, '47505003', 'Posttraumatic stress disorder')
  ),
  acuteStressReaction: concept('Acute stress reaction', code(SYSTEM.icd10cm, 'F43.0', 'Acute stress reaction')),
  alcoholUseMild: concept('Alcohol use disorder, mild', code(SYSTEM.icd10cm, 'F10.10', 'Alcohol abuse, uncomplicated')),
} as const;
