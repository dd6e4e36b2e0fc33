import { Type, type Static } from '@sinclair/typebox';
import { listAuditEvents, verifyAuditTrail } from '../audit-trail.js';
import type { RegisterRoutes } from '../route-context.js';
import { ERROR_RESPONSES } from '../schemas.js';

const AuditEvent = Type.Object({
  seq: Type.Integer(),
  at: Type.String(),
  actor: Type.String(),
  action: Type.String(),
  resource: Type.String(),
  detail: Type.Unknown(),
  prevHash: Type.String(),
  hash: Type.String(),
});

const AuditQuery = Type.Object(
  {
    limit: Type.Integer({ minimum: 1, maximum: 1000, default: 100 }),
    afterSeq: Type.Integer({ minimum: 0, default: 0, description: 'keyset pagination: entries after this seq' }),
    order: Type.Optional(Type.Union([Type.Literal('asc'), Type.Literal('desc')])),
    actor: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    resource: Type.Optional(Type.String({ minLength: 1, maxLength: 300, description: 'resource prefix' })),
  },
  { additionalProperties: false },
);

const Verification = Type.Object({
  ok: Type.Boolean(),
  entries: Type.Integer(),
  headSeq: Type.Integer(),
  headHash: Type.String(),
  problem: Type.Optional(Type.Object({ seq: Type.Integer(), reason: Type.String() })),
});

/** The audit trail: admins and operators read it; admins verify its hash chain. */
export const registerAuditRoutes: RegisterRoutes = (app, { store }) => {
  app.get(
    '/audit-events',
    {
      schema: { tags: ['audit'], summary: 'Audit entries in seq order', querystring: AuditQuery, response: { 200: Type.Object({ items: Type.Array(AuditEvent) }), ...ERROR_RESPONSES } },
      config: { allow: ['admin', 'operator'] },
    },
    async (request) => {
      const q = request.query as Static<typeof AuditQuery>;
      return { items: await listAuditEvents(store, { limit: q.limit, afterSeq: q.afterSeq, order: q.order, actor: q.actor, resourcePrefix: q.resource }) };
    },
  );

  app.get(
    '/audit-events/verify',
    {
      schema: { tags: ['audit'], summary: 'Recompute the hash chain: detects changed or removed entries', response: { 200: Verification, ...ERROR_RESPONSES } },
      config: { allow: ['admin'] },
    },
    async () => verifyAuditTrail(store),
  );
};
