import { FormatRegistry, type TSchema } from '@sinclair/typebox';
import { TypeCompiler, type TypeCheck } from '@sinclair/typebox/compiler';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ProblemSchema } from './schemas.js';

// TypeBox checks only the formats it is told about; the API uses calendar dates.
if (!FormatRegistry.Has('date')) FormatRegistry.Set('date', (v) => /^\d{4}-\d{2}-\d{2}$/.test(v));

/**
 * preSerialization hook that checks every JSON response against the route's response schema for
 * its status (the same TypeBox schema the OpenAPI document shows), so the API never answers with
 * something other than what it documents. A mismatch is a bug: it becomes a logged 500.
 */
export function createResponseCheck() {
  const checks = new Map<string, TypeCheck<TSchema> | null>();
  return async (request: FastifyRequest, reply: FastifyReply, payload: unknown): Promise<unknown> => {
    const responses = request.routeOptions.schema?.response as Record<string, TSchema> | undefined;
    if (!responses || payload === null || typeof payload !== 'object' || Symbol.asyncIterator in payload) return payload;
    const status = String(reply.statusCode);
    const id = `${request.method} ${request.routeOptions.url} ${status}`;
    let check = checks.get(id);
    if (check === undefined) {
      const schema = responses[status];
      check = schema ? TypeCompiler.Compile(schema, [ProblemSchema]) : null;
      checks.set(id, check);
    }
    if (check && !check.Check(payload)) {
      const first = check.Errors(payload).First();
      throw new Error(`response of ${id} does not match its schema: ${first?.path ?? ''} ${first?.message ?? ''}`);
    }
    return payload;
  };
}
