import { TuttiError, micros, type Micros } from '../../domain/index.js';
import { recordRun, sql, type Store } from '../../warehouse/index.js';

/** One amount received against an invoice. */
export interface PaymentInput {
  readonly invoiceId: string;
  /** Micro-units, > 0. */
  readonly amount: Micros;
  /** ISO `YYYY-MM-DD`. */
  readonly receivedOn: string;
}

/** Where an invoice stands after a payment: full, partial, or over-paid. */
export interface InvoiceBalance {
  readonly invoiceId: string;
  readonly invoiced: Micros;
  readonly paidToDate: Micros;
  readonly outstanding: Micros;
  readonly status: 'paid' | 'partial' | 'overpaid';
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Checks a payment against the store; a problem is a TuttiError with the field at fault. */
export async function checkPayment(store: Store, payment: PaymentInput): Promise<void> {
  if (payment.amount <= 0n)
    throw new TuttiError('INVALID_AMOUNT', `the amount must be positive, got ${payment.amount} micro-units`, {
      field: 'amount',
    });
  if (!ISO_DATE.test(payment.receivedOn) || Number.isNaN(Date.parse(`${payment.receivedOn}T00:00:00Z`))) {
    throw new TuttiError('USAGE', `the date must be YYYY-MM-DD, got "${payment.receivedOn}"`, {
      field: 'date',
      value: payment.receivedOn,
    });
  }
  const invoice = await store.one(
    sql`SELECT 1 AS found FROM invoices WHERE invoice_id = ${payment.invoiceId}`,
  );
  if (!invoice)
    throw new TuttiError('NOT_FOUND', `no invoice ${payment.invoiceId}: see the invoices of the claim runs`, {
      field: 'invoice',
      value: payment.invoiceId,
    });
}

/** Inserts checked payments with sequential ids (`pay-<n>`): no clock or randomness in ids. */
export async function insertPayments(
  store: Store,
  payments: readonly PaymentInput[],
  runId: string,
): Promise<string[]> {
  const row = await store.one<{ n: bigint }>(`SELECT count(*) AS n FROM payments`);
  let next = Number(row?.n ?? 0n);
  const ids: string[] = [];
  for (const p of payments) {
    const id = `pay-${++next}`;
    await store.run(
      sql`INSERT INTO payments VALUES (${id}, ${p.invoiceId}, ${p.amount}, ${p.receivedOn}::DATE, ${runId})`,
    );
    ids.push(id);
  }
  return ids;
}

/** The invoice's amount, what has been received so far and what is still receivable. */
export async function invoiceBalance(store: Store, invoiceId: string): Promise<InvoiceBalance> {
  const row = await store.one<{ amount: bigint; paid: bigint }>(sql`SELECT i.amount,
      coalesce((SELECT sum(amount) FROM payments WHERE invoice_id = i.invoice_id), 0)::HUGEINT AS paid
    FROM invoices i WHERE i.invoice_id = ${invoiceId}`);
  if (!row) throw new TuttiError('NOT_FOUND', `no invoice ${invoiceId}`, { value: invoiceId });
  const outstanding = row.amount - row.paid;
  return {
    invoiceId,
    invoiced: micros(row.amount),
    paidToDate: micros(row.paid),
    outstanding: micros(outstanding),
    status: outstanding === 0n ? 'paid' : outstanding > 0n ? 'partial' : 'overpaid',
  };
}

/**
 * Records money received against an invoice (full, partial, or late: after a distribution, the next
 * run distributes it). Recorded as a `collect` run. The unpaid rest stays receivable.
 */
export async function recordPayment(
  store: Store,
  payment: PaymentInput,
  run: { readonly codeVersion: string; readonly now: () => Date },
): Promise<InvoiceBalance & { readonly paymentId: string; readonly runId: string }> {
  await checkPayment(store, payment);
  const params = { invoice: payment.invoiceId, amount: payment.amount.toString(), date: payment.receivedOn };
  return recordRun(
    store,
    { stage: 'collect', params, codeVersion: run.codeVersion, now: run.now() },
    run.now,
    async (runId) => {
      const [paymentId] = await store.transaction(() => insertPayments(store, [payment], runId));
      const balance = await invoiceBalance(store, payment.invoiceId);
      return { ...balance, paymentId: paymentId ?? '', counts: { payments: 1 } };
    },
  ).then(({ counts: _counts, ...rest }) => rest);
}
