/**
 * The goal library that ships with the app (issue 4 §2): starting goals, objectives and interventions for common
 * presenting problems, written by this project. Picking a goal fills the editor; the clinician tailors it.
 */
import { diagnosisByIcd10cm, type CatalogDiagnosis } from '../diagnoses/index.ts';
import { ADHD_YOUTH } from './adhd-youth.ts';
import { ANXIETY } from './anxiety.ts';
import { DEPRESSION } from './depression.ts';
import { RELATIONSHIP_CONFLICT } from './relationship-conflict.ts';
import { SUBSTANCE_USE } from './substance-use.ts';
import type { LibraryEntry, ProblemId } from './template.ts';
import { TRAUMA } from './trauma.ts';

export type {
  GoalTemplate,
  InterventionTemplate,
  LibraryEntry,
  ObjectiveTemplate,
  ProblemId,
  Serves,
  TargetTemplate,
} from './template.ts';
export { instantiateGoal, type InstantiateOptions, type InstantiatedGoal } from './instantiate.ts';

const ENTRIES: readonly LibraryEntry[] = [
  DEPRESSION,
  ANXIETY,
  TRAUMA,
  SUBSTANCE_USE,
  RELATIONSHIP_CONFLICT,
  ADHD_YOUTH,
];

export interface LibraryProblem {
  readonly id: ProblemId;
  readonly title: string;
  readonly summary: string;
  readonly goalCount: number;
}

/** The presenting problems the library covers, in the order the picker shows them. */
export function libraryProblems(): LibraryProblem[] {
  return ENTRIES.map(({ id, title, summary, goals }) => ({ id, title, summary, goalCount: goals.length }));
}

/** The starting goals for one presenting problem. */
export function libraryEntry(problemId: ProblemId): LibraryEntry {
  const entry = ENTRIES.find((candidate) => candidate.id === problemId);
  if (!entry) throw new RangeError(`The goal library has no presenting problem “${problemId}”.`);
  return entry;
}

/** The diagnoses a presenting problem usually goes with, as entries of the shipped diagnosis list. */
export function suggestedDiagnoses(problemId: ProblemId): CatalogDiagnosis[] {
  return libraryEntry(problemId).suggestedDiagnoses.flatMap((code) => {
    const entry = diagnosisByIcd10cm(code);
    return entry ? [entry] : [];
  });
}
