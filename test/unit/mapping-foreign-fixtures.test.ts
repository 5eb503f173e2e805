import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readPlanInput } from '../../src/mapping/read-plan-input.ts';
import { expectShape, expectSoundReading, SHAPE_NAMES, shapeOf } from '../support/foreign-expectations.ts';

// Our own synthetic fixtures, one per shape of the shared foreign data, so the suite stands alone (DESIGN.md §8).
const FOLDER = fileURLToPath(new URL('../fixtures/foreign/', import.meta.url));
const files = readdirSync(FOLDER).filter((f) => f.endsWith('.fhir.json'));
const read = (file: string): unknown => JSON.parse(readFileSync(`${FOLDER}${file}`, 'utf8'));

describe('our foreign-shaped fixtures', () => {
  it('cover every shape of the shared foreign data', () => {
    expect(new Set(files.map(shapeOf))).toEqual(new Set(SHAPE_NAMES));
  });

  it.each(files)('%s is read without throwing, as a valid plan, with every record placed or reported', (file) => {
    const json = read(file);
    expectSoundReading(json, readPlanInput(json));
  });

  it.each(files.map((f) => [f, shapeOf(f) ?? ''] as const))('%s is read as its shape (%s) says', (file, shape) => {
    expectShape(shape, readPlanInput(read(file)));
  });
});
