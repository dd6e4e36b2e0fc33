import { Type, type Static } from '@sinclair/typebox';
import { loadPage } from '../load-page.js';
import { createQueryBuilder } from '../query-builder.js';
import type { RegisterRoutes } from '../route-context.js';
import { toJsonRow } from '../row-json.js';
import { ERROR_RESPONSES, listQuery, Nullable, pageOf } from '../schemas.js';

const Match = Type.Object({
  reportId: Type.String(),
  blockId: Type.String(),
  resourceRef: Type.String(),
  dspResourceId: Nullable(Type.String()),
  isrc: Nullable(Type.String()),
  title: Nullable(Type.String()),
  artists: Nullable(Type.String()),
  workId: Nullable(Type.String()),
  method: Type.String(),
  score: Type.Integer({ description: '0..1000' }),
  status: Type.String(),
  evidence: Nullable(Type.Unknown()),
  codeVersion: Type.String(),
  runId: Type.String(),
});

const MatchQuery = listQuery(['score', 'reportId', 'title'], {
  reportId: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
  status: Type.Optional(Type.Union([Type.Literal('accepted'), Type.Literal('review'), Type.Literal('unidentified')])),
  method: Type.Optional(Type.String({ minLength: 1, maxLength: 32 })),
  workId: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
});
const ReviewQuery = listQuery(['score', 'reportId', 'title'], { reportId: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })) });

const SORT = { score: 'score', reportId: 'report_id', title: 'title' } as const;
const TIE = 'report_id, block_id, resource_ref';
const COLUMNS = `SELECT report_id, block_id, resource_ref, dsp_resource_id, isrc, title, artists, work_id, method, score, status,
  evidence::VARCHAR AS evidence, code_version, run_id FROM matches WHERE true`;

function toMatch(row: Record<string, unknown>): Record<string, unknown> {
  const json = toJsonRow(row);
  return { ...json, evidence: typeof row['evidence'] === 'string' ? (JSON.parse(row['evidence']) as unknown) : null };
}

/**
 * Identification results and the review queue (matches with status 'review'), read-only: review
 * decisions belong to the identification stage.
 */
export const registerIdentificationRoutes: RegisterRoutes = (app, { store }) => {
  app.get(
    '/matches',
    {
      schema: { tags: ['identification'], summary: 'Identification results (resource → work)', querystring: MatchQuery, response: { 200: pageOf(Match), ...ERROR_RESPONSES } },
      config: { allow: ['admin', 'operator'] },
    },
    async (request) => {
      const q = request.query as Static<typeof MatchQuery>;
      const b = createQueryBuilder(COLUMNS);
      if (q.reportId !== undefined) b.text(` AND report_id = ${b.bind(q.reportId)}`);
      if (q.status !== undefined) b.text(` AND status = ${b.bind(q.status)}`);
      if (q.method !== undefined) b.text(` AND method = ${b.bind(q.method)}`);
      if (q.workId !== undefined) b.text(` AND work_id = ${b.bind(q.workId)}`);
      return loadPage(store, b.build(), q, SORT, 'reportId', TIE, toMatch);
    },
  );

  app.get(
    '/review-queue',
    {
      schema: {
        tags: ['identification'],
        summary: 'Matches waiting for a human decision, best score first by default',
        querystring: ReviewQuery,
        response: { 200: pageOf(Match), ...ERROR_RESPONSES },
      },
      config: { allow: ['admin', 'operator'] },
    },
    async (request) => {
      const q = request.query as Static<typeof ReviewQuery>;
      const b = createQueryBuilder(`${COLUMNS} AND status = 'review'`);
      if (q.reportId !== undefined) b.text(` AND report_id = ${b.bind(q.reportId)}`);
      return loadPage(store, b.build(), { ...q, order: q.order ?? (q.sort === undefined ? 'desc' : 'asc') }, SORT, 'score', TIE, toMatch);
    },
  );
};
