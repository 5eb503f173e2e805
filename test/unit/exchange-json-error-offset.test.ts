/**
 * Where an import's JSON breaks (src/exchange/json-error-offset.ts): the place the engine names when it names
 * one, and a place of its own when it does not (an unexpected token, an early end), so every JSON error of an
 * import says its line and column.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ImportInputError, parseImportInput } from '../../src/exchange/index.ts';
import { jsonErrorOffset } from '../../src/exchange/json-error-offset.ts';

const example = readFileSync(
  resolve(import.meta.dirname, '../../fhir-profiles/examples/george-smith.transaction.json'),
  'utf8'
);

/** The position V8 names in its message, where it names one. */
function enginePosition(text: string): number | undefined {
  try {
    JSON.parse(text);
    return undefined;
  } catch (error) {
    const position = /position (\d+)/.exec(error instanceof Error ? error.message : '')?.[1];
    return position === undefined ? undefined : Number(position);
  }
}

const isJson = (text: string): boolean => {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
};

describe('where a JSON text breaks', () => {
  it.each([
    ['a word cut short before a brace', '{"a": tru}', 9],
    ['a trailing comma', '{"a":1,}', 7],
    ['a missing comma between properties', '{"a":1\n"b":2}', 7],
    ['an early end inside an object', '{"a":1', 6],
    ['an early end inside a string', '{"a":"open', 10],
    ['a line break inside a string', '{"a":"x\ny"}', 7],
    ['an unknown escape', '{"a":"\\x"}', 7],
    ['a bad unicode escape', '{"a":"\\u12G4"}', 8],
    ['a minus sign with no digits', '[-]', 2],
    ['text after the value', '{} {}', 3],
    ['an empty text', '', 0],
    ['a single quote', "{'a': 1}", 1],
  ])('%s', (_name, text, offset) => {
    expect(isJson(text)).toBe(false);
    expect(jsonErrorOffset(text)).toBe(offset);
  });

  it('finds nothing wrong in valid JSON', () => {
    expect(jsonErrorOffset(example)).toBeUndefined();
    expect(jsonErrorOffset(' [1, -0.5e+3, "\\u00e9\\n", true, false, null, {}] ')).toBeUndefined();
  });

  it('agrees with the engine wherever the engine names the position (an example plan broken at random)', () => {
    fc.assert(
      fc.property(
        fc.nat(example.length - 1),
        fc.oneof(fc.constant(''), fc.constantFrom('{', '}', '[', ']', ',', ':', '"', 'x', '\n', '-', '\\')),
        (at, insert) => {
          const broken = example.slice(0, at) + insert + example.slice(at + 1);
          const engine = enginePosition(broken);
          if (isJson(broken)) expect(jsonErrorOffset(broken)).toBeUndefined();
          else if (engine !== undefined) expect(jsonErrorOffset(broken)).toBe(engine);
          else expect(jsonErrorOffset(broken)).toBeGreaterThanOrEqual(0);
        }
      ),
      { numRuns: 300, seed: 20261127 }
    );
  });
});

describe('an import of broken JSON', () => {
  it('says the line and column even where the engine does not', () => {
    const text = '{\n  "resourceType": "Patient",\n  "active": tru\n}';
    let thrown: unknown;
    try {
      parseImportInput(text);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ImportInputError);
    // Just after "tru", where "true" needed its "e".
    expect(thrown).toMatchObject({ line: 3, column: 16 });
    expect((thrown as Error).message).toMatch(/^The file is not valid JSON at line 3, column 16: /);
  });

  it('says where the text ends too early', () => {
    expect(() => parseImportInput('{\n  "resourceType": "Patient",\n')).toThrow(
      /^The file is not valid JSON at line 3, column 1: /
    );
  });
});
