import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from '../../warehouse/index.js';
import { registerClaimCommands } from './claim.js';
import { runCli } from '../../../test/run-cli.js';

const dirs: string[] = [];
afterAll(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

const run = async (args: string[]) => (await runCli(registerClaimCommands, args)).out;

/** royalties.md §6: one work, 1,000,000 of 1,200,000,000 streams, €18,000,000 at 15 %, Sacem controls 100 %. */
async function seed(db: string) {
  const store = await openStore(db);
  await store.run(`INSERT INTO parties (party_id, kind, name, is_member) VALUES ('A', 'writer', 'A', true)`);
  await store.run(`INSERT INTO works (work_id, title, iswc) VALUES ('W1', 'Exemple', 'T0000000010')`);
  await store.run(`INSERT INTO work_shares VALUES ('W1', 'A', 'CA', NULL, 'performing', '+2136', 10000, 10000, true, '058'),
    ('W1', 'A', 'CA', NULL, 'mechanical', '+2136', 10000, 10000, true, '058')`);
  await store.run(`INSERT INTO reports VALUES ('R1', 'MSG-1', 'PADPIDA2011072101T', 'Spotify', NULL, 'Spotify', 'FR', DATE '2024-03-01', DATE '2024-03-31',
    'BasicAudioProfile', '1.2', 1, 1, 'complete', 'run-0')`);
  await store.run(`INSERT INTO report_summaries (report_id, summary_id, record_type, commercial_model, use_type, territory, total_usages, subscribers, currency, net_revenue)
    VALUES ('R1', 'S1', 'SY01.01', 'SubscriptionModel', 'OnDemandStream', 'FR', 1200000000, 2000000, 'EUR', 18000000000000)`);
  await store.run(
    `INSERT INTO usage_lines (report_id, file_id, line_no, block_id, summary_id, resource_ref, usages) VALUES ('R1', 'f', 4, 'B1', 'S1', 'R1', 1000000)`,
  );
  await store.run(`INSERT INTO matches (report_id, block_id, resource_ref, work_id, method, score, status, code_version, run_id)
    VALUES ('R1', 'B1', 'R1', 'W1', 'isrc', 1000, 'accepted', 't', 'run-0')`);
  store.close();
}

describe('tutti claim', () => {
  it('prints per report the works claimed, amounts by right in micro-units, held overclaim and files', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'tutti-cli-claim-'));
    dirs.push(dir);
    const db = join(dir, 'tutti.duckdb');
    await seed(db);
    const out = join(dir, 'out');
    const result = JSON.parse(
      await run(['--db', db, '--json', 'claim', '--period', '2024-03', '--out', out]),
    ) as {
      reports: {
        report: string;
        works_claimed: number;
        amount_by_right: Record<string, string>;
        held_overclaim: string;
        files: string[];
      }[];
      totals: Record<string, string>;
    };
    expect(result.reports).toHaveLength(1);
    expect(result.reports[0]).toMatchObject({
      report: 'R1',
      works_claimed: 1,
      amount_by_right: { performing: '1125000000', mechanical: '1125000000' },
      held_overclaim: '0',
    });
    expect(result.reports[0]?.files).toHaveLength(4);
    expect(result.totals).toEqual({
      performing: '1125000000',
      mechanical: '1125000000',
      held_overclaim: '0',
    });
  });

  it('uses the tariff of a config file and refuses money written as a JSON number', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'tutti-cli-claim-'));
    dirs.push(dir);
    const db = join(dir, 'tutti.duckdb');
    await seed(db);
    const config = join(dir, 'config.json');
    await writeFile(
      config,
      JSON.stringify({
        tariffs: [
          {
            service: 'Spotify',
            rate: 1000,
            minPerSubscriber: '0',
            minPerStream: '0',
            split: { performing: 7500, mechanical: 2500 },
          },
        ],
      }),
    );
    const result = JSON.parse(
      await run([
        '--db',
        db,
        '--json',
        'claim',
        '--report',
        'R1',
        '--out',
        join(dir, 'o'),
        '--config',
        config,
      ]),
    ) as {
      reports: { amount_by_right: Record<string, string> }[];
    };
    // 10 % of €18,000,000 = €1,800,000; 1,000,000 / 1.2 bn → €1,500.00; 75/25 → €1,125.00 / €375.00.
    expect(result.reports[0]?.amount_by_right).toEqual({ performing: '1125000000', mechanical: '375000000' });
    await writeFile(config, JSON.stringify({ tariffs: [{ rate: 1000, minPerStream: 0.001 }] }));
    await expect(
      run(['--db', db, '--json', 'claim', '--report', 'R1', '--out', join(dir, 'o'), '--config', config]),
    ).rejects.toThrow(/decimal text/);
  });
});
