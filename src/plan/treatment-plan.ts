/**
 * A treatment plan in clinical words: the therapy roadmap that clinician and client write together.
 *
 * This module is the domain model: it knows nothing of FHIR, HTTP or React (DESIGN.md §2). `src/mapping/` turns it
 * into FHIR R4 and back; `src/ui/` edits it through the functions in this folder.
 *
 * Identity: every part that becomes its own record (goal, objective, diagnosis, intervention, ...) has an `id`
 * that is a stable business identifier, not a server id. The mapping writes it as an identifier on the record, so
 * a plan read back from any server has the same ids, a retry never duplicates, and a plan moved to another server
 * keeps them. Records written by other systems, which carry no such identifier, get an id derived from their
 * server address (e.g. `Condition/123`).
 *
 * Times: `IsoDate` is `YYYY-MM-DD`; `IsoDateTime` always carries a zone offset (`2026-03-02T10:00:00-05:00`).
 */

export type IsoDate = string;
export type IsoDateTime = string;

/** A code from a terminology (ICD-10-CM, SNOMED CT, LOINC, CMS place of service, our own code systems). */
export interface Code {
  readonly system: string;
  readonly code: string;
  readonly display?: string;
}

/** A clinical concept: the words a clinician reads, and the codes that say the same (may be none). */
export interface Concept {
  readonly text: string;
  readonly codes: readonly Code[];
}

/** A quantity as a score or a measure: `9 {score}`, `50 %`, `3 /wk`. */
export interface Amount {
  readonly value: number;
  /** UCUM unit code: `{score}`, `%`, `d`, `/wk` ... */
  readonly unit: string;
}

/** Who a person is in the plan, and a reference to their record on the server when there is one. */
export interface PersonRef {
  /** `Patient/123`, `Practitioner/abc`, `RelatedPerson/x`; absent for a person known only by name. */
  readonly reference?: string;
  readonly name: string;
}

// ---------------------------------------------------------------------------------------------------------------
// The plan

export type PlanStatus = 'draft' | 'active' | 'on-hold' | 'completed' | 'revoked' | 'entered-in-error' | 'unknown';

export interface TreatmentPlan {
  /** The plan's business identifier (a UUID for plans this app started). */
  readonly id: string;
  readonly status: PlanStatus;
  /** `proposal` for plans an EHR suggests; the app writes `plan`. */
  readonly intent: 'plan' | 'proposal';
  readonly title: string;
  /** A short summary of the plan in the clinician's words. */
  readonly summary?: string;
  /** When the plan was first written. */
  readonly created?: IsoDateTime;
  /** The clinician who owns the plan (CarePlan author). */
  readonly author?: PersonRef;
  /** Others who contributed: supervisor, client, family. */
  readonly contributors: readonly PersonRef[];

  readonly client: ClientIdentification;
  readonly session: SessionDetails;
  readonly history: HistoryAndAssessment;
  readonly presentingConcerns: readonly PresentingConcern[];
  readonly diagnoses: readonly Diagnosis[];
  readonly contract: TreatmentContract;
  readonly strengths: readonly Strength[];
  readonly schedule: CareSchedule;
  readonly goals: readonly PlanGoal[];
  readonly interventions: readonly Intervention[];
  readonly progress: ProgressAndOutcomes;
  readonly signatures: readonly Signature[];
  readonly review: ReviewSchedule;
  readonly considerations: PlanConsiderations;
}

// ---------------------------------------------------------------------------------------------------------------
// Session details

/** The client as the EHR knows them. Read from the client's record; the app never writes it. */
export interface ClientIdentification {
  /** `Patient/<id>` on the server the plan lives on. */
  readonly reference: string;
  readonly name: string;
  readonly birthDate?: IsoDate;
  /** Administrative gender as recorded: `female`, `male`, `other`, `unknown`. */
  readonly gender?: string;
  /** Second identifiers such as the MRN: shown on screen and on paper beside the name. */
  readonly identifiers: readonly ClientIdentifier[];
}

export interface ClientIdentifier {
  /** What kind of identifier: `MRN`, `Member number`, ... */
  readonly label: string;
  readonly system?: string;
  readonly value: string;
}

/** A provider with the credentials insurers and the printed plan need (`Dana Rivera, LCSW`). */
export interface Provider {
  /** `Practitioner/<id>`; absent for a provider known only by name. */
  readonly reference?: string;
  readonly name: string;
  /** Credential abbreviations: `LCSW`, `PhD` ... */
  readonly credentials: readonly string[];
  /** Provider taxonomy (NUCC), when known. */
  readonly specialty?: Code;
}

export type ContactMode = 'in-person' | 'telehealth' | 'home-visit';

/** The session in which the plan was written or reviewed (an encounter). */
export interface SessionDetails {
  /** The session's business id, or `Encounter/<id>` for the EHR's own encounter. Absent before it is recorded. */
  readonly id?: string;
  readonly dateOfService?: IsoDate;
  /** Start and stop time; both on `dateOfService`. */
  readonly start?: IsoDateTime;
  readonly end?: IsoDateTime;
  readonly contactMode?: ContactMode;
  /** CMS place of service: 11 office, 02/10 telehealth, 12 home, 03 school, 53 community mental health center. */
  readonly placeOfService?: Code;
  /** The kind of session, e.g. CPT 90791 psychiatric diagnostic evaluation, 90837 psychotherapy 60 minutes. */
  readonly serviceType?: Code;
  readonly provider?: Provider;
}

// ---------------------------------------------------------------------------------------------------------------
// History, assessment and demographics

export interface HistoryAndAssessment {
  readonly occupation?: string;
  /** Family, social, developmental and relationship history, in the clinician's words. */
  readonly psychosocialHistory?: string;
  /** Past therapy and other treatment. */
  readonly treatmentHistory: readonly PastTreatment[];
  /** Assessment results recorded at intake or review (PHQ-9, GAD-7 ...): ids of `progress.measurements`. */
  readonly assessmentIds: readonly string[];
}

export interface PastTreatment {
  readonly id: string;
  /** What the treatment was: a modality or a free description. */
  readonly treatment: Concept;
  readonly start?: IsoDate;
  readonly end?: IsoDate;
  /** Where or by whom. */
  readonly provider?: string;
  /** How it went, in a sentence. */
  readonly outcome?: string;
}

/** When symptoms started: a date, or words ("since the divorce, about 2019"). */
export interface Onset {
  readonly date?: IsoDate;
  readonly text?: string;
}

// ---------------------------------------------------------------------------------------------------------------
// Presenting concerns and diagnoses

export interface PresentingConcern {
  readonly id: string;
  /** The concern in the client's or clinician's words; codes are optional. */
  readonly concern: Concept;
  readonly onset?: Onset;
  readonly status: 'active' | 'resolved';
  readonly note?: string;
}

export type DiagnosisStatus = 'active' | 'recurrence' | 'relapse' | 'inactive' | 'remission' | 'resolved';

export interface Diagnosis {
  readonly id: string;
  /** ICD-10-CM and SNOMED CT together where both are known; text alone is allowed. */
  readonly condition: Concept;
  /** `problem-list-item` (the chart's problem list) or `encounter-diagnosis` (this session). */
  readonly category: 'problem-list-item' | 'encounter-diagnosis';
  readonly clinicalStatus: DiagnosisStatus;
  readonly verificationStatus?: 'provisional' | 'differential' | 'confirmed' | 'refuted';
  readonly onset?: Onset;
  /** When a past diagnosis ended. */
  readonly abatement?: IsoDate;
  /** `focus`: the plan treats it; `comorbidity`: it shapes the plan but is treated elsewhere. */
  readonly role: 'focus' | 'comorbidity';
  readonly note?: string;
}

// ---------------------------------------------------------------------------------------------------------------
// Treatment contract

export type Party = 'client' | 'clinician' | 'family' | 'other';

export interface TreatmentContract {
  /** What the client wants to change, in their words. */
  readonly goalsForChange: readonly string[];
  /** Who does what: client, clinician, family. */
  readonly responsibilities: readonly Responsibility[];
  readonly consent?: ConsentToTreatment;
}

export interface Responsibility {
  readonly id: string;
  readonly party: Party;
  /** The person, when a specific one is named (e.g. the parent). */
  readonly person?: PersonRef;
  readonly description: string;
}

export interface ConsentToTreatment {
  readonly id: string;
  readonly status: 'draft' | 'proposed' | 'active' | 'rejected' | 'inactive';
  /** When consent was given or refused. */
  readonly dateTime?: IsoDateTime;
  readonly decision: 'permit' | 'deny';
  /** Who gave consent: the client, or a guardian for a minor. */
  readonly grantor?: PersonRef;
  /** The period the consent covers. */
  readonly start?: IsoDate;
  readonly end?: IsoDate;
  /** The modalities consented to. */
  readonly modalities: readonly Concept[];
  /** The signed document (PDF), when attached. */
  readonly document?: AttachedDocument;
}

export interface AttachedDocument {
  readonly contentType: string;
  readonly title?: string;
  /** Where the document can be fetched, or absent when `data` is inline. */
  readonly url?: string;
  /** Base64 content, for small documents. */
  readonly data?: string;
  readonly creation?: IsoDateTime;
}

// ---------------------------------------------------------------------------------------------------------------
// Strengths

export interface Strength {
  readonly id: string;
  /** The strength ("supportive sister", "keeps a regular job"). */
  readonly description: string;
  /** How the plan will use it. */
  readonly use?: string;
}

// ---------------------------------------------------------------------------------------------------------------
// Modality, frequency and target dates

/** How often something happens: `1 per 1 wk`, `2 per 1 mo`. */
export interface Frequency {
  readonly count: number;
  readonly per: number;
  readonly unit: 'd' | 'wk' | 'mo';
}

export interface CareSchedule {
  /** The main modality of treatment. */
  readonly modality?: Concept;
  /** Individual, group, family, couples. */
  readonly format?: Concept;
  readonly sessionFrequency?: Frequency;
  /** Length of a session in minutes. */
  readonly sessionMinutes?: number;
  readonly startDate?: IsoDate;
  /** When treatment is expected to end. */
  readonly targetEndDate?: IsoDate;
}

// ---------------------------------------------------------------------------------------------------------------
// Goals, objectives, interventions

export type GoalLifecycle = 'proposed' | 'planned' | 'accepted' | 'active' | 'on-hold' | 'completed' | 'cancelled';

export type Achievement =
  | 'in-progress'
  | 'improving'
  | 'worsening'
  | 'no-change'
  | 'achieved'
  | 'sustaining'
  | 'not-achieved'
  | 'no-progress'
  | 'not-attainable';

export type Comparator = '<' | '<=' | '>=' | '>' | '=';

/** A measurable target: "PHQ-9 total below 10 by 2026-06-01", "drinking days per week at most 1". */
export interface MeasurableTarget {
  /** What is measured: a scale (LOINC) or a described measure. */
  readonly measure: Concept;
  readonly comparator: Comparator;
  readonly value: Amount;
  readonly dueDate?: IsoDate;
}

/** Fields shared by goals and their objectives. */
export interface GoalLike {
  readonly id: string;
  /** The goal in words ("Reduce depressive symptoms to the mild range"). */
  readonly description: Concept;
  readonly lifecycle: GoalLifecycle;
  readonly achievement?: Achievement;
  /** When lifecycle or achievement last changed. */
  readonly statusDate?: IsoDate;
  readonly startDate?: IsoDate;
  readonly targets: readonly MeasurableTarget[];
  /** Who expressed the goal. */
  readonly expressedBy?: Party;
  /** Ids of the diagnoses and concerns the goal addresses. */
  readonly addresses: readonly string[];
  readonly notes: readonly string[];
}

export interface PlanGoal extends GoalLike {
  /** Priority, highest first. */
  readonly priority?: 'high' | 'medium' | 'low';
  /** The steps toward the goal, in order. */
  readonly objectives: readonly Objective[];
  /** When this goal continues from an earlier plan: that plan's id. */
  readonly carriedFrom?: string;
}

export type Objective = GoalLike;

export interface Intervention {
  readonly id: string;
  /** The technique or service (e.g. cognitive restructuring, CBT, motivational interviewing). */
  readonly technique: Concept;
  /** How it is applied for this client. */
  readonly application?: string;
  readonly frequency?: Frequency;
  readonly performer?: Party;
  /** The named performer, when known. */
  readonly performerRef?: PersonRef;
  /** Ids of the goals or objectives it serves. */
  readonly goalIds: readonly string[];
  readonly status: 'draft' | 'active' | 'on-hold' | 'completed' | 'revoked';
  readonly start?: IsoDate;
  readonly end?: IsoDate;
}

// ---------------------------------------------------------------------------------------------------------------
// Progress and outcomes

export interface Measurement {
  readonly id: string;
  /** The scale or measure (LOINC for PHQ-9 total 44261-6, GAD-7 total 70274-6 ...). */
  readonly measure: Concept;
  readonly value: Amount;
  readonly date: IsoDateTime;
  /** The goal or objective this measurement tracks. */
  readonly goalId?: string;
  readonly note?: string;
}

export interface ProgressNote {
  readonly id: string;
  readonly date: IsoDateTime;
  readonly author?: PersonRef;
  readonly text: string;
  /** The goal or objective the note is about; absent for a note on the whole plan. */
  readonly goalId?: string;
}

export interface ProgressAndOutcomes {
  readonly measurements: readonly Measurement[];
  readonly notes: readonly ProgressNote[];
  /** The outcome summary written at review or discharge. */
  readonly outcomeSummary?: string;
}

// ---------------------------------------------------------------------------------------------------------------
// Signatures and review

export type SignerRole = 'client' | 'guardian' | 'clinician' | 'supervisor';

export interface Signature {
  readonly id: string;
  readonly role: SignerRole;
  readonly signer: PersonRef;
  readonly signedAt: IsoDateTime;
  /** The plan version signed (the server's version id of the plan record), when known. */
  readonly planVersion?: string;
  /** The signature as captured: a typed name, and a drawn image (PNG, base64) when there is one. */
  readonly typedName: string;
  readonly image?: string;
}

export interface ReviewSchedule {
  /** The period the plan covers; its end is the next review. */
  readonly periodStart?: IsoDate;
  readonly nextReviewDate?: IsoDate;
  /** The plan this one revises (its id). */
  readonly replaces?: string;
}

// ---------------------------------------------------------------------------------------------------------------
// Factors that shape the plan

export interface PlanConsiderations {
  readonly clientPreferences: readonly string[];
  readonly culturalConsiderations: readonly string[];
  /** People who take part in couples and family plans. */
  readonly participants: readonly Participant[];
}

export interface Participant {
  readonly id: string;
  readonly person: PersonRef;
  /** Their relationship to the client (mother, partner ...). */
  readonly relationship: string;
}
