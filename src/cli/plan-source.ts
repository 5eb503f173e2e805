/**
 * Where `diff` reads a plan from: a file (any input `import` takes), or a server URL naming a patient (their
 * current plan) or a CarePlan: `https://ehr.example/fhir/Patient/123`, `https://ehr.example/fhir/CarePlan/9`.
 */
import type * as fhir from 'fhir/r4';
import { readPlanInput } from '../mapping/index.ts';
import type { TreatmentPlan } from '../plan/index.ts';
import { loadClientRecords } from './client-records.ts';
import { CliError } from './cli-error.ts';
import type { CommandContext } from './context.ts';
import { EXIT } from './exit-codes.ts';
import { readImportFile, STDIN_NAME } from './import-file.ts';
import { withPortableReferences } from './portable-references.ts';
import { connect } from './server-access.ts';

const SERVER_PLAN = /^(https?:\/\/.+?)\/(Patient|CarePlan)\/([A-Za-z0-9\-.]{1,64})\/?$/;

export interface PlanSource {
  readonly name: string;
  readonly plan: TreatmentPlan;
}

async function serverRecords(
  context: CommandContext,
  baseUrl: string,
  type: 'Patient' | 'CarePlan',
  id: string
): Promise<{ resources: readonly fhir.FhirResource[]; planId?: string }> {
  const access = await connect(baseUrl, context.io, { write: false, progress: context.progress });
  let patientId = id;
  if (type === 'CarePlan') {
    const carePlan = await access.gateway.read<fhir.CarePlan>(`CarePlan/${id}`);
    patientId = carePlan.subject.reference?.replace(/^.*Patient\//, '') ?? '';
  }
  const patient = await access.gateway.read<fhir.Patient>(`Patient/${patientId}`);
  const records = await loadClientRecords(access, patient, context.progress);
  return { resources: records.resources, ...(type === 'CarePlan' ? { planId: `CarePlan/${id}` } : {}) };
}

export async function readPlanSource(context: CommandContext, source: string): Promise<PlanSource> {
  const match = SERVER_PLAN.exec(source);
  let json: unknown;
  let planId: string | undefined;
  if (match?.[1] !== undefined && match[3] !== undefined) {
    const read = await serverRecords(context, match[1], match[2] === 'CarePlan' ? 'CarePlan' : 'Patient', match[3]);
    json = read.resources;
    planId = read.planId;
  } else {
    context.progress(`Reading ${source === '-' ? STDIN_NAME : source} ...`);
    const file = await readImportFile(context, 'diff', source);
    // A C-CDA document is read into a plan by the exchange; its records are the plan written as FHIR.
    if (file.plan !== undefined) return { name: source, plan: withPortableReferences(file.plan, file.input.json) };
    json = file.input.json;
  }
  const reading = readPlanInput(json, planId === undefined ? {} : { planId });
  if (reading.source === 'none') {
    throw new CliError(EXIT.invalidInput, `diff: ${source} holds no treatment plan.`);
  }
  return { name: source, plan: withPortableReferences(reading.plan, json) };
}
