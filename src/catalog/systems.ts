/**
 * The code systems the catalog codes with. `src/catalog` may import only `src/plan` (eslint layer rule), so these
 * are spelled here once more; test/unit/catalog-diagnoses.test.ts ties them to `SYSTEM` in src/mapping/codes.ts.
 */
export const CATALOG_SYSTEM = {
  icd10cm: 'http://hl7.org/fhir/sid/icd-10-cm',
  snomed: 'http://snomed.info/sct',
  loinc: 'http://loinc.org',
  /** Our CodeSystem `therapy-modality` (fhir-profiles/input/fsh/terminology-pick-lists.fsh). */
  therapyModality: 'https://treatment-plan.example.org/fhir/CodeSystem/therapy-modality',
} as const;
