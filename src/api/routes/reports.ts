import { Type, type Static } from '@sinclair/typebox';
import { TuttiError } from '../../domain/index.js';
import { sql } from '../../warehouse/index.js';
import { loadPage } from '../load-page.js';
import { seesEverything } from '../principal.js';
import { createQueryBuilder } from '../query-builder.js';
import type { RegisterRoutes } from '../route-context.js';
import { toJsonRow } from '../row-json.js';
import { ERROR_RESPONSES, listQuery, Nullable, pageOf } from '../schemas.js';
import { scopeReports } from '../scope.js';

const Report = Type.Object({
  reportId: Type.String(),
  messageId: Type.String(),
  sender: Type.String(),
  senderName: Nullable(Type.String()),
  service: Type.String(),
  territory: Type.String(),
  periodStart: Type.String({ format: 'date' }),
  periodEnd: Type.String({ format: 'date' }),
  profile: Type.String(),
  profileVersion: Type.String(),
  partsExpected: Type.Integer(),
  partsReceived: Type.Integer(),
  status: Type.String(),
  runId: Type.String(),
});

const ReportDetail = Type.Composite([
  Report,
  Type.Object({
    usageLines: Type.String({ pattern: '^[0-9]+$' }),
    resources: Type.String({ pattern: '^[0-9]+$' }),
    matches: Type.Record(Type.String(), Type.String({ pattern: '^[0-9]+$' }), { description: 'identified resources by match status' }),
  }),
]);

const ReportQuery = listQuery(['periodStart', 'reportId', 'sender', 'service'], {
  sender: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
  service: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
  territory: Type.Optional(Type.String({ minLength: 2, maxLength: 16 })),
  status: Type.Optional(Type.Union([Type.Literal('waiting-parts'), Type.Literal('complete')])),
});

const COLUMNS = `SELECT report_id, message_id, sender, sender_name, service, territory, period_start::VARCHAR AS period_start,
  period_end::VARCHAR AS period_end, profile, profile_version, parts_expected, parts_received, status, run_id FROM reports WHERE true`;

/** Usage reports and their status; a service sees only the reports it sent. */
export const registerReportRoutes: RegisterRoutes = (app, { store }) => {
  app.get(
    '/reports',
    {
      schema: { tags: ['usage'], summary: 'Usage reports (DSR) and their status', querystring: ReportQuery, response: { 200: pageOf(Report), ...ERROR_RESPONSES } },
      config: { allow: ['admin', 'operator', 'service'] },
    },
    async (request) => {
      const q = request.query as Static<typeof ReportQuery>;
      const b = createQueryBuilder(COLUMNS);
      if (q.sender !== undefined) b.text(` AND sender = ${b.bind(q.sender)}`);
      if (q.service !== undefined) b.text(` AND service = ${b.bind(q.service)}`);
      if (q.territory !== undefined) b.text(` AND territory = ${b.bind(q.territory)}`);
      if (q.status !== undefined) b.text(` AND status = ${b.bind(q.status)}`);
      scopeReports(b, request.principal, 'sender');
      return loadPage(store, b.build(), q, { periodStart: 'period_start', reportId: 'report_id', sender: 'sender', service: 'service' }, 'periodStart', 'report_id', toJsonRow);
    },
  );

  app.get(
    '/reports/:reportId',
    {
      schema: {
        tags: ['usage'],
        summary: 'One report with its line, resource and identification counts',
        params: Type.Object({ reportId: Type.String({ minLength: 1, maxLength: 200 }) }),
        response: { 200: ReportDetail, ...ERROR_RESPONSES },
      },
      config: { allow: ['admin', 'operator', 'service'] },
    },
    async (request) => {
      const { reportId } = request.params as { reportId: string };
      const b = createQueryBuilder(COLUMNS);
      b.text(` AND report_id = ${b.bind(reportId)}`);
      scopeReports(b, request.principal, 'sender');
      const row = await store.one<Record<string, unknown>>(b.build());
      if (!row) {
        const exists = await store.one(sql`SELECT 1 FROM reports WHERE report_id = ${reportId}`);
        if (exists && !seesEverything(request.principal)) throw new TuttiError('FORBIDDEN', `report ${reportId} was not sent by ${request.principal.name}`);
        throw new TuttiError('NOT_FOUND', `no report ${reportId}: list them with GET /reports`);
      }
      const [lines, resources, matches] = await Promise.all([
        store.one<{ n: bigint }>(sql`SELECT count(*) AS n FROM usage_lines WHERE report_id = ${reportId}`),
        store.one<{ n: bigint }>(sql`SELECT count(*) AS n FROM report_resources WHERE report_id = ${reportId}`),
        store.all<{ status: string; n: bigint }>(sql`SELECT status, count(*) AS n FROM matches WHERE report_id = ${reportId} GROUP BY status ORDER BY status`),
      ]);
      return {
        ...toJsonRow(row),
        usageLines: String(lines?.n ?? 0n),
        resources: String(resources?.n ?? 0n),
        matches: Object.fromEntries(matches.map((m) => [m.status, String(m.n)])),
      };
    },
  );
};
