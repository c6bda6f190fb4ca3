import type { DbClient } from "../../lib/db";

const POST_BASE = 2_300_000_000_000_000_000n;

/**
 * Drafts ready to approve, spread over `writers` writers so no writer's daily create budget (250)
 * runs out during the run. The first `feedPostIds` get posts the simulator offers (X creates those
 * notes); the rest are on posts outside its feed, which X refuses as not eligible — the same full
 * approve → freeze → gates → send → record path, answered with a refusal. Returns ids in order.
 */
export async function seedApprovableDrafts(db: DbClient, options: { count: number; writers: number; feedPostIds: string[] }): Promise<string[]> {
  const writerIds: string[] = [];
  for (let w = 0; w < options.writers; w++) writerIds.push((await db.writer.create({ data: { name: `load writer ${w}`, testMode: true }, select: { id: true } })).id);
  await db.$executeRaw`
    INSERT INTO posts (id, text, author_username, lang, content_hash)
    SELECT coalesce((${options.feedPostIds}::text[])[g], (${POST_BASE}::numeric + g)::text),
           'Load post ' || g || ': the figure doubled, officials say.', 'author' || (g % 100), 'en', 'load-' || g
      FROM generate_series(1, ${options.count}::int) AS g
    ON CONFLICT (id) DO NOTHING`;
  await db.$executeRaw`
    INSERT INTO drafts (id, writer_id, post_id, test_mode, state, version, ai_decision, ready_at, created_at, updated_at)
    SELECT 'load-d' || g, (${writerIds}::text[])[1 + (g - 1) % ${options.writers}],
           coalesce((${options.feedPostIds}::text[])[g], (${POST_BASE}::numeric + g)::text), true, 'ready', 1, 'write_note',
           now() - interval '30 days' + make_interval(secs => g), now(), now()
      FROM generate_series(1, ${options.count}::int) AS g`;
  await db.$executeRaw`
    INSERT INTO revisions (id, draft_id, number, author_kind, text, classification, misleading_tags, trustworthy_sources, model)
    SELECT 'load-r' || g, 'load-d' || g, 1, 'ai',
           'The official report published by the health board shows a 12% rise, not 48%. https://stats.valmora.gov/reports/2025/annual-summary',
           'misinformed_or_potentially_misleading', ARRAY['factual_error'], true, 'offline-drafter-v1'
      FROM generate_series(1, ${options.count}::int) AS g`;
  await db.$executeRaw`UPDATE drafts SET current_revision_id = 'load-r' || substr(id, 7) WHERE id LIKE 'load-d%'`;
  await db.$executeRaw`VACUUM ANALYZE posts, drafts, revisions`;
  return Array.from({ length: options.count }, (_, i) => `load-d${i + 1}`);
}
