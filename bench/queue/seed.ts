import type { DbClient } from "../../lib/db";

/**
 * Set-based seeding: posts, drafts and their AI revisions made by INSERT … SELECT generate_series,
 * so 100,000 drafts take seconds. Drafts spread over states like a working team's (60% in the
 * queue), across six languages, three media types and a range of note-request counts.
 */
const POST_ID_BASE = 2_000_000_000_000_000_000n;

export async function seedDrafts(db: DbClient, writerId: string, from: number, to: number): Promise<void> {
  await db.$executeRaw`
    INSERT INTO posts (id, text, author_username, author_name, posted_at, lang, media_type, note_request_count, content_hash)
    SELECT (${POST_ID_BASE}::numeric + g)::text,
           'Bench post ' || g || ': officials said the figure doubled since last year, sources confirm.',
           'author' || (g % 500), 'Author ' || (g % 500),
           now() - make_interval(mins => g % 100000),
           (ARRAY['en','es','fr','de','pt','ja'])[1 + g % 6],
           (ARRAY['none','photo','video'])[1 + g % 3],
           g % 4, 'bench-' || g
      FROM generate_series(${from}::int, ${to}::int) AS g`;
  await db.$executeRaw`
    INSERT INTO drafts (id, writer_id, post_id, test_mode, state, version, ai_decision, ready_at, created_at, updated_at)
    SELECT 'bench-d' || g, ${writerId}, (${POST_ID_BASE}::numeric + g)::text, true,
           (CASE WHEN g % 10 < 6 THEN 'ready' ELSE (ARRAY['rejected','submitted','no_note','approved'])[1 + g % 4] END)::"DraftState",
           1, 'write_note', now() - make_interval(secs => 200000 - g), now(), now()
      FROM generate_series(${from}::int, ${to}::int) AS g`;
  await db.$executeRaw`
    INSERT INTO revisions (id, draft_id, number, author_kind, text, classification, misleading_tags, trustworthy_sources, model)
    SELECT 'bench-r' || g, 'bench-d' || g, 1, 'ai',
           'The figure did not double: the agency''s own report shows a 4% rise. https://example.org/report/' || g,
           'misinformed_or_potentially_misleading', ARRAY['missing_important_context'], true, 'offline-drafter-v1'
      FROM generate_series(${from}::int, ${to}::int) AS g`;
  await db.$executeRaw`
    UPDATE drafts SET current_revision_id = 'bench-r' || substr(id, 8)
     WHERE id LIKE 'bench-d%' AND current_revision_id IS NULL`;
  // What autovacuum would have done by the time a real queue grew this big (visibility map, statistics).
  await db.$executeRaw`VACUUM ANALYZE posts, drafts, revisions`;
}

/**
 * Drafts ready to approve, one per post of the simulator's test feed: X (the simulator) only takes
 * notes on posts it offered. Returns their ids and versions.
 */
export async function seedSubmittableDrafts(db: DbClient, writerId: string, postIds: string[]): Promise<{ id: string; version: number }[]> {
  const drafts: { id: string; version: number }[] = [];
  for (const [index, postId] of postIds.entries()) {
    await db.post.create({ data: { id: postId, text: `Simulator post ${postId}`, contentHash: `sim-${postId}` } });
    const draft = await db.draft.create({
      data: { writerId, postId, testMode: true, state: "ready", readyAt: new Date(Date.UTC(2020, 0, 1, 0, 0, index)), aiDecision: "write_note" },
      select: { id: true, version: true },
    });
    const revision = await db.revision.create({
      data: {
        draftId: draft.id,
        number: 1,
        authorKind: "ai",
        // Passes every submit check: a sourced claim, a live https link (the simulator's web answers 200).
        text: `According to the official figures published by the agency, the rise was 4%, not 79%. https://stats.valmora.gov/reports/agency-${index}`,
        classification: "misinformed_or_potentially_misleading",
        misleadingTags: ["missing_important_context"],
        trustworthySources: true,
      },
      select: { id: true },
    });
    await db.draft.update({ where: { id: draft.id }, data: { currentRevisionId: revision.id } });
    drafts.push(draft);
  }
  return drafts;
}
