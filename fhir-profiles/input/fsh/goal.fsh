// @medplum/core validates an extension slice's count but not its content, and misreads nested extension
// slices (it applies them to the resource's own extensions), so the relationship's parts are required by an
// invariant rather than by unfolding the extension's sub-extensions.
Invariant: tp-goal-1
Description: "Every goal relationship names its type and its target goal"
Expression: "extension.where(url = 'http://hl7.org/fhir/StructureDefinition/goal-relationship').all(extension.where(url = 'type').exists() and extension.where(url = 'target').exists())"
Severity: #error

// Goals and objectives (DESIGN.md §4): each objective is its own Goal, linked from its parent goal by the
// R4 goal-relationship extension with type milestone. Carries US Core Goal's requirements.
Profile: TreatmentGoal
Parent: Goal
Id: treatment-goal
Title: "Treatment goal or objective"
Description: "A goal of a treatment plan, or one of its objectives (the steps towards it). Carries the requirements of US Core Goal; measurable targets follow gol-1 (a target detail needs a measure)."
* insert MentalHealthSensitive
* extension contains $goal-relationship named objective 0..* MS
* extension[objective] ^short = "A related goal; type milestone marks an objective of this goal"
* extension contains GoalCarriedFrom named carriedFrom 0..1 MS
* extension[carriedFrom] ^short = "The plan this continuing goal was carried over from"
* obeys tp-goal-1
* lifecycleStatus MS
* achievementStatus MS
* category 1..* MS
* insert PatternSlicing(category)
* category contains behavioral 1..1 MS
* category[behavioral] = $goal-category#behavioral
* description MS
* description ^short = "What the client wants to change (text, and a code when one is known)"
* subject 1..1 MS
* subject only Reference(Patient)
* start[x] MS
* startDate MS
* target MS
* target.measure MS
* target.detail[x] MS
* target.due[x] MS
* target.dueDate MS
* statusDate MS
* expressedBy MS
* addresses MS
* outcomeReference MS
* note MS
