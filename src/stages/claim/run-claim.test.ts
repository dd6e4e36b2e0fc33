import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { parseMicros } from '../../domain/index.js';
import { parseCcid } from '../../formats/ccid/index.js';
import { parseCdm, totalClaimedOf } from '../../formats/cdm/index.js';
import { openStore, sql, type Store } from '../../warehouse/index.js';
import { DEFAULT_CLAIM_CONFIG_JSON, parseClaimConfig } from './claim-config.js';
import { runClaim } from './run-claim.js';

const config = parseClaimConfig(DEFAULT_CLAIM_CONFIG_JSON);
const eur = (t: string) => parseMicros(t);
const out = mkdtempSync(join(tmpdir(), 'tutti-claim-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));
const clock = () => new Date('2024-04-02T10:00:00Z');
const options = (extra: { reportIds?: string[]; outDir?: string } = {}) => ({
  outDir: out,
  config,
  codeVersion: 'test',
  now: clock,
  ...extra,
});

async function party(
  store: Store,
  id: string,
  kind: string,
  isMember: boolean,
  society: string | null = null,
) {
  await store.run(
    sql`INSERT INTO parties (party_id, kind, name, pr_society, mr_society, is_member) VALUES (${id}, ${kind}, ${id}, ${society}, ${society}, ${isMember})`,
  );
}
async function share(
  store: Store,
  work: string,
  partyId: string,
  role: string,
  right: string,
  s: number,
  society: string | null,
  territories = '+2136',
) {
  await store.run(
    sql`INSERT INTO work_shares VALUES (${work}, ${partyId}, ${role}, NULL, ${right}, ${territories}, ${s}, ${s}, true, ${society})`,
  );
}
async function report(store: Store, id: string, netRevenue: string) {
  await store.run(sql`INSERT INTO reports VALUES (${id}, ${`MSG-${id}`}, 'PADPIDA2011072101T', 'Spotify', 'PADPIDA0000000001S', 'Spotify', 'FR',
    DATE '2024-03-01', DATE '2024-03-31', 'BasicAudioProfile', '1.2', 1, 1, 'complete', 'run-0')`);
  await store.run(sql`INSERT INTO report_summaries (report_id, summary_id, record_type, commercial_model, use_type, territory, service_description,
      usages, total_usages, subscribers, currency, net_revenue)
    VALUES (${id}, 'S1', 'SY01.01', 'SubscriptionModel', 'OnDemandStream', 'FR', 'PremiumIndividual', 4500000, 1200000000, 2000000, 'EUR',
      ${eur(netRevenue).toString()}::HUGEINT)`);
}
async function usage(store: Store, reportId: string, n: number, usages: number, workId: string | null) {
  await store.run(sql`INSERT INTO usage_lines (report_id, file_id, line_no, block_id, summary_id, transaction_id, resource_ref, dsp_resource_id, usages, royalty_bearing)
    VALUES (${reportId}, 'f', ${n}, ${`B${n}`}, 'S1', ${`TX-${n}`}, 'R1', ${`SPOT-${n}`}, ${usages}, true)`);
  await store.run(sql`INSERT INTO report_resources (report_id, block_id, resource_ref, dsp_resource_id, isrc, title, display_artist)
    VALUES (${reportId}, ${`B${n}`}, 'R1', ${`SPOT-${n}`}, ${`FRZ03240000${n}`}, ${`Title ${n}`}, 'Artiste')`);
  await store.run(sql`INSERT INTO matches (report_id, block_id, resource_ref, work_id, method, score, status, code_version, run_id)
    VALUES (${reportId}, ${`B${n}`}, 'R1', ${workId}, ${workId ? 'isrc' : 'none'}, ${workId ? 1000 : 0}, ${workId ? 'accepted' : 'unidentified'}, 'test', 'run-0')`);
}

/** royalties.md §6 with four works: the example, a mechanical-only EU mandate, a 150 % overclaim, a territory exclusion. */
async function seedExample(store: Store) {
  await party(store, 'A', 'writer', true, '058');
  await party(store, 'C', 'writer', true, '058');
  await party(store, 'E', 'publisher', true, '058');
  await party(store, 'X', 'writer', false, '052');
  await party(store, 'P-IMPEL', 'publisher', false);
  for (const [w, t] of [
    ['W1', 'Exemple'],
    ['W2', 'Mandated'],
    ['W3', 'Overclaimed'],
    ['W4', 'Not in France'],
  ]) {
    await store.run(
      sql`INSERT INTO works (work_id, title, iswc) VALUES (${w!}, ${t!}, ${w === 'W1' ? 'T0000000010' : null})`,
    );
  }
  await share(store, 'W1', 'A', 'A', 'performing', 3333, '058');
  await share(store, 'W1', 'C', 'C', 'performing', 3333, '058');
  await share(store, 'W1', 'E', 'E', 'performing', 3334, '058');
  await share(store, 'W1', 'A', 'A', 'mechanical', 2500, '058');
  await share(store, 'W1', 'C', 'C', 'mechanical', 2500, '058');
  await share(store, 'W1', 'E', 'E', 'mechanical', 5000, '058');
  await share(store, 'W2', 'A', 'CA', 'performing', 5000, '058');
  await share(store, 'W2', 'X', 'CA', 'performing', 5000, '052');
  await share(store, 'W2', 'A', 'CA', 'mechanical', 2500, '058');
  await share(store, 'W2', 'P-IMPEL', 'E', 'mechanical', 7500, null);
  await share(store, 'W3', 'A', 'CA', 'performing', 10000, '058');
  await share(store, 'W3', 'E', 'E', 'performing', 5000, '058');
  await share(store, 'W3', 'A', 'CA', 'mechanical', 10000, '058');
  await share(store, 'W3', 'E', 'E', 'mechanical', 5000, '058');
  await share(store, 'W4', 'E', 'E', 'performing', 10000, '058', '+2136 -0250');
  await store.run(
    `INSERT INTO mandates VALUES ('M-IMPEL', 'P-IMPEL', 'IMPEL', ['mechanical'], '+2123', NULL, NULL, DATE '2018-07-01', NULL, 500)`,
  );
  await report(store, 'R1', '18000000.00');
  await usage(store, 'R1', 1, 1_000_000, 'W1');
  await usage(store, 'R1', 2, 1_000_000, 'W2');
  await usage(store, 'R1', 3, 1_000_000, 'W3');
  await usage(store, 'R1', 4, 1_000_000, 'W4');
  await usage(store, 'R1', 5, 500_000, null);
}

describe('runClaim on royalties.md §6', async () => {
  const store = await openStore(':memory:');
  await seedExample(store);
  const result = await runClaim(store, options({ reportIds: ['R1'] }));
  const [r1] = result.reports;

  it('claims €1,125.00 per right for the example work at 100 % (§6.4–6.5)', async () => {
    const rows = await store.all<{
      right_type: string;
      work_value: bigint;
      claimed: bigint;
      share: number;
    }>(sql`SELECT right_type, work_value,
        claimed_amount AS claimed, share_claimed AS share FROM claim_lines WHERE work_id = 'W1' ORDER BY right_type`);
    expect(rows).toEqual([
      { right_type: 'mechanical', work_value: eur('1125'), claimed: eur('1125'), share: 10000 },
      { right_type: 'performing', work_value: eur('1125'), claimed: eur('1125'), share: 10000 },
    ]);
    const parties =
      await store.all(`SELECT cs.party_id, cs.share FROM claim_shares cs JOIN claim_lines cl USING (claim_id)
      WHERE cl.work_id = 'W1' AND cl.right_type = 'mechanical' ORDER BY party_id`);
    expect(parties).toEqual([
      { party_id: 'A', share: 2500 },
      { party_id: 'C', share: 2500 },
      { party_id: 'E', share: 5000 },
    ]);
  });

  it('gives the mechanical-only EU mandate its own claim lines and invoice', async () => {
    const invoices = await store.all<{
      licensor: string;
      amount: bigint;
      performing: bigint;
      mechanical: bigint;
      held_overclaim: bigint;
      rights_controller: string;
    }>(
      `SELECT licensor, rights_controller, amount, performing, mechanical, held_overclaim FROM invoices WHERE report_id = 'R1' ORDER BY licensor`,
    );
    expect(invoices).toEqual([
      {
        licensor: 'M-IMPEL',
        rights_controller: 'IMPEL',
        amount: eur('843.75'),
        performing: 0n,
        mechanical: eur('843.75'),
        held_overclaim: 0n,
      },
      // performing 1125 + 562.50 (W2, half) + 1125 (W3); mechanical 1125 + 281.25 (W2, 25 %) + 1125 (W3); W3 holds 562.50 per right.
      {
        licensor: 'society',
        rights_controller: 'SACEM',
        amount: eur('5343.75'),
        performing: eur('2812.5'),
        mechanical: eur('2531.25'),
        held_overclaim: eur('1125'),
      },
    ]);
    expect(r1?.invoices.map((i) => i.licensor)).toEqual(['society', 'M-IMPEL']);
  });

  it('flags the 150 % work as an overclaim and holds the disputed half', async () => {
    const o = await store.all(
      `SELECT work_id, right_type, own_share, disputed, claim_status, held_overclaim FROM claim_overclaims ORDER BY right_type`,
    );
    expect(o).toEqual([
      {
        work_id: 'W3',
        right_type: 'mechanical',
        own_share: 15000,
        disputed: 5000,
        claim_status: 'MajorOverClaim',
        held_overclaim: eur('562.5'),
      },
      {
        work_id: 'W3',
        right_type: 'performing',
        own_share: 15000,
        disputed: 5000,
        claim_status: 'MajorOverClaim',
        held_overclaim: eur('562.5'),
      },
    ]);
  });

  it('does not claim a share whose territory excludes France', async () => {
    expect(await store.all(`SELECT * FROM claim_lines WHERE work_id = 'W4'`)).toEqual([]);
    expect(r1?.works_claimed).toBe(3);
  });

  it('prints per report the amounts by right, the held overclaim and the files written', () => {
    expect(r1).toMatchObject({
      report: 'R1',
      amount_by_right: { performing: eur('2812.5'), mechanical: eur('3375') },
      held_overclaim: eur('1125'),
    });
    expect(r1?.files.map((f) => f.slice(out.length + 1))).toEqual([
      'R1/ClaimsAmounts_PADPIDA2011072101T_SACEM_Spotify_2024-03_FR_20240401T000000.tsv',
      'R1/CCIDSTYLE_PADPIDA2011072101T_SACEM_Spotify_2024-03_FR_20240401T000000.tsv',
      'R1/INV-R1-society.json',
      'R1/INV-R1-society.pdf',
      'R1/INV-R1-M-IMPEL.json',
      'R1/INV-R1-M-IMPEL.pdf',
    ]);
  });

  it('writes a CDM claim file that reads back with totals equal to the invoices', async () => {
    const parsed = parseCdm(readFileSync(r1!.files[0]!, 'utf8'));
    expect(parsed.problems).toEqual([]);
    expect(parsed.message.header.salesReportId).toBe('MSG-R1');
    const byInvoice = new Map<string, bigint>();
    for (const s of parsed.message.summaries)
      byInvoice.set(s.invoiceReference, (byInvoice.get(s.invoiceReference) ?? 0n) + totalClaimedOf(s));
    const invoices = await store.all<{ invoice_id: string; amount: bigint }>(
      `SELECT invoice_id, amount FROM invoices ORDER BY invoice_id`,
    );
    expect(Object.fromEntries(byInvoice)).toEqual(
      Object.fromEntries(invoices.map((i) => [i.invoice_id, i.amount])),
    );
    const ccid = parseCcid(readFileSync(r1!.files[1]!, 'utf8'));
    expect(ccid.lines.reduce((s, l) => s + l.claimedAmount, 0n)).toBe(eur('6187.5'));
  });

  it('replaces its rows and rewrites byte-identical files when run again', async () => {
    const before = r1!.files.map((f) => readFileSync(f));
    const again = await runClaim(store, options({ reportIds: ['R1'] }));
    expect(again.reports[0]?.files).toEqual(r1?.files);
    again.reports[0]!.files.forEach((f, i) => expect(readFileSync(f).equals(before[i]!)).toBe(true));
    const counts =
      await store.one(`SELECT (SELECT count(*) FROM claim_lines) AS lines, (SELECT count(*) FROM invoices) AS invoices,
      (SELECT count(*) FROM claim_shares) AS shares`);
    expect(counts).toEqual({ lines: 7n, invoices: 2n, shares: 13n });
  });

  it('values the work at €1,500.00 when the subscriber minimum binds (§6.9)', async () => {
    await report(store, 'R2', '10000000.00');
    await usage(store, 'R2', 1, 1_000_000, 'W1');
    await runClaim(store, options({ reportIds: ['R2'] }));
    const pool = await store.one(`SELECT fee, fee_basis FROM claim_pools WHERE report_id = 'R2'`);
    expect(pool).toEqual({ fee: eur('1800000'), fee_basis: 'subscriber' });
    const inv = await store.one(
      `SELECT amount, performing, mechanical FROM invoices WHERE report_id = 'R2' AND licensor = 'society'`,
    );
    expect(inv).toEqual({ amount: eur('1500'), performing: eur('750'), mechanical: eur('750') });
  });

  it('holds the contested half when the service reports another licensor claiming 50 % (§6.9)', async () => {
    await store.run(`INSERT INTO reported_claims VALUES ('R2', 'W1', 'performing', 'ICE', 5000)`);
    await runClaim(store, options({ reportIds: ['R2'] }));
    const inv = await store.one(
      `SELECT performing, mechanical, held_overclaim FROM invoices WHERE report_id = 'R2' AND licensor = 'society'`,
    );
    expect(inv).toEqual({ performing: eur('375'), mechanical: eur('750'), held_overclaim: eur('375') });
  });
});

describe('runClaim totals', () => {
  it('invoices exactly the sum of the claim lines, whatever the usages and shares', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.bigInt({ min: 0n, max: 10n ** 13n }),
        fc.array(
          fc.record({
            usages: fc.integer({ min: 1, max: 10_000_000 }),
            a: fc.integer({ min: 0, max: 10000 }),
            m: fc.integer({ min: 0, max: 10000 }),
          }),
          { minLength: 1, maxLength: 6 },
        ),
        async (net, works) => {
          const store = await openStore(':memory:');
          try {
            await party(store, 'A', 'writer', true, '058');
            await party(store, 'P', 'publisher', false);
            await store.run(
              `INSERT INTO mandates VALUES ('M1', 'P', 'Pub', ['performing','mechanical'], '+2136', NULL, NULL, DATE '2000-01-01', NULL, 0)`,
            );
            await report(store, 'R', '0');
            await store.run(
              sql`UPDATE report_summaries SET net_revenue = ${net.toString()}::HUGEINT, total_usages = 20000000`,
            );
            for (const [i, w] of works.entries()) {
              await store.run(sql`INSERT INTO works (work_id, title) VALUES (${`W${i}`}, 'T')`);
              for (const right of ['performing', 'mechanical']) {
                await share(store, `W${i}`, 'A', 'CA', right, w.a, '058');
                await share(store, `W${i}`, 'P', 'E', right, w.m, null);
              }
              await usage(store, 'R', i + 1, w.usages, `W${i}`);
            }
            const dir = mkdtempSync(join(out, 'p-'));
            await runClaim(store, options({ reportIds: ['R'], outDir: dir }));
            const check =
              await store.all(`SELECT i.invoice_id, i.amount, i.held_overclaim, i.performing + i.mechanical AS by_right,
                (SELECT coalesce(sum(claimed_amount), 0) FROM claim_lines l WHERE l.invoice_id = i.invoice_id) AS lines,
                (SELECT coalesce(sum(held_overclaim), 0) FROM claim_lines l WHERE l.invoice_id = i.invoice_id) AS held
              FROM invoices i`);
            for (const c of check) {
              expect(c['lines']).toBe(c['amount']);
              expect(c['by_right']).toBe(c['amount']);
              expect(c['held']).toBe(c['held_overclaim']);
            }
            const fee = await store.one<{ fee: bigint }>(`SELECT fee FROM claim_pools`);
            const claimed = await store.one<{ s: bigint }>(
              `SELECT coalesce(sum(claimed_amount), 0) AS s FROM claim_lines`,
            );
            expect(claimed!.s <= fee!.fee).toBe(true);
          } finally {
            store.close();
          }
        },
      ),
      { numRuns: 8 },
    );
  });
});
