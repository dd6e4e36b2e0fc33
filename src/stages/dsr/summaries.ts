import { parseMicros, type Micros } from '../../domain/index.js';
import { cellPosition, splitRecordCode, unescapeValue, type DsrRecordLayout } from '../../formats/dsr/index.js';
import type { DsrIssues } from './dsr-issue.js';

/** A summary record (sales context) as stored in `report_summaries`; money in micro-units. */
export interface DsrSummary {
  readonly line: number;
  readonly summaryId: string;
  readonly recordType: string;
  readonly commercialModel: string | null;
  readonly useType: string | null;
  readonly territory: string | null;
  readonly serviceDescription: string | null;
  /** Usages of the licensor's repertoire (SY01/SY02 Usages; SY01.02 TotalUsages): checked against the lines. */
  readonly usages: bigint | null;
  readonly totalUsages: bigint | null;
  readonly subscribers: bigint | null;
  readonly currency: string | null;
  readonly netRevenue: Micros | null;
  readonly indirectNetRevenue: Micros | null;
  readonly rightsController: string | null;
  readonly rightsType: string | null;
  readonly rightsTypePct: number | null;
  readonly exchangeRate: string | null;
}

/** Parses one summary row by its layout; bad numbers become null plus an error with the line. */
export function parseDsrSummary(line: number, cells: readonly string[], layout: DsrRecordLayout, issues: DsrIssues): DsrSummary {
  const get = (...names: string[]): string | null => {
    const pos = cellPosition(layout, ...names);
    const v = pos === undefined ? '' : unescapeValue(cells[pos - 1] ?? '').trim();
    return v === '' ? null : v;
  };
  const int = (name: string, ...aliases: string[]): bigint | null => {
    const v = get(name, ...aliases);
    if (v === null) return null;
    const m = /^(\d+)(\.0*)?$/.exec(v);
    if (m) return BigInt(m[1] ?? '0');
    issues.error('DSR_BAD_NUMBER', `${layout.type} ${name} "${v}" is not an integer`, line);
    return null;
  };
  const money = (name: string, ...aliases: string[]): Micros | null => {
    const v = get(name, ...aliases);
    if (v === null) return null;
    try {
      return parseMicros(v.endsWith('.') ? v.slice(0, -1) : v);
    } catch {
      const rounded = roundToMicros(v);
      if (rounded !== null) {
        issues.warning('DSR_AMOUNT_ROUNDED', `${layout.type} ${name} "${v}" has more than 6 decimals: rounded to the micro-unit`, line);
        return rounded;
      }
      issues.error('DSR_BAD_AMOUNT', `${layout.type} ${name} "${v}" is not a decimal`, line);
      return null;
    }
  };
  const pctText = get('RightsTypePercentage');
  let rightsTypePct: number | null = null;
  if (pctText !== null) {
    const m = /^(\d{1,3})(?:\.(\d{0,2})0*)?$/.exec(pctText);
    if (m) rightsTypePct = Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
    else issues.warning('DSR_BAD_PERCENTAGE', `${layout.type} RightsTypePercentage "${pctText}" is not a percentage with 2 decimals`, line);
  }
  const { type } = splitRecordCode(layout.type);
  const totalUsages = int('TotalUsages');
  const usages = int('Usages') ?? (type === 'SY01' ? totalUsages : null);
  return {
    line,
    summaryId: get('SummaryRecordId') ?? '',
    recordType: (cells[0] ?? '').trim().toUpperCase(),
    commercialModel: get('CommercialModel'),
    useType: get('UseType'),
    territory: get('Territory'),
    serviceDescription: get('ServiceDescription'),
    usages,
    totalUsages,
    subscribers: int('Subscribers', 'Users'),
    currency: get('CurrencyOfReporting', 'Currency'),
    netRevenue: money('NetRevenue'),
    indirectNetRevenue: money('IndirectNetRevenue', 'IndirectValue'),
    rightsController: get('RightsController'),
    rightsType: get('RightsType'),
    rightsTypePct,
    exchangeRate: get('ExchangeRate'),
  };
}

/** A plain decimal with more than 6 decimals, rounded half away from zero to micro-units (as DuckDB's DECIMAL cast); else null. */
export function roundToMicros(text: string): Micros | null {
  const m = /^([+-]?)(\d*)\.(\d{7,})$/.exec(text);
  if (!m || (m[2] === '' && m[3] === '')) return null;
  const frac = m[3] ?? '';
  let micros = BigInt(m[2] || '0') * 1_000_000n + BigInt(frac.slice(0, 6));
  if ((frac[6] ?? '0') >= '5') micros += 1n;
  return (m[1] === '-' ? -micros : micros) as Micros;
}

/** Whether a summary's usages are meant to equal the sum of its usage lines (SY01, SY02). */
export function isCheckedSummary(s: DsrSummary): boolean {
  const { type } = splitRecordCode(s.recordType);
  return (type === 'SY01' || type === 'SY02') && s.usages !== null;
}
