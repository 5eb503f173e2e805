// Signatures (DESIGN.md §4): one Provenance per signing, pinned to the signed plan version
// (CarePlan/{id}/_history/{vid}). Carries US Core Provenance's requirements (target, recorded, agent.type,
// agent.who, agent.onBehalfOf); US Core's provenance-1 needs reference resolution and is not repeated here.
Profile: PlanSignature
Parent: Provenance
Id: plan-signature
Title: "Plan signature"
Description: "Who signed which version of a treatment plan, in which role (author, client consent, supervisor verification), and when."
* insert MentalHealthSensitive
* extension contains RecordIdentifier named recordIdentifier 0..1 MS
* extension[recordIdentifier] ^short = "The signature's id in the plan (Provenance has no identifier element)"
* extension[recordIdentifier].url = "https://treatment-plan.example.org/fhir/StructureDefinition/record-identifier" (exactly)
* extension contains SignedIncompleteReason named signedIncompleteReason 0..1 MS
* extension[signedIncompleteReason] ^short = "Why the clinician signed a plan that did not pass the completeness check"
* extension[signedIncompleteReason].url = "https://treatment-plan.example.org/fhir/StructureDefinition/signed-incomplete-reason" (exactly)
* target MS
* target ^short = "The signed plan version: CarePlan/{id}/_history/{vid}"
* recorded MS
* agent MS
* agent.type MS
* agent.who MS
* agent.onBehalfOf MS
* signature 1..* MS
* signature.type MS
* signature.type from SignatureTypes (required)
* signature.when MS
* signature.who MS
* signature.data MS
