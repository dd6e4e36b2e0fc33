import type { FastifyReply, FastifyRequest } from 'fastify';
import { TuttiError } from '../domain/index.js';
import type { Store } from '../warehouse/index.js';
import { authenticate, keyIdOfToken } from './api-keys.js';

/** The credential of a request: `Authorization: Bearer <token>` or `X-API-Key: <token>`. */
export function presentedToken(request: FastifyRequest): string | undefined {
  const authorization = request.headers.authorization;
  if (authorization !== undefined) {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
    return match?.[1] ?? '';
  }
  const key = request.headers['x-api-key'];
  return typeof key === 'string' ? key.trim() : undefined;
}

/** The rate-limit bucket of a request: its key id when it shows one, else its address. */
export function rateLimitKey(request: FastifyRequest): string {
  const token = presentedToken(request);
  const keyId = token ? keyIdOfToken(token) : undefined;
  return keyId ?? `ip:${request.ip}`;
}

const REASONS = {
  missing: 'no credential: send `Authorization: Bearer <key>` or `X-API-Key: <key>` (create one with `tutti keys create`)',
  malformed: 'the credential is not a tutti key (expected tutti_key_<id>.<secret>)',
  unknown: 'the key is not known',
  expired: 'the key has expired: create a new one with `tutti keys create`',
  revoked: 'the key or its user has been revoked',
} as const;

/** onRequest hook: sets `request.principal` or refuses with 401. */
export function createAuthHook(store: Store, now: () => Date) {
  return async (request: FastifyRequest): Promise<void> => {
    const token = presentedToken(request);
    if (!token) throw new TuttiError('UNAUTHENTICATED', REASONS.missing);
    const result = await authenticate(store, token, now);
    if (!result.ok) throw new TuttiError('UNAUTHENTICATED', REASONS[result.reason]);
    request.principal = result.principal;
  };
}

/** preHandler hook: the route's `config.allow` must name the caller's role (deny by default). */
export function checkRole(request: FastifyRequest, _reply: FastifyReply, done: (error?: Error) => void): void {
  const allow = request.routeOptions.config.allow;
  // An authenticated caller may learn that a route does not exist (is404); otherwise deny by default.
  if (!request.is404 && (!allow || !allow.includes(request.principal.role))) {
    done(new TuttiError('FORBIDDEN', `the ${request.principal.role} role may not ${request.method} ${request.routeOptions.url ?? request.url}`));
    return;
  }
  done();
}
