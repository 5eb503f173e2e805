// The treatment contract (DESIGN.md §4). Consent is not in US Core; R4 requires a policy or policyRule (ppc-1).
// dateTime may be absent: a draft or proposed consent has not been given yet.
Profile: TreatmentContract
Parent: Consent
Id: treatment-contract
Title: "Treatment contract (consent to treatment)"
Description: "The client's consent to treatment: who agreed, when, to which modalities and period, with the signed document attached. Responsibilities (who does what) are planned interventions whose performer is the client, the clinician or family."
* insert MentalHealthSensitive
* status MS
* scope = $consentscope#treatment
* scope MS
* category MS
* patient 1..1 MS
* dateTime MS
* dateTime ^short = "When consent was given or refused (absent while the consent is a draft or proposed)"
* performer MS
* performer ^short = "Who agreed: the client, and a guardian for a minor"
* organization MS
* sourceAttachment MS
* sourceAttachment ^short = "The signed contract (PDF), the legal copy"
* policy MS
* policyRule MS
* provision MS
* provision.period MS
* provision.code MS
* provision.code from TherapyModalities (extensible)
* provision.code ^short = "The modalities consented to"
