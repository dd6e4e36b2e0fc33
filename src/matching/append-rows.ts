import type { Store } from '../warehouse/index.js';

/** A row for the appender: strings, integers (as number), booleans or null. */
export type AppendRow = readonly (string | number | boolean | null)[];

/**
 * Appends rows to a table through the DuckDB Appender (far faster than INSERTs for rows made in
 * TypeScript). `temp` targets a TEMP table. Columns are appended in table order.
 */
export async function appendRows(store: Store, table: string, rows: Iterable<AppendRow>, temp = false): Promise<number> {
  const appender = await store.connection.createAppender(table, temp ? 'main' : null, temp ? 'temp' : null);
  let count = 0;
  try {
    for (const row of rows) {
      for (const value of row) {
        if (value === null) appender.appendNull();
        else if (typeof value === 'string') appender.appendVarchar(value);
        else if (typeof value === 'boolean') appender.appendBoolean(value);
        else appender.appendInteger(value);
      }
      appender.endRow();
      count++;
    }
    appender.flushSync();
  } finally {
    appender.closeSync();
  }
  return count;
}

/**
 * Streams a query's rows as arrays of JS values, chunk by chunk (nothing materialised whole).
 * Run no other statement on the store while iterating: DuckDB invalidates the pending stream.
 */
export async function* streamRows(store: Store, text: string): AsyncGenerator<unknown[][]> {
  const result = await store.connection.stream(text);
  for await (const rows of result.yieldRowsJs()) yield rows;
}
