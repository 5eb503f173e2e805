/**
 * Counts requests and sequential round trips, the units of DESIGN.md §7's budgets. Requests that overlap share a
 * round trip; a request that starts after another has finished is one round trip further. The count is the
 * longest such chain, so parallel independent chains are not added up. Used by the loader to report its cost,
 * by tests to check it from the outside (around `fetch`), and by the benchmark.
 */
export interface RequestCount {
  readonly requests: number;
  readonly roundTrips: number;
}

export class RoundTripCounter {
  #requests = 0;
  /** The longest chain among requests that have finished: the next request to start extends it by one. */
  #finishedDepth = 0;
  #maxDepth = 0;

  /** Runs one request; it finishes when `send` settles. */
  async track<T>(send: () => Promise<T>): Promise<T> {
    const depth = this.#finishedDepth + 1;
    this.#requests += 1;
    this.#maxDepth = Math.max(this.#maxDepth, depth);
    try {
      return await send();
    } finally {
      this.#finishedDepth = Math.max(this.#finishedDepth, depth);
    }
  }

  get count(): RequestCount {
    return { requests: this.#requests, roundTrips: this.#maxDepth };
  }

  /** Starts counting afresh, e.g. after the launch so that only the plan's own requests count. */
  reset(): void {
    this.#requests = 0;
    this.#finishedDepth = 0;
    this.#maxDepth = 0;
  }
}

/** A `fetch` that counts; a request finishes when its response headers arrive (or it fails). */
export function countingFetch(counter: RoundTripCounter, inner?: typeof fetch): typeof fetch {
  // Looked up at call time, so test interceptors installed later still see the requests.
  return (input, init) => counter.track(() => (inner ?? fetch)(input, init));
}
