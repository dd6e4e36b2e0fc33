import { cellPosition, type DsrRecordLayout } from '../../formats/dsr/index.js';
import { quoteLiteral } from '../../warehouse/index.js';

/**
 * SQL expressions over `cells` (a row's VARCHAR[]) for named cells of a layout. Positions come from
 * the layout tables (integers, never file content), so building SQL text from them is safe.
 */
export function cellSql(layout: DsrRecordLayout, ...names: readonly string[]): string {
  const pos = cellPosition(layout, ...names);
  return pos === undefined ? 'NULL::VARCHAR' : `nullif(cells[${pos}], '')`;
}

/** An integer count cell: `5`, `5.` and `5.0` are accepted (DSR Part 1 §6.6.11); anything else is NULL. */
export function integerSql(expr: string): string {
  return `coalesce(TRY_CAST(${expr} AS BIGINT), TRY_CAST(regexp_replace(${expr}, '\\.0*$', '') AS BIGINT))`;
}

/** True when an integer cell is present but not an integer. */
export function badIntegerSql(expr: string): string {
  return `(${expr} IS NOT NULL AND ${integerSql(expr)} IS NULL)`;
}

const EXACT_DECIMAL = `'[+-]?([0-9]+\\.?[0-9]{0,6}0*|\\.[0-9]{1,6}0*)'`;
const ANY_DECIMAL = `'[+-]?([0-9]+\\.?[0-9]*|\\.[0-9]+)'`;

/**
 * A decimal amount in micro-units (HUGEINT): NULL unless the text is a plain decimal. A value with
 * more than 6 significant decimals (real UGC reports carry them) is rounded half away from zero to
 * the micro-unit, never silently: `roundedMicrosSql` finds those values so they are reported.
 */
export function microsSql(expr: string): string {
  return `CASE WHEN regexp_full_match(${expr}, ${ANY_DECIMAL}) THEN TRY_CAST(TRY_CAST(${expr} AS DECIMAL(38,6)) * 1000000 AS HUGEINT) END`;
}

/** True when an amount cell is present but not a plain decimal. */
export function badMicrosSql(expr: string): string {
  return `(${expr} IS NOT NULL AND ${microsSql(expr)} IS NULL)`;
}

/** True when an amount cell is a decimal with more than 6 significant decimals (rounded to micro-units). */
export function roundedMicrosSql(expr: string): string {
  return `(regexp_full_match(${expr}, ${ANY_DECIMAL}) AND NOT regexp_full_match(${expr}, ${EXACT_DECIMAL}))`;
}

/**
 * `PT3M21S`, `PT1H2M3S`, `PT199S` → seconds; NULL when not an ISO 8601 duration. One regular
 * expression gives every part (DuckDB evaluates the repeated extract once). A fractional second
 * counts its decimals' digits as seconds (`PT1.25S` → 25), as the first version of this reader did.
 */
export function durationSql(expr: string): string {
  const x = `regexp_extract(${expr}, '^(P)(?:T(?:([0-9]+)H)?(?:([0-9]+)M)?(?:([0-9]+)(?:\\.([0-9]+))?S)?)?$', ['p', 'h', 'm', 's', 'f'])`;
  const num = (e: string) => `coalesce(TRY_CAST(nullif(${e}, '') AS INTEGER), 0)`;
  return `CASE WHEN ${x}.p = 'P' THEN ${num(`${x}.h`)} * 3600 + ${num(`${x}.m`)} * 60 + ${num(`coalesce(nullif(${x}.f, ''), ${x}.s)`)} END`;
}

/** Several cells joined with `|`, empty ones left out; NULL when all are empty. */
export function joinCellsSql(layout: DsrRecordLayout, names: readonly string[]): string {
  const exprs = names.map((n) => cellSql(layout, n)).filter((e) => e !== 'NULL::VARCHAR');
  if (exprs.length === 0) return 'NULL::VARCHAR';
  // Mostly all empty: concat_ws runs only on the rows that have something to join.
  return `CASE WHEN ${exprs.map((e) => `${e} IS NOT NULL`).join(' OR ')} THEN nullif(concat_ws('|', ${exprs.join(', ')}), '') END`;
}

/** A CASE giving the first problem of a line as text, or NULL. */
export function problemSql(checks: readonly [condition: string, reason: string][]): string {
  if (checks.length === 0) return 'NULL::VARCHAR';
  return `CASE ${checks.map(([c, r]) => `WHEN ${c} THEN ${r}`).join(' ')} END`;
}

/** A reason text that quotes the offending cell: `'NumberOfStreams "' || x || '" is not an integer'`. */
export function reasonSql(prefix: string, expr: string, suffix: string): string {
  return `${quoteLiteral(prefix + ' "')} || ${expr} || ${quoteLiteral('" ' + suffix)}`;
}
