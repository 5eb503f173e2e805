import { describe, expect, it } from 'vitest';
import { ImportInputError, MAX_IMPORT_BYTES, importInputFromJson, parseImportInput } from '../../src/exchange/index.ts';

function failure(text: string, options?: { maxBytes: number }): ImportInputError {
  try {
    parseImportInput(text, options);
  } catch (error) {
    if (error instanceof ImportInputError) return error;
    throw error;
  }
  throw new Error('Expected the input to be refused, but it was accepted.');
}

const goal = { resourceType: 'Goal', id: 'g1', lifecycleStatus: 'active', description: { text: 'Sleep' } };

describe('parseImportInput', () => {
  it.each([
    ['document', { resourceType: 'Bundle', type: 'document', entry: [{ resource: goal }] }],
    ['transaction', { resourceType: 'Bundle', type: 'transaction', entry: [{ resource: goal }] }],
    ['collection', { resourceType: 'Bundle', type: 'collection', entry: [{ resource: goal }] }],
    ['searchset', { resourceType: 'Bundle', type: 'searchset', entry: [{ resource: goal }] }],
    ['batch', { resourceType: 'Bundle', type: 'batch', entry: [{ resource: goal }] }],
    ['resource', goal],
    ['resources', [goal, { ...goal, id: 'g2' }]],
  ])('takes a %s', (shape, json) => {
    const parsed = parseImportInput(JSON.stringify(json));
    expect(parsed.shape).toBe(shape);
    expect(parsed.json).toEqual(json);
    expect(parsed.resourceCount).toBe(Array.isArray(json) ? 2 : 1);
  });

  it('takes NDJSON, one resource per line', () => {
    const parsed = parseImportInput(`${JSON.stringify(goal)}\n\n${JSON.stringify({ ...goal, id: 'g2' })}\n`);
    expect(parsed.shape).toBe('resources');
    expect((parsed.json as { id: string }[]).map((r) => r.id)).toEqual(['g1', 'g2']);
  });

  it('says where NDJSON breaks, by line', () => {
    const error = failure(`${JSON.stringify(goal)}\n${JSON.stringify(goal)}\n{"resourceType": "Goal",\n`);
    expect(error.code).toBe('invalid-json');
    expect(error.line).toBe(3);
  });

  it('says where invalid JSON breaks, with line and column', () => {
    const error = failure('{\n  "resourceType": "Goal",\n  "id": "g1"\n  "status": "active"\n}');
    expect(error.code).toBe('invalid-json');
    expect(error.line).toBe(4);
    expect(error.column).toBeGreaterThan(0);
    expect(error.message).toMatch(/^The file is not valid JSON at line 4, column \d+: /);
  });

  it('refuses a message Bundle and says why', () => {
    const error = failure(JSON.stringify({ resourceType: 'Bundle', type: 'message', entry: [{ resource: goal }] }));
    expect(error.code).toBe('wrong-bundle-type');
    expect(error.message).toMatch(/message Bundle: it asks the receiving system to act on an event/);
  });

  it.each(['history', 'transaction-response', 'batch-response', 'unknown'])('refuses a %s Bundle', (type) => {
    const error = failure(JSON.stringify({ resourceType: 'Bundle', type, entry: [{ resource: goal }] }));
    expect(error.code).toBe('wrong-bundle-type');
  });

  it.each([
    ['a number', '42'],
    ['a string', '"CarePlan"'],
    ['an object without resourceType', '{"status":"active"}'],
    ['a list with something that is no resource', `[${JSON.stringify(goal)}, 7]`],
  ])('refuses %s as not FHIR', (_, text) => {
    expect(failure(text).code).toBe('not-fhir');
  });

  it.each([
    ['an empty file', '  \n'],
    ['an empty list', '[]'],
    ['a Bundle without resources', JSON.stringify({ resourceType: 'Bundle', type: 'collection', entry: [] })],
  ])('refuses %s as empty', (_, text) => {
    expect(failure(text).code).toBe('empty');
  });

  it('refuses a file over 50 MB before parsing it', () => {
    // Not JSON at all: a parse would fail differently, so the size check must come first.
    const text = `{${' '.repeat(MAX_IMPORT_BYTES)}`;
    const error = failure(text);
    expect(error.code).toBe('too-large');
    expect(error.message).toMatch(/50\.0 MB/);
  });

  it('counts bytes, not characters, against the limit', () => {
    const text = JSON.stringify({ ...goal, description: { text: 'é'.repeat(60) } });
    expect(() => parseImportInput(text, { maxBytes: text.length + 10 })).toThrow(ImportInputError);
    expect(parseImportInput(text, { maxBytes: text.length + 60 }).bytes).toBe(text.length + 60);
  });

  it('applies the same checks to JSON parsed elsewhere', () => {
    expect(importInputFromJson(goal).shape).toBe('resource');
    expect(() => importInputFromJson({ resourceType: 'Bundle', type: 'message' })).toThrow(/message Bundle/);
  });
});
