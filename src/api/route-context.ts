import type { FastifyInstance, FastifyRequest } from 'fastify';
import { TuttiError } from '../domain/index.js';
import type { Store } from '../warehouse/index.js';
import type { Principal, Role } from './principal.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by the authentication hook before any handler runs. */
    principal: Principal;
  }
  interface FastifyContextConfig {
    /** The roles that may call the route; a route without it is refused to everyone. */
    allow?: readonly Role[];
  }
}

/** What every route module gets. */
export interface RouteContext {
  readonly store: Store;
  readonly now: () => Date;
  /** Writes an audit entry for the calling principal (reads and changes of money, shares, statements). */
  readonly audit: (request: FastifyRequest, action: string, resource: string, detail?: unknown) => Promise<void>;
  /** Recorded with the runs of uploads. */
  readonly codeVersion: string;
  /** Where uploads are written before ingest. */
  readonly uploadDir: string;
}

/** A module of routes, registered on the app with the shared context. */
export type RegisterRoutes = (app: FastifyInstance, ctx: RouteContext) => void;

/** Refuses with 403, saying what the caller's role does not allow. */
export function forbidden(principal: Principal, what: string): TuttiError {
  return new TuttiError('FORBIDDEN', `${principal.role} ${principal.name} may not ${what}`);
}
