/**
 * Lets at most `limit` tasks run at once; the others wait in arrival order. The drafting run
 * acquires a slot before it even starts a post, so claimed-but-waiting drafts stay few.
 */
export type Semaphore = {
  /** Resolves with a release function once a slot is free; calling release twice frees one slot. */
  acquire(): Promise<() => void>;
  run<T>(task: () => Promise<T>): Promise<T>;
};

export function createSemaphore(limit: number): Semaphore {
  if (!Number.isInteger(limit) || limit < 1) throw new RangeError(`A semaphore needs a limit of 1 or more, not ${limit}`);
  let active = 0;
  const waiting: (() => void)[] = [];

  const releaser = () => {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = waiting.shift();
      // The slot passes straight to the next waiter, so a newcomer cannot overtake it.
      if (next) next();
      else active -= 1;
    };
  };

  const acquire = (): Promise<() => void> => {
    if (active < limit) {
      active += 1;
      return Promise.resolve(releaser());
    }
    return new Promise((resolve) => waiting.push(() => resolve(releaser())));
  };

  return {
    acquire,
    async run(task) {
      const release = await acquire();
      try {
        return await task();
      } finally {
        release();
      }
    },
  };
}
