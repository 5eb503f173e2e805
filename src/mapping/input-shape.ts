/**
 * Repairs the JSON shape of a resource from another system before the reader sees it, so that data never makes
 * the reader throw (DESIGN.md §4: read what real servers send). FHIR JSON allows no `null`
 * (https://hl7.org/fhir/R4/json.html#null); a list element holds an array; primitives hold strings, numbers or
 * booleans. Each repair is reported with the element's path: a value of the wrong JSON type is left out, a
 * single value where a list belongs is read as a list of one.
 *
 * Element names are checked only where they mean one thing in every R4 resource the reader looks at (`code`
 * is a CodeableConcept on a resource but a string inside a Coding, so it is checked only at the top).
 */

import { isObject, type Json } from '../plan/json-object.ts';

export type ShapeReport = (path: string, reason: string) => void;

const LISTS = new Set([
  'extension', 'modifierExtension', 'coding', 'category', 'contained', 'identifier', 'goal', 'activity',
  'addresses', 'supportingInfo', 'target', 'note', 'performer', 'contributor', 'careTeam', 'replaces', 'basedOn',
  'partOf', 'focus', 'hasMember', 'derivedFrom', 'component', 'entry', 'agent', 'signature', 'outcomeReference',
  'outcomeCodeableConcept', 'progress', 'qualification', 'given', 'prefix', 'suffix', 'participant', 'policy',
  'reasonCode', 'reasonReference', 'instantiatesUri', 'instantiatesCanonical', 'specialty', 'orderDetail',
  'actor', 'content', 'related', 'telecom', 'line', 'link', 'issue',
]); // prettier-ignore
const STRINGS = new Set([
  'resourceType', 'id', 'reference', 'system', 'display', 'url', 'div', 'unit', 'comparator', 'periodUnit',
  'durationUnit', 'status', 'intent', 'lifecycleStatus', 'effectiveDateTime', 'recorded', 'birthDate', 'gender',
  'onsetDateTime', 'onsetString', 'abatementDateTime', 'startDate', 'statusDate', 'dueDate', 'created', 'dateTime',
  'title', 'kind', 'sigFormat', 'data', 'contentType', 'fullUrl', 'valueString', 'valueCode', 'valueUri',
  'family', 'version', 'versionId', 'lastUpdated', 'start', 'end', 'date', 'authoredOn', 'issued',
]); // prettier-ignore
const NUMBERS = new Set(['valueInteger', 'valueDecimal', 'frequency', 'frequencyMax', 'duration', 'count']);
const OBJECTS = new Set([
  'subject', 'patient', 'meta', 'repeat', 'boundsPeriod', 'detail', 'scheduledTiming', 'scheduledPeriod',
  'occurrenceTiming', 'occurrencePeriod', 'valueQuantity', 'detailQuantity', 'detailRange', 'detailCodeableConcept',
  'measure', 'achievementStatus', 'clinicalStatus', 'verificationStatus', 'scope', 'encounter', 'valueReference',
  'valueCodeableConcept', 'who', 'onBehalfOf', 'attachment', 'sourceAttachment', 'valueAttachment', 'low', 'high',
  'dailyAmount', 'quantity', 'performerType', 'startCodeableConcept', 'expressedBy', 'context', 'search', 'request',
  'response', 'resource', 'requester', 'dueDuration', 'valuePeriod', 'effectivePeriod',
]); // prettier-ignore
/** Objects whose `value` is a number (Quantity and its kin); elsewhere `value` is a string (Identifier). */
const QUANTITIES = new Set([
  'valueQuantity', 'detailQuantity', 'low', 'high', 'dailyAmount', 'quantity', 'dueDuration', 'onsetAge',
]); // prettier-ignore

/** The resource types the reader reads. */
const READ = new Set([
  'CarePlan', 'Goal', 'Condition', 'Observation', 'ServiceRequest', 'Consent', 'Provenance', 'Encounter', 'Patient',
  'Practitioner', 'PractitionerRole', 'RelatedPerson', 'Organization', 'Location', 'CareTeam', 'Procedure',
  'DocumentReference',
]); // prettier-ignore

/** Elements of the resource itself whose kind depends on the resource type. */
const BY_TYPE: Partial<Record<string, Partial<Record<string, 'list' | 'string'>>>> = {
  Patient: { name: 'list' },
  Practitioner: { name: 'list' },
  RelatedPerson: { name: 'list' },
  Organization: { name: 'string' },
  CareTeam: { name: 'string' },
  Location: { name: 'string' },
  Encounter: { location: 'list' },
};

function expected(
  key: string,
  depth: number,
  parent: string,
  type: string
): 'list' | 'string' | 'number' | 'object' | undefined {
  const own = depth === 1 ? BY_TYPE[type]?.[key] : undefined;
  if (own !== undefined) return own;
  // Consent.provision.code and .class are lists (of CodeableConcept, of Coding).
  if (parent === 'provision' && (key === 'code' || key === 'class')) return 'list';
  if (depth === 1 && (key === 'text' || key === 'code' || key === 'period' || key === 'provision')) return 'object';
  if (depth > 1 && key === 'provision') return 'list';
  if (depth > 1 && key === 'text') return 'string';
  if (key === 'value' && QUANTITIES.has(parent)) return 'number';
  // Consent.provision.actor is a list of parts whose `reference` is a Reference; elsewhere (Procedure.performer)
  // an actor is one Reference, whose `reference` is a string.
  if (key === 'actor') return type === 'Consent' ? 'list' : 'object';
  // CarePlan.activity.reference and Consent.provision.actor.reference are References, not strings.
  if (key === 'reference' && (parent === 'activity' || (parent === 'actor' && type === 'Consent'))) return 'object';
  if (LISTS.has(key)) return 'list';
  if (STRINGS.has(key)) return 'string';
  if (NUMBERS.has(key)) return 'number';
  if (OBJECTS.has(key)) return 'object';
  return undefined;
}

function fits(value: unknown, kind: 'string' | 'number' | 'object'): boolean {
  if (kind === 'object') return isObject(value);
  if (kind === 'number') return typeof value === 'number' && Number.isFinite(value);
  return typeof value === 'string';
}

/** A copy of `value` (an element at `path`, `depth` levels below the resource) with its shape repaired. */
function repair(
  value: unknown,
  path: string,
  depth: number,
  parent: string,
  report: ShapeReport,
  resourceType = ''
): unknown {
  if (Array.isArray(value)) {
    return value.flatMap((item: unknown, i) => {
      if (item === null || item === undefined) {
        report(`${path}[${i}]`, 'an empty (null) item is left out');
        return [];
      }
      return [repair(item, `${path}[${i}]`, depth, parent, report, resourceType)];
    });
  }
  if (!isObject(value)) return value;
  const type = depth === 0 && typeof value.resourceType === 'string' ? value.resourceType : resourceType;
  const result: Json = {};
  for (const [key, item] of Object.entries(value)) {
    const at = `${path}.${key}`;
    if (item === null || item === undefined) {
      if (!key.startsWith('_')) report(at, 'an empty (null) value is left out');
      continue;
    }
    if (key.startsWith('_')) {
      // A primitive's id and extensions (https://hl7.org/fhir/R4/json.html#primitive): an object, or a list.
      if (typeof item !== 'object') {
        report(at, 'a primitive extension that is not an element is left out');
        continue;
      }
      result[key] = repair(item, at, depth + 1, key, report, type);
      continue;
    }
    const kind = expected(key, depth + 1, parent, type);
    let fixed: unknown = item;
    if (kind === 'list' && !Array.isArray(item)) {
      report(at, 'a single value where FHIR expects a list; read as a list of one');
      fixed = [item];
    } else if (kind !== undefined && kind !== 'list' && !fits(item, kind)) {
      report(at, `a value of the wrong type (${Array.isArray(item) ? 'list' : typeof item}, not ${kind}) is left out`);
      continue;
    }
    // A contained resource is a resource of its own: its elements start again at the top.
    const repaired = repair(fixed, at, key === 'contained' ? 0 : depth + 1, key, report, type);
    if (kind === 'list' && Array.isArray(repaired) && key !== 'given' && key !== 'prefix' && key !== 'suffix') {
      // Items of lists of elements must be objects (lists of strings are named above as exceptions).
      const primitiveList = ['instantiatesUri', 'instantiatesCanonical', 'line'].includes(key);
      result[key] = primitiveList ? repaired : repaired.filter((x: unknown) => keepItem(x, at, report));
    } else result[key] = repaired;
  }
  return result;
}

function keepItem(item: unknown, path: string, report: ShapeReport): boolean {
  if (isObject(item)) return true;
  report(path, `a list item that is not an element (${typeof item}) is left out`);
  return false;
}

/** The resource with its shape repaired, or undefined (with a report) when it is not a resource at all. */
export function repairResource(value: unknown, path: string, report: ShapeReport): Json | undefined {
  if (!isObject(value)) {
    report(path, `not a resource (${Array.isArray(value) ? 'a list' : typeof value})`);
    return undefined;
  }
  const type = value.resourceType;
  if (typeof type !== 'string' || !/^[A-Z][A-Za-z]{1,63}$/.test(type)) {
    report(path, 'a JSON object without a resourceType is not a FHIR resource');
    return undefined;
  }
  // Only the records the reader looks at are repaired; others are only reported as not placed.
  if (!READ.has(type)) return value;
  const repaired = repair(value, type, 0, '', report) as Json;
  if (typeof repaired.id === 'string' && !/^[A-Za-z0-9\-.]{1,64}$/.test(repaired.id)) {
    report(`${type}.id`, 'an id that FHIR does not allow is read as no id');
    delete repaired.id;
  }
  if (Array.isArray(repaired.contained)) {
    repaired.contained = repaired.contained.filter((c: unknown, i) => {
      const ok = isObject(c) && typeof c.resourceType === 'string';
      if (!ok) report(`${type}.contained[${String(i)}]`, 'a contained item that is not a resource is left out');
      return ok;
    });
  }
  return repaired;
}
