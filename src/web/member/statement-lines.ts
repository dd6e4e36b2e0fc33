import type { ApiClient, Page } from '../lib/api-client.js';
import type { Statement, StatementLine, StatementTotals } from '../lib/types.js';

export interface StatementWithLines extends StatementTotals {
  readonly distributionId: string;
  readonly partyId: string;
  readonly page: Page<StatementLine>;
}

/** Every line of every statement the caller may read (first 1000 lines of each). */
export async function loadAllStatementLines(client: ApiClient): Promise<StatementLine[]> {
  const statements = await client.get<Page<Statement>>('/statements', { limit: 100 });
  const details = await Promise.all(
    statements.items
      .filter((s) => s.partyId !== null)
      .map((s) =>
        client.get<StatementWithLines>(
          `/distributions/${encodeURIComponent(s.distributionId)}/statements/${encodeURIComponent(s.partyId ?? '')}`,
          { limit: 1000 },
        ),
      ),
  );
  return details.flatMap((d) => d.page.items);
}

/** Sums usages and net (exact bigints) of `lines` by the key, largest usage first. */
export function groupLines(
  lines: readonly StatementLine[],
  key: (line: StatementLine) => string,
): { label: string; usages: bigint; net: bigint }[] {
  const groups = new Map<string, { usages: bigint; net: bigint }>();
  for (const line of lines) {
    const k = key(line);
    const g = groups.get(k) ?? { usages: 0n, net: 0n };
    g.usages += BigInt(line.usages ?? '0');
    g.net += BigInt(line.net);
    groups.set(k, g);
  }
  return [...groups]
    .map(([label, g]) => ({ label, ...g }))
    .sort((a, b) => (b.usages === a.usages ? a.label.localeCompare(b.label) : b.usages > a.usages ? 1 : -1));
}
