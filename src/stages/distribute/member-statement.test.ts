import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { renderStatementPdf } from '../../formats/statements/index.js';
import { openStore } from '../../warehouse/index.js';
import { distributeOptions, insertPayment, insertWorkedExample } from './claim-tables.fixture.js';
import { distribute } from './distribute.js';
import { loadMemberStatement } from './member-statement.js';

let out: string;
beforeEach(() => {
  out = mkdtempSync(join(tmpdir(), 'tutti-member-statement-'));
});
afterEach(() => rmSync(out, { recursive: true, force: true }));

describe('loadMemberStatement', () => {
  it('rebuilds from the stored rows the very PDF the distribution wrote', async () => {
    const store = await openStore(':memory:', { threads: 2 });
    await insertWorkedExample(store);
    await insertPayment(store, 'pay-1', 'INV-1', 2_250_000_000n);
    const result = await distribute(store, distributeOptions({ society: 'Society', outDir: out }));
    const dir = join(out, result.distribution, 'statements');
    const written = readdirSync(dir).sort();
    expect(written.length).toBeGreaterThan(0);
    for (const file of written) {
      const partyId = (
        await store.all<{ party_id: string }>(
          `SELECT DISTINCT party_id FROM statement_lines WHERE payee_kind = 'member' ORDER BY 1`,
        )
      )
        .map((r) => r.party_id)
        .find((p) => file.endsWith(`-${p.replace(/[^A-Za-z0-9._-]/g, '_')}.pdf`));
      expect(partyId, file).toBeDefined();
      const rebuilt = await renderStatementPdf(
        await loadMemberStatement(store, result.distribution, partyId!, 'Society'),
      );
      expect(Buffer.from(rebuilt).equals(readFileSync(join(dir, file))), file).toBe(true);
    }
    store.close();
  });

  it('says which distribution or statement does not exist', async () => {
    const store = await openStore(':memory:');
    await expect(loadMemberStatement(store, 'D-none', 'P1')).rejects.toThrow(/no distribution D-none/);
    store.close();
  });
});
