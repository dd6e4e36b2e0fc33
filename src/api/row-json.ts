/**
 * A warehouse row as JSON: snake_case columns become camelCase keys, BIGINT/HUGEINT (money,
 * counts) become decimal strings (exact; never a JS number), timestamps ISO 8601 text.
 * Dates should be cast to VARCHAR in the SQL so they stay calendar dates.
 */
export function toJsonRow(row: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(row)) {
    const name = key.replace(/_([a-z0-9])/g, (_m, c: string) => c.toUpperCase());
    out[name] = typeof value === 'bigint' ? value.toString() : value instanceof Date ? value.toISOString() : value;
  }
  return out;
}
