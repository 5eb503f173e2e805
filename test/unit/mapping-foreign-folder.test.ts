import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readPlanInput } from '../../src/mapping/read-plan-input.ts';
import { expectShape, expectSoundReading, shapeOf } from '../support/foreign-expectations.ts';

// Care-plan data written by other systems and by specification authors (DESIGN.md §8). CI has the folder; a
// plain clone may not, and then test/unit/mapping-foreign-fixtures.test.ts covers the same shapes.
const FOLDER = fileURLToPath(new URL('../../../shared/foreign-plans/', import.meta.url));
const present = existsSync(FOLDER);
const files = present ? readdirSync(FOLDER).filter((f) => f.endsWith('.json')) : [];

describe.skipIf(!present)(`the foreign care-plan data in ../shared/foreign-plans (skipped: folder absent)`, () => {
  it('holds files to read', () => {
    expect(files.length).toBeGreaterThan(0);
  });

  it.each(files)('%s is read without throwing, as a valid plan, with every record placed or reported', (file) => {
    const json: unknown = JSON.parse(readFileSync(`${FOLDER}${file}`, 'utf8'));
    const reading = readPlanInput(json);
    expectSoundReading(json, reading);
  });

  const known = files.flatMap((file) => {
    const shape = shapeOf(file);
    return shape === undefined ? [] : [[file, shape] as const];
  });
  it.skipIf(known.length === 0).each(known)('%s is read as its shape (%s) says', (file, shape) => {
    const json: unknown = JSON.parse(readFileSync(`${FOLDER}${file}`, 'utf8'));
    expectShape(shape, readPlanInput(json));
  });
});
