import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { micros } from '../../domain/index.js';
import { STATEMENT_COLUMNS, renderStatementSummaryPdf } from '../../formats/statements/index.js';
import { quoteLiteral, type Store } from '../../warehouse/index.js';
import { STATEMENT_ORDER_SQL } from './member-statement.js';
import { DECIMAL18_LIMIT, moneyTextSql } from './money-text-sql.js';
import {
  MEMBER_SUMMARY_ORDER_SQL,
  memberSummarySql,
  toMemberSummary,
  type MemberSummaryRow,
} from './member-summary.js';

/** Members whose summary rows one query reads (at most 100 works and a few dozen other rows each). */
const MEMBERS_PER_QUERY = 1000;

const ORDER = STATEMENT_ORDER_SQL;

/**
 * Writes the run's statement files into `dir` from the temp tables: `statement-lines.csv` and
 * `.parquet` (every line, all payees), `remittances.csv`, and `statements/<n>-<party>.pdf` per member:
 * the member's summary statement (totals by right type, service × territory and work; the lines are in
 * the files above, and the line-by-line PDF is rendered on demand from the stored rows).
 * Everything is ordered by a total order and carries no clock, so the same inputs give the same bytes.
 * @returns the file names written, relative to `dir`, sorted.
 */
export async function writeStatementFiles(
  store: Store,
  dir: string,
  header: { society: string; distributionId: string; date: string; period: string; pdf: boolean },
  onProgress?: (step: string) => void,
): Promise<string[]> {
  mkdirSync(join(dir, 'statements'), { recursive: true });
  // The money columns' text through a 64-bit DECIMAL when every amount of the run fits one (always, in
  // practice: 10^12 units), else the HUGEINT arithmetic; the same bytes either way.
  const money = STATEMENT_COLUMNS.filter((c) => c.kind === 'money').map((c) => c.name);
  const bound = await store.one<{ m: bigint | null }>(
    `SELECT greatest(${money.map((c) => `max(abs(${c}))`).join(', ')})::HUGEINT AS m FROM dist_lines`,
  );
  const small = (bound?.m ?? 0n) < DECIMAL18_LIMIT;
  const csvColumns = STATEMENT_COLUMNS.map((c) =>
    c.kind === 'money' ? `${moneyTextSql(c.name, small)} AS ${c.name}` : c.name,
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
  await store.run(`COPY (SELECT distribution_id, payee_kind, payee, ${moneyTextSql('amount', false)} AS amount, lines FROM dist_remittances ORDER BY payee_kind, payee)
    TO ${quoteLiteral(join(dir, 'remittances.csv'))} (HEADER, DELIMITER ',')`);
  const files = ['remittances.csv', 'statement-lines.csv', 'statement-lines.parquet'];
  onProgress?.('statement-lines');
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
  // The summaries of every member in one grouped pass, then read a batch of members at a time.
  await store.run(
    `CREATE OR REPLACE TEMP TABLE dist_member_summary AS ${memberSummarySql("(SELECT * FROM dist_lines WHERE payee_kind = 'member')")}`,
  );
  try {
    for (let start = 0; start < balances.length; start += MEMBERS_PER_QUERY) {
      const batch = balances.slice(start, start + MEMBERS_PER_QUERY);
      const rows = await store.all<MemberSummaryRow>({
        text: `SELECT * FROM dist_member_summary WHERE party_id BETWEEN $1 AND $2 ORDER BY ${MEMBER_SUMMARY_ORDER_SQL}`,
        values: [batch[0]?.party_id ?? '', batch[batch.length - 1]?.party_id ?? ''],
      });
      const byParty = new Map<string, MemberSummaryRow[]>();
      for (const r of rows) {
        const list = byParty.get(r.party_id);
        if (list) list.push(r);
        else byParty.set(r.party_id, [r]);
      }
      for (const [offset, balance] of batch.entries()) {
        const summary = toMemberSummary(
          {
            society: header.society,
            distributionId: header.distributionId,
            date: header.date,
            period: header.period,
            partyId: balance.party_id,
            partyName: balance.name ?? balance.party_id,
            ipiNameNumber: balance.ipi,
            broughtForward: micros(balance.brought_forward),
            paid: micros(balance.paid),
            carried: micros(balance.carried),
          },
          byParty.get(balance.party_id) ?? [],
        );
        // File names from a sequence number and a sanitised id: party ids may hold ':' or '/'.
        const name = `statements/${String(start + offset + 1).padStart(6, '0')}-${balance.party_id.replace(/[^A-Za-z0-9._-]/g, '_')}.pdf`;
        writeFileSync(join(dir, name), renderStatementSummaryPdf(summary));
        files.push(name);
      }
    }
  } finally {
    await store.run('DROP TABLE IF EXISTS temp.main.dist_member_summary');
  }
  onProgress?.('member-statements');
  return files.sort();
}
