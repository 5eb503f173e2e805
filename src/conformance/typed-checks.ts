/**
 * Checks that need each value's FHIR type and its element definition, made while walking a resource with
 * `@medplum/core`'s crawler against the same schema its validator uses (a profile, or the base type):
 * - required ValueSet bindings (https://hl7.org/fhir/R4/terminologies.html#required), which Medplum's
 *   validator does not check at all, so `CarePlan.status = "bogus"` would otherwise pass;
 * - choice-type restrictions (`value[x] only Quantity or integer`): Medplum silently ignores a value of a type
 *   the profile leaves out, so a profile's "never valueString" would otherwise not hold;
 * - a dateTime or instant with a time needs a time zone (https://hl7.org/fhir/R4/datatypes.html#dateTime);
 *   Medplum's pattern accepts one without;
 * - reference targets (references.ts), which Medplum only warns about;
 * - the invariants of data types (datatype-invariants.ts), which Medplum does not evaluate below the resource.
 */
import { crawlTypedValue, toTypedValue } from '@medplum/core';
import type { InternalSchemaElement, InternalTypeSchema, TypedValueWithPath } from '@medplum/core';
import type * as fhir from 'fhir/r4';
import { datatypeInvariantIssues } from './datatype-invariants.ts';
import type { ConformanceIssue } from './issue.ts';
import { referenceProblem } from './references.ts';
import type { ReferenceContext } from './references.ts';
import { hasCoding, withoutVersion } from './terminology.ts';
import type { CodeSet, Terminology } from './terminology.ts';
import { isObject, type Json } from '../plan/json-object.ts';

/**
 * Turns a crawler path (`Goal.target[0].detail[x].comparator`) into the element's FHIRPath
 * (`Goal.target[0].detailQuantity.comparator`) by looking up which choice each `[x]` took in the JSON.
 */
export function concretePath(resource: Json, path: string): string {
  const [root = '', ...segments] = path.split('.');
  let current: unknown = resource;
  const out = [root];
  for (const segment of segments) {
    const match = /^(.*?)(\[x\])?(\[\d+\])?$/.exec(segment);
    const name = match?.[1] ?? segment;
    let key = name;
    if (match?.[2] && isObject(current)) {
      key = Object.keys(current).find((k) => k.startsWith(name) && /^[A-Z]/.test(k.slice(name.length))) ?? segment;
    }
    out.push(`${key}${match?.[3] ?? ''}`);
    current = isObject(current) ? current[key] : undefined;
    const index = match?.[3] ? Number(match[3].slice(1, -1)) : undefined;
    if (index !== undefined && Array.isArray(current)) current = current[index];
  }
  return out.join('.');
}

function primitive(value: unknown): unknown {
  return isObject(value) && typeof value.valueOf === 'function' ? (value.valueOf as () => unknown)() : value;
}

const stringOrNot = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

/** Why a value falls outside a required ValueSet, or undefined when it is inside. */
function bindingProblem(value: TypedValueWithPath, codes: CodeSet, valueSet: string): string | undefined {
  const raw = primitive(value.value);
  // A Coding or CodeableConcept that is not an object is the structure check's to report.
  if ((value.type === 'Coding' || value.type === 'CodeableConcept') && !isObject(raw)) return undefined;
  switch (value.type) {
    case 'code':
    case 'string':
    case 'uri':
      return typeof raw === 'string' && !codes.codes.has(raw)
        ? `"${raw}" is not a code of the required ValueSet ${valueSet}`
        : undefined;
    case 'Coding': {
      const coding = raw as fhir.Coding;
      return hasCoding(codes, stringOrNot(coding.system), stringOrNot(coding.code))
        ? undefined
        : `${coding.system ?? '(no system)'}#${coding.code ?? ''} is not in the required ValueSet ${valueSet}`;
    }
    case 'CodeableConcept': {
      const codings: unknown = (raw as fhir.CodeableConcept).coding;
      return Array.isArray(codings) &&
        codings.some((c: unknown) => isObject(c) && hasCoding(codes, stringOrNot(c.system), stringOrNot(c.code)))
        ? undefined
        : `No coding is taken from the required ValueSet ${valueSet}`;
    }
    default:
      return undefined;
  }
}

const PARTIAL_TIME = /T\d{2}(:\d{2}(:\d{2}(\.\d+)?)?)?$/;

export interface TypedCheckContext {
  readonly terminology: Terminology;
  readonly references: ReferenceContext;
}

function valueIssues(
  resource: fhir.FhirResource,
  key: string,
  element: InternalSchemaElement,
  value: TypedValueWithPath,
  context: TypedCheckContext
): ConformanceIssue[] {
  const issues: ConformanceIssue[] = [];
  const location = (): string => concretePath(resource as unknown as Json, value.path);
  const allowed = element.type.map((t) => t.code);
  if (key.endsWith('[x]') && !allowed.includes(value.type)) {
    issues.push({
      severity: 'error',
      location: location(),
      message: `A ${value.type} is not allowed here (allowed: ${allowed.join(', ')})`,
      rule: 'choice-type',
    });
  }
  const raw = primitive(value.value);
  if ((value.type === 'dateTime' || value.type === 'instant') && typeof raw === 'string' && PARTIAL_TIME.test(raw)) {
    issues.push({
      severity: 'error',
      location: location(),
      message: `"${raw}" has a time but no time zone`,
      rule: 'time-zone',
    });
  }
  if (value.type === 'Reference') {
    const problem = referenceProblem(raw as fhir.Reference, element, resource, context.references);
    if (problem) issues.push({ severity: 'error', location: location(), message: problem, rule: 'reference' });
  }
  const binding = element.binding;
  if (binding?.strength === 'required' && binding.valueSet) {
    const valueSet = withoutVersion(binding.valueSet);
    const codes = context.terminology.expand(valueSet);
    const problem = codes && bindingProblem(value, codes, valueSet);
    if (problem) issues.push({ severity: 'error', location: location(), message: problem, rule: 'binding' });
  }
  return issues;
}

/** Required bindings, choice types, reference targets and time zones, for `resource` walked with `schema`. */
export function checkTypedValues(
  resource: fhir.FhirResource,
  schema: InternalTypeSchema,
  context: TypedCheckContext
): ConformanceIssue[] {
  const issues = new Map<string, ConformanceIssue>();
  const root = toTypedValue(resource);
  const resources = [root];
  crawlTypedValue(
    root,
    {
      onEnterResource: (_path, value) => {
        resources.push(value);
      },
      onExitResource: () => {
        resources.pop();
      },
      visitProperty: (_parent, key, _path, propertyValues, parentSchema) => {
        const element = parentSchema.elements[key];
        if (!element) return;
        const lastKey = key.slice(key.lastIndexOf('.') + 1);
        const scope = { resource: resources.at(-1) ?? root, rootResource: root };
        for (const value of propertyValues.flat()) {
          if (value.value === undefined) continue;
          const found = [
            ...valueIssues(resource, lastKey, element, value, context),
            ...datatypeInvariantIssues(value, concretePath(resource as unknown as Json, value.path), scope),
          ];
          for (const issue of found) issues.set(`${issue.rule} ${issue.location} ${issue.message}`, issue);
        }
      },
    },
    { schema }
  );
  return [...issues.values()];
}
