/** A new, blank plan: the starting point when a client has none (issue 4 §1). */
import { withoutUndefined } from '../changes.ts';
import type {
  ClientIdentification,
  IsoDate,
  IsoDateTime,
  PersonRef,
  Provider,
  TreatmentPlan,
} from '../treatment-plan.ts';

export interface NewPlanInput {
  /** The plan's business identifier (the app uses a UUID). */
  readonly id: string;
  /** The client as the EHR knows them. */
  readonly client: ClientIdentification;
  /** The date of the session in which the plan is written: the date of service and the start of the plan period. */
  readonly today: IsoDate;
  /** Defaults to "Treatment plan". */
  readonly title?: string;
  /** The clinician writing the plan. */
  readonly author?: PersonRef;
  /** The provider of this session, with credentials. */
  readonly provider?: Provider;
  readonly created?: IsoDateTime;
}

/** A draft plan with every section present and empty; it breaks no rule, and the completeness check lists what to fill. */
export function emptyPlan(input: NewPlanInput): TreatmentPlan {
  return withoutUndefined({
    id: input.id,
    status: 'draft',
    intent: 'plan',
    title: input.title ?? 'Treatment plan',
    created: input.created,
    author: input.author,
    contributors: [],
    client: input.client,
    session: withoutUndefined({ dateOfService: input.today, provider: input.provider }),
    history: { treatmentHistory: [], assessmentIds: [] },
    presentingConcerns: [],
    diagnoses: [],
    contract: { goalsForChange: [], responsibilities: [] },
    strengths: [],
    schedule: {},
    goals: [],
    interventions: [],
    progress: { measurements: [], notes: [] },
    signatures: [],
    review: { periodStart: input.today },
    considerations: { clientPreferences: [], culturalConsiderations: [], participants: [] },
  } satisfies TreatmentPlan);
}
