import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isTuttiError, micros } from '../../domain/index.js';
import { openStore, sql, type Store } from '../../warehouse/index.js';
import { loadPaymentsFile, recordPayment } from './index.js';

let store: Store;
let dir: string;
const run = { codeVersion: 'test', now: () => new Date('2024-05-20T00:00:00Z') };

beforeEach(async () => {
  store = await openStore(':memory:', { threads: 1 });
  dir = mkdtempSync(join(tmpdir(), 'tutti-collect-'));
  await store.run(
    sql`INSERT INTO invoices VALUES ('INV-1', 'R1', 'society', 'SACEM', 'EUR', ${2_250_000_000n}, ${1_125_000_000n}, ${1_125_000_000n}, 0, 'c.cdm', 'issued', 'claim-run')`,
  );
});
afterEach(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('collect', () => {
  it('records a partial then a final payment and tells what is still receivable', async () => {
    const first = await recordPayment(
      store,
      { invoiceId: 'INV-1', amount: micros(1_000_000_000n), receivedOn: '2024-05-20' },
      run,
    );
    expect(first).toMatchObject({
      paymentId: 'pay-1',
      paidToDate: 1_000_000_000n,
      outstanding: 1_250_000_000n,
      status: 'partial',
    });
    const second = await recordPayment(
      store,
      { invoiceId: 'INV-1', amount: micros(1_250_000_000n), receivedOn: '2024-09-01' },
      run,
    );
    expect(second).toMatchObject({ paymentId: 'pay-2', outstanding: 0n, status: 'paid' });
    expect(
      await store.one(`SELECT count(*) AS n FROM runs WHERE stage = 'collect' AND status = 'ok'`),
    ).toEqual({ n: 2n });
  });

  it('refuses a payment on an invoice it does not know', async () => {
    const error = await recordPayment(
      store,
      { invoiceId: 'INV-X', amount: micros(1n), receivedOn: '2024-05-20' },
      run,
    ).catch((e: unknown) => e);
    expect(isTuttiError(error) && error.code).toBe('NOT_FOUND');
    expect(await store.one(`SELECT count(*) AS n FROM payments`)).toEqual({ n: 0n });
  });

  it('loads a payments file, quarantines its bad lines, and does not count the same file twice', async () => {
    const path = join(dir, 'payments.csv');
    writeFileSync(
      path,
      'invoice_id,amount,received_on\nINV-1,1125.00,2024-05-20\nINV-9,10.00,2024-05-20\nINV-1,abc,2024-05-20\nINV-1,1125.00,2024-06-01\n',
    );
    const loaded = await loadPaymentsFile(store, path, run);
    expect(loaded).toMatchObject({ alreadyLoaded: false, payments: 2, amount: 2_250_000_000n });
    expect(loaded.rejects.map((r) => [r.line, r.code])).toEqual([
      [3, 'NOT_FOUND'],
      [4, 'INVALID_AMOUNT'],
    ]);
    expect(await store.one(`SELECT count(*) AS n FROM quarantine`)).toEqual({ n: 2n });
    const again = await loadPaymentsFile(store, path, run);
    expect(again).toMatchObject({ alreadyLoaded: true, payments: 0 });
    expect(await store.one(`SELECT sum(amount)::HUGEINT AS total FROM payments`)).toEqual({
      total: 2_250_000_000n,
    });
  });

  it('refuses a file that is not a payments file', async () => {
    const path = join(dir, 'other.csv');
    writeFileSync(path, 'a,b\n1,2\n');
    const error = await loadPaymentsFile(store, path, run).catch((e: unknown) => e);
    expect(isTuttiError(error) && error.code).toBe('INPUT_REJECTED');
  });
});
