import { TuttiError } from '../errors/tutti-error.js';

/** A usage or distribution period: a month (`2024-03`), a quarter (`2024-Q1`) or a year (`2024`). */
export interface Period {
  readonly kind: 'month' | 'quarter' | 'year';
  readonly text: string;
  /** First day, ISO `YYYY-MM-DD`. */
  readonly start: string;
  /** Last day, ISO `YYYY-MM-DD`. */
  readonly end: string;
}

const pad = (n: number) => String(n).padStart(2, '0');
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

function span(kind: Period['kind'], text: string, y: number, m1: number, m2: number): Period {
  return { kind, text, start: `${y}-${pad(m1)}-01`, end: `${y}-${pad(m2)}-${pad(lastDay(y, m2))}` };
}

/** Parses `YYYY-MM`, `YYYY-Qn` or `YYYY`. */
export function parsePeriod(text: string): Period {
  const t = text.trim();
  let m = /^(\d{4})-(\d{2})$/.exec(t);
  if (m) {
    const y = Number(m[1]);
    const mo = Number(m[2]);
    if (mo >= 1 && mo <= 12) return span('month', t, y, mo, mo);
  }
  m = /^(\d{4})-Q([1-4])$/i.exec(t);
  if (m) {
    const q = Number(m[2]);
    return span('quarter', `${m[1]}-Q${q}`, Number(m[1]), q * 3 - 2, q * 3);
  }
  m = /^(\d{4})$/.exec(t);
  if (m) return span('year', t, Number(m[1]), 1, 12);
  throw new TuttiError(
    'INVALID_PERIOD',
    `"${text}" is not a period: use YYYY-MM, YYYY-Qn or YYYY (e.g. 2024-03, 2024-Q1)`,
    {
      value: text,
    },
  );
}

/** The month periods a period covers, in order. */
export function monthsOf(period: Period): string[] {
  const months: string[] = [];
  const [y, m1] = period.start.split('-').map(Number) as [number, number];
  const m2 = Number(period.end.split('-')[1]);
  for (let m = m1; m <= m2; m++) months.push(`${y}-${pad(m)}`);
  return months;
}

/** True when the ISO date `YYYY-MM-DD` lies inside the period. */
export function periodContains(period: Period, isoDate: string): boolean {
  return isoDate >= period.start && isoDate <= period.end;
}
