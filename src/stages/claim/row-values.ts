import { micros } from '../../domain/index.js';
import type { ClaimReport, ClaimSummary } from './claim-inputs.js';

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

/** A `reports` row (selected with `sender_name` defaulted and `period_*`/`day_after` as ISO text) as a `ClaimReport`. */
export function claimReportFromRow(reportId: string, r: Row): ClaimReport {
  return {
    reportId,
    messageId: String(r['message_id']),
    sender: String(r['sender']),
    senderName: String(r['sender_name']),
    service: String(r['service']),
    territory: String(r['territory']),
    periodStart: String(r['period_start']),
    periodEnd: String(r['period_end']),
    dayAfterPeriod: String(r['day_after']),
  };
}

/** A `report_summaries` row as a `ClaimSummary` (net revenue in micro-units, absent = 0). */
export function claimSummaryFromRow(s: Row): ClaimSummary {
  return {
    summaryId: String(s['summary_id']),
    commercialModel: str(s['commercial_model']),
    useType: str(s['use_type']),
    territory: str(s['territory']),
    serviceDescription: str(s['service_description']),
    usages: big(s['usages']),
    totalUsages: big(s['total_usages']),
    subscribers: big(s['subscribers']),
    currency: str(s['currency']),
    netRevenue: micros(big(s['net_revenue']) ?? 0n),
  };
}
