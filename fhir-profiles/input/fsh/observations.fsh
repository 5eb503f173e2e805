// Assessment scores and strengths (DESIGN.md §4). The score profile carries US Core Observation
// Screening Assessment's requirements (survey category, code, subject, effective, value).
Profile: AssessmentScore
Parent: Observation
Id: assessment-score
Title: "Assessment score"
Description: "The total score of a standardised measure (PHQ-9, GAD-7, PHQ-2, AUDIT, AUDIT-C, DAST-10 ...), as a number: valueQuantity or valueInteger, never a string. focus points at the goal the score is measured against."
* insert MentalHealthSensitive
* status MS
* category 1..* MS
* insert PatternSlicing(category)
* category contains survey 1..1 MS
* category[survey] = $observation-category#survey
* code MS
* code from OutcomeMeasures (required)
* subject 1..1 MS
* subject only Reference(Patient)
* focus MS
* focus ^short = "The goal this score is measured against"
* encounter MS
* effective[x] 1..1 MS
* performer MS
* value[x] only Quantity or integer
* value[x] MS
* derivedFrom MS
* derivedFrom ^short = "The QuestionnaireResponse the score was computed from, when there is one"
* hasMember MS

Profile: ClientStrength
Parent: Observation
Id: client-strength
Title: "Client strength"
Description: "A strength of the client (eLTSS precedent: a favourable attribute of oneself, one's support network or environment), with how it will be used in treatment as a note."
* insert MentalHealthSensitive
* status MS
* code = $eltss-observation#strength
* code ^short = "eLTSS strength"
* code MS
* subject 1..1 MS
* subject only Reference(Patient)
* effective[x] MS
* value[x] 1..1 MS
* value[x] only string or CodeableConcept
* value[x] ^short = "The strength itself"
* note MS
* note ^short = "How the strength will be used in treatment"
