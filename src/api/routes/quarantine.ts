import { Type, type Static } from '@sinclair/typebox';
import { loadPage } from '../load-page.js';
import { createQueryBuilder } from '../query-builder.js';
import type { RegisterRoutes } from '../route-context.js';
import { toJsonRow } from '../row-json.js';
import { ERROR_RESPONSES, listQuery, Nullable, pageOf } from '../schemas.js';

const QuarantinedLine = Type.Object({
  fileId: Type.String({ description: 'SHA-256 of the input file' }),
  path: Type.String(),
  lineNo: Type.String({ pattern: '^[0-9]+$' }),
  recordType: Nullable(Type.String()),
  code: Type.String(),
  reason: Type.String(),
  raw: Nullable(Type.String()),
  runId: Type.String(),
});

const QuarantineQuery = listQuery(['path', 'code', 'lineNo'], {
  fileId: Type.Optional(Type.String({ minLength: 1, maxLength: 128 })),
  code: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
  path: Type.Optional(Type.String({ minLength: 1, maxLength: 400, description: 'contained in the file path' })),
});

const SORT = { path: 'path', code: 'code', lineNo: 'line_no' } as const;

/**
 * `GET /quarantine`: the input lines set aside with their file, line, code and reason (read-only;
 * staff only, since raw lines may carry any member's data).
 */
export const registerQuarantineRoutes: RegisterRoutes = (app, { store }) => {
  app.get(
    '/quarantine',
    {
      schema: { tags: ['ingest'], summary: 'Quarantined input lines (file, line, code, reason)', querystring: QuarantineQuery, response: { 200: pageOf(QuarantinedLine), ...ERROR_RESPONSES } },
      config: { allow: ['admin', 'operator'] },
    },
    async (request) => {
      const q = request.query as Static<typeof QuarantineQuery>;
      const b = createQueryBuilder('SELECT file_id, path, line_no, record_type, code, reason, raw, run_id FROM quarantine WHERE true');
      if (q.fileId !== undefined) b.text(` AND file_id = ${b.bind(q.fileId)}`);
      if (q.code !== undefined) b.text(` AND code = ${b.bind(q.code)}`);
      if (q.path !== undefined) b.text(` AND contains(path, ${b.bind(q.path)})`);
      return loadPage(store, b.build(), q, SORT, 'path', 'path, line_no, code, reason', toJsonRow);
    },
  );
};
