// @medplum/core does not check an extension's value against the extension's definition.
Invariant: tp-sr-1
Description: "Every pertainsToGoal extension holds a reference to a goal"
Expression: "extension.where(url = 'http://hl7.org/fhir/StructureDefinition/resource-pertainsToGoal').all(value.ofType(Reference).exists())"
Severity: #error

// Interventions and responsibilities (DESIGN.md §4): CarePlan.activity.reference points here. Carries the
// requirements of US Core ServiceRequest (status, intent, code, subject).
Profile: PlannedIntervention
Parent: ServiceRequest
Id: planned-intervention
Title: "Planned intervention or responsibility"
Description: "A planned intervention (modality, how it is applied, how often, who performs it, which goals it serves), or a responsibility of the treatment contract (performerType says whose)."
* insert MentalHealthSensitive
* extension contains $pertains-to-goal named pertainsToGoal 0..* MS
* extension[pertainsToGoal] ^short = "The goals and objectives this intervention serves"
* extension[pertainsToGoal].url = "http://hl7.org/fhir/StructureDefinition/resource-pertainsToGoal" (exactly)
* obeys tp-sr-1
* status MS
* category MS
* category ^short = "care-schedule or responsibility (plan-activity-kind) for those parts of a plan; none for an intervention"
* orderDetail MS
* orderDetail ^short = "The care schedule's format (individual, group, family, couples)"
* intent = #plan
* intent MS
* code 1..1 MS
* code from TherapyModalities (extensible)
* code ^short = "The modality or technique (a coding from the value set when one fits, and text)"
* subject 1..1 MS
* subject only Reference(Patient)
* occurrence[x] only Timing
* occurrence[x] MS
* occurrenceTiming MS
* occurrenceTiming ^short = "Frequency: repeat.frequency per repeat.period repeat.periodUnit, within repeat.boundsPeriod"
* authoredOn MS
* requester MS
* performerType MS
* performerType from ResponsibilityRoles (extensible)
* performer MS
* reasonReference MS
* note MS
* note ^short = "How the intervention is applied"
