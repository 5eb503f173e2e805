/**
 * Runs tasks one at a time, in arrival order. The in-memory engine's transactions are a snapshot and a restore,
 * which is only all-or-nothing when no other request writes in between.
 */
export type SerialQueue = <T>(task: () => Promise<T>) => Promise<T>;

export function serialQueue(): SerialQueue {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(task: () => Promise<T>): Promise<T> => {
    const run = tail.then(task);
    tail = run.catch(() => undefined);
    return run;
  };
}
