import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { renderStatementSummaryPdf, type StatementTotals } from '../../formats/statements/index.js';
import { openStore, type Store } from '../../warehouse/index.js';
import {
  distributeOptions,
  insertClaimLine,
  insertPayment,
  insertWorkedExample,
} from './claim-tables.fixture.js';
import { distribute } from './distribute.js';
import { loadMemberStatement } from './member-statement.js';
import { loadMemberStatementSummary } from './member-summary.js';

let out: string;
beforeEach(() => {
  out = mkdtempSync(join(tmpdir(), 'tutti-member-statement-'));
});
afterEach(() => rmSync(out, { recursive: true, force: true }));

const members = async (store: Store) =>
  (
    await store.all<{ party_id: string }>(
      `SELECT DISTINCT party_id FROM statement_lines WHERE payee_kind = 'member' ORDER BY 1`,
    )
  ).map((r) => r.party_id);

const add = (rows: readonly { totals: StatementTotals }[]) =>
  rows.reduce(
    (s, r) => ({
      lines: s.lines + r.totals.lines,
      usages: s.usages + r.totals.usages,
      gross: s.gross + r.totals.gross,
      commission: s.commission + r.totals.commission,
      deductions: s.deductions + r.totals.deductions,
      net: s.net + r.totals.net,
    }),
    { lines: 0, usages: 0n, gross: 0n, commission: 0n, deductions: 0n, net: 0n },
  );

describe('member statements', () => {
  it('rebuilds from the stored rows the very summary PDF the distribution wrote', async () => {
    const store = await openStore(':memory:', { threads: 2 });
    await insertWorkedExample(store);
    await insertPayment(store, 'pay-1', 'INV-1', 2_250_000_000n);
    const result = await distribute(store, distributeOptions({ society: 'Society', outDir: out }));
    const dir = join(out, result.distribution, 'statements');
    const written = readdirSync(dir).sort();
    expect(written.length).toBeGreaterThan(0);
    const parties = await members(store);
    for (const file of written) {
      const partyId = parties.find((p) => file.endsWith(`-${p.replace(/[^A-Za-z0-9._-]/g, '_')}.pdf`));
      expect(partyId, file).toBeDefined();
      const rebuilt = renderStatementSummaryPdf(
        await loadMemberStatementSummary(store, result.distribution, partyId!, 'Society'),
      );
      expect(Buffer.from(rebuilt).equals(readFileSync(join(dir, file))), file).toBe(true);
    }
    store.close();
  });

  it('sums in every table of the summary exactly what the member’s lines add up to, adjustments included', async () => {
    const store = await openStore(':memory:', { threads: 2 });
    await insertWorkedExample(store);
    await insertPayment(store, 'pay-1', 'INV-1', 2_250_000_000n);
    await distribute(store, distributeOptions());
    // A second work on a new invoice, and a correction of the first: the next run has both kinds of line.
    await store.run(`INSERT INTO works (work_id, title, iswc) VALUES ('W2', 'Autre', NULL)`);
    await store.run(
      `INSERT INTO invoices VALUES ('INV-2', 'R1', 'society', 'SACEM', 'EUR', 300000000, 300000000, 0, 0, 'c.cdm', 'issued', 'claim-run-1')`,
    );
    await insertClaimLine(store, {
      claimId: 'C-2',
      invoiceId: 'INV-2',
      workId: 'W2',
      rightType: 'performing',
      claimed: 300_000_000n,
      shareClaimed: 10000,
      usages: 7n,
      shares: [
        { party: 'P-A', role: 'A', share: 6000 },
        { party: 'P-E', role: 'E', share: 4000 },
      ],
    });
    await insertPayment(store, 'pay-2', 'INV-2', 300_000_000n, '2024-09-01');
    await insertPayment(store, 'pay-3', 'INV-1', 1_000_000n, '2024-09-01');
    const second = await distribute(store, distributeOptions({ period: '2024-06', date: '2024-10-05' }));
    for (const partyId of await members(store)) {
      const lines = (await loadMemberStatement(store, second.distribution, partyId)).lines;
      const summary = await loadMemberStatementSummary(store, second.distribution, partyId);
      const expected = add(lines.map((l) => ({ totals: { ...l, lines: 1, usages: l.usages } })));
      expect(summary.total, partyId).toEqual(expected);
      expect(add(summary.byRightType), partyId).toEqual(expected);
      expect(add(summary.bySource), partyId).toEqual(expected);
      expect(add([...summary.byWork, ...(summary.otherWorks ? [summary.otherWorks] : [])]), partyId).toEqual(
        expected,
      );
      const adjustments = lines.filter((l) => l.lineKind === 'adjustment');
      expect(summary.adjustments.lines, partyId).toBe(adjustments.length);
      expect(summary.adjustments.net).toBe(adjustments.reduce((s, l) => s + l.net, 0n));
    }
    const a = await loadMemberStatementSummary(store, second.distribution, 'P-A');
    expect(a.byWork.map((w) => w.label)).toEqual(['Autre', 'Exemple T0000000010']);
    expect(a.adjustments.lines).toBeGreaterThan(0);
    store.close();
  });

  it('says which distribution or statement does not exist', async () => {
    const store = await openStore(':memory:');
    await expect(loadMemberStatement(store, 'D-none', 'P1')).rejects.toThrow(/no distribution D-none/);
    await expect(loadMemberStatementSummary(store, 'D-none', 'P1')).rejects.toThrow(/no distribution D-none/);
    store.close();
  });
});
