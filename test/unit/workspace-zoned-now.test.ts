/**
 * "Now" as the app writes it (workspace/clock.ts zonedNow): the local clock time with the local offset, never the
 * UTC clock time of `toISOString()`. The zone is pinned to New York so that local and UTC differ.
 */
process.env.TZ = 'America/New_York';

import type * as fhir from 'fhir/r4';
import { describe, expect, test } from 'vitest';
import type { FhirGateway, FhirRequest } from '../../src/fhir/gateway.ts';
import { planNotePdfOf } from '../../src/mapping/plan-note.ts';
import { recordedAt } from '../../src/ui/progress/score-entry.ts';
import { signingTime } from '../../src/ui/signatures/sign-form.ts';
import { zonedNow } from '../../src/workspace/clock.ts';
import { noteStrategy, type NoteProfile } from '../../src/workspace/strategies/note.ts';
import { pdfContent } from '../support/pdf-text.ts';
import { samplePlan } from './plan-fixtures.ts';

/** 15:04:31 UTC is 10:04:31 in New York (EST, -05:00). */
const NOW = new Date('2026-11-27T15:04:31Z');

describe('zonedNow', () => {
  test('runs in a zone five hours behind UTC (the premise of these tests)', () => {
    expect(NOW.getTimezoneOffset()).toBe(300);
  });

  test('is the local time to the minute with the local offset', () => {
    expect(zonedNow(NOW)).toBe('2026-11-27T10:04:00-05:00');
  });

  test('keeps the seconds when asked', () => {
    expect(zonedNow(NOW, { seconds: true })).toBe('2026-11-27T10:04:31-05:00');
  });

  test('uses the offset in force on that day (summer time)', () => {
    expect(zonedNow(new Date('2026-07-01T15:04:31Z'))).toBe('2026-07-01T11:04:00-04:00');
  });

  test('is what signing and a score recorded today write', () => {
    expect(signingTime(NOW)).toBe('2026-11-27T10:04:31-05:00');
    expect(recordedAt('2026-11-27', NOW)).toBe('2026-11-27T10:04:00-05:00');
  });
});

const YES = { allowed: 'yes', reasons: [] } as const;
const PROFILE = {
  vendor: 'Epic',
  access: {
    Condition: { create: YES },
    Observation: { create: YES },
    DocumentReference: { update: { allowed: 'no', reasons: [] } },
  },
} as unknown as NoteProfile;

/** A server that holds nothing yet and takes every create, keeping what it was sent. */
function fakeServer(): { readonly gateway: FhirGateway; readonly sent: FhirRequest[] } {
  const sent: FhirRequest[] = [];
  let id = 0;
  const gateway: FhirGateway = {
    baseUrl: 'https://ehr.example.org/fhir',
    request: (request: FhirRequest) => {
      sent.push(request);
      id += 1;
      const resource = request.body as fhir.FhirResource;
      return Promise.resolve({
        status: 201,
        body: { ...resource, id: String(id) } as never,
        location: `${resource.resourceType}/${String(id)}/_history/1`,
      });
    },
    read: () => Promise.reject(new Error('not read in this test')),
    search: () => Promise.resolve({ matches: [], included: [], complete: true }),
  };
  return { gateway, sent };
}

describe('the note filed in note mode', () => {
  test('prints the local time of the save in its PDF, not the UTC time', async () => {
    const { gateway, sent } = fakeServer();
    const outcome = await noteStrategy(gateway, PROFILE).save({ plan: samplePlan(), loaded: [], now: NOW });
    expect(outcome.kind).toBe('sent');
    const note = sent.map((r) => r.body as fhir.FhirResource).find((r) => r.resourceType === 'DocumentReference');
    expect(note).toBeDefined();
    const pdf = Buffer.from(planNotePdfOf(note as fhir.DocumentReference) ?? '', 'base64');
    const lines = (await pdfContent(pdf)).flatMap((page) => page.lines);
    const printed = lines.filter((line) => line.startsWith('Printed '));
    expect(printed.length).toBeGreaterThan(0);
    for (const line of printed) expect(line).toMatch(/^Printed 27 Nov 2026, 10:04\. /);
  });
});
