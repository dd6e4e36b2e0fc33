import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { micros } from '../../domain/index.js';
import { renderStatementPdf, type MemberStatement, type StatementLine } from './index.js';

const line = (i: number): StatementLine => ({
  workId: `W${i}`,
  iswc: 'T0000000010',
  workTitle: `Exemple ${i}`,
  role: 'A',
  share: 3333,
  rightType: 'performing',
  service: 'Spotify Premium',
  territory: 'FR',
  periodStart: '2024-03-01',
  periodEnd: '2024-03-31',
  usages: 1_000_000n,
  gross: micros(375_000_000n),
  commission: micros(48_750_000n),
  deductions: micros(3_750_000n),
  net: micros(322_500_000n),
  lineKind: i % 2 === 0 ? 'normal' : 'adjustment',
});

const statement = (lines: number): MemberStatement => ({
  society: 'Society',
  distributionId: 'D-2024-03-1',
  date: '2024-07-05',
  period: '2024-03',
  partyId: 'P-A',
  partyName: 'Author A',
  ipiNameNumber: '00000000198',
  lines: Array.from({ length: lines }, (_, i) => line(i)),
  broughtForward: micros(0n),
  paid: micros(322_500_000n * BigInt(lines)),
  carried: micros(0n),
});

const pages = (pdf: Uint8Array) =>
  (
    Buffer.from(pdf)
      .toString('latin1')
      .match(/\/Type \/Page\b/g) ?? []
  ).length;

describe('renderStatementPdf', () => {
  it('gives the same bytes for the same statement, whatever the clock', async () => {
    const a = await renderStatementPdf(statement(3));
    await new Promise((r) => setTimeout(r, 1100));
    const b = await renderStatementPdf(statement(3));
    expect(Buffer.from(a).subarray(0, 5).toString()).toBe('%PDF-');
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    expect(Buffer.from(a).toString('latin1')).toContain('D:20240705000000Z');
  });

  it('continues on new pages when the lines do not fit on one', async () => {
    expect(pages(await renderStatementPdf(statement(3)))).toBe(1);
    expect(pages(await renderStatementPdf(statement(120)))).toBeGreaterThan(2);
  });

  it('draws every cell of every line as text, cutting a title too long for its column', async () => {
    const long = {
      ...line(0),
      workTitle: 'Une oeuvre au titre bien trop long pour tenir dans sa colonne',
      iswc: null,
    };
    const pdf = Buffer.from(await renderStatementPdf({ ...statement(2), lines: [long, line(1)] }));
    const raw = pdf.toString('latin1');
    const texts: string[] = [];
    for (const m of raw.matchAll(/stream\n/g)) {
      const start = (m.index ?? 0) + m[0].length;
      const body = pdf.subarray(start, raw.indexOf('endstream', start));
      // Only the FlateDecode page contents (zlib header 0x78); fonts and metadata streams are skipped.
      if (body[0] !== 0x78) continue;
      const content = inflateSync(body).toString('latin1');
      for (const t of content.matchAll(/<([0-9a-f]+)> Tj/g))
        texts.push(Buffer.from(t[1] ?? '', 'hex').toString('latin1'));
    }
    expect(texts.slice(0, 10)).toEqual([
      'Work',
      'Role / right',
      'Share',
      'Source',
      'Period',
      'Usages',
      'Gross',
      'Fee',
      'Other',
      'Net',
    ]);
    expect(texts).toContain('[adj] Exemple 1 T0000000010');
    expect(texts).toContain('Spotify Premium FR');
    expect(texts).toContain('322.50');
    expect(texts).toContain('645.00');
    const cut = texts.find((t) => t.startsWith('Une oeuvre'));
    expect(cut).toMatch(/\x85$/);
    expect(cut?.length).toBeLessThan(long.workTitle.length);
  });
});
