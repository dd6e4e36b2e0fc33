import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isTuttiError } from '../../domain/index.js';
import { openStore, type Store } from '../../warehouse/index.js';
import { distributeOptions, insertPayment, insertWorkedExample } from './claim-tables.fixture.js';
import { distribute, type DistributeOptions } from './distribute.js';

let out: string;
beforeEach(() => {
  out = mkdtempSync(join(tmpdir(), 'tutti-distribute-'));
});
afterEach(() => rmSync(out, { recursive: true, force: true }));

const opts = (extra: Partial<DistributeOptions> = {}) => distributeOptions({ society: 'Society', ...extra });

async function example(): Promise<Store> {
  const store = await openStore(':memory:', { threads: 2 });
  await insertWorkedExample(store, { members: { C: false } });
  await insertPayment(store, 'pay-1', 'INV-1', 2_250_000_000n);
  return store;
}

const count = async (store: Store, table: string) =>
  (await store.one<{ n: bigint }>(`SELECT count(*) AS n FROM ${table}`))?.n;

describe('distribute: statement files', () => {
  it('writes CSV, Parquet and a PDF per member, byte-identical from the same inputs', async () => {
    const runs: Record<string, Buffer>[] = [];
    for (const name of ['a', 'b']) {
      const store = await example();
      // A different wall clock must not change any file.
      const result = await distribute(
        store,
        opts({ outDir: join(out, name), now: () => new Date(name === 'a' ? '2030-01-01' : '2031-06-06') }),
      );
      store.close();
      expect(result.statements.files).toEqual([
        'remittances.csv',
        'statement-lines.csv',
        'statement-lines.parquet',
        'statements/000001-P-A.pdf',
        'statements/000002-P-E.pdf',
      ]);
      const dir = join(out, name, result.distribution);
      runs.push(Object.fromEntries(result.statements.files.map((f) => [f, readFileSync(join(dir, f))])));
    }
    for (const [file, bytes] of Object.entries(runs[0] ?? {}))
      expect(bytes.equals(runs[1]?.[file] ?? Buffer.alloc(0)), file).toBe(true);
    const csv = runs[0]?.['statement-lines.csv']?.toString('utf8').split('\n') ?? [];
    expect(csv[0]).toBe(
      'distribution_id,payee_kind,payee,party_id,party_name,ipi_name_number,work_id,iswc,work_title,role,share,right_type,service,territory,period_start,period_end,usages,gross,commission,deductions,net,line_kind,reason,claim_id,invoice_id',
    );
    expect(csv).toContain(
      'D-2024-03-1,member,P-A,P-A,Author A,00000000198,W1,T0000000010,Exemple,A,2500,mechanical,Spotify Premium,FR,2024-03-01,2024-03-31,1000000,281.250000,36.560000,2.810000,241.880000,normal,,C-1M,INV-1',
    );
    expect(runs[0]?.['statements/000001-P-A.pdf']?.subarray(0, 5).toString()).toBe('%PDF-');
    expect(runs[0]?.['remittances.csv']?.toString()).toBe(
      'distribution_id,payee_kind,payee,amount,lines\nD-2024-03-1,society,052,564.370000,2\n',
    );
  });

  it('computes and reports on --dry-run without writing tables or files', async () => {
    const store = await example();
    const result = await distribute(store, opts({ outDir: out, dryRun: true }));
    expect(result.conservation.ok).toBe(true);
    expect(result.statements.lines).toBe(6);
    expect(await count(store, 'statement_lines')).toBe(0n);
    expect(await count(store, 'distributions')).toBe(0n);
    expect(await count(store, 'runs')).toBe(0n);
    expect(readdirSync(out)).toEqual([]);
    store.close();
  });

  it('fails with CONSERVATION and writes nothing when the money does not add up', async () => {
    const store = await example();
    // An issued line whose columns do not add up (gross ≠ commission + deductions + net) poisons the next run.
    await store.run(`INSERT INTO statement_lines (distribution_id, gross, commission, deductions, net, line_kind, invoice_id, claim_id, party_id, role, payee_kind, payee)
      VALUES ('D-old', 10, 0, 0, 9, 'normal', 'INV-1', 'C-1P', 'P-A', 'A', 'member', 'P-A')`);
    const error = await distribute(store, opts({ outDir: out })).catch((e: unknown) => e);
    expect(isTuttiError(error) && error.code).toBe('CONSERVATION');
    expect(await count(store, 'statement_lines')).toBe(1n);
    expect(await count(store, 'distributions')).toBe(0n);
    expect(await store.one(`SELECT status FROM runs`)).toEqual({ status: 'failed' });
    expect(existsSync(join(out, 'D-2024-03-1'))).toBe(false);
    expect(readdirSync(out)).toEqual([]);
    store.close();
  });
});
