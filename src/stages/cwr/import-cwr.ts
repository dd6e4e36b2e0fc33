import { createReadStream } from 'node:fs';
import { basename } from 'node:path';
import {
  validateCwr,
  type CwrFinding,
  type CwrHeader,
  type ValidatedTransaction,
} from '../../formats/cwr/index.js';
import { recordRun, sql, type Store } from '../../warehouse/index.js';
import { fingerprintFile } from '../files/index.js';
import {
  appendWorks,
  deleteWorkRows,
  existingVersions,
  loadStoredWork,
  type WorkToAppend,
} from './work-store.js';
import { storeAgreement, toAgreementRows } from './agreement-store.js';
import { snapshotKey, toWorkRows, type WorkRows } from './work-rows.js';

/** The outcome of importing one file (one entry of `tutti cwr import --json`). */
export interface CwrImportResult {
  readonly file: string;
  readonly status: 'imported' | 'duplicate' | 'rejected';
  readonly sha256: string;
  readonly version: string | null;
  /** Works written: new plus revised. */
  readonly works: number;
  readonly newWorks: number;
  readonly revisedWorks: number;
  /** Registrations identical to the stored work (nothing changed). */
  readonly unchangedWorks: number;
  readonly transactions: number;
  readonly rejectedTransactions: number;
  /** Agreements (AGR with TER/IPA) written to `cwr_agreements` (a later AGR with the same number replaces them). */
  readonly agreements: number;
  /** ACK, EXC and other transactions that register no work are read and validated but not imported. */
  readonly skippedTransactions: number;
  readonly quarantinedLines: number;
  readonly errors: number;
  readonly warnings: number;
  readonly runId?: string;
  readonly reason?: string;
}

export interface ImportCwrOptions {
  readonly now: () => Date;
  readonly codeVersion: string;
  /** Works buffered before they are appended (memory versus round trips). */
  readonly batchSize?: number;
  readonly onProgress?: (p: { readonly transactions: number }) => void;
  readonly onReject?: (r: { readonly file: string; readonly finding: CwrFinding }) => void;
}

const IMPORTED = new Set(['NWR', 'REV', 'ISW', 'WRK']);

/**
 * Imports one CWR file into the repertoire, idempotently: a file already seen (same SHA-256) is a
 * duplicate and changes nothing; a registration identical to the stored work changes nothing; a
 * different one (REV, a WRK or NWR for a known work) writes the stored version to `work_history` and
 * replaces the work with `version + 1`. Rejected transactions and unreadable lines go to `quarantine`.
 * One file is one DuckDB transaction and one run (`cwr-import`).
 */
export async function importCwrFile(
  store: Store,
  path: string,
  options: ImportCwrOptions,
): Promise<CwrImportResult> {
  const { sha256, bytes } = await fingerprintFile(path);
  const base = {
    file: path,
    sha256,
    works: 0,
    newWorks: 0,
    revisedWorks: 0,
    unchangedWorks: 0,
    transactions: 0,
    rejectedTransactions: 0,
    agreements: 0,
    skippedTransactions: 0,
    quarantinedLines: 0,
    errors: 0,
    warnings: 0,
  };
  const seen = await store.one(sql`SELECT status FROM input_files WHERE file_id = ${sha256}`);
  if (seen) return { ...base, status: 'duplicate', version: null };
  const batchSize = options.batchSize ?? 2000;
  const result = await recordRun(
    store,
    {
      stage: 'cwr-import',
      params: { file: path },
      inputs: [{ file: path, sha256, bytes }],
      codeVersion: options.codeVersion,
      now: options.now(),
    },
    options.now,
    (runId) =>
      store.transaction(async () => {
        const now = options.now().toISOString();
        let header: CwrHeader | undefined;
        let pending: WorkRows[] = [];
        const pendingIds = new Set<string>();
        const counts = {
          newWorks: 0,
          revisedWorks: 0,
          unchangedWorks: 0,
          agreements: 0,
          skippedTransactions: 0,
          quarantinedLines: 0,
        };
        let transactions = 0;

        const quarantine = async (line: number, raw: string | null, f: CwrFinding) => {
          counts.quarantinedLines++;
          await store.run(
            sql`INSERT INTO quarantine VALUES (${sha256}, ${path}, ${line}, ${f.record}, ${f.code}, ${f.message}, ${raw}, ${runId})`,
          );
          options.onReject?.({ file: path, finding: f });
        };
        const registeredAt = () =>
          header && /^\d{8}$/.test(header.creationDate) && Number(header.creationDate) > 0
            ? `${header.creationDate.slice(0, 4)}-${header.creationDate.slice(4, 6)}-${header.creationDate.slice(6, 8)}`
            : now.slice(0, 10);

        const flush = async () => {
          if (pending.length === 0) return;
          const existing = await existingVersions(
            store,
            pending.map((r) => r.work.work_id),
          );
          const toAppend: WorkToAppend[] = [];
          for (const rows of pending) {
            const id = rows.work.work_id;
            const version = existing.get(id);
            if (version === undefined) {
              counts.newWorks++;
              toAppend.push({ rows, version: 1, registeredAt: registeredAt() });
              continue;
            }
            const stored = await loadStoredWork(store, id);
            if (stored && snapshotKey(stored) === snapshotKey(rows)) {
              counts.unchangedWorks++;
              continue;
            }
            const first = await store.one<{ registered_at: string | null }>(
              sql`SELECT registered_at::VARCHAR AS registered_at FROM works WHERE work_id = ${id}`,
            );
            await store.run(
              sql`INSERT INTO work_history VALUES (${id}, ${version}, ${JSON.stringify(stored)}, ${runId})`,
            );
            await deleteWorkRows(store, id);
            counts.revisedWorks++;
            toAppend.push({
              rows,
              version: version + 1,
              registeredAt: first?.registered_at ?? registeredAt(),
            });
          }
          await appendWorks(store, toAppend, { fileId: sha256, now });
          pending = [];
          pendingIds.clear();
        };

        const onTransaction = async (v: ValidatedTransaction) => {
          transactions++;
          if (transactions % 1000 === 0) options.onProgress?.({ transactions });
          if (v.status === 'rejected') {
            const first = v.findings.find((f) => f.severity === 'error')!;
            for (const r of v.transaction.records)
              await quarantine(r.line, r.raw, { ...first, line: r.line, record: r.type });
            for (const u of v.transaction.unreadable) await quarantine(u.line, u.raw, u.finding);
            return;
          }
          for (const u of v.transaction.unreadable) await quarantine(u.line, u.raw, u.finding);
          if (v.transaction.type === 'AGR' && header) {
            const agreement = toAgreementRows(v.transaction, header.submitter);
            if (agreement) {
              await storeAgreement(store, agreement, header.submitter, sha256);
              counts.agreements++;
            } else counts.skippedTransactions++;
            return;
          }
          if (!IMPORTED.has(v.transaction.type) || !v.registration || !header) {
            counts.skippedTransactions++;
            return;
          }
          const rows = toWorkRows(v.registration, header.submitter);
          // The same work twice in one file (NWR then REV): the first must be stored before the second is compared.
          if (pendingIds.has(rows.work.work_id)) await flush();
          pending.push(rows);
          pendingIds.add(rows.work.work_id);
          if (pending.length >= batchSize) await flush();
        };

        const summary = await validateCwr(
          createReadStream(path),
          { fileName: basename(path) },
          {
            onHeader: (h) => {
              header = h;
            },
            onTransaction,
            onUnreadable: (u) => quarantine(u.line, u.raw, u.finding),
          },
        );
        await flush();
        await store.run(
          `UPDATE isrc_work_links SET conflict = true WHERE NOT conflict AND isrc IN (SELECT isrc FROM isrc_work_links GROUP BY isrc HAVING count(DISTINCT work_id) > 1)`,
        );
        const reason = summary.rejected ? (summary.errors[0]?.message ?? 'rejected') : null;
        if (summary.rejected && summary.errors[0])
          options.onReject?.({ file: path, finding: summary.errors[0] });
        await store.run(
          sql`INSERT INTO input_files VALUES (${sha256}, 'cwr', ${path}, ${bytes}, ${summary.rejected ? 'rejected' : 'ingested'}, ${runId}, ${reason}, ${now}::TIMESTAMP)`,
        );
        const out = {
          ...base,
          ...counts,
          status: summary.rejected ? ('rejected' as const) : ('imported' as const),
          version: summary.version,
          works: counts.newWorks + counts.revisedWorks,
          transactions,
          rejectedTransactions: summary.rejectedTransactions,
          errors: summary.errorCount,
          warnings: summary.warningCount,
          ...(reason ? { reason } : {}),
        } satisfies Omit<CwrImportResult, 'runId'>;
        return {
          out,
          counts: { ...counts, transactions, rejectedTransactions: summary.rejectedTransactions },
        };
      }),
  );
  return { ...result.out, runId: result.runId };
}
