import { Type, type Static } from '@sinclair/typebox';
import { TuttiError } from '../../domain/index.js';
import { renderStatementPdf } from '../../formats/statements/index.js';
import { loadMemberStatement } from '../../stages/distribute/index.js';
import type { Principal } from '../principal.js';
import type { RegisterRoutes } from '../route-context.js';
import { ERROR_RESPONSES } from '../schemas.js';
import { requireTables } from '../table-presence.js';

const Params = Type.Object({
  distributionId: Type.String({ minLength: 1, maxLength: 100 }),
  partyId: Type.String({ minLength: 1, maxLength: 100 }),
});

function assertOwn(p: Principal, partyId: string): void {
  if (p.role === 'admin' || p.role === 'operator') return;
  if (p.role !== 'member' || p.partyId !== partyId)
    throw new TuttiError(
      'FORBIDDEN',
      `${p.role} ${p.name} may read only its own statements, not those of ${partyId}`,
    );
}

/** `GET /distributions/{distributionId}/statements/{partyId}/statement.pdf`: a member's statement as PDF (audited). */
export const registerStatementPdfRoutes: RegisterRoutes = (app, { store, audit }) => {
  app.get(
    '/distributions/:distributionId/statements/:partyId/statement.pdf',
    {
      schema: {
        tags: ['distribution'],
        summary: 'One member statement as a PDF document (audited)',
        params: Params,
        produces: ['application/pdf'],
        response: { ...ERROR_RESPONSES },
      },
      config: { allow: ['admin', 'operator', 'member'] },
    },
    async (request, reply) => {
      await requireTables(store, ['statement_lines', 'payee_balances'], 'distribution');
      const { distributionId, partyId } = request.params as Static<typeof Params>;
      assertOwn(request.principal, partyId);
      const statement = await loadMemberStatement(store, distributionId, partyId);
      const pdf = await renderStatementPdf(statement);
      await audit(request, 'export', `statements/${distributionId}/${partyId}`, {
        format: 'pdf',
        lines: statement.lines.length,
      });
      const name = `${distributionId}-${partyId}`.replace(/[^A-Za-z0-9._-]/g, '_');
      return reply
        .type('application/pdf')
        .header('content-disposition', `attachment; filename="${name}.pdf"`)
        .send(Buffer.from(pdf));
    },
  );
};
