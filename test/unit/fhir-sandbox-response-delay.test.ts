import { afterEach, describe, expect, test, vi } from 'vitest';
import type { SandboxRequest } from '../../src/sandbox/contracts.ts';
import type { FhirService } from '../../src/sandbox/fhir/fhir-service.ts';
import { withResponseDelay } from '../../src/sandbox/fhir-response-delay.ts';

const service: FhirService = {
  handle: () => Promise.resolve({ status: 200, body: '{}' }),
  listPatients: () => Promise.resolve([]),
  latestEncounter: () => Promise.resolve(undefined),
  readResource: () => Promise.resolve(undefined),
  close: () => Promise.resolve(),
};
const request: SandboxRequest = {
  method: 'GET',
  url: new URL('http://localhost/fhir/Goal'),
  headers: {},
  body: Buffer.alloc(0),
};

afterEach(() => {
  vi.useRealTimers();
});

describe('the sandbox response delay for benchmarks', () => {
  test('holds each answer for the delay, and answers in flight together are held together', async () => {
    vi.useFakeTimers();
    const delayed = withResponseDelay(service, 50);
    const answered: number[] = [];
    const both = [1, 2].map((n) => delayed.handle(request, undefined).then(() => answered.push(n)));

    await vi.advanceTimersByTimeAsync(49);
    expect(answered).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    await Promise.all(both);
    expect(answered).toEqual([1, 2]);
  });

  test('no delay leaves the service as it is', () => {
    expect(withResponseDelay(service, 0)).toBe(service);
  });
});
