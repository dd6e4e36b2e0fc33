import { Type, type Static } from '@sinclair/typebox';
import { micros, TuttiError } from '../../domain/index.js';
import { renderStatementPdf, type MemberStatement, type StatementLine } from '../../formats/statements/index.js';
import { sql } from '../../warehouse/index.js';
import type { Principal } from '../principal.js';
import type { RegisterRoutes } from '../route-context.js';
import { ERROR_RESPONSES } from '../schemas.js';
import { requireTables } from '../table-presence.js';

const Params = Type.Object({ distributionId: Type.String({ minLength: 1, maxLength: 100 }), partyId: Type.String({ minLength: 1, maxLength: 100 }) });

interface LineRow {
  work_id: string | null;
  iswc: string | null;
  work_title: string | null;
  role: string | null;
  share: number | null;
  right_type: string | null;
  service: string | null;
  territory: string | null;
  period_start: string | null;
  period_end: string | null;
  usages: bigint | null;
  gross: bigint;
  commission: bigint;
  deductions: bigint;
  net: bigint;
  line_kind: 'normal' | 'adjustment';
}

/** The statement's order, as the distribution's own PDF files print it. */
const ORDER = 'work_id NULLS FIRST, right_type NULLS FIRST, service NULLS FIRST, territory NULLS FIRST, period_start NULLS FIRST, claim_id NULLS FIRST, invoice_id NULLS FIRST, role NULLS FIRST, reason NULLS FIRST';

function assertOwn(p: Principal, partyId: string): void {
  if (p.role === 'admin' || p.role === 'operator') return;
  if (p.role !== 'member' || p.partyId !== partyId) throw new TuttiError('FORBIDDEN', `${p.role} ${p.name} may read only its own statements, not those of ${partyId}`);
}

/**
 * Loads one member's statement for a distribution from the warehouse (its member lines and its
 * balance), in the shape the PDF renderer takes. The distribution does not record the folder it
 * wrote its files to, so the API renders the same document from the same rows instead of reading it.
 */
async function loadMemberStatement(store: Parameters<RegisterRoutes>[1]['store'], distributionId: string, partyId: string): Promise<MemberStatement> {
  const dist = await store.one<{ period: string; date: string }>(sql`SELECT period, distribution_date::VARCHAR AS date FROM distributions WHERE distribution_id = ${distributionId}`);
  if (!dist) throw new TuttiError('NOT_FOUND', `no distribution ${distributionId}: list them with GET /distributions`);
  const rows = await store.all<LineRow>({
    text: `SELECT work_id, iswc, work_title, role, share, right_type, service, territory,
        strftime(period_start, '%Y-%m-%d') AS period_start, strftime(period_end, '%Y-%m-%d') AS period_end, usages, gross, commission, deductions, net, line_kind
      FROM statement_lines WHERE distribution_id = $1 AND party_id = $2 AND payee_kind = 'member' ORDER BY ${ORDER}`,
    values: [distributionId, partyId],
  });
  const balance = await store.one<{ brought_forward: bigint; paid: bigint; carried: bigint }>(
    sql`SELECT brought_forward, paid, carried FROM payee_balances WHERE distribution_id = ${distributionId} AND party_id = ${partyId}`,
  );
  if (rows.length === 0 && !balance) throw new TuttiError('NOT_FOUND', `no statement for ${partyId} in distribution ${distributionId}`);
  const party = await store.one<{ name: string | null; ipi: string | null }>(sql`SELECT name, ipi_name_number AS ipi FROM parties WHERE party_id = ${partyId}`);
  const lines: StatementLine[] = rows.map((r) => ({
    workId: r.work_id, iswc: r.iswc, workTitle: r.work_title, role: r.role, share: r.share, rightType: r.right_type, service: r.service,
    territory: r.territory, periodStart: r.period_start, periodEnd: r.period_end, usages: r.usages ?? 0n,
    gross: micros(r.gross), commission: micros(r.commission), deductions: micros(r.deductions), net: micros(r.net), lineKind: r.line_kind,
  }));
  return {
    society: 'tutti', distributionId, date: dist.date, period: dist.period, partyId, partyName: party?.name ?? partyId, ipiNameNumber: party?.ipi ?? null, lines,
    broughtForward: micros(balance?.brought_forward ?? 0n), paid: micros(balance?.paid ?? 0n), carried: micros(balance?.carried ?? 0n),
  };
}

/** `GET /distributions/{distributionId}/statements/{partyId}/statement.pdf`: a member's statement as PDF (audited). */
export const registerStatementPdfRoutes: RegisterRoutes = (app, { store, audit }) => {
  app.get(
    '/distributions/:distributionId/statements/:partyId/statement.pdf',
    {
      schema: { tags: ['distribution'], summary: 'One member statement as a PDF document (audited)', params: Params, produces: ['application/pdf'], response: { ...ERROR_RESPONSES } },
      config: { allow: ['admin', 'operator', 'member'] },
    },
    async (request, reply) => {
      await requireTables(store, ['statement_lines', 'payee_balances'], 'distribution');
      const { distributionId, partyId } = request.params as Static<typeof Params>;
      assertOwn(request.principal, partyId);
      const statement = await loadMemberStatement(store, distributionId, partyId);
      const pdf = await renderStatementPdf(statement);
      await audit(request, 'export', `statements/${distributionId}/${partyId}`, { format: 'pdf', lines: statement.lines.length });
      const name = `${distributionId}-${partyId}`.replace(/[^A-Za-z0-9._-]/g, '_');
      return reply.type('application/pdf').header('content-disposition', `attachment; filename="${name}.pdf"`).send(Buffer.from(pdf));
    },
  );
};
