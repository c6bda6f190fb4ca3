import { describe, expect, it } from "vitest";

import { createSemaphore } from "./semaphore";

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe("createSemaphore", () => {
  it("never lets more than `limit` tasks run, and runs them all", async () => {
    const semaphore = createSemaphore(3);
    let running = 0;
    let most = 0;
    const done: number[] = [];
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        semaphore.run(async () => {
          running += 1;
          most = Math.max(most, running);
          for (let k = 0; k < (i % 4) + 1; k++) await tick();
          running -= 1;
          done.push(i);
        }),
      ),
    );
    expect(most).toBe(3);
    expect(done.sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i));
  });

  it("hands slots out in the order they were asked for", async () => {
    const semaphore = createSemaphore(1);
    const first = await semaphore.acquire();
    const order: string[] = [];
    const second = semaphore.acquire().then((release) => (order.push("second"), release));
    const third = semaphore.acquire().then((release) => (order.push("third"), release));
    await tick();
    expect(order).toEqual([]);
    first();
    (await second)();
    (await third)();
    expect(order).toEqual(["second", "third"]);
  });

  it("frees a slot once even when released twice, and after a task throws", async () => {
    const semaphore = createSemaphore(1);
    const release = await semaphore.acquire();
    release();
    release();
    await expect(semaphore.run(() => Promise.reject(new Error("boom")))).rejects.toThrow("boom");
    const again = await semaphore.acquire();
    let thirdGotIn = false;
    void semaphore.acquire().then(() => (thirdGotIn = true));
    await tick();
    expect(thirdGotIn).toBe(false);
    again();
  });

  it("rejects a limit below 1", () => {
    expect(() => createSemaphore(0)).toThrow(RangeError);
  });
});
