import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { micros } from '../../domain/index.js';
import { openStore, type Store } from '../../warehouse/index.js';
import { distributeOptions, insertPayment, insertWorkedExample } from './claim-tables.fixture.js';
import { distribute, type DistributeOptions } from './distribute.js';

let out: string;
let store: Store;
beforeEach(async () => {
  out = mkdtempSync(join(tmpdir(), 'tutti-resume-'));
  store = await openStore(':memory:', { threads: 2 });
  await insertWorkedExample(store, { members: { C: false } });
  await insertPayment(store, 'pay-1', 'INV-1', 1_125_000_000n);
});
afterEach(() => {
  store.close();
  rmSync(out, { recursive: true, force: true });
});

const opts = (extra: Partial<DistributeOptions> = {}) =>
  distributeOptions({ outDir: out, society: 'Society', ...extra });

const counts = async () =>
  store.one<{
    d: bigint;
    s: bigint;
    r: bigint;
    b: bigint;
    runs: bigint;
  }>(`SELECT (SELECT count(*) FROM distributions) AS d,
    (SELECT count(*) FROM statement_lines) AS s, (SELECT count(*) FROM remittances) AS r, (SELECT count(*) FROM payee_balances) AS b,
    (SELECT count(*) FROM runs WHERE stage = 'distribute') AS runs`);

const bytesOf = (dir: string, files: readonly string[]) =>
  Object.fromEntries(files.map((f) => [f, readFileSync(join(dir, f)).toString('base64')]));

describe('distribute: re-runs', () => {
  it('returns the period’s latest distribution unchanged when nothing changed, writing no row and no folder', async () => {
    const first = await distribute(store, opts());
    expect(first.unchanged).toBe(false);
    const before = await counts();
    const again = await distribute(store, opts({ now: () => new Date('2031-01-01T00:00:00Z') }));
    expect(again.unchanged).toBe(true);
    expect(await counts()).toEqual(before);
    expect(readdirSync(out)).toEqual([first.distribution]);
    // The same answer as when it was issued, but for the flag.
    const { runId, ...issued } = first;
    expect(runId).toBeTruthy();
    expect({ ...again, unchanged: false }).toEqual({ ...issued, unchanged: false });
  });

  it('says unchanged on a dry run too, and writes nothing', async () => {
    await distribute(store, opts());
    const dry = await distribute(store, opts({ dryRun: true }));
    expect(dry).toMatchObject({ unchanged: true, dryRun: true, statements: { dir: null, files: [] } });
  });

  it('writes an unchanged distribution’s missing files again, byte-identical', async () => {
    const first = await distribute(store, opts());
    const dir = join(out, first.distribution);
    const issued = bytesOf(dir, first.statements.files);
    rmSync(dir, { recursive: true });
    const again = await distribute(store, opts());
    expect(again).toMatchObject({ unchanged: true, distribution: first.distribution });
    expect(again.statements.files).toEqual(first.statements.files);
    expect(bytesOf(dir, again.statements.files)).toEqual(issued);
  });

  it('still issues a new distribution when money arrived since, with only the new money on it', async () => {
    const first = await distribute(store, opts());
    await insertPayment(store, 'pay-2', 'INV-1', 1_125_000_000n, '2024-07-20');
    const second = await distribute(store, opts({ date: '2024-07-25' }));
    expect(second.unchanged).toBe(false);
    expect(second.distribution).not.toBe(first.distribution);
    expect(second.conservation).toMatchObject({ collected: 1_125_000_000n, ok: true });
    expect(second.statements.adjustments).toBeGreaterThan(0);
    // And after that, nothing new again.
    const third = await distribute(store, opts({ date: '2024-07-30' }));
    expect(third).toMatchObject({ unchanged: true, distribution: second.distribution, date: '2024-07-25' });
  });

  it('issues a new distribution when a carried balance reaches a lower threshold', async () => {
    await distribute(store, opts({ config: { payoutThreshold: micros(500_000_000n) } }));
    const carried = await store.one<{ n: bigint }>(
      `SELECT count(*) AS n FROM payee_balances WHERE carried > 0`,
    );
    expect(carried?.n).toBeGreaterThan(0n);
    const second = await distribute(store, opts({ config: { payoutThreshold: micros(1_000_000n) } }));
    expect(second.unchanged).toBe(false);
    expect(second.statements.lines).toBe(0);
    expect(second.conservation.paid).toBeGreaterThan(0n);
  });
});
