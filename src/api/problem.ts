import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { isTuttiError, type TuttiErrorCode } from '../domain/index.js';

/** RFC 9457 problem details, the body of every error response (`application/problem+json`). */
export interface Problem {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail: string;
  readonly instance: string;
  readonly code: string;
  readonly errors?: readonly { readonly path: string; readonly message: string }[];
}

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

/** The HTTP status of each TuttiError code: the one place where errors become statuses. */
export function statusOf(code: TuttiErrorCode): number {
  switch (code) {
    case 'USAGE':
    case 'INVALID_IDENTIFIER':
    case 'INVALID_AMOUNT':
    case 'INVALID_SHARE':
    case 'INVALID_PERIOD':
    case 'INVALID_TERRITORY':
      return 400;
    case 'UNAUTHENTICATED':
      return 401;
    case 'FORBIDDEN':
      return 403;
    case 'NOT_FOUND':
      return 404;
    case 'CONFLICT':
      return 409;
    case 'INPUT_REJECTED':
    case 'CWR_FILE_REJECTED':
    case 'DSR_FILE_REJECTED':
      return 422;
    case 'UNAVAILABLE':
      return 503;
    default:
      return 500;
  }
}

/** Builds a problem document. */
export function problem(status: number, code: string, detail: string, instance: string, errors?: Problem['errors']): Problem {
  return {
    type: `urn:tutti:problem:${code.toLowerCase().replaceAll('_', '-')}`,
    title: TITLES[status] ?? 'Error',
    status,
    detail,
    instance,
    code,
    ...(errors ? { errors } : {}),
  };
}

/**
 * Maps any error once (hono's handler): TuttiErrors by code, Fastify's validation and protocol
 * errors by their status, and anything unknown to a logged, generic 500 that leaks nothing.
 */
export function handleError(error: FastifyError | Error, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  let body: Problem;
  if (isTuttiError(error)) {
    body = problem(statusOf(error.code), error.code, error.message, request.url);
  } else if ('validation' in error && Array.isArray(error.validation)) {
    const where = error.validationContext ?? 'request';
    const errors = error.validation.map((v) => ({
      path: `${where}${v.instancePath || (typeof v.params['missingProperty'] === 'string' ? `/${v.params['missingProperty']}` : '')}`,
      message: v.message ?? 'is invalid',
    }));
    const first = errors[0];
    body = problem(400, 'VALIDATION', `invalid ${where}: ${first ? `${first.path} ${first.message}` : 'see errors'}`, request.url, errors);
  } else if ('statusCode' in error && typeof error.statusCode === 'number' && error.statusCode >= 400 && error.statusCode < 500) {
    const code = error.statusCode === 429 ? 'RATE_LIMITED' : ('code' in error && typeof error.code === 'string' ? error.code : 'BAD_REQUEST');
    body = problem(error.statusCode, code, error.message, request.url);
  } else {
    request.log.error({ err: error }, 'unexpected failure');
    body = problem(500, 'INTERNAL', 'unexpected failure; the server log has the details', request.url);
  }
  if (body.status === 401) void reply.header('www-authenticate', 'Bearer realm="tutti"');
  return reply.status(body.status).type('application/problem+json').send(body);
}
