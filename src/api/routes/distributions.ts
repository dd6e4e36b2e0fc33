import { Readable } from 'node:stream';
import { Type, type Static } from '@sinclair/typebox';
import { TuttiError } from '../../domain/index.js';
import { sql } from '../../warehouse/index.js';
import { loadPage, readCsvPages, type Page } from '../load-page.js';
import type { Principal } from '../principal.js';
import { createQueryBuilder } from '../query-builder.js';
import type { RegisterRoutes } from '../route-context.js';
import { toJsonRow } from '../row-json.js';
import { ERROR_RESPONSES, listQuery, MicrosSchema, Nullable, pageOf } from '../schemas.js';
import { scopeStatements } from '../scope.js';
import { ensureStatementViews, readStatementPage, readStatementTotals, STATEMENT_LINE_COLUMNS, STATEMENT_ORDER, statementAudience } from '../statement-views.js';
import { requireTables } from '../table-presence.js';

const Distribution = Type.Object(
  {
    distributionId: Type.String(),
    period: Type.String(),
    status: Type.String(),
    collected: MicrosSchema,
    paid: MicrosSchema,
    remitted: MicrosSchema,
    commission: MicrosSchema,
    deductions: MicrosSchema,
    held: MicrosSchema,
    runId: Type.String(),
    createdAt: Type.String(),
  },
  { additionalProperties: true },
);

const Totals = { lines: Type.String({ pattern: '^[0-9]+$' }), gross: MicrosSchema, commission: MicrosSchema, deductions: MicrosSchema, net: MicrosSchema };
const Statement = Type.Object({ distributionId: Type.String(), partyId: Nullable(Type.String()), partyName: Nullable(Type.String()), payee: Nullable(Type.String()), ...Totals });

const STATEMENT_COLUMNS = STATEMENT_LINE_COLUMNS;
const STATEMENT_SELECT = `SELECT ${STATEMENT_COLUMNS.map((c) => (c.startsWith('period_') ? `${c}::VARCHAR AS ${c}` : c)).join(', ')} FROM statement_lines WHERE true`;
const LINE_SORT = { workId: 'work_id', net: 'net', gross: 'gross' } as const;

const text = Nullable(Type.String());
const StatementLine = Type.Object({
  distributionId: Type.String(), partyId: text, partyName: text, ipiNameNumber: text, workId: text, iswc: text, workTitle: text, role: text,
  share: Nullable(Type.Integer({ description: 'hundredths of a percent' })), rightType: text, service: text, territory: text,
  periodStart: text, periodEnd: text, usages: Nullable(Type.String({ pattern: '^-?[0-9]+$' })), gross: MicrosSchema, commission: MicrosSchema,
  deductions: MicrosSchema, net: MicrosSchema, lineKind: Type.String(), payeeKind: Type.String(), payee: text, claimId: text, invoiceId: text,
});

const StatementQuery = listQuery(['distributionId', 'net', 'partyId'], {
  distributionId: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
  partyId: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
});
const LineQuery = listQuery(['workId', 'net', 'gross'], {});
const StatementParams = Type.Object({ distributionId: Type.String({ minLength: 1, maxLength: 100 }), partyId: Type.String({ minLength: 1, maxLength: 100 }) });

/** Refuses a narrow role another party's statement with 403 (a member can't read another member's). */
function assertOwnStatement(p: Principal, partyId: string): void {
  if (p.role === 'admin' || p.role === 'operator') return;
  const own = p.role === 'member' ? p.partyId : p.role === 'partner' ? p.society : null;
  if (own !== partyId) throw new TuttiError('FORBIDDEN', `${p.role} ${p.name} may read only its own statements, not those of ${partyId}`);
}

/** The condition selecting one party's statement: its member lines, or what was remitted to a partner. */
function statementOf(p: Principal, b: ReturnType<typeof createQueryBuilder>, distributionId: string, partyId: string): void {
  b.text(` AND distribution_id = ${b.bind(distributionId)}`);
  const party = b.bind(partyId);
  b.text(p.role === 'partner' ? ` AND payee = ${party}` : ` AND (party_id = ${party} OR (payee = ${party} AND payee_kind <> 'member'))`);
  scopeStatements(b, p, 'party_id', 'payee');
}

/**
 * Distribution runs and statements (money: every read is audited). Members read their own
 * statements, partner societies the remittances to them; operators everything.
 */
export const registerDistributionRoutes: RegisterRoutes = (app, { store, audit }) => {
  app.get(
    '/distributions',
    {
      schema: {
        tags: ['distribution'],
        summary: 'Distribution runs with their money totals (audited)',
        querystring: listQuery(['createdAt', 'period'], {}),
        response: { 200: pageOf(Distribution), ...ERROR_RESPONSES },
      },
      config: { allow: ['admin', 'operator'] },
    },
    async (request) => {
      await requireTables(store, ['distributions'], 'distribution');
      const q = request.query as Static<typeof LineQuery>;
      const page = await loadPage(store, sql`SELECT * EXCLUDE (distribution_date), distribution_date::VARCHAR AS distribution_date FROM distributions WHERE true`, q, { createdAt: 'created_at', period: 'period' }, 'createdAt', 'distribution_id', toJsonRow);
      await audit(request, 'read', 'distributions', { returned: page.items.length });
      return page;
    },
  );

  app.get(
    '/statements',
    {
      schema: {
        tags: ['distribution'],
        summary: 'Statement totals per distribution and party; members and partners see their own (audited)',
        querystring: StatementQuery,
        response: { 200: pageOf(Statement), ...ERROR_RESPONSES },
      },
      config: { allow: ['admin', 'operator', 'member', 'partner'] },
    },
    async (request) => {
      await requireTables(store, ['statement_lines'], 'distribution');
      const q = request.query as Static<typeof StatementQuery>;
      const p = request.principal;
      // A partner's statement is what was remitted to it, grouped by payee; everyone else's by party.
      const key = p.role === 'partner' ? 'payee' : 'party_id';
      const b = createQueryBuilder(`SELECT distribution_id, ${key === 'payee' ? 'NULL::VARCHAR AS party_id, NULL::VARCHAR AS party_name, payee' : 'party_id, any_value(party_name) AS party_name, NULL::VARCHAR AS payee'},
        count(*) AS lines, sum(gross) AS gross, sum(commission) AS commission, sum(deductions) AS deductions, sum(net) AS net FROM statement_lines WHERE true`);
      if (q.distributionId !== undefined) b.text(` AND distribution_id = ${b.bind(q.distributionId)}`);
      if (q.partyId !== undefined) b.text(` AND ${key} = ${b.bind(q.partyId)}`);
      scopeStatements(b, p, 'party_id', 'payee');
      b.text(` GROUP BY distribution_id, ${key}`);
      const page = await loadPage(store, b.build(), q, { distributionId: 'distribution_id', net: 'net', partyId: key }, 'distributionId', key, toJsonRow);
      await audit(request, 'read', 'statements', { filters: { distributionId: q.distributionId ?? null, partyId: q.partyId ?? null }, returned: page.items.length });
      return page;
    },
  );

  app.get(
    '/distributions/:distributionId/statements/:partyId',
    {
      schema: {
        tags: ['distribution'],
        summary: 'One statement: totals and a page of its lines (audited)',
        params: StatementParams,
        querystring: LineQuery,
        response: { 200: Type.Object({ distributionId: Type.String(), partyId: Type.String(), ...Totals, page: pageOf(StatementLine) }), ...ERROR_RESPONSES },
      },
      config: { allow: ['admin', 'operator', 'member', 'partner'] },
    },
    async (request) => {
      await requireTables(store, ['statement_lines'], 'distribution');
      const { distributionId, partyId } = request.params as Static<typeof StatementParams>;
      assertOwnStatement(request.principal, partyId);
      const q = request.query as Static<typeof LineQuery>;
      const audience = statementAudience(request.principal);
      let totals: Record<string, unknown> | undefined;
      let page: Page<Record<string, unknown>>;
      if (audience !== null && (await ensureStatementViews(store, distributionId))) {
        // An issued distribution: totals and lines from the copy built once for it (statement-views.ts).
        totals = (await readStatementTotals(store, distributionId, audience, partyId)) as Record<string, unknown> | undefined;
        if (!totals) throw new TuttiError('NOT_FOUND', `no statement for ${partyId} in distribution ${distributionId}`);
        page = await readStatementPage(store, { distributionId, audience, holder: partyId, total: Number(totals['lines']) }, q, LINE_SORT, 'workId', toJsonRow);
      } else {
        const lines = createQueryBuilder(STATEMENT_SELECT);
        statementOf(request.principal, lines, distributionId, partyId);
        const sums = createQueryBuilder('SELECT count(*) AS lines, coalesce(sum(gross), 0) AS gross, coalesce(sum(commission), 0) AS commission, coalesce(sum(deductions), 0) AS deductions, coalesce(sum(net), 0) AS net FROM statement_lines WHERE true');
        statementOf(request.principal, sums, distributionId, partyId);
        totals = await store.one<Record<string, unknown>>(sums.build());
        if (!totals || totals['lines'] === 0n) throw new TuttiError('NOT_FOUND', `no statement for ${partyId} in distribution ${distributionId}`);
        page = await loadPage(store, lines.build(), q, LINE_SORT, 'workId', STATEMENT_ORDER, toJsonRow);
      }
      await audit(request, 'read', `statements/${distributionId}/${partyId}`, { net: String(totals['net']), lines: String(totals['lines']) });
      return { distributionId, partyId, ...(toJsonRow(totals) as Record<string, string>), page };
    },
  );

  app.get(
    '/distributions/:distributionId/statements/:partyId/lines.csv',
    {
      schema: { tags: ['distribution'], summary: 'Every line of one statement as CSV, streamed (audited)', params: StatementParams, produces: ['text/csv'] },
      config: { allow: ['admin', 'operator', 'member', 'partner'] },
    },
    async (request, reply) => {
      await requireTables(store, ['statement_lines'], 'distribution');
      const { distributionId, partyId } = request.params as Static<typeof StatementParams>;
      assertOwnStatement(request.principal, partyId);
      const b = createQueryBuilder(STATEMENT_SELECT);
      statementOf(request.principal, b, distributionId, partyId);
      await audit(request, 'export', `statements/${distributionId}/${partyId}`);
      return reply.type('text/csv; charset=utf-8').send(Readable.from(readCsvPages(store, b.build(), STATEMENT_ORDER, STATEMENT_COLUMNS)));
    },
  );
};
