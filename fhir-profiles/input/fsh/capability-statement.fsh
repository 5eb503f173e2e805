// What the app needs from a FHIR server to keep a structured plan (DESIGN.md §3, mode "Structured").
// Servers that cannot write plan resources (Epic, Oracle Health today) are used in "Note" mode instead.
RuleSet: Expect(level)
* extension[0].url = $expectation
* extension[0].valueCode = #{level}

RuleSet: ReadSearch(type, expectation)
* rest[0].resource[+].type = #{type}
* rest[0].resource[=].interaction[0].code = #read
* rest[0].resource[=].interaction[0] insert Expect({expectation})
* rest[0].resource[=].interaction[1].code = #search-type
* rest[0].resource[=].interaction[1] insert Expect({expectation})

RuleSet: WriteInteractions
* rest[0].resource[=].interaction[2].code = #create
* rest[0].resource[=].interaction[2] insert Expect(SHALL)
* rest[0].resource[=].interaction[3].code = #update
* rest[0].resource[=].interaction[3] insert Expect(SHALL)
* rest[0].resource[=].interaction[4].code = #vread
* rest[0].resource[=].interaction[4] insert Expect(SHOULD)
* rest[0].resource[=].versioning = #versioned-update
* rest[0].resource[=].conditionalCreate = true

RuleSet: SearchParam(name, type, expectation)
* rest[0].resource[=].searchParam[+].name = "{name}"
* rest[0].resource[=].searchParam[=].type = #{type}
* rest[0].resource[=].searchParam[=] insert Expect({expectation})

Instance: treatment-plan-app-server-requirements
InstanceOf: CapabilityStatement
Usage: #definition
Title: "What the treatment-plan app needs from a FHIR server"
Description: "Requirements on a FHIR R4 server that stores structured treatment plans for the app: reads and searches of the plan's resources, creates and version-aware updates (If-Match), conditional create, and a transaction for an atomic save (SHOULD: without it the app saves in ordered requests)."
* name = "TreatmentPlanAppServerRequirements"
* status = #draft
* experimental = false
* date = "2026-11-27"
* kind = #requirements
* fhirVersion = #4.0.1
* format[0] = #json
* rest[0].mode = #server
* rest[0].documentation = "SMART App Launch (EHR launch and standalone launch) protects the server. Writes send If-Match with the version that was loaded; a stale version must be refused (409 or 412), never overwritten."
* rest[0].interaction[0].code = #transaction
* rest[0].interaction[0] insert Expect(SHOULD)
* rest[0].interaction[1].code = #batch
* rest[0].interaction[1] insert Expect(SHOULD)
* insert ReadSearch(Patient, SHALL)
* insert SearchParam(_id, token, SHALL)
* insert SearchParam(identifier, token, SHOULD)
* insert ReadSearch(CarePlan, SHALL)
* rest[0].resource[=].supportedProfile = Canonical(TreatmentPlan)
* insert WriteInteractions
* insert SearchParam(patient, reference, SHALL)
* insert SearchParam(category, token, SHALL)
* insert SearchParam(status, token, SHOULD)
* insert SearchParam(identifier, token, SHOULD)
* rest[0].resource[=].searchInclude[0] = "CarePlan:goal"
* rest[0].resource[=].searchInclude[1] = "CarePlan:activity-reference"
* rest[0].resource[=].searchRevInclude[0] = "Provenance:target"
* insert ReadSearch(Goal, SHALL)
* rest[0].resource[=].supportedProfile = Canonical(TreatmentGoal)
* insert WriteInteractions
* insert SearchParam(patient, reference, SHALL)
* insert SearchParam(lifecycle-status, token, SHOULD)
* insert ReadSearch(Condition, SHALL)
* rest[0].resource[=].supportedProfile = Canonical(PlanCondition)
* insert WriteInteractions
* insert SearchParam(patient, reference, SHALL)
* insert SearchParam(category, token, SHALL)
* insert SearchParam(clinical-status, token, SHOULD)
* insert ReadSearch(ServiceRequest, SHALL)
* rest[0].resource[=].supportedProfile = Canonical(PlannedIntervention)
* insert WriteInteractions
* insert SearchParam(patient, reference, SHALL)
* insert ReadSearch(Observation, SHALL)
* rest[0].resource[=].supportedProfile[0] = Canonical(AssessmentScore)
* rest[0].resource[=].supportedProfile[1] = Canonical(ClientStrength)
* rest[0].resource[=].supportedProfile[2] = Canonical(ProgressMeasure)
* rest[0].resource[=].supportedProfile[3] = Canonical(ClientHistory)
* insert WriteInteractions
* insert SearchParam(patient, reference, SHALL)
* insert SearchParam(code, token, SHALL)
* insert SearchParam(category, token, SHOULD)
* insert SearchParam(date, date, SHOULD)
* insert ReadSearch(Consent, SHALL)
* rest[0].resource[=].supportedProfile = Canonical(TreatmentContract)
* insert WriteInteractions
* insert SearchParam(patient, reference, SHALL)
* insert ReadSearch(Provenance, SHALL)
* rest[0].resource[=].supportedProfile = Canonical(PlanSignature)
* rest[0].resource[=].interaction[2].code = #create
* rest[0].resource[=].interaction[2] insert Expect(SHALL)
* rest[0].resource[=].conditionalCreate = true
* insert SearchParam(recorded, date, SHOULD)
* insert SearchParam(agent, reference, SHOULD)
* insert SearchParam(target, reference, SHALL)
* insert ReadSearch(Encounter, SHALL)
* rest[0].resource[=].supportedProfile = Canonical(TreatmentSession)
* insert WriteInteractions
* insert SearchParam(patient, reference, SHALL)
* insert ReadSearch(Practitioner, SHALL)
* insert ReadSearch(PractitionerRole, SHOULD)
* insert SearchParam(practitioner, reference, SHOULD)
* insert ReadSearch(RelatedPerson, SHOULD)
* insert SearchParam(patient, reference, SHOULD)
* insert ReadSearch(Location, SHALL)
* rest[0].resource[=].supportedProfile = Canonical(PlaceOfService)
* insert WriteInteractions
* insert SearchParam(identifier, token, SHALL)
* insert ReadSearch(Procedure, SHALL)
* rest[0].resource[=].supportedProfile = Canonical(PastTreatment)
* insert WriteInteractions
* insert SearchParam(patient, reference, SHOULD)
* insert ReadSearch(CareTeam, SHALL)
* rest[0].resource[=].supportedProfile = Canonical(PlanParticipants)
* insert WriteInteractions
* insert SearchParam(patient, reference, SHOULD)
* insert ReadSearch(QuestionnaireResponse, SHOULD)
* insert SearchParam(patient, reference, SHOULD)
* insert ReadSearch(DocumentReference, SHALL)
* rest[0].resource[=].supportedProfile = Canonical(ProgressNote)
* insert WriteInteractions
* insert SearchParam(patient, reference, SHALL)
* insert SearchParam(type, token, SHOULD)
