/**
 * `checkConformance`: validates a resource, or a Bundle and each of its entries, against base R4 and the
 * profiles it claims in meta.profile. It runs `@medplum/core`'s `validateResource` and adds what that
 * validator leaves out (see typed-checks.ts, references.ts and invariants.ts). Issues carry FHIRPath
 * locations such as `Bundle.entry[2].resource.target[0]`.
 */
import { getDataType, OperationOutcomeError, validateResource } from '@medplum/core';
import type { InternalTypeSchema } from '@medplum/core';
import type { OperationOutcomeIssue, Resource as MedplumResource, StructureDefinition } from '@medplum/fhirtypes';
import type * as fhir from 'fhir/r4';
import { isObject } from '../plan/json-object.ts';
import type { ConformanceDefinitions } from './definitions.ts';
import { checkHandCodedInvariants } from './invariants.ts';
import type { ConformanceIssue } from './issue.ts';
import { withoutVersion } from './terminology.ts';
import { checkTypedValues } from './typed-checks.ts';
import type { TypedCheckContext } from './typed-checks.ts';

function fromMedplum(issue: OperationOutcomeIssue, resourceType: string): ConformanceIssue[] {
  const message = issue.details?.text ?? issue.diagnostics ?? issue.code;
  // Replaced by references.ts, which also resolves urn:uuid and absolute references.
  if (message.startsWith('Invalid reference')) return [];
  const expression = issue.expression?.[0] ?? resourceType;
  const location = /^[A-Z]/.test(expression) ? expression : `${resourceType}.${expression}`;
  const constraint = /^Constraint (\S+) not met/.exec(message)?.[1];
  const severity = issue.severity === 'fatal' ? 'error' : issue.severity;
  return [{ severity, location, message, rule: constraint ?? 'structure' }];
}

function medplumIssues(resource: fhir.FhirResource, profile?: StructureDefinition): ConformanceIssue[] {
  let issues: OperationOutcomeIssue[];
  try {
    issues = validateResource(resource as unknown as MedplumResource, profile ? { profile } : undefined);
  } catch (error) {
    // validateResource throws an OperationOutcomeError carrying every issue when any of them is an error.
    if (!(error instanceof OperationOutcomeError)) throw error;
    issues = error.outcome.issue;
  }
  return issues.flatMap((issue) => fromMedplum(issue, resource.resourceType));
}

/** Base R4 or profile checks for one resource, without descending into Bundle entries. */
function checkOne(
  resource: fhir.FhirResource,
  schema: InternalTypeSchema,
  context: TypedCheckContext,
  profile?: StructureDefinition
): ConformanceIssue[] {
  return [
    ...medplumIssues(resource, profile),
    ...checkTypedValues(resource, schema, context),
    ...checkHandCodedInvariants(resource),
  ];
}

function checkAgainstClaims(
  resource: fhir.FhirResource,
  definitions: ConformanceDefinitions,
  context: TypedCheckContext
): ConformanceIssue[] {
  // A malformed meta.profile (not a list of strings) is the structure check's to report; nothing is claimed.
  const profiles: unknown = resource.meta?.profile;
  const claimed = Array.isArray(profiles)
    ? profiles.filter((url): url is string => typeof url === 'string').map(withoutVersion)
    : [];
  const known = claimed.flatMap((url) => definitions.profiles.get(url) ?? []);
  const unknown: ConformanceIssue[] = claimed
    .filter((url) => !definitions.profiles.has(url))
    .map((url) => ({
      severity: 'warning',
      location: `${resource.resourceType}.meta.profile`,
      message: `Profile ${url} is not known here; checked against base R4 only`,
      rule: 'profile',
    }));
  if (known.length === 0) {
    return [...unknown, ...checkOne(resource, getDataType(resource.resourceType), context)];
  }
  return [...unknown, ...known.flatMap((p) => checkOne(resource, p.schema, context, p.definition))];
}

const relocate = (issue: ConformanceIssue, prefix: string): ConformanceIssue => ({
  ...issue,
  location: prefix + issue.location.replace(/^[A-Za-z]+/, ''),
});

function checkBundle(
  bundle: fhir.Bundle<fhir.FhirResource>,
  definitions: ConformanceDefinitions,
  context: TypedCheckContext
): ConformanceIssue[] {
  // Entries that are not objects are the structure check's to report; they hold no resource to check here.
  // Each entry keeps its place in the Bundle, so an issue names the entry it is in, not its place among objects.
  const all: readonly unknown[] = Array.isArray(bundle.entry) ? bundle.entry : [];
  const entries = all.flatMap((entry, index) =>
    isObject(entry) ? [{ ...(entry as fhir.BundleEntry<fhir.FhirResource>), index }] : []
  );
  const fullUrlTypes = new Map(context.references.fullUrlTypes);
  for (const { fullUrl, resource } of entries)
    if (fullUrl && resource) fullUrlTypes.set(fullUrl, resource.resourceType);
  const entryContext = { ...context, references: { ...context.references, fullUrlTypes } };
  const insideEntry = /^Bundle\.entry\[\d+\]\.resource(\.|$)/;
  // Medplum sees the whole Bundle (bdl-* invariants need the entries); the other checks see the Bundle
  // without its entries' resources, which are checked one by one against their own profiles.
  const shell: fhir.Bundle<fhir.FhirResource> = {
    ...bundle,
    entry: all.map((e) => (isObject(e) ? { ...e, resource: undefined } : e)) as fhir.BundleEntry<fhir.FhirResource>[],
  };
  return [
    ...medplumIssues(bundle).filter((issue) => !insideEntry.test(issue.location)),
    ...checkTypedValues(shell, getDataType('Bundle'), entryContext),
    ...checkHandCodedInvariants(shell),
    ...entries.flatMap(({ resource, index }) =>
      resource
        ? check(resource, definitions, entryContext).map((issue) =>
            relocate(issue, `Bundle.entry[${String(index)}].resource`)
          )
        : []
    ),
  ];
}

function check(
  resource: fhir.FhirResource,
  definitions: ConformanceDefinitions,
  context: TypedCheckContext
): ConformanceIssue[] {
  return resource.resourceType === 'Bundle'
    ? checkBundle(resource as fhir.Bundle<fhir.FhirResource>, definitions, context)
    : checkAgainstClaims(resource, definitions, context);
}

/** Every issue with `resource` (and, for a Bundle, with each entry's resource), without duplicates. */
export function checkConformance(resource: fhir.FhirResource, definitions: ConformanceDefinitions): ConformanceIssue[] {
  const context: TypedCheckContext = {
    terminology: definitions.terminology,
    references: {
      fullUrlTypes: new Map(),
      profileType: (url) => definitions.profiles.get(withoutVersion(url))?.definition.type,
    },
  };
  const issues = check(resource, definitions, context);
  return [...new Map(issues.map((issue) => [`${issue.severity} ${issue.location} ${issue.message}`, issue])).values()];
}
