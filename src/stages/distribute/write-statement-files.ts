import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { micros } from '../../domain/index.js';
import {
  STATEMENT_COLUMNS,
  renderStatementPdf,
  type MemberStatement,
} from '../../formats/statements/index.js';
import { quoteLiteral, type Store } from '../../warehouse/index.js';
import { STATEMENT_ORDER_SQL, toStatementLine, type StatementLineRow } from './member-statement.js';

/** Exact decimal text of a HUGEINT of micro-units, in SQL (no DOUBLE on the way). */
const moneyText = (column: string) =>
  `CASE WHEN ${column} < 0 THEN '-' ELSE '' END || (abs(${column}) // 1000000)::VARCHAR || '.' || lpad((abs(${column}) % 1000000)::VARCHAR, 6, '0')`;

/** Members whose lines one query reads. */
const MEMBERS_PER_QUERY = 64;

const ORDER = STATEMENT_ORDER_SQL;

interface LineRow extends StatementLineRow {
  readonly party_id: string;
}

/**
 * Writes the run's statement files into `dir` from the temp tables: `statement-lines.csv` and
 * `.parquet` (every line, all payees), `remittances.csv`, and `statements/<party>.pdf` per member.
 * Everything is ordered by a total order and carries no clock, so the same inputs give the same bytes.
 * @returns the file names written, relative to `dir`, sorted.
 */
export async function writeStatementFiles(
  store: Store,
  dir: string,
  header: { society: string; distributionId: string; date: string; period: string; pdf: boolean },
): Promise<string[]> {
  mkdirSync(join(dir, 'statements'), { recursive: true });
  const csvColumns = STATEMENT_COLUMNS.map((c) =>
    c.kind === 'money' ? `${moneyText(c.name)} AS ${c.name}` : c.name,
  ).join(', ');
  const rawColumns = STATEMENT_COLUMNS.map((c) => c.name).join(', ');
  // Sorted once for both files; a table scan keeps the insertion order (DuckDB preserve_insertion_order).
  await store.run(
    `CREATE OR REPLACE TEMP TABLE dist_sorted_lines AS SELECT ${rawColumns} FROM dist_lines ORDER BY ${ORDER}`,
  );
  try {
    await store.run(
      `COPY (SELECT ${csvColumns} FROM dist_sorted_lines) TO ${quoteLiteral(join(dir, 'statement-lines.csv'))} (HEADER, DELIMITER ',')`,
    );
    await store.run(
      `COPY (SELECT ${rawColumns} FROM dist_sorted_lines) TO ${quoteLiteral(join(dir, 'statement-lines.parquet'))} (FORMAT parquet)`,
    );
  } finally {
    await store.run('DROP TABLE IF EXISTS temp.main.dist_sorted_lines');
  }
  await store.run(`COPY (SELECT distribution_id, payee_kind, payee, ${moneyText('amount')} AS amount, lines FROM dist_remittances ORDER BY payee_kind, payee)
    TO ${quoteLiteral(join(dir, 'remittances.csv'))} (HEADER, DELIMITER ',')`);
  const files = ['remittances.csv', 'statement-lines.csv', 'statement-lines.parquet'];
  if (!header.pdf) return files;

  // A statement for every member with lines in this run or whose balance moves (paid, or carried
  // differently); a balance only brought forward and carried again needs no new statement.
  const balances = await store.all<{
    party_id: string;
    name: string | null;
    ipi: string | null;
    brought_forward: bigint;
    paid: bigint;
    carried: bigint;
  }>(
    `SELECT b.party_id, p.name, p.ipi_name_number AS ipi, b.brought_forward, b.paid, b.carried
     FROM dist_balances b LEFT JOIN parties p USING (party_id)
     WHERE b.earned <> 0 OR b.paid <> 0 OR b.carried <> b.brought_forward
        OR b.party_id IN (SELECT party_id FROM dist_lines WHERE payee_kind = 'member')
     ORDER BY b.party_id`,
  );
  // Lines fetched for a batch of members at a time (one scan per batch, not per member), memory bounded.
  for (let start = 0; start < balances.length; start += MEMBERS_PER_QUERY) {
    const batch = balances.slice(start, start + MEMBERS_PER_QUERY);
    const rows = await store.all<LineRow>({
      text: `SELECT * EXCLUDE (period_start, period_end), strftime(period_start, '%Y-%m-%d') AS period_start, strftime(period_end, '%Y-%m-%d') AS period_end
             FROM dist_lines WHERE payee_kind = 'member' AND party_id BETWEEN $1 AND $2 ORDER BY party_id, ${ORDER}`,
      values: [batch[0]?.party_id ?? '', batch[batch.length - 1]?.party_id ?? ''],
    });
    const byParty = new Map<string, LineRow[]>();
    for (const r of rows) {
      const list = byParty.get(r.party_id);
      if (list) list.push(r);
      else byParty.set(r.party_id, [r]);
    }
    for (const [offset, balance] of batch.entries()) {
      const lines = (byParty.get(balance.party_id) ?? []).map(toStatementLine);
      const statement: MemberStatement = {
        society: header.society,
        distributionId: header.distributionId,
        date: header.date,
        period: header.period,
        partyId: balance.party_id,
        partyName: balance.name ?? balance.party_id,
        ipiNameNumber: balance.ipi,
        lines,
        broughtForward: micros(balance.brought_forward),
        paid: micros(balance.paid),
        carried: micros(balance.carried),
      };
      // File names from a sequence number and a sanitised id: party ids may hold ':' or '/'.
      const name = `statements/${String(start + offset + 1).padStart(6, '0')}-${balance.party_id.replace(/[^A-Za-z0-9._-]/g, '_')}.pdf`;
      writeFileSync(join(dir, name), await renderStatementPdf(statement));
      files.push(name);
    }
  }
  return files.sort();
}
