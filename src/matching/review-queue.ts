import { TuttiError } from '../domain/index.js';
import { quoteLiteral, sql, type Store } from '../warehouse/index.js';
import { recordLinks } from './link-registry.js';

export interface ReviewItem {
  readonly review_id: string;
  readonly report_id: string;
  readonly dsp_resource_id: string | null;
  readonly isrc: string | null;
  readonly title: string | null;
  readonly artists: string | null;
  readonly proposed_work_id: string | null;
  readonly method: string;
  readonly score: number;
  readonly reason: string;
  readonly status: string;
}

export interface ReviewDetail extends ReviewItem {
  readonly evidence: unknown;
  readonly memory_key: string;
  /** The proposed work and the other candidates, with their titles and ISWCs. */
  readonly candidates: readonly { work_id: string; title: string; iswc: string | null }[];
  readonly decisions: readonly ReviewDecision[];
}

export interface ReviewDecision {
  readonly decision_id: string;
  readonly decision: 'accept' | 'reject' | 'reassign';
  readonly work_id: string | null;
  readonly rejected_work_id: string | null;
  readonly who: string;
  readonly why: string | null;
  readonly decided_at: Date;
}

const ITEM_COLUMNS = `review_id, report_id, dsp_resource_id, isrc, title, artists, proposed_work_id, method, score, reason, status`;

/** Review items, oldest first; `status` 'open' by default ('all' for every item). */
export async function listReviewItems(
  store: Store,
  filter: { status?: string; limit?: number } = {},
): Promise<ReviewItem[]> {
  return store.all<ReviewItem>({
    text: `SELECT ${ITEM_COLUMNS} FROM review_items WHERE ($1 = 'all' OR status = $1)
      ORDER BY CAST(substr(review_id, 5) AS INTEGER) LIMIT $2`,
    values: [filter.status ?? 'open', filter.limit ?? 100],
  });
}

/** One item with its evidence, candidate works and past decisions; NOT_FOUND if there is none. */
export async function showReviewItem(store: Store, reviewId: string): Promise<ReviewDetail> {
  const item = await store.one<ReviewItem & { evidence: string | null; memory_key: string }>({
    text: `SELECT ${ITEM_COLUMNS}, CAST(evidence AS VARCHAR) AS evidence, memory_key FROM review_items WHERE review_id = $1`,
    values: [reviewId],
  });
  if (item === undefined) {
    throw new TuttiError('NOT_FOUND', `no review item ${reviewId}: list them with "tutti review list"`, {
      value: reviewId,
    });
  }
  const evidence: unknown = item.evidence === null ? null : JSON.parse(item.evidence);
  const ids = new Set<string>();
  if (item.proposed_work_id !== null) ids.add(item.proposed_work_id);
  const listed = (evidence as { candidates?: unknown } | null)?.candidates;
  if (Array.isArray(listed)) {
    for (const c of listed) {
      if (typeof c === 'string') ids.add(c);
      else if (
        c !== null &&
        typeof c === 'object' &&
        typeof (c as { work_id?: unknown }).work_id === 'string'
      )
        ids.add((c as { work_id: string }).work_id);
    }
  }
  // An ISRC that disagrees with the title: the title's own best candidate is shown too.
  const metadata = (evidence as { metadata?: { work_id?: unknown } } | null)?.metadata?.work_id;
  if (typeof metadata === 'string') ids.add(metadata);
  const candidates = [];
  for (const id of ids) {
    const w = await store.one<{ work_id: string; title: string; iswc: string | null }>(
      sql`SELECT work_id, title, iswc FROM works WHERE work_id = ${id}`,
    );
    if (w !== undefined) candidates.push(w);
  }
  const decisions =
    await store.all<ReviewDecision>(sql`SELECT decision_id, decision, work_id, rejected_work_id, who, why, decided_at
    FROM review_decisions WHERE memory_key = ${item.memory_key} ORDER BY seq`);
  return { ...item, evidence, candidates, decisions };
}

export interface DecideReviewInput {
  readonly reviewId: string;
  readonly decision: 'accept' | 'reject' | 'reassign';
  /** Required for 'reassign': the right work. */
  readonly workId?: string;
  readonly who: string;
  readonly why?: string;
  readonly now: Date;
}

/**
 * Stores a human decision (who, when, why) on a review item. Accept takes the proposed work,
 * reassign names another, reject turns the proposal down. Accept and reassign add a 'decision'
 * ISRC → work link when the resource has an ISRC. The decision memory reuses the decision on the
 * next `identify` of any report carrying the same service resource.
 */
export async function decideReview(store: Store, input: DecideReviewInput): Promise<ReviewDecision> {
  const item = await showReviewItem(store, input.reviewId);
  let workId: string | null;
  if (input.decision === 'accept') {
    if (item.proposed_work_id === null) {
      throw new TuttiError(
        'USAGE',
        `${input.reviewId} proposes no work: use "tutti review reassign ${input.reviewId} WORK_ID"`,
      );
    }
    workId = item.proposed_work_id;
  } else if (input.decision === 'reassign') {
    if (input.workId === undefined)
      throw new TuttiError('USAGE', 'reassign needs the work id of the right work');
    const w = await store.one(sql`SELECT work_id FROM works WHERE work_id = ${input.workId}`);
    if (w === undefined)
      throw new TuttiError('NOT_FOUND', `no work ${input.workId} in the repertoire`, { value: input.workId });
    workId = input.workId;
  } else {
    workId = null;
  }
  const rejected = input.decision === 'accept' ? null : item.proposed_work_id;
  return store.transaction(async () => {
    const next = await store.one<{ n: number }>(
      'SELECT CAST(coalesce(max(seq), 0) + 1 AS INTEGER) AS n FROM review_decisions',
    );
    const seq = next?.n ?? 1;
    const decisionId = `dec-${seq}`;
    const at = input.now.toISOString();
    await store.run(sql`INSERT INTO review_decisions VALUES (${decisionId}, ${seq}, ${item.review_id}, ${item.memory_key}, ${input.decision},
      ${workId}, ${rejected}, ${input.who}, ${input.why ?? null}, ${at}::TIMESTAMP)`);
    await store.run(sql`UPDATE review_items SET status = 'decided' WHERE review_id = ${item.review_id}`);
    if (workId !== null && item.isrc !== null) {
      await store.run(
        sql`CREATE OR REPLACE TEMP TABLE rq_link AS SELECT ${item.isrc} AS isrc, work_id, iswc FROM works WHERE work_id = ${workId}`,
      );
      await recordLinks(
        store,
        `SELECT isrc, work_id, iswc, 'decision' AS source, ${quoteLiteral(decisionId)} AS source_ref, 100 AS confidence FROM rq_link`,
        input.now,
      );
      await store.run('DROP TABLE IF EXISTS rq_link');
    }
    return {
      decision_id: decisionId,
      decision: input.decision,
      work_id: workId,
      rejected_work_id: rejected,
      who: input.who,
      why: input.why ?? null,
      decided_at: input.now,
    };
  });
}
