/**
 * When and how often: the model's frequency, session length and start/end dates as Timing.repeat
 * (https://hl7.org/fhir/R4/datatypes.html#Timing). Other parts of a loaded Timing stay as they were.
 */
import type * as fhir from 'fhir/r4';
import type { Frequency, IsoDate } from '../plan/treatment-plan.ts';
import { UNIT_MINUTES } from './codes.ts';
import { prune } from './json.ts';
import { frequencyFromFhir, frequencyToFhir } from './quantities.ts';
import type { Report } from './read-context.ts';

export interface Schedule {
  readonly frequency?: Frequency;
  readonly minutes?: number;
  readonly start?: IsoDate;
  readonly end?: IsoDate;
}

const ignore = (): void => undefined;

export function scheduleFromFhir(timing: fhir.Timing | undefined, report: Report = ignore, path = ''): Schedule {
  const repeat = timing?.repeat;
  const frequency = frequencyFromFhir(repeat, report, `${path}.repeat`);
  const minutes = repeat?.durationUnit === UNIT_MINUTES ? repeat.duration : undefined;
  if (repeat?.duration !== undefined && minutes === undefined) {
    report(
      `${path}.repeat.duration`,
      `a session length in ${repeat.durationUnit ?? '(no unit)'} has no place in the plan`
    );
  }
  const start = repeat?.boundsPeriod?.start;
  const end = repeat?.boundsPeriod?.end;
  return {
    ...(frequency ? { frequency } : {}),
    ...(minutes !== undefined ? { minutes } : {}),
    ...(start !== undefined ? { start } : {}),
    ...(end !== undefined ? { end } : {}),
  };
}

export function scheduleToFhir(schedule: Schedule, loaded: fhir.Timing | undefined): fhir.Timing | undefined {
  const repeat: fhir.TimingRepeat = {
    ...loaded?.repeat,
    frequency: undefined,
    period: undefined,
    periodUnit: undefined,
    ...(schedule.frequency ? frequencyToFhir(schedule.frequency) : {}),
    ...(schedule.minutes !== undefined
      ? { duration: schedule.minutes, durationUnit: UNIT_MINUTES }
      : { duration: undefined, durationUnit: undefined }),
    boundsPeriod: { ...loaded?.repeat?.boundsPeriod, start: schedule.start, end: schedule.end },
  };
  return prune({ ...loaded, repeat });
}
