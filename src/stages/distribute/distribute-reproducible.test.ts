import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../../warehouse/index.js';
import {
  distributeOptions,
  ensureClaimTables,
  insertClaimLine,
  insertInvoice,
  insertParty,
  insertPayment,
} from './claim-tables.fixture.js';
import { distribute, type DistributeOptions } from './distribute.js';

let out: string;
beforeEach(() => {
  out = mkdtempSync(join(tmpdir(), 'tutti-reproducible-'));
});
afterEach(() => rmSync(out, { recursive: true, force: true }));

const opts = (extra: Partial<DistributeOptions> = {}) => distributeOptions({ society: 'Society', ...extra });

type Share = { party: string; role: string; share: number };

/**
 * Lines whose holders tie on weight, one publisher holding two roles (E and AM) on the same line:
 * every split leaves odd units that only the tie-break places. `reversed` inserts the same rows in the
 * opposite physical order, which must change nothing.
 */
async function tiedStore(reversed: boolean): Promise<Store> {
  const store = await openStore(':memory:', { threads: 2 });
  await ensureClaimTables(store);
  const parties = [
    {
      id: 'IPI:25120250477',
      name: 'Editions Deux Roles',
      member: true,
      pr: '058',
      mr: '058',
      kind: 'publisher',
    },
    { id: 'P-A', name: 'Author A', member: true, pr: '058', mr: '058' },
    { id: 'P-C', name: 'Composer C', member: true, pr: '058', mr: '058' },
  ];
  for (const p of reversed ? [...parties].reverse() : parties) await insertParty(store, p);
  await store.run(
    `INSERT INTO works (work_id, title, iswc) VALUES ('W1', 'Egalite', 'T0000000010'), ('W2', 'Parite', NULL)`,
  );
  await insertInvoice(store, 'INV-1', 3_000_010_003n);
  const lines: {
    claimId: string;
    workId: string;
    rightType: 'performing' | 'mechanical';
    claimed: bigint;
    shares: Share[];
  }[] = [
    {
      claimId: 'R1:C000180:M',
      workId: 'W1',
      rightType: 'mechanical',
      claimed: 1_000_010_001n,
      shares: [
        { party: 'IPI:25120250477', role: 'E', share: 2500 },
        { party: 'IPI:25120250477', role: 'AM', share: 2500 },
        { party: 'P-A', role: 'A', share: 2500 },
        { party: 'P-C', role: 'C', share: 2500 },
      ],
    },
    {
      claimId: 'R1:C000180:P',
      workId: 'W1',
      rightType: 'performing',
      claimed: 1_000_000_001n,
      shares: [
        { party: 'IPI:25120250477', role: 'E', share: 3333 },
        { party: 'IPI:25120250477', role: 'AM', share: 3333 },
        { party: 'P-A', role: 'A', share: 3333 },
      ],
    },
    {
      // More holders than the scalar path takes: the window path must break the same ties the same way.
      claimId: 'R1:C000181:M',
      workId: 'W2',
      rightType: 'mechanical',
      claimed: 1_000_000_001n,
      shares: [
        { party: 'IPI:25120250477', role: 'SE', share: 2000 },
        { party: 'IPI:25120250477', role: 'E', share: 2000 },
        { party: 'IPI:25120250477', role: 'AM', share: 2000 },
        { party: 'P-A', role: 'A', share: 2000 },
        { party: 'P-C', role: 'C', share: 2000 },
      ],
    },
  ];
  for (const line of reversed ? [...lines].reverse() : lines) {
    await insertClaimLine(store, {
      ...line,
      invoiceId: 'INV-1',
      shareClaimed: line.shares.reduce((s, x) => s + x.share, 0),
      shares: reversed ? [...line.shares].reverse() : line.shares,
    });
  }
  await insertPayment(store, 'pay-1', 'INV-1', 3_000_010_003n);
  return store;
}

const linesOf = (store: Store) =>
  store.all<{
    claim_id: string;
    party_id: string;
    role: string;
    net: bigint;
    gross: bigint;
    deductions: bigint;
  }>(
    `SELECT claim_id, party_id, role, net, gross, deductions FROM statement_lines ORDER BY claim_id, party_id, role`,
  );

describe('distribute: reproducible splits', () => {
  it('gives the odd units of tied holders by the lower party and role, whatever the rows’ physical order', async () => {
    const results = [];
    for (const reversed of [false, true]) {
      const store = await tiedStore(reversed);
      await distribute(store, opts());
      results.push(await linesOf(store));
      store.close();
    }
    expect(results[1]).toEqual(results[0]);
    // Net of C000180:M = 86 % of 1,000,010,001 (13 % commission, 1 % deductions) = 860,010,001 split 4 ways:
    // 86,001 whole cents (one odd cent), then the 1 micro-unit residue (one odd micro): both go to the first
    // of the tie order, AM before E of the same party.
    const m = results[0]
      ?.filter((l) => l.claim_id === 'R1:C000180:M')
      .map((l) => [l.party_id, l.role, l.net]);
    expect(m).toEqual([
      ['IPI:25120250477', 'AM', 215_010_001n],
      ['IPI:25120250477', 'E', 215_000_000n],
      ['P-A', 'A', 215_000_000n],
      ['P-C', 'C', 215_000_000n],
    ]);
  });

  it('finds nothing to distribute the second time the same inputs are distributed', async () => {
    const store = await tiedStore(false);
    const first = await distribute(store, opts());
    const second = await distribute(store, opts());
    expect(second).toMatchObject({ unchanged: true, distribution: first.distribution });
    const n = await store.one<{ n: bigint }>(
      `SELECT count(*) AS n FROM statement_lines WHERE line_kind = 'adjustment'`,
    );
    expect(n?.n).toBe(0n);
    store.close();
  });

  it('writes byte-identical statement files from two fresh stores holding the same rows in different orders', async () => {
    const files: Record<string, Buffer>[] = [];
    for (const reversed of [false, true]) {
      const store = await tiedStore(reversed);
      const result = await distribute(store, opts({ outDir: join(out, String(reversed)) }));
      store.close();
      const dir = join(out, String(reversed), result.distribution);
      files.push(Object.fromEntries(result.statements.files.map((f) => [f, readFileSync(join(dir, f))])));
    }
    expect(Object.keys(files[1] ?? {})).toEqual(Object.keys(files[0] ?? {}));
    expect(Object.keys(files[0] ?? {})).toHaveLength(6);
    for (const [file, bytes] of Object.entries(files[0] ?? {}))
      expect(bytes.equals(files[1]?.[file] ?? Buffer.alloc(0)), file).toBe(true);
  });
});
