/**
 * `prepareImport`: everything an import will do, worked out against the target server before anything is
 * written (issue 6 §2): validation (R4 and our profiles, each issue with its FHIRPath location), the plan as
 * read and what the model cannot represent, the patient on the target it attaches to, references to nothing,
 * and per record whether it will be created, updated or matched. The report carries the transaction that
 * `applyImport` sends, so what is shown is what is written.
 */
import type * as fhir from 'fhir/r4';
import type { ConformanceDefinitions } from '../conformance/definitions.ts';
import type { FhirGateway } from '../fhir/gateway.ts';
import { entriesAsResources, planInput } from '../mapping/plan-input.ts';
import { readPlanInput } from '../mapping/read-plan-input.ts';
import { indexResources } from '../mapping/resource-index.ts';
import type { Located, ResourceIndex } from '../mapping/resource-index.ts';
import type { ParsedInput } from './import-input.ts';
import { notUnderstoodSentence, type ImportIssue, type ImportReport, type PlannedAction } from './import-report.ts';
import { inputLocations } from './input-locations.ts';
import { validateInput } from './input-validation.ts';
import { matchPatient } from './patient-match.ts';
import { contextFirst } from './plan-closure.ts';
import { planWrites } from './planned-actions.ts';
import { matchingIdentifier, portableRecords, topLevel } from './portable-records.ts';
import { referencesOf } from './reference-walk.ts';
import { heldByTarget, heldReference } from './target-held.ts';
import type { RequiredSearchParams } from './target-search.ts';

export interface PrepareImportOptions {
  /** The target patient: its id on the target, or `system|value` of one of its identifiers. */
  readonly patient?: string;
  /** The plan to read when the input holds several: business id or `CarePlan/id`. Every plan is imported. */
  readonly planId?: string;
  /**
   * R4 and our profiles, for validation (tools/profiles/definitions.ts loads them in Node,
   * src/conformance/browser-definitions.ts in the app). Without them only
   * the structure the reader needs is checked, and the report says so (`validation: 'structure'`).
   */
  readonly definitions?: ConformanceDefinitions;
  /**
   * Search parameters the target insists on per type (the server profile's `requiredSearchParams`: Epic's
   * CarePlan `category`), added to the identifier searches that tell what the target already holds.
   */
  readonly requiredSearchParams?: RequiredSearchParams;
}

/**
 * The input's records as given: what is written is what the file holds, not the reader's repaired copy (whose
 * repairs fit the reader, not every element of R4). Input too malformed to index as given (a null where a list
 * item belongs, say) is indexed as repaired; validation reports what was wrong with it.
 */
function recordsOf(input: ParsedInput): ResourceIndex {
  const given = (Array.isArray(input.json) ? input.json : [input.json]) as fhir.FhirResource[];
  try {
    const index = indexResources(given);
    for (const located of index.all) {
      matchingIdentifier(located.resource);
      referencesOf(located.resource);
    }
    return index;
  } catch {
    return indexResources(entriesAsResources(planInput(input.json).entries));
  }
}

/** The one patient the input refers to without holding its record, if there is exactly one. */
function onlyPatientReference(index: ResourceIndex): string | undefined {
  const patients = new Set<string>();
  for (const located of index.all) {
    for (const { reference } of referencesOf(located.resource)) {
      const literal = reference.reference ?? '';
      if (/(^|\/)Patient\/[^/]+$/.test(literal) && index.resolve(literal, located) === undefined) patients.add(literal);
    }
  }
  const [only] = patients;
  return patients.size === 1 ? only : undefined;
}

export async function prepareImport(
  input: ParsedInput,
  target: FhirGateway,
  options: PrepareImportOptions = {}
): Promise<ImportReport> {
  const reading = readPlanInput(input.json, options.planId === undefined ? {} : { planId: options.planId });
  const index = recordsOf(input);
  const locations = inputLocations(input.json);
  const locationOf = (address: string): string => locations.get(address) ?? address;
  // A document's Composition is its table of contents: the records it lists are imported, it is not.
  const composition =
    input.shape === 'document' ? index.all.find((l) => l.resource.resourceType === 'Composition') : undefined;

  const subject = reading.plan.client.reference === '' ? undefined : reading.plan.client.reference;
  const subjectRecord = index.resolve(subject);
  const patient =
    subjectRecord?.resource.resourceType === 'Patient'
      ? topLevel(subjectRecord)
      : index.all.find((l) => l.resource.resourceType === 'Patient');
  // With no Patient record in the input, its patient is the one reference to a patient it does not hold.
  const absentPatient = patient === undefined ? (subject ?? onlyPatientReference(index)) : undefined;
  const decision = await matchPatient(
    target,
    patient?.resource as fhir.Patient | undefined,
    locationOf(patient?.address ?? 'Patient'),
    options.patient,
    absentPatient
  );
  const targetPatient = decision.match.kind === 'matched' ? decision.match.reference : undefined;
  const isInputPatient = (reference: fhir.Reference, located: Located | undefined): boolean =>
    located !== undefined
      ? patient !== undefined && topLevel(located) === patient
      : absentPatient !== undefined && reference.reference === absentPatient;

  const records = contextFirst(
    index,
    index.all.filter(
      (l) =>
        l !== composition &&
        // A search's OperationOutcome is what a server said, not a record (the reader reports it).
        l.resource.resourceType !== 'OperationOutcome' &&
        !(targetPatient !== undefined && l === patient)
    )
  );
  const toPatient = (reference: fhir.Reference, located: Located | undefined): fhir.Reference | undefined =>
    targetPatient !== undefined && isInputPatient(reference, located)
      ? { ...reference, reference: targetPatient }
      : undefined;
  const first = portableRecords(records, index, { redirect: toPatient });
  const held = await heldByTarget(target, first.dangling);
  const portable =
    held.size === 0
      ? first
      : portableRecords(records, index, {
          redirect: (reference, located) =>
            toPatient(reference, located) ?? (located === undefined ? heldReference(reference, held) : undefined),
        });

  const referenceIssues = first.dangling.flatMap((d): ImportIssue[] => {
    if (d.reference === absentPatient || d.reference === subject) return []; // the patient decision reports it
    const location = `${locationOf(d.from)}${d.path.replace(/^[A-Za-z]+/, '')}`;
    return held.has(d.reference)
      ? [
          {
            severity: 'warning',
            location,
            message: `Refers to ${d.reference}, which is not in the input: it will point at ${held.get(d.reference) ?? ''}, which the target server holds.`,
            rule: 'dangling-reference',
          },
        ]
      : [
          {
            severity: 'error',
            location,
            message: `Refers to ${d.reference}, which is neither in the input nor on the target server.`,
            rule: 'dangling-reference',
          },
        ];
  });

  const planned = await planWrites(portable.entries, target, locationOf, options.requiredSearchParams);
  const patientAction: PlannedAction[] =
    targetPatient !== undefined && decision.match.kind === 'matched'
      ? [
          {
            action: 'match',
            resourceType: 'Patient',
            fullUrl: targetPatient,
            source: patient?.address ?? subject ?? 'Patient',
            existing: targetPatient,
            description: `Patient: ${decision.match.name}`,
          },
        ]
      : [];
  const notUnderstoodItems = reading.notUnderstood.filter(
    (n) => composition === undefined || n.resource !== composition.address
  );
  const issues = [
    ...decision.issues,
    ...validateInput(input.json, options.definitions),
    ...referenceIssues,
    ...planned.issues,
  ];
  return {
    ok: !issues.some((i) => i.severity === 'error'),
    issues,
    actions: [...patientAction, ...planned.actions],
    patient: decision.match,
    notUnderstood: notUnderstoodItems.map(notUnderstoodSentence),
    notUnderstoodItems,
    ...(reading.source !== 'none' ? { plan: reading.plan } : {}),
    validation: options.definitions === undefined ? 'structure' : 'profiles',
    target: target.baseUrl,
    transaction: planned.transaction,
  };
}
