// Session details (DESIGN.md §4). Carries US Core Encounter's requirements. The place of service is a
// CMS code on Location.type of the referenced location (see the PlacesOfService value set).
Profile: TreatmentSession
Parent: Encounter
Id: treatment-session
Title: "Treatment session"
Description: "The session in which a plan is written or reviewed: when (with time zone), how (class), what kind (CPT), with whom and where."
* insert MentalHealthSensitive
* identifier MS
* status MS
* class MS
* class from SessionClasses (extensible)
* type 1..* MS
* type from SessionTypes (extensible)
* subject 1..1 MS
* subject only Reference(Patient)
* participant MS
* participant.type MS
* participant.period MS
* participant.individual MS
* period MS
* reasonCode MS
* reasonReference MS
* location MS
* location.location MS
* serviceProvider MS
