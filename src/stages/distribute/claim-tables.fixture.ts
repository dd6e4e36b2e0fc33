import { sql, type Store } from '../../warehouse/index.js';
import type { DistributeOptions } from './distribute.js';

/**
 * Test support: the claim stage's tables (migration 040, written by the claim stage) with exactly the
 * contracted columns, created only when the store does not have them yet, and rows for the
 * worked example of royalties.md §6 (Spotify France, March 2024, work "Exemple").
 */
export async function ensureClaimTables(store: Store): Promise<void> {
  const have = await store.one<{ n: bigint }>(
    `SELECT count(*) AS n FROM duckdb_tables() WHERE table_name = 'claim_lines' AND NOT temporary`,
  );
  if (have && have.n > 0n) return;
  await store.run(`CREATE TABLE invoices (invoice_id VARCHAR, report_id VARCHAR, licensor VARCHAR, rights_controller VARCHAR, currency VARCHAR,
    amount HUGEINT, performing HUGEINT, mechanical HUGEINT, held_overclaim HUGEINT, claim_file VARCHAR, status VARCHAR, run_id VARCHAR)`);
  await store.run(`CREATE TABLE claim_lines (claim_id VARCHAR, invoice_id VARCHAR, report_id VARCHAR, summary_id VARCHAR, block_id VARCHAR,
    resource_ref VARCHAR, dsp_resource_id VARCHAR, work_id VARCHAR, right_type VARCHAR, licensor VARCHAR, mandate_id VARCHAR, service VARCHAR,
    commercial_model VARCHAR, territory VARCHAR, period_start DATE, period_end DATE, usages BIGINT, work_value HUGEINT, share_claimed INTEGER,
    claimed_amount HUGEINT, held_overclaim HUGEINT, run_id VARCHAR)`);
  await store.run(
    'CREATE TABLE claim_shares (claim_id VARCHAR, party_id VARCHAR, role VARCHAR, share INTEGER)',
  );
}

export interface ClaimLineRow {
  readonly claimId: string;
  readonly invoiceId: string;
  readonly workId: string;
  readonly rightType: 'performing' | 'mechanical';
  readonly claimed: bigint;
  readonly shareClaimed: number;
  readonly shares: readonly { party: string; role: string; share: number }[];
  readonly mandateId?: string;
  readonly runId?: string;
  readonly usages?: bigint;
  readonly resourceRef?: string;
}

export async function insertInvoice(
  store: Store,
  invoiceId: string,
  amount: bigint,
  runId = 'claim-run-1',
): Promise<void> {
  await store.run(
    sql`INSERT INTO invoices VALUES (${invoiceId}, 'R1', 'society', 'SACEM', 'EUR', ${amount}, ${amount / 2n}, ${amount - amount / 2n}, 0, 'claims.cdm', 'issued', ${runId})`,
  );
}

export async function insertClaimLine(store: Store, line: ClaimLineRow): Promise<void> {
  await store.run(sql`INSERT INTO claim_lines VALUES (${line.claimId}, ${line.invoiceId}, 'R1', 'S1', 'B1', ${line.resourceRef ?? 'R1'}, 'DSP-1', ${line.workId},
    ${line.rightType}, ${line.mandateId ? line.mandateId : 'society'}, ${line.mandateId ?? null}, 'Spotify Premium', 'SubscriptionModel', 'FR',
    '2024-03-01'::DATE, '2024-03-31'::DATE, ${line.usages ?? 1_000_000n}, ${line.claimed}, ${line.shareClaimed}, ${line.claimed},
    0, ${line.runId ?? 'claim-run-1'})`);
  for (const s of line.shares)
    await store.run(
      sql`INSERT INTO claim_shares VALUES (${line.claimId}, ${s.party}, ${s.role}, ${s.share})`,
    );
}

export async function insertParty(
  store: Store,
  party: { id: string; name: string; member: boolean; pr?: string; mr?: string; kind?: string; ipi?: string },
): Promise<void> {
  await store.run(sql`INSERT INTO parties (party_id, kind, name, ipi_name_number, pr_society, mr_society, is_member)
    VALUES (${party.id}, ${party.kind ?? 'writer'}, ${party.name}, ${party.ipi ?? null}, ${party.pr ?? null}, ${party.mr ?? null}, ${party.member})`);
}

export async function insertPayment(
  store: Store,
  paymentId: string,
  invoiceId: string,
  amount: bigint,
  on = '2024-05-20',
): Promise<void> {
  await store.run(
    sql`INSERT INTO payments VALUES (${paymentId}, ${invoiceId}, ${amount}, ${on}::DATE, 'collect-run')`,
  );
}

/**
 * The worked example: authors A (lyrics) and C (music), publisher E, all members; performing key 4/12
 * each (3333 hundredths each of a 99.99 % claim, so the key stays exactly equal), mechanical 25/25/50.
 */
export async function insertWorkedExample(
  store: Store,
  options: { members?: { A?: boolean; C?: boolean; E?: boolean } } = {},
): Promise<void> {
  await ensureClaimTables(store);
  const member = (k: 'A' | 'C' | 'E') => options.members?.[k] ?? true;
  await insertParty(store, {
    id: 'P-A',
    name: 'Author A',
    member: member('A'),
    pr: '058',
    mr: '058',
    ipi: '00000000198',
  });
  await insertParty(store, {
    id: 'P-C',
    name: 'Composer C',
    member: member('C'),
    pr: member('C') ? '058' : '052',
    mr: member('C') ? '058' : '052',
  });
  await insertParty(store, {
    id: 'P-E',
    name: 'Editions E',
    member: member('E'),
    pr: '058',
    mr: '058',
    kind: 'publisher',
  });
  await store.run(`INSERT INTO works (work_id, title, iswc) VALUES ('W1', 'Exemple', 'T0000000010')`);
  await insertInvoice(store, 'INV-1', 2_250_000_000n);
  await insertClaimLine(store, {
    claimId: 'C-1P',
    invoiceId: 'INV-1',
    workId: 'W1',
    rightType: 'performing',
    claimed: 1_125_000_000n,
    shareClaimed: 9999,
    shares: [
      { party: 'P-A', role: 'A', share: 3333 },
      { party: 'P-C', role: 'C', share: 3333 },
      { party: 'P-E', role: 'E', share: 3333 },
    ],
  });
  await insertClaimLine(store, {
    claimId: 'C-1M',
    invoiceId: 'INV-1',
    workId: 'W1',
    rightType: 'mechanical',
    claimed: 1_125_000_000n,
    shareClaimed: 10000,
    shares: [
      { party: 'P-A', role: 'A', share: 2500 },
      { party: 'P-C', role: 'C', share: 2500 },
      { party: 'P-E', role: 'E', share: 5000 },
    ],
  });
}

/** The report all fixture invoices belong to (Spotify France, March 2024). */
export async function insertReport(store: Store): Promise<void> {
  await store.run(`INSERT INTO reports (report_id, message_id, sender, service, territory, period_start, period_end, profile, profile_version,
    parts_expected, parts_received, status, run_id)
    VALUES ('R1', 'MSG-1', 'DPID-SPOTIFY', 'Spotify Premium', 'FR', '2024-03-01', '2024-03-31', 'BasicAudioProfile', '1.2', 1, 1, 'complete', 'ingest-run')`);
}

/**
 * Options of the worked example's distribution: period 2024-03 paid on 2024-07-05, the clock fixed at
 * that day whatever `extra` changes (a later distribution in a test keeps the same wall clock).
 */
export function distributeOptions(extra: Partial<DistributeOptions> = {}): DistributeOptions {
  return {
    period: '2024-03',
    date: '2024-07-05',
    codeVersion: 'test',
    now: () => new Date('2024-07-05T00:00:00Z'),
    ...extra,
  };
}

/**
 * The worked example plus a paid invoice `INV-2` of 100.00 with one performing line `C-2` on W1 split
 * 50/50 between the example's author `P-A` and `composer`, a party the tests leave unknown at first.
 */
export async function insertExampleWithNewComposer(store: Store, composer: string): Promise<void> {
  await insertWorkedExample(store);
  await insertInvoice(store, 'INV-2', 100_000_000n);
  await insertClaimLine(store, {
    claimId: 'C-2',
    invoiceId: 'INV-2',
    workId: 'W1',
    rightType: 'performing',
    claimed: 100_000_000n,
    shareClaimed: 10000,
    shares: [
      { party: 'P-A', role: 'A', share: 5000 },
      { party: composer, role: 'C', share: 5000 },
    ],
  });
  await insertPayment(store, 'pay-1', 'INV-2', 100_000_000n);
}
