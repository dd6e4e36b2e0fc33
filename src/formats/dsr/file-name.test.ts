import { describe, expect, it } from 'vitest';
import type { UsageReportSpec } from '../../domain/index.js';
import { dsrFileName, parseDsrFileName } from './file-name.js';

describe('DSR file names (DSR Part 1 §8.1)', () => {
  it('reads every element of a multi-file name', () => {
    const { name, problems } = parseDsrFileName('DSR_PADPIDA2018010801Z_PADPIDA2014050101S_Premium_2024-03_FR_2of3_20240402T100000.tsv.gz');
    expect(problems).toEqual([]);
    expect(name).toMatchObject({ recipient: 'PADPIDA2018010801Z', sender: 'PADPIDA2014050101S', serviceDescription: 'Premium', period: '2024-03', territory: 'FR', part: { x: 2, y: 3 }, compressed: true });
  });

  it('accepts an empty territory and a date-range period', () => {
    const { name, problems } = parseDsrFileName('DSR_PADPIDA00123456743_PADPIDA0123456766K_UnlimitedMusicMonthly_2020-06-01--2020-06-30__1of1_20200703T075930.tsv');
    expect(problems).toEqual([]);
    expect(name?.territory).toBe('');
    expect(name?.period).toBe('2020-06-01--2020-06-30');
  });

  it('reports a name that is not a DSR name instead of throwing', () => {
    expect(parseDsrFileName('usage.csv').name).toBeNull();
    expect(parseDsrFileName('DSR_a_b_c_2024-13x_FR_20240101T000000.tsv').problems).toContain('file name period "2024-13x" is not a DSR notification period');
  });

  it('writes names that read back to the spec', () => {
    const spec = { recipientPartyId: 'PADPIDA1', senderPartyId: 'PADPIDA2', serviceDescription: 'Free Tier', usageStartDate: '2024-02-01', usageEndDate: '2024-02-29', territory: 'DE', createdAt: '2024-03-05T08:09:10Z' } as UsageReportSpec;
    expect(dsrFileName(spec, { x: 1, y: 2 })).toBe('DSR_PADPIDA1_PADPIDA2_FreeTier_2024-02_DE_1of2_20240305T080910.tsv');
    expect(parseDsrFileName(dsrFileName(spec)).name).toMatchObject({ period: '2024-02', territory: 'DE', part: null });
  });
});
