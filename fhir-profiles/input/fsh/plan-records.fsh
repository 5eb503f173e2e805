// Profiles for the plan's other records (DESIGN.md §4): the place of service, measures without a standard
// code, history items, past treatments, progress notes and the participants of a family or couples plan.

Profile: PlaceOfService
Parent: Location
Id: place-of-service
Title: "Place of service"
Description: "A kind of place where sessions happen (an office, the client's home, telehealth), as a CMS Place of Service code. One record per code, shared by every plan and created conditionally by its identifier; it holds nothing about a client, so it carries no sensitivity label."
* meta.profile MS
* identifier 1..* MS
* status MS
* name MS
* mode 1..1 MS
* mode = #kind
* type 1..* MS
* type from PlacesOfService (extensible)

Profile: ProgressMeasure
Parent: Observation
Id: progress-measure
Title: "Progress measure"
Description: "A measurement of progress on a measure without a standard total-score code (drinking days a week, panic attacks a week, the PCL-5 total ...): a number with its UCUM unit, never a string. Standardised totals use the assessment-score profile instead."
* insert MentalHealthSensitive
* status MS
* category 1..* MS
* insert PatternSlicing(category)
* category contains survey 1..1 MS
* category[survey] = $observation-category#survey
* code MS
* code ^short = "The measure, in words (and a code where one fits)"
* subject 1..1 MS
* subject only Reference(Patient)
* focus MS
* focus ^short = "The goal this measure tracks"
* effective[x] 1..1 MS
* value[x] 1..1 MS
* value[x] only Quantity or integer

Profile: ClientHistory
Parent: Observation
Id: client-history
Title: "Client history item"
Description: "The client's occupation (LOINC 11341-5, as US Core's occupation observation) or psychosocial history in the clinician's words (LOINC 29762-2 Social history Narrative)."
* insert MentalHealthSensitive
* status MS
* category 1..* MS
* insert PatternSlicing(category)
* category contains socialHistory 1..1 MS
* category[socialHistory] = $observation-category#social-history
* code MS
* code from ClientHistoryItems (required)
* subject 1..1 MS
* subject only Reference(Patient)
* value[x] 1..1 MS
* value[x] only string or CodeableConcept

Profile: PastTreatment
Parent: Procedure
Id: past-treatment
Title: "Past treatment"
Description: "Treatment the client had before (past therapy and other treatment): what it was, when, by whom or where, and how it went. Carries US Core Procedure's requirements except that performed[x] may be absent when the client does not remember when."
* insert MentalHealthSensitive
* status MS
* code 1..1 MS
* code from TherapyModalities (extensible)
* subject 1..1 MS
* subject only Reference(Patient)
* performed[x] MS
* performer MS
* performer.actor ^short = "Who or where, by name when there is no record"
* outcome MS
* outcome ^short = "How it went, in words"

Profile: ProgressNote
Parent: DocumentReference
Id: progress-note
Title: "Progress note"
Description: "A progress note on a treatment plan: LOINC 34904-3 Mental health Progress note, US Core clinical-note category, the text as an inline text/plain attachment, the goal it is about in context.related. Carries US Core DocumentReference's requirements."
* insert MentalHealthSensitive
* status MS
* type 1..1 MS
* type = $loinc#34904-3
* category 1..* MS
* insert PatternSlicing(category)
* category contains clinicalNote 1..1 MS
* category[clinicalNote] = $us-core-documentreference-category#clinical-note
* subject 1..1 MS
* subject only Reference(Patient)
* date 1..1 MS
* author MS
* content.attachment.contentType 1..1 MS
* content.attachment.data MS
* context.related MS
* context.related ^short = "The goal or objective the note is about"

Profile: PlanParticipants
Parent: CareTeam
Id: plan-participants
Title: "Plan participants"
Description: "The people who take part in a couples or family plan (CarePlan.careTeam): each participant's member is the person (a reference, or a name), the role says their relationship to the client in words, and the participant element's id is the participant's id in the plan."
* insert MentalHealthSensitive
* status MS
* subject 1..1 MS
* subject only Reference(Patient)
* participant 1..* MS
* participant.id 1..1 MS
* participant.role 1..* MS
* participant.role ^short = "Relationship to the client, in words"
* participant.member 1..1 MS
