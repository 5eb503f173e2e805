// The four extensions of our own (DESIGN.md §4: as few as possible). Each exists because R4 has no element
// for the fact; each is read back by the app's reader and explained in fhir-profiles/README.md.

Extension: PlanNoteKind
Id: plan-note-kind
Title: "Plan note kind"
Description: "What a note on a treatment plan (CarePlan.note) holds: one of the client's goals for change in their own words, a client preference, a cultural consideration, or the outcome summary. CarePlan.note is the plan's own list of texts; Annotation has no code, so this extension says which section of the plan each note belongs to. Notes without it are other systems' notes."
Context: Annotation
* value[x] only code
* value[x] 1..1
* valueCode from PlanNoteKinds (required)

Extension: GoalCarriedFrom
Id: goal-carried-from
Title: "Goal carried from"
Description: "The treatment plan a continuing goal was carried over from when the plan was revised. The goal is the same record, referenced from both plans; this says where it came from even when the earlier plan is not at hand. A logical reference (the plan's business identifier) and, where known, a literal one."
Context: Goal
* value[x] only Reference(CarePlan)
* value[x] 1..1

Extension: RecordIdentifier
Id: record-identifier
Title: "Record identifier"
Description: "The app's business identifier for a record whose resource type has no identifier element in R4 (Provenance, used for plan signatures), so the signature keeps its id on every server."
Context: Provenance
* value[x] only Identifier
* value[x] 1..1
* valueIdentifier.system 1..1
* valueIdentifier.value 1..1

Extension: SignedIncompleteReason
Id: signed-incomplete-reason
Title: "Signed incomplete: reason"
Description: "Why the clinician signed a treatment plan that did not pass the app's completeness check (the guide's questions of a good plan and the items insurers require). Signing is allowed only when the check passes or the clinician records why not; Provenance has no element for a signer's comment (Provenance.reason is the purpose of the activity), so the reason travels here, on the clinician's signature."
Context: Provenance
* value[x] only string
* value[x] 1..1
