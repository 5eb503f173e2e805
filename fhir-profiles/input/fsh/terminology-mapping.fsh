// Codes of our own that the mapping needs because no standard code says the same (DESIGN.md §4).

CodeSystem: PlanActivityKindCodes
Id: plan-activity-kind
Title: "Plan activity kinds"
Description: "Which part of a treatment plan a ServiceRequest holds, when it is not an intervention: the plan's schedule of sessions (modality, format, frequency, session length, start and target end) or one of the treatment contract's responsibilities. Interventions carry none of these codes."
* ^caseSensitive = true
* ^content = #complete
* ^experimental = false
* #care-schedule "Care schedule" "The plan's main modality, format, session frequency and length, start and target end date."
* #responsibility "Responsibility" "Something the client, the clinician or family take on in the treatment contract."

ValueSet: PlanActivityKinds
Id: plan-activity-kinds
Title: "Plan activity kinds"
Description: "Categories that mark a ServiceRequest as a plan's care schedule or a responsibility of its treatment contract."
* ^experimental = false
* include codes from system PlanActivityKindCodes

CodeSystem: PlanNoteKindCodes
Id: plan-note-kind
Title: "Plan note kinds"
Description: "What a note on a treatment plan holds (see the plan-note-kind extension)."
* ^caseSensitive = true
* ^content = #complete
* ^experimental = false
* #goal-for-change "Goal for change" "What the client wants to change, in their own words (treatment contract)."
* #client-preference "Client preference" "A preference of the client that shapes the plan."
* #cultural-consideration "Cultural consideration" "A cultural consideration that shapes the plan."
* #outcome-summary "Outcome summary" "The outcome summary written at review or discharge."

ValueSet: PlanNoteKinds
Id: plan-note-kinds
Title: "Plan note kinds"
Description: "The kinds of note a treatment plan holds."
* ^experimental = false
* include codes from system PlanNoteKindCodes

ValueSet: ClientHistoryItems
Id: client-history-items
Title: "Client history items"
Description: "What a client history observation records: occupation (LOINC 11341-5 History of Occupation) or the psychosocial history in the clinician's words (LOINC 29762-2 Social history Narrative)."
* ^experimental = false
* $loinc#11341-5 "History of Occupation"
* $loinc#29762-2 "Social history Narrative"
