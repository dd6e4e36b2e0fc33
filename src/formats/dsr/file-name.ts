import type { UsageReportSpec } from '../../domain/index.js';

/** The elements of a DSR file name (standards.md §1.2, DSR Part 1 §8.1). Empty elements stay ''. */
export interface DsrFileName {
  readonly recipient: string;
  readonly sender: string;
  readonly serviceDescription: string;
  /** `2024-03`, `2024-03-01--2024-03-31`, `2024-Q1`, ... as written. */
  readonly period: string;
  readonly territory: string;
  /** null when the `xofy` element is omitted (single-file report). */
  readonly part: { readonly x: number; readonly y: number } | null;
  readonly createdAt: string;
  readonly compressed: boolean;
}

const PERIOD = /^\d{4}((-\d{2,3})|(-\d{2}-\d{2}(--\d{4}-\d{2}-\d{2})?)|(-Q\d)|(-W\d{2}))?$/;
const CREATED = /^\d{8}T\d{6}(\d{3})?$/;

/**
 * Parses a DSR file name (base name, no directory). Returns the problems as text instead of throwing:
 * a name that does not follow the convention is a warning, never a reason to refuse the file.
 */
export function parseDsrFileName(baseName: string): { name: DsrFileName | null; problems: string[] } {
  const m = /^(.*?)\.(tsv|txt)(\.gz)?$/i.exec(baseName);
  if (!m) return { name: null, problems: [`file name "${baseName}" does not end in .tsv or .tsv.gz`] };
  const parts = (m[1] ?? '').split('_');
  const problems: string[] = [];
  if (parts[0]?.toUpperCase() !== 'DSR') return { name: null, problems: [`file name "${baseName}" does not start with DSR_`] };
  // DSR_recipient_sender_service_period_territory[_xofy]_created
  let xofy: string | undefined;
  let rest = parts.slice(1);
  if (rest.length === 7) {
    xofy = rest[5];
    rest = [...rest.slice(0, 5), rest[6] ?? ''];
  } else if (rest.length !== 6) {
    return { name: null, problems: [`file name "${baseName}" has ${rest.length} elements after DSR_, expected 6 or 7`] };
  }
  const [recipient = '', sender = '', serviceDescription = '', period = '', territory = '', createdAt = ''] = rest;
  let part: DsrFileName['part'] = null;
  if (xofy !== undefined && xofy !== '') {
    const p = /^(\d+)of(\d+)$/i.exec(xofy);
    if (!p) problems.push(`file name part "${xofy}" is not of the form XofY`);
    else {
      const x = Number(p[1]);
      const y = Number(p[2]);
      if (x < 1 || x > y) problems.push(`file name part ${x}of${y} is out of range`);
      part = { x, y };
    }
  }
  if (!PERIOD.test(period)) problems.push(`file name period "${period}" is not a DSR notification period`);
  if (!CREATED.test(createdAt)) problems.push(`file name creation time "${createdAt}" is not yyyymmddThhmmss`);
  if (sender === '') problems.push('file name has no MessageSender');
  return {
    name: { recipient, sender, serviceDescription, period, territory, part, createdAt, compressed: m[3] !== undefined },
    problems,
  };
}

/** The notification period of a spec for its file name: `YYYY-MM` for a calendar month, else `start--end`. */
export function notificationPeriod(start: string, end: string): string {
  const s = /^(\d{4})-(\d{2})-01$/.exec(start);
  if (s && end.startsWith(`${s[1]}-${s[2]}-`)) {
    const last = new Date(Date.UTC(Number(s[1]), Number(s[2]), 0)).getUTCDate();
    if (end === `${s[1]}-${s[2]}-${String(last).padStart(2, '0')}`) return `${s[1]}-${s[2]}`;
  }
  return `${start}--${end}`;
}

/**
 * The file name of a report (or of part x of y): `DSR_<recipient>_<sender>_<service>_<period>_<territory>[_xofy]_<created>.tsv`.
 * Recipient and sender are the party ids (DPIDs); `_` and spaces are removed from every element.
 */
export function dsrFileName(spec: UsageReportSpec, part?: { x: number; y: number }): string {
  const clean = (s: string) => s.replace(/[_\s]/g, '');
  const created = spec.createdAt.replace(/[-:]/g, '').replace(/(\.\d+)?(Z|[+-]\d{4})?$/, '').slice(0, 15);
  const elements = [
    'DSR',
    clean(spec.recipientPartyId ?? ''),
    clean(spec.senderPartyId),
    clean(spec.serviceDescription),
    notificationPeriod(spec.usageStartDate, spec.usageEndDate),
    clean(spec.territory),
    ...(part ? [`${part.x}of${part.y}`] : []),
    created,
  ];
  return `${elements.join('_')}.tsv`;
}
