/** A row as DuckDB returns it. */
export type Row = Record<string, unknown>;

/** A cell as text: DuckDB gives text columns as strings; numbers and bigints are printed; anything else as JSON. */
export const str = (v: unknown): string | null =>
  v === null || v === undefined
    ? null
    : typeof v === 'string'
      ? v
      : typeof v === 'number' || typeof v === 'bigint'
        ? v.toString()
        : JSON.stringify(v);

/** A whole-number cell as a bigint (DuckDB gives INTEGER as number, BIGINT/HUGEINT as bigint). */
export const big = (v: unknown): bigint | null =>
  v === null || v === undefined ? null : BigInt(v as bigint | number);
