// The plan header (DESIGN.md §4): carries US Core CarePlan's requirements (narrative, status, intent,
// assess-plan category, subject) on base R4, since the US Core package cannot be loaded offline.
Profile: TreatmentPlan
Parent: CarePlan
Id: treatment-plan
Title: "Treatment plan"
Description: "A client's mental-health treatment plan: the plan header that links goals, interventions, strengths, the treatment contract and review dates. Carries the requirements of US Core CarePlan."
* insert MentalHealthSensitive
* text 1..1 MS
* text.status MS
* text.status from PlanNarrativeStatus (required)
* text.div MS
* identifier MS
* identifier ^short = "Plan identifier (lets a retried save use a conditional create)"
* replaces MS
* replaces ^short = "The plan this revision replaces (which becomes completed)"
* status MS
* intent = #plan
* intent MS
* category 2..* MS
* insert PatternSlicing(category)
* category contains assessPlan 1..1 MS and mentalHealthCarePlan 1..1 MS
* category[assessPlan] = $careplan-category-us-core#assess-plan
* category[assessPlan] ^short = "US Core: assessment and plan of treatment"
* category[mentalHealthCarePlan] = $sct#718347000
* category[mentalHealthCarePlan] ^short = "SNOMED CT 718347000 Mental health care plan"
* title MS
* subject 1..1 MS
* subject only Reference(Patient)
* encounter MS
* period MS
* period.start MS
* period.end MS
* period.end ^short = "Next review date"
* created MS
* author MS
* contributor MS
* addresses MS
* supportingInfo MS
* supportingInfo ^short = "Strengths, assessments and other information the plan rests on"
* goal MS
* activity MS
* activity.reference MS
* activity.outcomeReference MS
* activity.progress MS
* careTeam MS
* careTeam ^short = "The participants of a couples or family plan"
* note MS
* note ^short = "Goals for change, preferences, cultural considerations, outcome summary (each with plan-note-kind)"
