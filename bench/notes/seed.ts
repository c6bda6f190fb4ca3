import { Prisma, type DbClient } from "../../lib/db";

/**
 * Set-based seeding of a writer with a long history: `notes` written notes over the last 180 days,
 * half in production, each with `snapshots` observed changes (a status or bucket moving every six
 * hours), and the first 30% sent from Notedesk (draft, AI revision, a reviewer's edit on a third of
 * them, an evaluate_note score on half, submission, approval event). INSERT … SELECT generate_series,
 * so 200,000 snapshots take seconds.
 */
const POST_BASE = 2_100_000_000_000_000_000n;
const NOTE_BASE = 2_200_000_000_000_000_000n;
const DAYS = 180;

const note = (g: Prisma.Sql) => Prisma.sql`(${NOTE_BASE}::numeric + ${g})::text`;
const post = (g: Prisma.Sql) => Prisma.sql`(${POST_BASE}::numeric + ${g})::text`;

/** The state of note g at its j-th observation: NMR at first, then statuses and buckets that keep moving. */
function stateAt(g: Prisma.Sql, j: Prisma.Sql) {
  return {
    status: Prisma.sql`CASE WHEN ${g} % 2 = 0 THEN NULL WHEN ${j} <= 4 THEN 'needs_more_ratings'
      ELSE (ARRAY['currently_rated_helpful','currently_rated_not_helpful','needs_more_ratings','insufficient_consensus','currently_rated_helpful'])[1 + (${g} + ${j}) % 5] END`,
    claimOpinion: Prisma.sql`CASE WHEN ${j} = 1 THEN 'unknown' ELSE (ARRAY['high','medium','low'])[1 + (${g} + ${j}) % 3] END`,
    urlValidity: Prisma.sql`CASE WHEN ${j} = 1 THEN 'unknown' WHEN (${g} + ${j}) % 10 = 0 THEN 'low' ELSE 'high' END`,
    harassmentAbuse: Prisma.sql`CASE WHEN ${j} = 1 THEN 'unknown' WHEN (${g} + ${j}) % 25 = 0 THEN 'medium' ELSE 'high' END`,
  };
}

export async function seedNotes(db: DbClient, options: { writerId: string; approverIds: string[]; notes: number; snapshots: number }): Promise<void> {
  const { writerId, notes, snapshots } = options;
  const sent = Math.floor(notes * 0.3);
  const g = Prisma.raw("g");
  const writtenAt = Prisma.sql`(now() AT TIME ZONE 'utc') - make_interval(secs => g * ${(DAYS * 86_400) / notes}::float8)`;
  const final = stateAt(g, Prisma.sql`${snapshots}`);

  await db.$executeRaw`
    INSERT INTO posts (id, text, author_username, lang, content_hash)
    SELECT ${post(g)}, 'Bench post ' || g || ': a figure that doubled, officials say.', 'author' || (g % 300), 'en', 'bench-' || g
      FROM generate_series(1, ${notes}::int) AS g`;

  await db.$executeRaw`
    INSERT INTO drafts (id, writer_id, post_id, test_mode, state, ai_decision, ready_at, created_at, updated_at)
    SELECT 'bn-d' || g, ${writerId}, ${post(g)}, g % 2 = 0, 'submitted', 'write_note', ${writtenAt}, ${writtenAt}, ${writtenAt}
      FROM generate_series(1, ${sent}::int) AS g`;
  await db.$executeRaw`
    INSERT INTO revisions (id, draft_id, number, author_kind, text, classification, misleading_tags, trustworthy_sources, checks, created_at)
    SELECT 'bn-r1-' || g, 'bn-d' || g, 1, 'ai', 'The agency''s report shows a 4% rise, not 40%. https://example.org/report/' || g,
           'misinformed_or_potentially_misleading', ARRAY['factual_error'], true,
           CASE WHEN g % 2 = 0 THEN jsonb_build_object('evaluateScore', ((g % 50) - 15) / 10.0) ELSE '{}' END,
           ${writtenAt} - interval '20 minutes'
      FROM generate_series(1, ${sent}::int) AS g`;
  await db.$executeRaw`
    INSERT INTO revisions (id, draft_id, number, author_kind, author_id, text, classification, misleading_tags, trustworthy_sources, created_at)
    SELECT 'bn-r2-' || g, 'bn-d' || g, 2, 'human', (${options.approverIds}::text[])[1 + g % ${options.approverIds.length}],
           'The agency''s own report shows a 4% rise this year, not 40%. https://example.org/report/' || g,
           'misinformed_or_potentially_misleading', ARRAY['factual_error'], true, ${writtenAt} - interval '5 minutes'
      FROM generate_series(1, ${sent}::int) AS g WHERE g % 3 = 0`;
  await db.$executeRaw`
    UPDATE drafts d SET current_revision_id = coalesce(
      (SELECT id FROM revisions WHERE draft_id = d.id AND number = 2), (SELECT id FROM revisions WHERE draft_id = d.id AND number = 1))
     WHERE id LIKE 'bn-d%'`;
  await db.$executeRaw`
    INSERT INTO submissions (id, draft_id, writer_id, post_id, test_mode, idempotency_key, request_body, payload_hash, state, attempts,
                             x_note_id, approved_by_id, created_at, updated_at, completed_at)
    SELECT 'bn-s' || g, d.id, ${writerId}, d.post_id, d.test_mode, 'bn-k' || g,
           jsonb_build_object('test_mode', d.test_mode, 'post_id', d.post_id, 'info', jsonb_build_object('text', r.text)),
           'h', 'succeeded', 1, ${note(g)}, (${options.approverIds}::text[])[1 + g % ${options.approverIds.length}],
           ${writtenAt}, ${writtenAt}, ${writtenAt}
      FROM generate_series(1, ${sent}::int) AS g
      JOIN drafts d ON d.id = 'bn-d' || g
      JOIN revisions r ON r.id = d.current_revision_id`;
  await db.$executeRaw`
    INSERT INTO audit_events (actor_id, action, subject_type, subject_id, at)
    SELECT approved_by_id, 'draft.approve', 'draft', draft_id, created_at FROM submissions WHERE id LIKE 'bn-s%'`;

  await db.$executeRaw`
    INSERT INTO written_notes (id, writer_id, post_id, test_mode, text, classification, misleading_tags, trustworthy_sources,
                               status, claim_opinion, url_validity, harassment_abuse, evaluator_results, submission_id,
                               first_seen_at, last_seen_at, last_changed_at)
    SELECT ${note(g)}, ${writerId}, ${post(g)}, g % 2 = 0,
           coalesce(s.request_body #>> '{info,text}', 'Note ' || g || ': the report shows 4%, not 40%. https://example.org/r/' || g),
           'misinformed_or_potentially_misleading', ARRAY['factual_error'], true,
           ${final.status}, ${final.claimOpinion}, ${final.urlValidity}, ${final.harassmentAbuse},
           jsonb_build_array(jsonb_build_object('evaluator_type', 'ClaimOpinion', 'evaluator_score_bucket', initcap(${final.claimOpinion}))),
           s.id, ${writtenAt}, now() AT TIME ZONE 'utc',
           least(now() AT TIME ZONE 'utc', ${writtenAt} + make_interval(hours => 6 * (${snapshots} - 1)))
      FROM generate_series(1, ${notes}::int) AS g
      LEFT JOIN submissions s ON s.id = 'bn-s' || g`;

  const j = Prisma.raw("j");
  const each = stateAt(g, j);
  await db.$executeRaw`
    INSERT INTO note_snapshots (note_id, observed_at, status, claim_opinion, url_validity, harassment_abuse, evaluator_results)
    SELECT ${note(g)}, least(now() AT TIME ZONE 'utc', ${writtenAt} + make_interval(hours => 6 * (j - 1))),
           ${each.status}, ${each.claimOpinion}, ${each.urlValidity}, ${each.harassmentAbuse},
           jsonb_build_array(jsonb_build_object('evaluator_type', 'ClaimOpinion', 'evaluator_score_bucket', initcap(${each.claimOpinion})))
      FROM generate_series(1, ${notes}::int) AS g CROSS JOIN generate_series(1, ${snapshots}::int) AS j
     ORDER BY g, j`;
  // What autovacuum would have done by the time a writer's history grew this long.
  await db.$executeRaw`VACUUM ANALYZE posts, drafts, revisions, submissions, audit_events, written_notes, note_snapshots`;
}
