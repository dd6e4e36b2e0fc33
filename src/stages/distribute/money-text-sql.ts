/** Micro-units whose absolute value is below this fit a DECIMAL(18,6), stored as a 64-bit integer. */
export const DECIMAL18_LIMIT = 10n ** 18n;

/**
 * SQL for the exact decimal text of an integer column of micro-units, as `formatMicros()` writes it
 * (`-0.500000`, `1125.500000`): no DOUBLE on the way (DESIGN.md §4).
 * `small`: the caller knows every value's absolute value is below `DECIMAL18_LIMIT`; the column is then
 * read as a DECIMAL(18,6) of the same digits (a multiplication by 0.000001 keeps the integer and sets
 * the scale), whose text DuckDB writes from a 64-bit integer, a dozen times faster than the HUGEINT
 * arithmetic of the general form. A larger value would fail the cast, never print wrong digits.
 */
export function moneyTextSql(column: string, small: boolean): string {
  if (small) return `(CAST(CAST(${column} AS BIGINT) AS DECIMAL(18,0)) * 0.000001::DECIMAL(7,6))::VARCHAR`;
  return `CASE WHEN ${column} < 0 THEN '-' ELSE '' END || (abs(${column}) // 1000000)::VARCHAR || '.' || lpad((abs(${column}) % 1000000)::VARCHAR, 6, '0')`;
}
