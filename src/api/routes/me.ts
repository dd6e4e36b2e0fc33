import { Type } from '@sinclair/typebox';
import { ROLES } from '../principal.js';
import type { RegisterRoutes } from '../route-context.js';
import { ERROR_RESPONSES, Nullable } from '../schemas.js';

const Me = Type.Object({
  userId: Type.String(),
  name: Type.String(),
  role: Type.Union(ROLES.map((r) => Type.Literal(r))),
  partyId: Nullable(Type.String()),
  service: Nullable(Type.String()),
  society: Nullable(Type.String()),
  keyId: Type.String(),
});

/** `GET /me`: who the key belongs to and what it is bound to. */
export const registerMeRoutes: RegisterRoutes = (app) => {
  app.get(
    '/me',
    { schema: { tags: ['accounts'], summary: 'The calling user', response: { 200: Me, ...ERROR_RESPONSES } }, config: { allow: ROLES } },
    (request, reply) => reply.send({ ...request.principal }),
  );
};
