// Small value sets that pin down what the profiles accept.

ValueSet: PlanNarrativeStatus
Id: plan-narrative-status
Title: "Plan narrative status"
Description: "Narrative statuses allowed on a treatment plan: the narrative is generated from the structured data, possibly with additional text (as US Core requires of CarePlan.text.status)."
* $narrative-status#generated "Generated"
* $narrative-status#additional "Additional"

ValueSet: PlanConditionCategories
Id: plan-condition-categories
Title: "Plan condition categories"
Description: "Where a diagnosis or presenting concern sits: the problem list, an encounter diagnosis, or a health concern (US Core)."
* $condition-category#problem-list-item "Problem List Item"
* $condition-category#encounter-diagnosis "Encounter Diagnosis"
* $condition-category-us-core#health-concern "Health Concern"

ValueSet: SignatureTypes
Id: signature-types
Title: "Plan signature types"
Description: "The kinds of signature a treatment plan carries: the clinician's as author, the client's (or guardian's) consent, and a supervisor's verification."
* $signature-type#1.2.840.10065.1.12.1.1 "Author's Signature"
* $signature-type#1.2.840.10065.1.12.1.7 "Consent Signature"
* $signature-type#1.2.840.10065.1.12.1.5 "Verification Signature"

ValueSet: SessionClasses
Id: session-classes
Title: "Session classes"
Description: "How a session took place: in the clinic (ambulatory), by video or telephone (virtual), or at the client's home."
* $ActCode#AMB "ambulatory"
* $ActCode#VR "virtual"
* $ActCode#HH "home health"

// CPT descriptors are the AMA's copyright, so the codes are listed without displays.
ValueSet: SessionTypes
Id: session-types
Title: "Session types"
Description: "CPT codes for the kinds of session a treatment plan is written or reviewed in: diagnostic evaluation (90791), individual psychotherapy of about 30, 45 and 60 minutes (90832, 90834, 90837), family psychotherapy with the client present (90847) and group psychotherapy (90853)."
* $cpt#90791
* $cpt#90832
* $cpt#90834
* $cpt#90837
* $cpt#90847
* $cpt#90853
