import { Type, type TProperties, type TSchema } from '@sinclair/typebox';

/**
 * The TypeBox schemas shared by routes: one source for request validation, response checking and
 * the OpenAPI document.
 */
export const ProblemSchema = Type.Object(
  {
    type: Type.String(),
    title: Type.String(),
    status: Type.Integer(),
    detail: Type.String(),
    instance: Type.String(),
    code: Type.String(),
    errors: Type.Optional(Type.Array(Type.Object({ path: Type.String(), message: Type.String() }))),
  },
  { $id: 'Problem', description: 'RFC 9457 problem details' },
);

/** Exact micro-units (10^-6 of the currency unit) as a decimal string. */
export const MicrosSchema = Type.String({ pattern: '^-?[0-9]+$', description: 'micro-units (10^-6 of the currency unit), exact' });
/** The same amount in currency units, exactly, with 6 decimals. */
export const UnitsSchema = Type.String({ pattern: '^-?[0-9]+\\.[0-9]{6}$', description: 'currency units, 6 decimals, exact' });
export const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

const problemRef = Type.Ref('Problem');
/** The error responses every authenticated route can give. */
export const ERROR_RESPONSES = { 400: problemRef, 401: problemRef, 403: problemRef, 404: problemRef, 429: problemRef, 503: problemRef } as const;

/** Query string of a list: pagination, sorting on the named columns, and the route's filters. */
export function listQuery<F extends TProperties>(sortable: readonly [string, ...string[]], filters: F) {
  return Type.Object(
    {
      limit: Type.Integer({ minimum: 1, maximum: 1000, default: 50 }),
      offset: Type.Integer({ minimum: 0, default: 0 }),
      sort: Type.Optional(Type.Union(sortable.map((s) => Type.Literal(s)))),
      order: Type.Optional(Type.Union([Type.Literal('asc'), Type.Literal('desc')])),
      ...filters,
    },
    { additionalProperties: false },
  );
}

/** A page of a list: `total` rows match the filters; `items` are rows offset..offset+limit. */
export function pageOf<T extends TSchema>(item: T) {
  return Type.Object({ items: Type.Array(item), total: Type.Integer(), limit: Type.Integer(), offset: Type.Integer() });
}

export interface ListParams {
  readonly limit: number;
  readonly offset: number;
  readonly sort?: string;
  readonly order?: 'asc' | 'desc';
}
