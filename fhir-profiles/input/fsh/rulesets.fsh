// Rules shared by every profile of what the app writes.

// Everything the app writes is labelled as mental-health information (DESIGN.md §4 "Sensitivity"):
// v3-ActCode PSY "psychiatry disorder information sensitivity". The slice is a pattern on the Coding
// ($this), not a fixed value, because meta.security repeats and other labels (ETH, R) may sit beside it.
RuleSet: MentalHealthSensitive
* meta 1..1 MS
* meta.security 1..* MS
* meta.security ^slicing.discriminator.type = #pattern
* meta.security ^slicing.discriminator.path = "$this"
* meta.security ^slicing.rules = #open
* meta.security ^slicing.description = "Sensitivity labels; PSY is always present"
* meta.security contains psychiatry 1..1 MS
* meta.security[psychiatry] = $ActCode#PSY
* meta.security[psychiatry] ^short = "Mental-health information (v3-ActCode PSY)"

// A coded category slice on a repeating CodeableConcept, matched by pattern (never a fixed value: the
// validator in @medplum/core rejects conforming resources when a repeating element carries a fixed value).
RuleSet: PatternSlicing(path)
* {path} ^slicing.discriminator.type = #pattern
* {path} ^slicing.discriminator.path = "$this"
* {path} ^slicing.rules = #open
