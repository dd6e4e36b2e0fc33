import type { DuckDBValue } from '@duckdb/node-api';
import type { SqlStatement } from '../warehouse/index.js';

/**
 * Builds one statement from pieces chosen by code, binding every value as `$n`: filters that
 * depend on the request are added piece by piece, and request text never enters the SQL.
 */
export interface QueryBuilder {
  /** Appends SQL text written in this code base (never caller input). */
  text(sqlText: string): QueryBuilder;
  /** Binds a value and returns its placeholder, to use inside {@link QueryBuilder.text}. */
  bind(value: DuckDBValue): string;
  build(): SqlStatement;
}

export function createQueryBuilder(initial = ''): QueryBuilder {
  let text = initial;
  const values: DuckDBValue[] = [];
  const builder: QueryBuilder = {
    text(sqlText) {
      text += sqlText;
      return builder;
    },
    bind(value) {
      values.push(value);
      return `$${values.length}`;
    },
    build: () => ({ text, values: [...values] }),
  };
  return builder;
}
