import { describe, expect, it } from 'vitest';
import { normaliseSearch } from '../../src/sandbox/fhir/search-normalise.ts';

const base = 'http://localhost:4010/fhir';

function engineQuery(resourceType: string, query: string, lenient = false): Record<string, string> {
  const result = normaliseSearch(resourceType, new URLSearchParams(query), { base, lenient });
  if (!result.ok) {
    throw new Error(result.problem.outcome.issue[0]?.diagnostics);
  }
  return Object.fromEntries(result.engineQuery);
}

describe('normaliseSearch', () => {
  it('turns a bare id into Type/id for every target type of the parameter', () => {
    expect(engineQuery('Observation', 'patient=abc').patient).toBe('Patient/abc');
    expect(engineQuery('Condition', 'subject=abc').subject).toBe('Group/abc,Patient/abc');
  });

  it('turns a :Type modifier and an absolute URL on our base into Type/id', () => {
    expect(engineQuery('Condition', 'subject:Patient=abc')).toMatchObject({ subject: 'Patient/abc' });
    expect(engineQuery('Goal', `patient=${base}/Patient/abc`).patient).toBe('Patient/abc');
  });

  it('leaves Type/id and non-reference parameters as they are', () => {
    expect(engineQuery('CarePlan', 'patient=Patient/abc&category=assess-plan&status=active')).toMatchObject({
      patient: 'Patient/abc',
      category: 'assess-plan',
      status: 'active',
    });
  });

  it('pages by 50 by default and by at most 1000', () => {
    expect(engineQuery('Goal', '')).toMatchObject({ _count: '50', _offset: '0' });
    expect(engineQuery('Goal', '_count=5000&_offset=100')).toMatchObject({ _count: '1000', _offset: '100' });
    expect(engineQuery('Goal', '_summary=count')).toMatchObject({ _count: '0' });
  });

  it('refuses unknown parameters, modifiers and includes, unless lenient', () => {
    expect(() => engineQuery('Goal', 'colour=blue')).toThrow(/Unknown search parameter "colour" for Goal/);
    expect(() => engineQuery('Goal', 'lifecycle-status:text=active')).toThrow(/:text/);
    expect(() => engineQuery('CarePlan', '_include=CarePlan:nothing')).toThrow(/_include/);
    expect(() => engineQuery('Goal', '_has:CarePlan:goal:status=active')).toThrow();
    expect(engineQuery('Goal', 'colour=blue&patient=abc', true)).not.toHaveProperty('colour');
  });

  it('refuses parameter types the engine cannot match instead of matching nothing', () => {
    expect(() => engineQuery('Observation', 'value-quantity=gt10')).toThrow(/value-quantity/);
  });

  it('checks both halves of a chain', () => {
    expect(engineQuery('Encounter', 'participant:Practitioner.name=Rivera')).toHaveProperty([
      'participant:Practitioner.name',
    ]);
    expect(() => engineQuery('Encounter', 'participant:Practitioner.colour=red')).toThrow(/chain/);
  });

  it('keeps the client parameters, not the normalised ones, for paging links', () => {
    const result = normaliseSearch('Goal', new URLSearchParams('patient=abc&_count=10&_format=json'), {
      base,
      lenient: false,
    });

    expect(result.ok && result.linkQuery.toString()).toBe('patient=abc');
  });
});
