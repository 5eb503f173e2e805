// Diagnoses and presenting concerns (DESIGN.md §4). Carries the requirements of US Core Condition
// Problems and Health Concerns and US Core Condition Encounter Diagnosis; one profile covers all three
// categories, so the category rule is an invariant rather than a slice per category.
Invariant: tp-con-1
Description: "A plan condition is a problem-list item, an encounter diagnosis or a health concern"
Expression: "category.coding.where((system = 'http://terminology.hl7.org/CodeSystem/condition-category' and (code = 'problem-list-item' or code = 'encounter-diagnosis')) or (system = 'http://hl7.org/fhir/us/core/CodeSystem/condition-category' and code = 'health-concern')).exists()"
Severity: #error

Profile: PlanCondition
Parent: Condition
Id: plan-condition
Title: "Diagnosis or presenting concern"
Description: "A diagnosis (problem-list item or encounter diagnosis, coded in ICD-10-CM and/or SNOMED CT) or a presenting concern (health concern, possibly text only) of a treatment plan."
* insert MentalHealthSensitive
* obeys tp-con-1
* clinicalStatus MS
* verificationStatus MS
* category 1..* MS
* category from PlanConditionCategories (extensible)
* code 1..1 MS
* code ^short = "ICD-10-CM and SNOMED CT codings together when known; text alone for a presenting concern"
* subject 1..1 MS
* subject only Reference(Patient)
* encounter MS
* onset[x] MS
* abatement[x] MS
* recordedDate MS
* recorder MS
* asserter MS
* note MS
