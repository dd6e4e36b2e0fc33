import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, sql, type Store } from '../../warehouse/index.js';
import { partySplitSql } from './party-split-sql.js';
import { createSetSplitTables, setSplitSql } from './set-split-sql.js';

let store: Store;
beforeAll(async () => {
  store = await openStore(':memory:', { threads: 1 });
});
afterAll(() => store.close());

// Small amounts and round shares: ties on remainder and weight, where the holders' order decides.
const amount = fc.oneof(
  fc.constantFrom(1n, 3n, 10_000n, 30_000n),
  fc.bigInt({ min: 0n, max: 10n ** 13n }),
  fc.bigInt({ min: 0n, max: 10n ** 9n }).map((t) => t * 10_000n),
);
// Party ids that sort before and after the unattributed part's tie id ('~unattributed|').
const party = fc.constantFrom('IPI:001', 'IPI:002', 'P9', 'zz', '~a', '~v', '~unattributed0');
const holder = fc.record({
  party,
  role: fc.constantFrom('A', 'E', 'CA'),
  share: fc.oneof(fc.constantFrom(0, 2500, 5000), fc.integer({ min: 0, max: 6000 })),
});

type Row = {
  cid: bigint;
  party_id: string | null;
  role: string | null;
  w: bigint;
  p_net: bigint;
  p_gross: bigint;
  p_commission: bigint;
};

describe('setSplitSql', () => {
  it('gives every line × holder what partySplitSql gives over the expanded rows: sets of any size, unattributed parts, empty sets, mandated lines', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(holder, { minLength: 1, maxLength: 8 }), { minLength: 1, maxLength: 4 }),
        fc.array(
          fc.record({
            set: fc.integer({ min: 0, max: 4 }), // 4: no set (NULL)
            shareClaimed: fc.oneof(
              fc.constantFrom(0, 5000, 7500, 10_000, 12_500),
              fc.integer({ min: 0, max: 20_000 }),
            ),
            mandated: fc.boolean(),
            mandator: fc.constantFrom('IPI:777', null),
            net: amount,
            gross: amount,
            commission: amount,
          }),
          { minLength: 1, maxLength: 8 },
        ),
        fc.constantFrom(1n, 10_000n),
        fc.constantFrom('HUGEINT' as const, 'BIGINT' as const),
        fc.constantFrom(undefined, false),
        fc.boolean(),
        async (sets, lines, step, arithmetic, wholeSteps, bounded) => {
          await store.run(
            'CREATE OR REPLACE TEMP TABLE ss_sets (share_set BIGINT, party_id VARCHAR, role VARCHAR, share INTEGER)',
          );
          await store.run(`CREATE OR REPLACE TEMP TABLE ss_lines (cid BIGINT, gross HUGEINT, commission HUGEINT, net HUGEINT,
            share_set BIGINT, share_claimed INTEGER, mandated BOOLEAN, mandator VARCHAR)`);
          for (const [s, holders] of sets.entries())
            for (const h of holders)
              await store.run(sql`INSERT INTO ss_sets VALUES (${s + 10}, ${h.party}, ${h.role}, ${h.share})`);
          for (const [c, l] of lines.entries())
            await store.run(sql`INSERT INTO ss_lines VALUES (${c}, ${l.gross}, ${l.commission}, ${l.net},
              ${l.set < sets.length ? l.set + 10 : null}, ${l.shareClaimed}, ${l.mandated}, ${l.mandated ? l.mandator : null})`);

          // The reference: one row per line × holder, as the distribution built them before share sets.
          const expanded = `(WITH shares AS (
              SELECT l.cid, s.party_id, s.role, sum(s.share)::HUGEINT AS w FROM ss_lines l JOIN ss_sets s USING (share_set)
              WHERE NOT l.mandated GROUP BY ALL),
            gaps AS (
              SELECT l.cid, NULL::VARCHAR AS party_id, NULL::VARCHAR AS role,
                CASE WHEN coalesce(s.w, 0) = 0 THEN greatest(l.share_claimed, 1) ELSE l.share_claimed - s.w END::HUGEINT AS w
              FROM ss_lines l LEFT JOIN (SELECT cid, sum(w) AS w FROM shares GROUP BY cid) s USING (cid)
              WHERE NOT l.mandated AND (coalesce(s.w, 0) = 0 OR l.share_claimed > s.w)),
            mandated AS (SELECT cid, mandator AS party_id, 'mandator' AS role, 1::HUGEINT AS w FROM ss_lines WHERE mandated)
            SELECT x.*, coalesce(x.party_id, '~unattributed') || '|' || coalesce(x.role, '') AS tie_id, l.gross, l.commission, l.net
            FROM (SELECT * FROM shares UNION ALL SELECT * FROM gaps UNION ALL SELECT * FROM mandated) x JOIN ss_lines l USING (cid))`;
          const order = 'ORDER BY cid, party_id NULLS FIRST, role NULLS FIRST';
          const want = await store.all<Row>(
            `SELECT cid, party_id, role, w, p_net, p_gross, p_commission FROM (${partySplitSql(expanded, step, arithmetic, 'cid', wholeSteps)}) ${order}`,
          );
          await createSetSplitTables(
            store,
            'ss_sets',
            '(SELECT share_set FROM ss_lines WHERE NOT mandated AND share_set IS NOT NULL)',
          );
          // The bound as the distribution gives it, or none (every tier and the windows in the SQL).
          const most = await store.one<{ n: bigint | null }>('SELECT max(n) AS n FROM dist_set_info');
          const maxHolders = bounded ? 1 + Number(most?.n ?? 0n) : undefined;
          const got = await store.all<Row>(
            `SELECT cid, party_id, role, w, p_net, p_gross, p_commission FROM (${setSplitSql('ss_lines', step, arithmetic, wholeSteps, maxHolders)}) ${order}`,
          );
          expect(got).toEqual(want);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('orders a line’s unattributed part among its holders by tie id: the odd unit of a tie goes to the lower id', async () => {
    await store.run(
      'CREATE OR REPLACE TEMP TABLE ss_sets (share_set BIGINT, party_id VARCHAR, role VARCHAR, share INTEGER)',
    );
    await store.run(`INSERT INTO ss_sets VALUES (1, '~v', 'A', 2500), (2, 'IPI:1', 'A', 2500)`);
    await store.run(`CREATE OR REPLACE TEMP TABLE ss_lines AS SELECT * FROM (VALUES
      (0, 1::HUGEINT, 0::HUGEINT, 1::HUGEINT, 1, 5000, false, NULL), (1, 1::HUGEINT, 0::HUGEINT, 1::HUGEINT, 2, 5000, false, NULL))
      t(cid, gross, commission, net, share_set, share_claimed, mandated, mandator)`);
    await createSetSplitTables(store, 'ss_sets', 'ss_lines');
    const rows = await store.all<Row>(
      `SELECT cid, party_id, p_net FROM (${setSplitSql('ss_lines', 1n)}) ORDER BY cid, party_id NULLS FIRST`,
    );
    // '~unattributed|' < '~v|A', but 'IPI:1|A' < '~unattributed|'.
    expect(rows).toEqual([
      { cid: 0, party_id: null, p_net: 1n },
      { cid: 0, party_id: '~v', p_net: 0n },
      { cid: 1, party_id: null, p_net: 0n },
      { cid: 1, party_id: 'IPI:1', p_net: 1n },
    ]);
  });
});
