import type { DuckDBValue } from '@duckdb/node-api';

/** A statement with its parameters bound as `$1..$n`: values are never spliced into the text. */
export interface SqlStatement {
  readonly text: string;
  readonly values: DuckDBValue[];
}

/**
 * Tagged template that binds every `${}` as a parameter.
 * @example sql`SELECT * FROM works WHERE iswc = ${iswc}` // { text: 'SELECT * FROM works WHERE iswc = $1', values: [iswc] }
 */
export function sql(strings: TemplateStringsArray, ...values: DuckDBValue[]): SqlStatement {
  let text = strings[0] ?? '';
  for (let i = 0; i < values.length; i++) text += `$${i + 1}${strings[i + 1] ?? ''}`;
  return { text, values };
}

/** Quotes an identifier (table, column) for DuckDB; the only way a name enters SQL text. */
export function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/** Quotes a string literal, for the few places DuckDB cannot take a parameter (e.g. `read_csv` paths in a view). */
export function quoteLiteral(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}
