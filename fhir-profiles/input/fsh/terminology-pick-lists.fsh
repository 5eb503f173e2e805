// Pick lists the app offers (DESIGN.md §4). Codes come from DESIGN.md or were looked up; displays are
// given only where checked against the code system's own wording.

CodeSystem: TherapyModalityCodes
Id: therapy-modality
Title: "Therapy modalities without a confirmed SNOMED CT concept"
Description: "Therapy modalities for which no SNOMED CT concept could be confirmed. Interventions using them carry code.text as well as one of these codes; once a SNOMED CT concept is confirmed it should be added beside ours, never guessed."
* ^caseSensitive = true
* ^content = #complete
* ^experimental = false
* #motivational-interviewing "Motivational interviewing"
* #acceptance-commitment-therapy "Acceptance and commitment therapy"
* #trauma-focused-cbt "Trauma-focused cognitive behavioral therapy"
* #cognitive-processing-therapy "Cognitive processing therapy"
* #prolonged-exposure "Prolonged exposure therapy"
* #behavioral-activation "Behavioral activation"
* #couples-therapy "Couples therapy"

ValueSet: TherapyModalities
Id: therapy-modalities
Title: "Therapy modalities"
Description: "Treatment modalities for interventions and treatment history: SNOMED CT concepts where one is confirmed, and our own codes for the rest."
* ^experimental = false
* $sct#228557008 "Cognitive and behavioral therapy"
* $sct#405780009 "Dialectical behavior therapy"
* $sct#314034001 "Psychodynamic psychotherapy"
* $sct#108313002 "Family psychotherapy procedure"
* $sct#76168009 "Group psychotherapy"
* $sct#18512000 "Individual psychotherapy"
* $sct#443730003 "Interpersonal psychotherapy"
* $sct#75516001 "Psychotherapy"
* $sct#720176005 "Alcohol relapse prevention program"
* $sct#720177001 "Drug relapse prevention program"
* include codes from system TherapyModalityCodes

// The CMS Place of Service code set is published as a web table, not as a FHIR CodeSystem in any package,
// so this is a stub (content = fragment) under CMS's own URL holding the codes the app offers.
CodeSystem: PlaceOfServiceCodes
Id: cms-place-of-service
Title: "CMS Place of Service codes (fragment)"
Description: "A stub of the CMS Place of Service code set, holding only the codes the treatment-plan app offers. The code set itself is published by CMS as a web table and is not available in any FHIR package, so the codes are listed here under CMS's own system URL."
* ^url = "https://www.cms.gov/Medicare/Coding/place-of-service-codes/Place_of_Service_Code_Set"
* ^caseSensitive = true
* ^content = #fragment
* ^experimental = false
* #02 "Telehealth Provided Other than in Patient's Home"
* #03 "School"
* #10 "Telehealth Provided in Patient's Home"
* #11 "Office"
* #12 "Home"
* #53 "Community Mental Health Center"

ValueSet: PlacesOfService
Id: places-of-service
Title: "Places of service"
Description: "Where a session takes place, as CMS Place of Service codes; carried on Location.type of the session's location."
* ^experimental = false
* include codes from system PlaceOfServiceCodes

// Totals only: never a panel code (e.g. the GAD-7 panel) in place of the total.
ValueSet: OutcomeMeasures
Id: outcome-measures
Title: "Outcome measures"
Description: "LOINC codes for the total scores of the standardised measures a treatment plan tracks."
* ^experimental = false
* $loinc#44261-6 "Patient Health Questionnaire 9 item (PHQ-9) total score [Reported]"
* $loinc#89204-2 // PHQ-9 modified for teens, total score
* $loinc#70274-6 "Generalized anxiety disorder 7 item (GAD-7) total score [Reported.PHQ]"
* $loinc#55758-7 "Patient Health Questionnaire 2 item (PHQ-2) total score [Reported]"
* $loinc#75624-7 "Total score [AUDIT]"
* $loinc#75626-2 "Total score [AUDIT-C]"
* $loinc#82667-7 "Total score [DAST-10]"

ValueSet: ProviderTaxonomy
Id: provider-taxonomy
Title: "Mental-health provider taxonomy"
Description: "NUCC Health Care Provider Taxonomy codes for the clinicians who write treatment plans (PractitionerRole.specialty)."
* ^experimental = false
* $nucc#1041C0700X // clinical social worker
* $nucc#101YP2500X // professional counselor
* $nucc#101YM0800X // mental health counselor
* $nucc#106H00000X // marriage and family therapist
* $nucc#103TC0700X // clinical psychologist
* $nucc#2084P0800X // psychiatrist

CodeSystem: CredentialCodes
Id: credential
Title: "Clinician credentials"
Description: "Licences and degrees shown after a clinician's name on a treatment plan (Practitioner.qualification.code)."
* ^caseSensitive = true
* ^content = #complete
* ^experimental = false
* #LCSW "Licensed Clinical Social Worker"
* #LPC "Licensed Professional Counselor"
* #LMHC "Licensed Mental Health Counselor"
* #LMFT "Licensed Marriage and Family Therapist"
* #PhD "Doctor of Philosophy"
* #PsyD "Doctor of Psychology"
* #MD "Doctor of Medicine"

ValueSet: Credentials
Id: credentials
Title: "Clinician credentials"
Description: "Credentials shown after a clinician's name."
* ^experimental = false
* include codes from system CredentialCodes

CodeSystem: ResponsibilityRoleCodes
Id: responsibility-role
Title: "Responsibility roles"
Description: "Who takes on a responsibility in the treatment contract."
* ^caseSensitive = true
* ^content = #complete
* ^experimental = false
* #client "Client" "The person receiving treatment."
* #clinician "Clinician" "The treating clinician."
* #family-guardian "Family or guardian" "A family member, or the guardian of a client who is a minor."
* #other "Other" "Anyone else, such as a case manager, teacher or sponsor."

ValueSet: ResponsibilityRoles
Id: responsibility-roles
Title: "Responsibility roles"
Description: "Who takes on a responsibility in the treatment contract."
* ^experimental = false
* include codes from system ResponsibilityRoleCodes
