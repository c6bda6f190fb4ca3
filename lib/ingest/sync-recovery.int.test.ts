import { expect, it } from "vitest";

import { syncEligiblePosts, type EligibleFeed } from "./sync";
import { simulatorFeed, syncTestbed } from "./testing";

/**
 * Regression (issue #7, crash recovery): a pull that failed or died after its first pages left the
 * older posts unread, and the next pull stopped at its first page ("only posts we already have"), so
 * those posts were never pulled. After a broken run the next one reads the whole feed.
 */
const bed = await syncTestbed();
const { t, sim } = bed;

/** The simulator's feed, breaking after `pages` pages the way X's 503s or a lost connection would. */
function breaksAfter(pages: number): EligibleFeed {
  return async function* (query) {
    let served = 0;
    for await (const page of simulatorFeed(sim)(query)) {
      if (served === pages) throw new Error("X answered 503 three times");
      served += 1;
      yield page;
    }
  };
}

const feedSize = () => sim.control.posts(true).length;
const held = () => t.db.eligibility.count({ where: { writerId: bed.writer.id } });

it("after a pull that failed midway, the next pull reads past the pages it already has", async () => {
  const broken = await syncEligiblePosts(t.db, breaksAfter(2), { writer: bed.writer, pageSize: 20 });
  expect(broken.state).toBe("failed");
  expect(await held()).toBe(40);

  const next = await syncEligiblePosts(t.db, simulatorFeed(sim), { writer: bed.writer, pageSize: 20 });
  expect(next.state).toBe("succeeded");
  expect(await held()).toBe(feedSize());
  expect(next.counts.new).toBe(feedSize() - 40);

  // Once a pull got through, the usual rule is back: stop at the first page of known posts.
  const after = await syncEligiblePosts(t.db, simulatorFeed(sim), { writer: bed.writer, pageSize: 20 });
  expect(after.pages).toBe(1);
});

it("after a pull whose process died (its run taken over as failed), the next pull fills the gap", async () => {
  await syncEligiblePosts(t.db, breaksAfter(2), { writer: bed.writer, pageSize: 20 });
  // Make the broken run look like a process that died mid-run: still "running", heartbeat long stale.
  await t.db.$executeRaw`UPDATE job_runs SET state = 'running', finished_at = NULL, heartbeat_at = now() - interval '1 hour'`;

  const next = await syncEligiblePosts(t.db, simulatorFeed(sim), { writer: bed.writer, pageSize: 20 });
  expect(next.state).toBe("succeeded");
  expect(await held()).toBe(feedSize());
  expect(await t.db.jobRun.count({ where: { state: "failed" } })).toBe(1);
});
