import { Readable } from 'node:stream';
import { Type, type Static } from '@sinclair/typebox';
import { TuttiError } from '../../domain/index.js';
import { sql } from '../../warehouse/index.js';
import { loadPage, readCsvPages } from '../load-page.js';
import { seesEverything } from '../principal.js';
import { createQueryBuilder } from '../query-builder.js';
import type { RegisterRoutes } from '../route-context.js';
import { toJsonRow } from '../row-json.js';
import { ERROR_RESPONSES, listQuery, MicrosSchema, Nullable, pageOf } from '../schemas.js';
import { scopeClaims } from '../scope.js';
import { requireTables } from '../table-presence.js';

const Invoice = Type.Object(
  {
    invoiceId: Type.String(),
    reportId: Type.String(),
    licensor: Type.String(),
    rightsController: Type.String(),
    currency: Type.String(),
    amount: MicrosSchema,
    performing: MicrosSchema,
    mechanical: MicrosSchema,
    heldOverclaim: MicrosSchema,
    claimFile: Type.String(),
    status: Type.String(),
    runId: Type.String(),
  },
  { additionalProperties: true },
);

const ClaimLine = Type.Object(
  {
    claimId: Type.String(),
    invoiceId: Type.String(),
    reportId: Type.String(),
    workId: Type.String(),
    rightType: Type.String(),
    licensor: Type.String(),
    mandateId: Nullable(Type.String()),
    service: Nullable(Type.String()),
    territory: Type.String(),
    periodStart: Type.String({ format: 'date' }),
    periodEnd: Type.String({ format: 'date' }),
    usages: Type.String({ pattern: '^-?[0-9]+$' }),
    workValue: MicrosSchema,
    shareClaimed: Type.Integer({ description: 'hundredths of a percent' }),
    claimedAmount: MicrosSchema,
    heldOverclaim: MicrosSchema,
  },
  { additionalProperties: true },
);

const InvoiceQuery = listQuery(['invoiceId', 'reportId', 'amount'], {
  reportId: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
  status: Type.Optional(Type.String({ minLength: 1, maxLength: 32 })),
});
const ClaimQuery = listQuery(['claimId', 'workId', 'claimedAmount'], {
  reportId: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
  invoiceId: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
  workId: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
});

const CLAIM_COLUMNS = [
  'claim_id', 'invoice_id', 'report_id', 'work_id', 'right_type', 'licensor', 'mandate_id', 'service', 'territory',
  'period_start', 'period_end', 'usages', 'work_value', 'share_claimed', 'claimed_amount', 'held_overclaim',
] as const;
const CLAIM_SELECT = `SELECT ${CLAIM_COLUMNS.map((c) => (c.startsWith('period_') ? `${c}::VARCHAR AS ${c}` : c)).join(', ')} FROM claim_lines WHERE true`;

function claimFilter(q: Static<typeof ClaimQuery>) {
  const b = createQueryBuilder(CLAIM_SELECT);
  if (q.reportId !== undefined) b.text(` AND report_id = ${b.bind(q.reportId)}`);
  if (q.invoiceId !== undefined) b.text(` AND invoice_id = ${b.bind(q.invoiceId)}`);
  if (q.workId !== undefined) b.text(` AND work_id = ${b.bind(q.workId)}`);
  return b;
}

/**
 * Claims and invoices (money: every read is audited). A service sees those of its own reports; a
 * partner society the claim lines made under its mandates.
 */
export const registerClaimRoutes: RegisterRoutes = (app, { store, audit }) => {
  app.get(
    '/invoices',
    {
      schema: { tags: ['claims'], summary: 'Invoices, one per report and licensor (audited)', querystring: InvoiceQuery, response: { 200: pageOf(Invoice), ...ERROR_RESPONSES } },
      config: { allow: ['admin', 'operator', 'service'] },
    },
    async (request) => {
      await requireTables(store, ['invoices'], 'claims');
      const q = request.query as Static<typeof InvoiceQuery>;
      const b = createQueryBuilder('SELECT invoice_id, report_id, licensor, rights_controller, currency, amount, performing, mechanical, held_overclaim, claim_file, status, run_id FROM invoices WHERE true');
      if (q.reportId !== undefined) b.text(` AND report_id = ${b.bind(q.reportId)}`);
      if (q.status !== undefined) b.text(` AND status = ${b.bind(q.status)}`);
      scopeClaims(b, request.principal, 'report_id', null);
      const page = await loadPage(store, b.build(), q, { invoiceId: 'invoice_id', reportId: 'report_id', amount: 'amount' }, 'invoiceId', 'invoice_id', toJsonRow);
      await audit(request, 'read', 'invoices', { filters: { reportId: q.reportId ?? null, status: q.status ?? null }, returned: page.items.length });
      return page;
    },
  );

  app.get(
    '/invoices/:invoiceId',
    {
      schema: {
        tags: ['claims'],
        summary: 'One invoice (audited)',
        params: Type.Object({ invoiceId: Type.String({ minLength: 1, maxLength: 200 }) }),
        response: { 200: Invoice, ...ERROR_RESPONSES },
      },
      config: { allow: ['admin', 'operator', 'service'] },
    },
    async (request) => {
      await requireTables(store, ['invoices'], 'claims');
      const { invoiceId } = request.params as { invoiceId: string };
      const b = createQueryBuilder('SELECT invoice_id, report_id, licensor, rights_controller, currency, amount, performing, mechanical, held_overclaim, claim_file, status, run_id FROM invoices WHERE true');
      b.text(` AND invoice_id = ${b.bind(invoiceId)}`);
      scopeClaims(b, request.principal, 'report_id', null);
      const row = await store.one<Record<string, unknown>>(b.build());
      if (!row) {
        const exists = await store.one(sql`SELECT 1 FROM invoices WHERE invoice_id = ${invoiceId}`);
        if (exists && !seesEverything(request.principal)) throw new TuttiError('FORBIDDEN', `invoice ${invoiceId} is not for a report of ${request.principal.name}`);
        throw new TuttiError('NOT_FOUND', `no invoice ${invoiceId}: list them with GET /invoices`);
      }
      await audit(request, 'read', `invoices/${invoiceId}`, { amount: String(row['amount']) });
      return toJsonRow(row);
    },
  );

  app.get(
    '/claims',
    {
      schema: { tags: ['claims'], summary: 'Claim lines (audited)', querystring: ClaimQuery, response: { 200: pageOf(ClaimLine), ...ERROR_RESPONSES } },
      config: { allow: ['admin', 'operator', 'service', 'partner'] },
    },
    async (request) => {
      await requireTables(store, ['claim_lines'], 'claims');
      const q = request.query as Static<typeof ClaimQuery>;
      const b = claimFilter(q);
      scopeClaims(b, request.principal, 'report_id', 'mandate_id');
      const page = await loadPage(store, b.build(), q, { claimId: 'claim_id', workId: 'work_id', claimedAmount: 'claimed_amount' }, 'claimId', 'claim_id', toJsonRow);
      await audit(request, 'read', 'claims', { filters: { reportId: q.reportId ?? null, invoiceId: q.invoiceId ?? null, workId: q.workId ?? null }, returned: page.items.length });
      return page;
    },
  );

  app.get(
    '/exports/claims.csv',
    {
      schema: {
        tags: ['claims'],
        summary: 'Claim lines as CSV, streamed (audited)',
        querystring: Type.Object(
          { reportId: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })), invoiceId: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })) },
          { additionalProperties: false },
        ),
        produces: ['text/csv'],
      },
      config: { allow: ['admin', 'operator', 'service', 'partner'] },
    },
    async (request, reply) => {
      await requireTables(store, ['claim_lines'], 'claims');
      const q = request.query as { reportId?: string; invoiceId?: string };
      const b = claimFilter({ limit: 1, offset: 0, ...q });
      scopeClaims(b, request.principal, 'report_id', 'mandate_id');
      await audit(request, 'export', 'claims', { filters: { reportId: q.reportId ?? null, invoiceId: q.invoiceId ?? null } });
      return reply.type('text/csv; charset=utf-8').send(Readable.from(readCsvPages(store, b.build(), 'claim_id', CLAIM_COLUMNS)));
    },
  );
};
