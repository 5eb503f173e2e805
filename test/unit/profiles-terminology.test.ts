import type * as fhir from 'fhir/r4';
import { describe, expect, it } from 'vitest';
import { createTerminology } from '../../src/conformance/terminology.ts';

const system = 'http://example.org/CodeSystem/moods';
const codeSystem = (content: fhir.CodeSystem['content'] = 'complete'): fhir.CodeSystem => ({
  resourceType: 'CodeSystem',
  url: system,
  status: 'active',
  content,
  concept: [
    { code: 'low', concept: [{ code: 'sad', concept: [{ code: 'hopeless' }] }, { code: 'tired' }] },
    { code: 'high', concept: [{ code: 'elated' }] },
  ],
});
const valueSet = (url: string, compose: fhir.ValueSet['compose']): fhir.ValueSet => ({
  resourceType: 'ValueSet',
  url,
  status: 'active',
  compose,
});
const codes = (terminology: ReturnType<typeof createTerminology>, url: string): string[] | undefined => {
  const set = terminology.expand(url);
  return set && [...set.codes].sort();
};

describe('ValueSet expansion for required bindings', () => {
  it('takes every code of a complete code system, nested ones included', () => {
    const terminology = createTerminology([codeSystem(), valueSet('vs:all', { include: [{ system }] })]);
    expect(codes(terminology, 'vs:all')).toEqual(['elated', 'high', 'hopeless', 'low', 'sad', 'tired']);
  });

  it('follows is-a, descendent-of and is-not-a filters through the hierarchy', () => {
    const filtered = (op: fhir.ValueSetComposeIncludeFilter['op']) =>
      valueSet(`vs:${op}`, { include: [{ system, filter: [{ property: 'concept', op, value: 'low' }] }] });
    const terminology = createTerminology([
      codeSystem(),
      filtered('is-a'),
      filtered('descendent-of'),
      filtered('is-not-a'),
    ]);
    expect(codes(terminology, 'vs:is-a')).toEqual(['hopeless', 'low', 'sad', 'tired']);
    expect(codes(terminology, 'vs:descendent-of')).toEqual(['hopeless', 'sad', 'tired']);
    expect(codes(terminology, 'vs:is-not-a')).toEqual(['elated', 'high']);
  });

  it('imports other value sets, removes excluded codes and ignores a version suffix', () => {
    const terminology = createTerminology([
      codeSystem(),
      valueSet('vs:base', { include: [{ system }] }),
      valueSet('vs:derived', {
        include: [{ valueSet: ['vs:base|1.0'] }],
        exclude: [{ system, concept: [{ code: 'high' }] }],
      }),
    ]);
    expect(codes(terminology, 'vs:derived|4.0.1')).toEqual(['elated', 'hopeless', 'low', 'sad', 'tired']);
    expect(terminology.expand('vs:derived')?.codings.has(`${system}|sad`)).toBe(true);
  });

  it('takes listed concepts even from a code system it does not hold', () => {
    const terminology = createTerminology([
      valueSet('vs:loinc', { include: [{ system: 'http://loinc.org', concept: [{ code: '44261-6' }] }] }),
    ]);
    expect(terminology.expand('vs:loinc')?.codings).toEqual(new Set(['http://loinc.org|44261-6']));
  });

  it('gives up, rather than guess, on code systems it lacks, fragments, unsupported filters and unknown value sets', () => {
    const terminology = createTerminology([
      codeSystem('fragment'),
      valueSet('vs:snomed', { include: [{ system: 'http://snomed.info/sct' }] }),
      valueSet('vs:fragment', { include: [{ system }] }),
      valueSet('vs:regex', { include: [{ system, filter: [{ property: 'code', op: 'regex', value: 's.*' }] }] }),
      valueSet('vs:imports-unknown', { include: [{ valueSet: ['vs:nowhere'] }] }),
    ]);
    for (const url of ['vs:snomed', 'vs:fragment', 'vs:regex', 'vs:imports-unknown', 'vs:nowhere']) {
      expect({ url, codes: terminology.expand(url) }).toEqual({ url, codes: undefined });
    }
  });
});
