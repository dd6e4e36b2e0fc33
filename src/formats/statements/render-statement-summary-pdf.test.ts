import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { micros } from '../../domain/index.js';
import { renderStatementSummaryPdf, type MemberStatementSummary, type StatementTotals } from './index.js';

const totals = (net: bigint, lines = 1): StatementTotals => ({
  lines,
  usages: 1_000n * BigInt(lines),
  gross: micros(net * 2n),
  commission: micros(net / 2n),
  deductions: micros(net / 2n),
  net: micros(net),
});

const summary = (works: number): MemberStatementSummary => ({
  society: 'Société',
  distributionId: 'D-2024-03-1',
  date: '2024-07-05',
  period: '2024-03',
  partyId: 'IPI:00000000198',
  partyName: 'Author A',
  ipiNameNumber: '00000000198',
  total: totals(645_000_000n, 2 * works),
  adjustments: totals(-1_250_000n),
  byRightType: [
    { label: 'mechanical', totals: totals(322_500_000n, works) },
    { label: 'performing', totals: totals(322_500_000n, works) },
  ],
  bySource: [{ label: 'Spotify Premium FR', totals: totals(645_000_000n, 2 * works) }],
  byWork: Array.from({ length: works }, (_, i) => ({
    label: `Exemple ${i} T0000000010`,
    totals: totals(1n, 2),
  })),
  otherWorks: { works: 7, totals: totals(5_000_000n, 9) },
  broughtForward: micros(500_000n),
  paid: micros(645_500_000n),
  carried: micros(0n),
});

/** The texts drawn, in order, and the number of pages. */
function read(pdf: Uint8Array): { texts: string[]; pages: number } {
  const buffer = Buffer.from(pdf);
  const raw = buffer.toString('latin1');
  const texts: string[] = [];
  for (const m of raw.matchAll(/(?<!end)stream\n/g)) {
    const start = (m.index ?? 0) + m[0].length;
    const content = inflateSync(buffer.subarray(start, raw.indexOf('\nendstream', start))).toString('latin1');
    for (const t of content.matchAll(/<([0-9a-f]+)> Tj/g))
      texts.push(Buffer.from(t[1] ?? '', 'hex').toString('latin1'));
  }
  return { texts, pages: (raw.match(/\/Type \/Page\b/g) ?? []).length };
}

describe('renderStatementSummaryPdf', () => {
  it('writes a well-formed PDF: every object where the cross-reference table says', () => {
    const pdf = Buffer.from(renderStatementSummaryPdf(summary(3)));
    const raw = pdf.toString('latin1');
    expect(raw.startsWith('%PDF-1.4\n')).toBe(true);
    expect(raw.endsWith('%%EOF\n')).toBe(true);
    const startxref = Number(/startxref\n(\d+)\n%%EOF\n$/.exec(raw)?.[1]);
    expect(raw.slice(startxref, startxref + 4)).toBe('xref');
    const entries = [...raw.slice(startxref).matchAll(/^(\d{10}) 00000 n $/gm)].map((m) => Number(m[1]));
    expect(entries.length).toBeGreaterThan(6);
    entries.forEach((offset, i) => expect(raw.slice(offset).startsWith(`${i + 1} 0 obj\n`)).toBe(true));
    expect(raw).toContain('/CreationDate (D:20240705000000Z)');
  });

  it('gives the same bytes for the same summary', () => {
    const a = renderStatementSummaryPdf(summary(3));
    const b = renderStatementSummaryPdf(summary(3));
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
  });

  it('prints the totals, each table, the balance, and the works beyond the list on one row', () => {
    const { texts, pages } = read(renderStatementSummaryPdf(summary(3)));
    expect(pages).toBe(1);
    expect(texts[0]).toBe('Société: royalty statement');
    expect(texts).toContain('Author A (IPI 00000000198), IPI:00000000198');
    for (const t of [
      'All lines',
      'of which adjustments of earlier distributions',
      'mechanical',
      'performing',
    ])
      expect(texts).toContain(t);
    expect(texts).toContain('Spotify Premium FR');
    expect(texts).toContain('Exemple 2 T0000000010');
    expect(texts).toContain('7 other works');
    expect(texts).toContain('By work (the 3 that earned most)');
    // All lines: net 645.00, gross 1290.00; the adjustments' net is negative.
    const all = texts.indexOf('All lines');
    expect(texts.slice(all, all + 7)).toEqual([
      'All lines',
      '6',
      '6000',
      '1290.00',
      '322.50',
      '322.50',
      '645.00',
    ]);
    expect(texts).toContain('-1.25');
    expect(texts).toContain('Net this distribution: 645.00');
    expect(texts).toContain('Paid: 645.50');
    expect(texts).toContain('Brought forward: 0.50');
  });

  it('continues on new pages when a table does not fit on one', () => {
    expect(read(renderStatementSummaryPdf(summary(120))).pages).toBeGreaterThan(2);
  });
});
