import { TuttiError, micros, type Micros } from '../../domain/index.js';
import type { Store } from '../../warehouse/index.js';

/** The money of one distribution run, in micro-units: collected = paid + remitted + commission + deductions + held. */
export interface Conservation {
  readonly collected: Micros;
  readonly paid: Micros;
  readonly remitted: Micros;
  readonly commission: Micros;
  readonly deductions: Micros;
  /** Change in held money: unidentified, disputed, unknown payees, and members' balances carried. */
  readonly held: Micros;
  readonly ok: boolean;
}

interface Sums {
  cash: bigint | null;
  issued: bigint | null;
  paid: bigint | null;
  remitted: bigint | null;
  commission: bigint | null;
  deductions: bigint | null;
  held_lines: bigint | null;
  carried: bigint | null;
  brought: bigint | null;
  bad_rows: bigint | null;
}

const big = (v: bigint | null) => micros(v ?? 0n);

/**
 * Sums the run's temp tables in SQL and checks conservation in bigint, to the micro-unit:
 * `collected` comes from the payments side (cash on the invoices in scope minus the gross already
 * issued for them), the other terms from the statement lines, balances and remittances. Also checks
 * that every line has gross = commission + deductions + net. Throws TuttiError('CONSERVATION') when broken.
 */
export async function checkConservation(store: Store): Promise<Conservation> {
  const sums = await store.one<Sums>(`SELECT
    (SELECT sum(cash) FROM dist_invoices)::HUGEINT AS cash,
    (SELECT sum(s.gross) FROM statement_lines s SEMI JOIN dist_invoices USING (invoice_id))::HUGEINT AS issued,
    (SELECT sum(paid) FROM dist_balances)::HUGEINT AS paid,
    (SELECT sum(amount) FROM dist_remittances)::HUGEINT AS remitted,
    (SELECT sum(commission) FROM dist_lines)::HUGEINT AS commission,
    (SELECT sum(deductions) FROM dist_lines)::HUGEINT AS deductions,
    (SELECT sum(net) FROM dist_lines WHERE payee_kind = 'held')::HUGEINT AS held_lines,
    (SELECT sum(carried) FROM dist_balances)::HUGEINT AS carried,
    (SELECT sum(brought_forward) FROM dist_balances)::HUGEINT AS brought,
    (SELECT count(*) FROM dist_lines WHERE gross <> commission + deductions + net)::HUGEINT AS bad_rows`);
  if (!sums) throw new TuttiError('INTERNAL', 'the conservation sums returned no row');
  const collected = micros(big(sums.cash) - big(sums.issued));
  const held = micros(big(sums.held_lines) + big(sums.carried) - big(sums.brought));
  const result = {
    collected,
    paid: big(sums.paid),
    remitted: big(sums.remitted),
    commission: big(sums.commission),
    deductions: big(sums.deductions),
    held,
  };
  const accounted = result.paid + result.remitted + result.commission + result.deductions + result.held;
  const ok = accounted === collected && big(sums.bad_rows) === 0n;
  if (!ok) {
    throw new TuttiError(
      'CONSERVATION',
      `conservation broken: collected ${collected} ≠ paid ${result.paid} + remitted ${result.remitted} + commission ${result.commission} + deductions ${result.deductions} + held ${held} (= ${accounted}), ${big(sums.bad_rows)} line(s) whose gross ≠ commission + deductions + net; nothing was written`,
      { difference: (collected - accounted).toString() },
    );
  }
  return { ...result, ok };
}
