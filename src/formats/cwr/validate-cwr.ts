import { finding, type CwrFinding } from './finding.js';
import type { CwrHeader } from './header.js';
import { grhVersion } from './header.js';
import type { CwrVersion } from './layout.js';
import { readCwr, type CwrItem, type CwrUnreadableLine, type ReadCwrOptions } from './read-cwr.js';
import { validateTransaction, type ValidatedTransaction } from './validate-transaction.js';

/** Findings kept in a summary, per severity; the counts go on beyond (memory stays flat on huge files). */
export const MAX_LISTED_FINDINGS = 1000;

/** The outcome of validating one CWR file (the `tutti cwr validate` document, less the file name). */
export interface CwrFileSummary {
  /** No error anywhere: the file and every transaction passed. */
  readonly ok: boolean;
  /** The whole file was refused (no HDR, unknown version, empty). */
  readonly rejected: boolean;
  readonly version: CwrVersion | null;
  readonly sender: {
    readonly type: string;
    readonly id: string;
    readonly name: string;
    readonly submitter: string;
  } | null;
  /** Records read, by record type. */
  readonly counts: Readonly<Record<string, number>>;
  /** Transactions read (an ACK with its echoed NWR counts once). */
  readonly transactions: number;
  readonly rejectedTransactions: number;
  readonly errors: readonly CwrFinding[];
  readonly warnings: readonly CwrFinding[];
  readonly errorCount: number;
  readonly warningCount: number;
}

export interface ValidateCwrHandlers {
  /** Called with each header as soon as it is read. */
  readonly onHeader?: (header: CwrHeader) => void | Promise<void>;
  /** Called with each transaction after its edits, in file order; awaited (back-pressure). */
  readonly onTransaction?: (tx: ValidatedTransaction) => void | Promise<void>;
  /** Called with each line that could not be used outside a transaction. */
  readonly onUnreadable?: (line: CwrUnreadableLine) => void | Promise<void>;
}

interface GroupState {
  type: string;
  id: number;
  line: number;
  transactions: number;
  records: number;
  nextSequence: number;
  mixedReported: boolean;
  sequenceReported: boolean;
}

/**
 * Validates a CWR file from a byte stream: file structure (HDR/GRH/GRT/TRL, counts as warnings since
 * real files get them wrong), then every transaction (see `validateTransaction`). Streams: memory holds
 * one chunk and one transaction. Handlers receive transactions for import or acknowledgement.
 */
export async function validateCwr(
  source: AsyncIterable<Uint8Array>,
  options: ReadCwrOptions = {},
  handlers: ValidateCwrHandlers = {},
): Promise<CwrFileSummary> {
  const counts: Record<string, number> = {};
  const errors: CwrFinding[] = [];
  const warnings: CwrFinding[] = [];
  let errorCount = 0;
  let warningCount = 0;
  let header: CwrHeader | undefined;
  let rejected = false;
  let transactions = 0;
  let rejectedTransactions = 0;
  let fileRecords = 0;
  let fileTransactions = 0;
  let groups = 0;
  let group: GroupState | undefined;
  let sawTrailer = false;

  const note = (f: CwrFinding) => {
    if (f.severity === 'error') {
      errorCount++;
      if (errors.length < MAX_LISTED_FINDINGS) errors.push(f);
    } else {
      warningCount++;
      if (warnings.length < MAX_LISTED_FINDINGS) warnings.push(f);
    }
  };
  const count = (type: string) => {
    counts[type] = (counts[type] ?? 0) + 1;
    fileRecords++;
    if (group) group.records++;
  };
  const closeGroup = (line: number) => {
    if (group)
      note(
        finding(
          line,
          'GRT',
          '',
          'CWR_MISSING_TRAILER',
          'warning',
          `group ${group.id} (${group.type}) opened on line ${group.line} has no GRT`,
        ),
      );
    group = undefined;
  };

  const handle = async (item: CwrItem) => {
    switch (item.kind) {
      case 'rejected':
        rejected = true;
        note(item.finding);
        return;
      case 'header':
        header = item.header;
        count('HDR');
        await handlers.onHeader?.(item.header);
        return;
      case 'notice':
        note(item.finding);
        return;
      case 'unreadable':
        count(item.line.raw.slice(0, 3).toUpperCase());
        note(item.line.finding);
        await handlers.onUnreadable?.(item.line);
        return;
      case 'group': {
        closeGroup(item.record.line);
        groups++;
        const f = item.record.fields;
        group = {
          type: f['transactionType'] ?? '',
          id: Number(f['groupId']) || 0,
          line: item.record.line,
          transactions: 0,
          records: 0,
          nextSequence: 0,
          mixedReported: false,
          sequenceReported: false,
        };
        count('GRH');
        const v = grhVersion(item.record.raw);
        if (v && header && v !== header.version) {
          note(
            finding(
              item.record.line,
              'GRH',
              'versionNumber',
              'CWR_VERSION_MISMATCH',
              'warning',
              `line ${item.record.line}: GRH says version ${v}, HDR says ${header.version}; read as ${header.version}`,
            ),
          );
        }
        if (group.id !== groups) {
          note(
            finding(
              item.record.line,
              'GRH',
              'groupId',
              'CWR_SEQUENCE',
              'warning',
              `line ${item.record.line}: group ID is ${group.id}, expected ${groups}`,
            ),
          );
        }
        return;
      }
      case 'transaction': {
        const tx = item.transaction;
        for (const r of tx.records) count(r.type);
        for (const u of tx.unreadable) count(u.raw.slice(0, 3).toUpperCase());
        transactions++;
        fileTransactions++;
        if (group) {
          group.transactions++;
          if (tx.type !== group.type && !group.mixedReported) {
            group.mixedReported = true;
            note(
              finding(
                tx.line,
                tx.type,
                '',
                'CWR_GROUP_TYPE',
                'warning',
                `line ${tx.line}: ${tx.type} transaction in a ${group.type} group (mixed groups are read as they come)`,
              ),
            );
          }
          if (tx.sequence !== group.nextSequence && !group.sequenceReported) {
            group.sequenceReported = true;
            note(
              finding(
                tx.line,
                tx.type,
                'transactionSequence',
                'CWR_SEQUENCE',
                'warning',
                `line ${tx.line}: transaction sequence # is ${tx.sequence}, expected ${group.nextSequence}`,
              ),
            );
          }
          group.nextSequence = tx.sequence + 1;
        } else {
          note(
            finding(
              tx.line,
              tx.type,
              '',
              'CWR_RECORD_ORDER',
              'warning',
              `line ${tx.line}: ${tx.type} transaction before any GRH`,
            ),
          );
        }
        const validated = validateTransaction(tx, header?.version ?? '2.1');
        for (const f of validated.findings) note(f);
        if (validated.status === 'rejected') rejectedTransactions++;
        await handlers.onTransaction?.(validated);
        return;
      }
      case 'group-trailer': {
        count('GRT');
        const f = item.record.fields;
        const line = item.record.line;
        if (!group) {
          note(finding(line, 'GRT', '', 'CWR_RECORD_ORDER', 'warning', `line ${line}: GRT without a GRH`));
          return;
        }
        const declaredTx = Number(f['transactionCount']);
        const declaredRecords = Number(f['recordCount']);
        if (declaredTx !== group.transactions || declaredRecords !== group.records) {
          note(
            finding(
              line,
              'GRT',
              declaredTx !== group.transactions ? 'transactionCount' : 'recordCount',
              'CWR_TRAILER_COUNT',
              'warning',
              `line ${line}: GRT declares ${declaredTx} transactions and ${declaredRecords} records; group ${group.id} has ${group.transactions} and ${group.records}`,
            ),
          );
        }
        group = undefined;
        return;
      }
      case 'trailer': {
        closeGroup(item.record.line);
        count('TRL');
        sawTrailer = true;
        const f = item.record.fields;
        const line = item.record.line;
        const declared = [Number(f['groupCount']), Number(f['transactionCount']), Number(f['recordCount'])];
        if (declared[0] !== groups || declared[1] !== fileTransactions || declared[2] !== fileRecords) {
          note(
            finding(
              line,
              'TRL',
              '',
              'CWR_TRAILER_COUNT',
              'warning',
              `line ${line}: TRL declares ${declared[0]} groups, ${declared[1]} transactions, ${declared[2]} records; the file has ${groups}, ${fileTransactions}, ${fileRecords}`,
            ),
          );
        }
        return;
      }
    }
  };

  for await (const batch of readCwr(source, options)) for (const item of batch) await handle(item);
  if (!rejected && !sawTrailer) {
    closeGroup(0);
    note(
      finding(
        0,
        'TRL',
        '',
        'CWR_MISSING_TRAILER',
        'warning',
        'the file has no TRL record (it may be truncated)',
      ),
    );
  }
  return {
    ok: errorCount === 0,
    rejected,
    version: header?.version ?? null,
    sender: header
      ? { type: header.senderType, id: header.senderId, name: header.senderName, submitter: header.submitter }
      : null,
    counts,
    transactions,
    rejectedTransactions,
    errors,
    warnings,
    errorCount,
    warningCount,
  };
}
