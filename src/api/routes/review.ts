import { Type, type Static } from '@sinclair/typebox';
import { decideReview, listReviewItems, showReviewItem } from '../../matching/index.js';
import type { RegisterRoutes } from '../route-context.js';
import { toJsonRow } from '../row-json.js';
import { ERROR_RESPONSES, Nullable } from '../schemas.js';

const ReviewItem = Type.Object(
  {
    reviewId: Type.String(),
    reportId: Type.String(),
    title: Nullable(Type.String()),
    proposedWorkId: Nullable(Type.String()),
    method: Type.String(),
    score: Type.Integer({ description: '0..1000' }),
    reason: Type.String(),
    status: Type.String(),
  },
  { additionalProperties: true },
);
const Decision = Type.Object(
  { decisionId: Type.String(), decision: Type.String(), workId: Nullable(Type.String()), who: Type.String(), why: Nullable(Type.String()), decidedAt: Type.String() },
  { additionalProperties: true },
);
const ReviewDetail = Type.Composite([
  ReviewItem,
  Type.Object({ evidence: Type.Unknown(), candidates: Type.Array(Type.Object({ workId: Type.String(), title: Type.String(), iswc: Nullable(Type.String()) })), decisions: Type.Array(Decision) }),
]);
const ReviewParams = Type.Object({ reviewId: Type.String({ pattern: '^rev-[0-9]+$' }) });
const DecisionBody = Type.Object(
  {
    decision: Type.Union([Type.Literal('accept'), Type.Literal('reject'), Type.Literal('reassign')]),
    workId: Type.Optional(Type.String({ minLength: 1, maxLength: 64, description: 'the right work, for reassign' })),
    why: Type.Optional(Type.String({ maxLength: 1000 })),
  },
  { additionalProperties: false },
);

/**
 * Review items and decisions through the identification engine's own functions (the same as
 * `tutti review`): decisions are kept with who (the calling user), when and why, and audited.
 */
export const registerReviewRoutes: RegisterRoutes = (app, { store, now, audit }) => {
  app.get(
    '/review-items',
    {
      schema: {
        tags: ['identification'],
        summary: 'Review items (open by default)',
        querystring: Type.Object(
          { status: Type.Union([Type.Literal('open'), Type.Literal('decided'), Type.Literal('closed'), Type.Literal('all')], { default: 'open' }), limit: Type.Integer({ minimum: 1, maximum: 1000, default: 100 }) },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ items: Type.Array(ReviewItem) }), ...ERROR_RESPONSES },
      },
      config: { allow: ['admin', 'operator'] },
    },
    async (request) => {
      const q = request.query as { status: string; limit: number };
      return { items: (await listReviewItems(store, { status: q.status, limit: q.limit })).map((i) => toJsonRow({ ...i })) };
    },
  );

  app.get(
    '/review-items/:reviewId',
    {
      schema: { tags: ['identification'], summary: 'One review item with evidence, candidates and past decisions', params: ReviewParams, response: { 200: ReviewDetail, ...ERROR_RESPONSES } },
      config: { allow: ['admin', 'operator'] },
    },
    async (request) => {
      const { reviewId } = request.params as Static<typeof ReviewParams>;
      const detail = await showReviewItem(store, reviewId);
      return {
        ...toJsonRow({ ...detail, candidates: undefined, decisions: undefined, evidence: undefined }),
        evidence: detail.evidence ?? null,
        candidates: detail.candidates.map((c) => toJsonRow({ ...c })),
        decisions: detail.decisions.map((d) => toJsonRow({ ...d })),
      };
    },
  );

  app.post(
    '/review-items/:reviewId/decision',
    {
      schema: { tags: ['identification'], summary: 'Accept, reject or reassign (audited)', params: ReviewParams, body: DecisionBody, response: { 200: Decision, 409: Type.Ref('Problem'), ...ERROR_RESPONSES } },
      config: { allow: ['admin', 'operator'] },
    },
    async (request) => {
      const { reviewId } = request.params as Static<typeof ReviewParams>;
      const body = request.body as Static<typeof DecisionBody>;
      const decision = await decideReview(store, {
        reviewId,
        decision: body.decision,
        ...(body.workId !== undefined ? { workId: body.workId } : {}),
        ...(body.why !== undefined ? { why: body.why } : {}),
        who: request.principal.userId,
        now: now(),
      });
      await audit(request, 'decide', `review-items/${reviewId}`, { decision: decision.decision, workId: decision.work_id });
      return toJsonRow({ ...decision });
    },
  );
};
