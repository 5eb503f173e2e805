/**
 * Checks and normalises search parameters before the engine sees them. The engine silently matches nothing for
 * a parameter it does not know and only accepts a bare id (`patient=123`) when the parameter has one target
 * type; a client deserves a 400 for the first (unless it sent `Prefer: handling=lenient`) and a match for the
 * second, where a bare id means "that id, whatever its type among the targets".
 * @see https://hl7.org/fhir/R4/search.html#errors
 * @see https://hl7.org/fhir/R4/search.html#reference
 */
import { splitSearchOnComma } from '@medplum/core';
import type { Problem } from './outcomes.ts';
import { problem } from './outcomes.ts';
import type { SupportedSearchParameter } from './r4-definitions.ts';
import { supportedSearchParameters } from './r4-definitions.ts';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, isServedResourceType } from './served-types.ts';

export interface NormalisedSearch {
  readonly ok: true;
  /** What the engine runs, including `_count` and `_offset`. */
  readonly engineQuery: URLSearchParams;
  /** The client's parameters (minus ignored ones and paging), for self/next/previous links. */
  readonly linkQuery: URLSearchParams;
  readonly count: number;
  readonly offset: number;
  /** `_elements`, when the client asked for a subset. */
  readonly elements?: readonly string[];
}

export interface SearchOptions {
  /** The public FHIR base URL, so absolute references on our base can be made relative. */
  readonly base: string;
  readonly lenient: boolean;
  /** Whether the server follows an `_include` / `_revinclude` value it can resolve; default: all of them. */
  readonly follows?: (kind: '_include' | '_revinclude', value: string) => boolean;
}

const IGNORED = new Set(['_format', '_pretty']);
const ALLOWED_MODIFIERS: Readonly<Record<SupportedSearchParameter['type'], readonly string[]>> = {
  reference: ['missing'],
  string: ['missing', 'exact', 'contains'],
  token: ['missing', 'not'],
  date: ['missing'],
  uri: ['missing'],
};

export function normaliseSearch(
  resourceType: string,
  query: URLSearchParams,
  options: SearchOptions
): NormalisedSearch | { readonly ok: false; readonly problem: Problem } {
  const catalogue = supportedSearchParameters(resourceType);
  const engineQuery = new URLSearchParams();
  const linkQuery = new URLSearchParams();
  let count = DEFAULT_PAGE_SIZE;
  let offset = 0;
  let summaryCount = false;
  let elements: string[] | undefined;

  for (const [key, value] of query) {
    const [code = '', modifier] = key.split(':', 2);
    let engineValue: string | Error | undefined = value;
    switch (code) {
      case '_count':
      case '_offset': {
        const parsed = /^\d+$/.test(value) ? Number(value) : NaN;
        if (Number.isNaN(parsed)) {
          return { ok: false, problem: problem(400, 'value', `${code} must be a whole number, not "${value}".`) };
        }
        if (code === '_count') {
          count = Math.min(parsed, MAX_PAGE_SIZE);
        } else {
          offset = parsed;
        }
        continue;
      }
      case '_summary':
        if (value === 'count') {
          summaryCount = true;
          linkQuery.append(key, value);
          continue;
        }
        engineValue = value === 'false' ? undefined : unsupported(options, `_summary=${value} is not supported.`);
        break;
      case '_elements':
        elements = value.split(',').map((element) => element.trim());
        break;
      case '_total':
        engineValue = ['none', 'estimate', 'accurate'].includes(value) ? value : unsupported(options, `Bad _total.`);
        break;
      case '_sort':
        engineValue = value.split(',').every((field) => catalogue.has(field.replace(/^-/, '')))
          ? value
          : unsupported(options, `_sort=${value} names a parameter ${resourceType} does not support.`);
        break;
      case '_include':
      case '_revinclude':
        engineValue =
          isKnownInclude(value) && (options.follows?.(code, value) ?? true)
            ? value
            : unsupported(options, `${key}=${value} is not supported.`);
        break;
      default:
        engineValue = IGNORED.has(code)
          ? undefined
          : normaliseFilter(resourceType, catalogue, code, modifier, value, options);
    }
    if (engineValue instanceof Error) {
      return { ok: false, problem: problem(400, 'not-supported', engineValue.message) };
    }
    if (engineValue !== undefined) {
      const engineKey = modifier !== undefined && isServedResourceType(modifier) ? code : key;
      engineQuery.append(engineKey, engineValue);
      linkQuery.append(key, value);
    }
  }
  if (summaryCount) {
    count = 0;
  }
  engineQuery.set('_count', String(count));
  engineQuery.set('_offset', String(offset));
  return { ok: true, engineQuery, linkQuery, count, offset, ...(elements ? { elements } : {}) };
}

/** Undefined drops the parameter (lenient); an Error refuses the search. */
function unsupported(options: SearchOptions, message: string): Error | undefined {
  return options.lenient ? undefined : new Error(message);
}

function isKnownInclude(value: string): boolean {
  const [type, code, target] = value.split(':');
  if (!isServedResourceType(type) || !code || (target !== undefined && !isServedResourceType(target))) {
    return false;
  }
  return supportedSearchParameters(type).get(code)?.type === 'reference';
}

function normaliseFilter(
  resourceType: string,
  catalogue: ReadonlyMap<string, SupportedSearchParameter>,
  code: string,
  modifier: string | undefined,
  value: string,
  options: SearchOptions
): string | Error | undefined {
  const chainAt = code.indexOf('.');
  if (chainAt > 0 || modifier?.includes('.')) {
    return isKnownChain(catalogue, code, modifier)
      ? value
      : unsupported(options, `The chain ${code} is not supported.`);
  }
  const param = catalogue.get(code);
  if (!param) {
    return unsupported(options, `Unknown search parameter "${code}" for ${resourceType}.`);
  }
  if (param.type === 'reference' && modifier !== undefined && isServedResourceType(modifier)) {
    return normaliseReferences(param, value, options.base, modifier);
  }
  if (modifier !== undefined && !ALLOWED_MODIFIERS[param.type].includes(modifier)) {
    return unsupported(options, `The modifier :${modifier} is not supported on ${resourceType}?${code}.`);
  }
  return param.type === 'reference' && modifier === undefined ? normaliseReferences(param, value, options.base) : value;
}

/** `subject.name=x`, `subject:Patient.name=x`: the reference parameter and the chained one must both exist. */
function isKnownChain(
  catalogue: ReadonlyMap<string, SupportedSearchParameter>,
  code: string,
  modifier: string | undefined
): boolean {
  const [first = '', ...rest] = (modifier === undefined ? code : `${code}:${modifier}`).split('.');
  const [referenceCode = '', explicitType] = first.split(':');
  const param = catalogue.get(referenceCode);
  const targets = explicitType ? [explicitType] : (param?.target ?? []);
  const chained = rest.join('.').split(':')[0] ?? '';
  return (
    param?.type === 'reference' &&
    targets.length === 1 &&
    targets.every((target) => isServedResourceType(target) && supportedSearchParameters(target).has(chained))
  );
}

/**
 * Makes every value a relative `Type/id`: absolute URLs on our base lose the base, a `:Type` modifier becomes
 * the prefix, and a bare id becomes one alternative per target type (R4: a bare id matches any of them).
 */
function normaliseReferences(param: SupportedSearchParameter, value: string, base: string, type?: string): string {
  const out: string[] = [];
  for (const raw of splitSearchOnComma(value)) {
    const relative = raw.startsWith(`${base}/`) ? raw.slice(base.length + 1) : raw;
    if (relative.includes('/') || relative.includes(':')) {
      out.push(relative);
    } else if (type) {
      out.push(`${type}/${relative}`);
    } else if (param.target.length > 0) {
      out.push(...param.target.map((target) => `${target}/${relative}`));
    } else {
      out.push(relative);
    }
  }
  return out.join(',');
}
