import { FINDING_NUMBERS, type CwrFinding } from './finding.js';
import { formatRecord } from './format-record.js';
import { layoutsFor, type CwrHeader } from './header.js';
import type { CwrVersion } from './layout.js';
import type { ValidatedTransaction } from './validate-transaction.js';
import { workRecords } from './to-registration.js';
import { cwrDate, formatHeader } from './write-cwr.js';

/** Who answers (the society) and when. */
export interface AckOptions {
  readonly senderType: 'SO' | 'PB' | 'AA' | 'WR';
  readonly senderId: string;
  readonly senderName: string;
  readonly createdAt: Date;
}

/**
 * Transaction status written in ACK records (standards.md §3.8/3.9), chosen by tutti as a first
 * acknowledgement: `AS` registration accepted (no finding), `AC` accepted with changes (warnings: the
 * fields they name were dropped or defaulted), `RJ` rejected (an error).
 */
export const ACK_STATUS = { accepted: 'AS', warnings: 'AC', rejected: 'RJ' } as const;

/** Writes an ACK file line by line, in step with the validation of the input. */
export interface AckWriter {
  /** The HDR and GRH: call once, first. */
  start(): string[];
  /** ACK + MSG* + the echoed work records (not for rejected transactions). */
  transaction(tx: ValidatedTransaction): string[];
  /** One ACK for a file refused whole (original transaction type HDR). */
  fileRejected(f: CwrFinding): string[];
  /** GRT and TRL with exact counts. */
  end(): string[];
}

/** Creates an ACK writer answering a file of `version` whose HDR was `original` (same version, one ACK group). */
export function createAckWriter(
  version: CwrVersion,
  original: CwrHeader | undefined,
  options: AckOptions,
): AckWriter {
  const layouts = layoutsFor(version);
  let transactions = 0;
  let records = 0;
  const ack = (
    values: Record<string, string | number | undefined>,
    findings: readonly CwrFinding[],
    lineToSeq: (line: number) => number,
    status: string,
    echo: readonly string[],
  ) => {
    const seq = transactions++;
    const out = [
      formatRecord(layouts.get('ACK')!, {
        transactionSequence: seq,
        recordSequence: 0,
        creationDate: original?.creationDate || '',
        creationTime: original?.creationTime || '',
        processingDate: cwrDate(options.createdAt),
        transactionStatus: status,
        ...values,
      }),
    ];
    let recordSequence = 1;
    for (const f of findings) {
      const level =
        f.severity === 'error'
          ? f.code === 'CWR_NO_HDR' || f.code === 'CWR_UNKNOWN_VERSION' || f.code === 'CWR_EMPTY_FILE'
            ? 'E'
            : 'T'
          : 'F';
      out.push(
        formatRecord(layouts.get('MSG')!, {
          transactionSequence: seq,
          recordSequence: recordSequence++,
          messageType: level,
          originalRecordSequence: lineToSeq(f.line),
          recordType: f.record,
          messageLevel: level,
          validationNumber: FINDING_NUMBERS[f.code],
          messageText: `${f.code} ${f.message}`,
        }),
      );
    }
    for (const raw of echo) {
      // An echoed transaction continues the ACK's numbering (standards.md §3.3).
      out.push(
        `${raw.slice(0, 3)}${String(seq).padStart(8, '0')}${String(recordSequence++).padStart(8, '0')}${raw.slice(19)}`,
      );
    }
    records += out.length;
    return out;
  };
  return {
    start() {
      records += 1; // GRH: group record counts include GRH and GRT, the file's add HDR and TRL

      const grhVersion = { '2.1': '02.10', '2.2': '02.20', '3.0': '03.00', '3.1': '03.10' }[version];
      return [
        formatHeader({ version, ...options }),
        formatRecord(layouts.get('GRH')!, {
          transactionType: 'ACK',
          groupId: 1,
          versionNumber: grhVersion,
          batchRequest: 0,
        }),
      ];
    },
    transaction(v) {
      const tx = v.transaction;
      const work = workRecords(tx);
      const head = work[0] ?? tx.records[0];
      const byLine = new Map(tx.records.map((r) => [r.line, Number(r.fields['recordSequence']) || 0]));
      const echo = v.status === 'rejected' ? [] : (work.length > 0 ? work : tx.records).map((r) => r.raw);
      return ack(
        {
          originalGroupId: tx.groupId,
          originalTransactionSequence: tx.sequence,
          originalTransactionType: tx.type,
          creationTitle: head?.fields['title'] ?? '',
          submitterCreationNumber: head?.fields['submitterWorkId'] ?? '',
        },
        v.findings,
        (line) => byLine.get(line) ?? 0,
        ACK_STATUS[v.status],
        echo,
      );
    },
    fileRejected(f) {
      return ack(
        { originalGroupId: 0, originalTransactionSequence: 0, originalTransactionType: 'HDR' },
        [f],
        () => 0,
        'RJ',
        [],
      );
    },
    end() {
      records += 1;
      return [
        formatRecord(layouts.get('GRT')!, {
          groupId: 1,
          transactionCount: transactions,
          recordCount: records,
        }),
        formatRecord(layouts.get('TRL')!, {
          groupCount: 1,
          transactionCount: transactions,
          recordCount: records + 2,
        }),
      ];
    },
  };
}
