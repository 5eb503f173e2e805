import { describe, expect, test } from 'vitest';
import { RoundTripCounter } from '../../src/fhir/round-trip-counter.ts';

/** A request that answers when the test says so. */
function pending(): { promise: Promise<void>; finish: () => void } {
  let finish = (): void => undefined;
  const promise = new Promise<void>((resolve) => {
    finish = resolve;
  });
  return { promise, finish };
}

describe('counting requests and sequential round trips', () => {
  test('requests in flight together share one round trip', async () => {
    const counter = new RoundTripCounter();
    await Promise.all([1, 2, 3].map(() => counter.track(() => Promise.resolve())));
    expect(counter.count).toEqual({ requests: 3, roundTrips: 1 });
  });

  test('a request that starts after another finished is a further round trip', async () => {
    const counter = new RoundTripCounter();
    await counter.track(() => Promise.resolve());
    await Promise.all([counter.track(() => Promise.resolve()), counter.track(() => Promise.resolve())]);
    await counter.track(() => Promise.resolve());
    expect(counter.count).toEqual({ requests: 4, roundTrips: 3 });
  });

  test('two chains running side by side count as the longer chain, not their sum', async () => {
    const counter = new RoundTripCounter();
    const chain = async (length: number): Promise<void> => {
      for (let i = 0; i < length; i += 1) {
        await counter.track(() => Promise.resolve());
      }
    };
    await Promise.all([chain(3), chain(2)]);
    expect(counter.count).toEqual({ requests: 5, roundTrips: 3 });
  });

  test('a request started while a slow one is still out does not depend on it', async () => {
    const counter = new RoundTripCounter();
    const slow = pending();
    const first = counter.track(() => slow.promise);
    await counter.track(() => Promise.resolve());
    await counter.track(() => Promise.resolve());
    slow.finish();
    await first;
    expect(counter.count).toEqual({ requests: 3, roundTrips: 2 });
  });

  test('a failed request still finishes its round trip, and reset starts afresh', async () => {
    const counter = new RoundTripCounter();
    await counter.track(() => Promise.reject(new Error('offline'))).catch(() => undefined);
    await counter.track(() => Promise.resolve());
    expect(counter.count).toEqual({ requests: 2, roundTrips: 2 });
    counter.reset();
    expect(counter.count).toEqual({ requests: 0, roundTrips: 0 });
  });
});
