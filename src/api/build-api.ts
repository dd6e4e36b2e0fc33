import { tmpdir } from 'node:os';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import Fastify, { type FastifyInstance } from 'fastify';
import type { Store } from '../warehouse/index.js';
import { appendAuditEvent } from './audit-trail.js';
import { checkRole, createAuthHook, rateLimitKey } from './authenticate-request.js';
import { drainOnClose } from './drain-on-close.js';
import { handleError, problem } from './problem.js';
import { createResponseCheck } from './response-check.js';
import type { RouteContext } from './route-context.js';
import { ROUTES } from './routes/index.js';
import { ProblemSchema } from './schemas.js';
import { registerWebStatic } from './web-static.js';

export interface ApiOptions {
  readonly store: Store;
  /** The clock: key expiry and audit timestamps. */
  readonly now: () => Date;
  readonly version?: string;
  /** Requests per key (or per address without a key) per window; default 600 a minute. */
  readonly rateLimit?: { readonly max: number; readonly timeWindowMs: number };
  /** Fastify's logger (pino); off by default so tests and the CLI's --json stay quiet. */
  readonly logger?: boolean;
  /** Largest upload accepted, bytes; default 512 MiB. */
  readonly bodyLimit?: number;
  /** Where uploads are written before ingest; default the OS temp folder. */
  readonly uploadDir?: string;
}

/**
 * The HTTP API on a store: every route authenticated (API keys, stored hashed), every route
 * naming the roles it allows, requests validated and responses checked against the TypeBox
 * schemas that also make the OpenAPI 3.1 document at `/openapi.json`, errors as problem+json,
 * rate limits per key, and reads of money, shares and statements written to the audit trail.
 * Returns the Fastify instance without listening: tests call `inject()`, the CLI calls `listen()`.
 */
export async function buildApi(options: ApiOptions): Promise<FastifyInstance> {
  const { store, now } = options;
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: options.bodyLimit ?? 512 * 1024 * 1024,
    exposeHeadRoutes: false,
    ajv: { customOptions: { removeAdditional: false, coerceTypes: true, useDefaults: true } },
  });
  app.decorateRequest('principal', null as never);
  drainOnClose(app);
  app.setErrorHandler(handleError);
  app.setNotFoundHandler((request, reply) =>
    reply.status(404).type('application/problem+json').send(problem(404, 'NOT_FOUND', `no route ${request.method} ${request.url}: see /openapi.json`, request.url)),
  );
  app.addSchema(ProblemSchema);

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'tutti API',
        version: options.version ?? '0.0.0',
        description:
          'Rights management for music CMOs. Every route needs a key (`tutti keys create`). Money is exact: micro-units as decimal strings. Errors are application/problem+json.',
      },
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer', description: 'tutti_key_<id>.<secret>' },
          apiKey: { type: 'apiKey', in: 'header', name: 'X-API-Key' },
        },
      },
      security: [{ bearer: [] }, { apiKey: [] }],
    },
    refResolver: { buildLocalReference: (json, _base, _fragment, i) => (typeof json['$id'] === 'string' ? json['$id'] : `def-${i}`) },
  });

  const limits = options.rateLimit ?? { max: 600, timeWindowMs: 60_000 };
  await app.register(rateLimit, {
    global: true,
    max: limits.max,
    timeWindow: limits.timeWindowMs,
    hook: 'onRequest',
    keyGenerator: rateLimitKey,
    errorResponseBuilder: (_request, context) => ({
      statusCode: 429,
      message: `rate limit of ${context.max} requests per ${context.after} exceeded for this key: retry later`,
    }),
  });

  await registerWebStatic(app); // the web app's files, before the key check (src/api/web-static.ts)
  app.addHook('onRequest', createAuthHook(store, now));
  app.addHook('preHandler', checkRole);
  app.addHook('preSerialization', createResponseCheck());

  const ctx: RouteContext = {
    store,
    now,
    codeVersion: options.version ?? '0.0.0',
    uploadDir: options.uploadDir ?? tmpdir(),
    audit: async (request, action, resource, detail) => {
      await appendAuditEvent(store, { actor: request.principal.userId, action, resource, detail: detail ?? null }, now);
    },
  };
  for (const register of ROUTES) register(app, ctx);

  app.get(
    '/openapi.json',
    { schema: { hide: true }, config: { allow: ['admin', 'operator', 'member', 'partner', 'service'] } },
    (_request, reply) => reply.send(app.swagger()),
  );
  return app;
}
