import {
  checkIpiNameNumber,
  checkIsrc,
  checkIswc,
  SHARE_TOLERANCE,
  type WorkRegistration,
} from '../../domain/index.js';
import { finding, type CwrFinding } from './finding.js';
import type { CwrVersion } from './layout.js';
import type { CwrRecord } from './parse-record.js';
import type { CwrTransaction } from './read-cwr.js';
import { toRegistration, workRecords } from './to-registration.js';

/** A transaction after the edits: its findings, its status, and the registration it carries (absent for AGR, ACK-only...). */
export interface ValidatedTransaction {
  readonly transaction: CwrTransaction;
  readonly findings: readonly CwrFinding[];
  readonly status: 'accepted' | 'warnings' | 'rejected';
  readonly registration?: WorkRegistration;
}

// Record order inside NWR/REV/ISW/EXC/WRK (S-CWR22 transaction edit 43), as blocks: a record may not
// follow one of a later block. Within the publisher and writer blocks chains repeat, so only blocks are ranked.
const RANK: Readonly<Record<string, number>> = {
  NWR: 0,
  REV: 0,
  ISW: 0,
  EXC: 0,
  WRK: 0,
  SPU: 1,
  NPN: 1,
  SPT: 1,
  OPT: 1,
  OPU: 1,
  SWR: 2,
  NWN: 2,
  SWT: 2,
  PWR: 2,
  OWR: 2,
  OWT: 2,
  MAN: 2,
  ALT: 3,
  NAT: 3,
  EWT: 4,
  NET: 4,
  OWK: 4,
  VER: 5,
  NVT: 5,
  PER: 6,
  NPR: 6,
  REC: 7,
  ORN: 8,
  INS: 9,
  IND: 9,
  COM: 10,
  NCT: 10,
  ARI: 11,
  XRF: 12,
};
const AGR_RANK: Readonly<Record<string, number>> = { AGR: 0, TER: 1, IPA: 2, NPA: 2 };
// NOW (non-Roman writer name) follows NET, NVT or NCT wherever those are: it takes the rank of the record before it.
const UNRANKED = new Set(['NOW']);
const CREATORS = new Set(['C', 'A', 'CA']);
const RIGHTS = [
  ['performing', 'PR'],
  ['mechanical', 'MR'],
  ['sync', 'SR'],
] as const;

function checkOrder(
  records: readonly CwrRecord[],
  ranks: Readonly<Record<string, number>>,
  out: CwrFinding[],
): void {
  let best = -1;
  let bestType = '';
  for (const r of records) {
    if (UNRANKED.has(r.type)) continue;
    const rank = ranks[r.type];
    if (rank === undefined) {
      out.push(
        finding(
          r.line,
          r.type,
          '',
          'CWR_RECORD_ORDER',
          'error',
          `line ${r.line}: ${r.type} does not belong in this transaction`,
        ),
      );
      continue;
    }
    if (rank < best) {
      out.push(
        finding(
          r.line,
          r.type,
          '',
          'CWR_RECORD_ORDER',
          'error',
          `line ${r.line}: ${r.type} comes after ${bestType}; CWR requires it before (transaction edit 43)`,
        ),
      );
    }
    if (rank > best) {
      best = rank;
      bestType = r.type;
    }
  }
}

function checkSequence(tx: CwrTransaction, out: CwrFinding[]): void {
  let expected = 0;
  for (const r of tx.records) {
    if (r.type === 'ACK' || r.type === tx.type) expected = 0;
    const seq = Number(r.fields['recordSequence']);
    if (
      r !== tx.records[0] &&
      r.type !== 'NWR' &&
      r.type !== 'REV' &&
      r.type !== 'EXC' &&
      r.type !== 'WRK' &&
      seq !== expected
    ) {
      out.push(
        finding(
          r.line,
          r.type,
          'recordSequence',
          'CWR_SEQUENCE',
          'warning',
          `line ${r.line}: record sequence # is ${r.fields['recordSequence']}, expected ${expected}`,
        ),
      );
      return;
    }
    expected = seq + 1;
  }
}

/**
 * Runs the CISAC edits that matter on one transaction (standards.md §3.7): record order, required fields,
 * identifier check digits, ownership totals per right (±0.06 %) and collection totals per territory.
 * An error rejects the transaction; warnings are reported, and a field whose check failed is dropped
 * (CISAC field-level rejection) — an invalid ISWC is not kept, an invalid IPI name number is kept.
 */
export function validateTransaction(tx: CwrTransaction, version: CwrVersion): ValidatedTransaction {
  const out: CwrFinding[] = tx.unreadable.map((u) => u.finding);
  const records = workRecords(tx);
  if (tx.type === 'AGR') {
    checkOrder(tx.records, AGR_RANK, out);
    checkAgreementShares(tx, out);
  }
  checkSequence(tx, out);
  let registration: WorkRegistration | undefined;
  if (records.length > 0) {
    checkOrder(records, RANK, out);
    const mapped = toRegistration(tx, version);
    out.push(...mapped.findings);
    registration = mapped.registration;
    const head = records[0]!;
    for (const field of ['title', 'submitterWorkId'] as const) {
      if (!head.fields[field])
        out.push(
          finding(
            head.line,
            head.type,
            field,
            'CWR_REQUIRED_FIELD',
            'error',
            `line ${head.line}: ${head.type} ${field} is blank; it is mandatory`,
          ),
        );
    }
    if (registration?.iswc) {
      const c = checkIswc(registration.iswc);
      if (!c.ok) {
        out.push(
          finding(
            head.line,
            head.type,
            'iswc',
            'CWR_BAD_ISWC_CHECK_DIGIT',
            'warning',
            `line ${head.line}: ISWC "${registration.iswc}" is invalid (${c.reason}); the ISWC is ignored`,
          ),
        );
        registration = without(registration, 'iswc');
      }
    }
    for (const r of records) {
      const ipi = r.fields['ipiNameNumber'];
      if (ipi && Number(ipi) > 0) {
        const c = checkIpiNameNumber(ipi.padStart(11, '0'));
        if (!c.ok)
          out.push(
            finding(
              r.line,
              r.type,
              'ipiNameNumber',
              'CWR_BAD_IPI_CHECK_DIGIT',
              'warning',
              `line ${r.line}: ${r.type} IPI name number "${ipi}" is invalid (${c.reason})`,
            ),
          );
      }
      if ((r.type === 'SPU' && !r.fields['ipNumber']) || (r.type === 'SWR' && !r.fields['ipNumber'])) {
        out.push(
          finding(
            r.line,
            r.type,
            'ipNumber',
            'CWR_REQUIRED_FIELD',
            'error',
            `line ${r.line}: ${r.type} interested party # is blank; it is mandatory for controlled parties`,
          ),
        );
      }
      if (r.type === 'REC' && r.fields['isrc'] && !checkIsrc(r.fields['isrc']).ok) {
        out.push(
          finding(
            r.line,
            'REC',
            'isrc',
            'CWR_BAD_ISRC',
            'warning',
            `line ${r.line}: ISRC "${r.fields['isrc']}" is not CC XXX YY NNNNN; the recording is kept without it`,
          ),
        );
      }
    }
    if (registration) {
      registration = dropBadIsrcs(registration);
      checkShares(registration, head, version, out);
    }
  }
  // An ACK echoes what the society received, possibly the very transaction it rejected: the edits
  // describe that echo, they do not make the acknowledgement wrong. Reported as warnings.
  if (tx.type === 'ACK') {
    for (let i = 0; i < out.length; i++) {
      const f = out[i]!;
      if (f.severity === 'error')
        out[i] = {
          ...f,
          severity: 'warning',
          message: `${f.message} (in an acknowledgement: reported only)`,
        };
    }
  }
  const status = out.some((x) => x.severity === 'error')
    ? 'rejected'
    : out.length > 0
      ? 'warnings'
      : 'accepted';
  return {
    transaction: tx,
    findings: out,
    status,
    ...(registration && status !== 'rejected' ? { registration } : {}),
  };
}

/**
 * IPA shares of an agreement: assignors and acquirers add up to 100 % per right within ±0.06 %
 * (standards.md §3.6). Over is an error (the agreement gives away more than exists); a right the
 * agreement does not cover totals 0; under 100 % is a warning, as for work ownership.
 */
function checkAgreementShares(tx: CwrTransaction, out: CwrFinding[]): void {
  const ipas = tx.records.filter((r) => r.type === 'IPA');
  if (ipas.length === 0) {
    out.push(
      finding(
        tx.line,
        'AGR',
        '',
        'CWR_REQUIRED_FIELD',
        'warning',
        `line ${tx.line}: agreement without IPA records (at least an assignor and an acquirer are expected)`,
      ),
    );
    return;
  }
  for (const [, label] of RIGHTS) {
    const field = `${label.toLowerCase()}Share`;
    let total = 0;
    for (const r of ipas) {
      const t = r.fields[field] ?? '';
      if (t === '') continue;
      if (!/^\d{1,5}$/.test(t)) {
        out.push(
          finding(
            r.line,
            'IPA',
            field,
            'CWR_INVALID_NUMBER',
            'error',
            `line ${r.line}: IPA ${field} "${t}" is not a 5-digit share (999v99)`,
          ),
        );
        continue;
      }
      total += Number(t);
    }
    const pct = `${Math.trunc(total / 100)}.${String(total % 100).padStart(2, '0')} %`;
    if (total > 10000 + SHARE_TOLERANCE)
      out.push(
        finding(
          tx.line,
          'AGR',
          field,
          'CWR_SHARE_TOTAL',
          'error',
          `line ${tx.line}: IPA ${label} shares total ${pct}, more than 100 % (+0.06 %)`,
        ),
      );
    else if (total > 0 && total < 10000 - SHARE_TOLERANCE)
      out.push(
        finding(
          tx.line,
          'AGR',
          field,
          'CWR_SHARE_TOTAL',
          'warning',
          `line ${tx.line}: IPA ${label} shares total ${pct}, less than 100 % (-0.06 %)`,
        ),
      );
  }
}

/** A copy of an object without one optional key (exactOptionalPropertyTypes: absent, not undefined). */
function without<T extends object>(value: T, key: keyof T): T {
  const copy = { ...value };
  delete copy[key];
  return copy;
}

/** Keeps valid ISRCs in their normalised form (`FR-Z03-24-00001` → `FRZ032400001`) and drops invalid ones. */
function dropBadIsrcs(reg: WorkRegistration): WorkRegistration {
  if (
    reg.recordings.every(
      (r) => r.isrc === undefined || (checkIsrc(r.isrc).ok && /^[A-Z0-9]{12}$/.test(r.isrc)),
    )
  )
    return reg;
  return {
    ...reg,
    recordings: reg.recordings.map((r) => {
      if (r.isrc === undefined) return r;
      const c = checkIsrc(r.isrc);
      if (c.ok) return { ...r, isrc: c.value };
      return without(r, 'isrc');
    }),
  };
}

function checkShares(reg: WorkRegistration, head: CwrRecord, version: CwrVersion, out: CwrFinding[]): void {
  const at = (
    code: 'CWR_SHARE_TOTAL' | 'CWR_COLLECTION_TOTAL' | 'CWR_PUBLISHER_SHARE' | 'CWR_NO_CREATOR',
    severity: 'error' | 'warning',
    field: string,
    message: string,
  ) => out.push(finding(head.line, head.type, field, code, severity, `line ${head.line}: ${message}`));
  const fmt = (n: number) => `${Math.trunc(n / 100)}.${String(n % 100).padStart(2, '0')} %`;
  const parties = [...reg.publishers, ...reg.writers];
  for (const [right, label] of RIGHTS) {
    const total = parties.reduce((s, p) => s + p.ownership[right], 0);
    if (total > 10000 + SHARE_TOLERANCE)
      at(
        'CWR_SHARE_TOTAL',
        'error',
        `${label.toLowerCase()}Share`,
        `${label} ownership totals ${fmt(total)}, more than 100 % (+0.06 %)`,
      );
    // In 3.x only MAN (writers' manuscript shares) carries ownership; a short total there says nothing about publishers.
    else if (total > 0 && total < 10000 - SHARE_TOLERANCE && !version.startsWith('3')) {
      at(
        'CWR_SHARE_TOTAL',
        'warning',
        `${label.toLowerCase()}Share`,
        `${label} ownership totals ${fmt(total)}, less than 100 % (-0.06 %)`,
      );
    }
    const publisherTotal = reg.publishers.reduce((s, p) => s + p.ownership[right], 0);
    if (right === 'performing' && publisherTotal > 5000 + SHARE_TOLERANCE) {
      at(
        'CWR_PUBLISHER_SHARE',
        'warning',
        'prShare',
        `publisher PR ownership totals ${fmt(publisherTotal)}, more than 50 %`,
      );
    }
    const perTerritory = new Map<string, number>();
    for (const p of parties) {
      for (const c of p.collection) {
        for (const t of c.territories) {
          if (!t.include) continue;
          perTerritory.set(t.tis, (perTerritory.get(t.tis) ?? 0) + c.shares[right]);
        }
      }
    }
    for (const [tis, sum] of perTerritory) {
      if (sum > 10000 + SHARE_TOLERANCE)
        at(
          'CWR_COLLECTION_TOTAL',
          'error',
          `${label.toLowerCase()}Share`,
          `${label} collection in territory ${tis} totals ${fmt(sum)}, more than 100 % (+0.06 %)`,
        );
    }
  }
  if (!reg.writers.some((w) => CREATORS.has(w.role)))
    at('CWR_NO_CREATOR', 'warning', 'designation', 'no writer is a composer or author (C, A or CA)');
}
