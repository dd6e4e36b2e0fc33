import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { TuttiError, isTuttiError, micros, parseMicros, type Micros } from '../../domain/index.js';
import { recordRun, sql, type Store } from '../../warehouse/index.js';
import { checkPayment, insertPayments, type PaymentInput } from './record-payment.js';

/** A line of a payments file that was not recorded, and why (it is quarantined, not lost). */
export interface PaymentReject {
  readonly line: number;
  readonly code: string;
  readonly reason: string;
}

export interface PaymentsFileResult {
  readonly runId: string | null;
  readonly file: string;
  readonly sha256: string;
  /** True when the same bytes were loaded before: nothing is counted twice. */
  readonly alreadyLoaded: boolean;
  readonly payments: number;
  readonly amount: Micros;
  readonly rejects: readonly PaymentReject[];
}

const HEADER = 'invoice_id,amount,received_on';

/**
 * Loads a payments file: CSV with the header `invoice_id,amount,received_on`, amounts as decimal text
 * in currency units (`1125.50`), dates `YYYY-MM-DD`. Bad lines are quarantined with their reason and
 * the others recorded; a file without that header is refused whole (INPUT_REJECTED). A file already
 * loaded (same SHA-256) is recognised and not counted twice.
 */
export async function loadPaymentsFile(
  store: Store,
  path: string,
  run: { readonly codeVersion: string; readonly now: () => Date },
): Promise<PaymentsFileResult> {
  const bytes = readFileSync(path);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const seen = await store.one(
    sql`SELECT 1 AS found FROM input_files WHERE file_id = ${sha256} AND status = 'ingested'`,
  );
  if (seen)
    return {
      runId: null,
      file: path,
      sha256,
      alreadyLoaded: true,
      payments: 0,
      amount: micros(0n),
      rejects: [],
    };
  const lines = bytes.toString('utf8').split(/\r?\n/);
  if ((lines[0] ?? '').trim().toLowerCase() !== HEADER) {
    throw new TuttiError(
      'INPUT_REJECTED',
      `${path} is not a payments file: the first line must be "${HEADER}"`,
      { file: path, line: 1 },
    );
  }
  const start = {
    stage: 'collect',
    params: { file: path },
    inputs: [{ file: path, sha256, bytes: bytes.length }],
    codeVersion: run.codeVersion,
    now: run.now(),
  };
  const result = await recordRun(store, start, run.now, async (runId) => {
    const good: PaymentInput[] = [];
    const rejects: (PaymentReject & { raw: string })[] = [];
    for (const [index, raw] of lines.entries()) {
      if (index === 0 || raw.trim() === '') continue;
      try {
        const [invoiceId, amount, receivedOn, ...extra] = raw.split(',').map((f) => f.trim());
        if (extra.length > 0 || !invoiceId || !amount || !receivedOn) {
          throw new TuttiError(
            'INPUT_REJECTED',
            `expected 3 fields (${HEADER}), found ${raw.split(',').length}`,
          );
        }
        const payment = { invoiceId, amount: parseMicros(amount), receivedOn };
        await checkPayment(store, payment);
        good.push(payment);
      } catch (error) {
        if (!isTuttiError(error)) throw error;
        rejects.push({ line: index + 1, code: error.code, reason: error.message, raw });
      }
    }
    await store.transaction(async () => {
      await insertPayments(store, good, runId);
      for (const r of rejects) {
        await store.run(
          sql`INSERT INTO quarantine VALUES (${sha256}, ${path}, ${r.line}, 'payment', ${r.code}, ${r.reason}, ${r.raw}, ${runId})`,
        );
      }
      await store.run(
        sql`INSERT INTO input_files VALUES (${sha256}, 'payments', ${path}, ${bytes.length}, 'ingested', ${runId}, NULL, ${run.now().toISOString()}::TIMESTAMP)`,
      );
    });
    const amount = micros(good.reduce((s, p) => s + p.amount, 0n));
    return {
      good: good.length,
      amount,
      rejects: rejects.map(({ raw: _raw, ...r }) => r),
      counts: { payments: good.length, rejects: rejects.length },
    };
  });
  return {
    runId: result.runId,
    file: path,
    sha256,
    alreadyLoaded: false,
    payments: result.good,
    amount: result.amount,
    rejects: result.rejects,
  };
}
