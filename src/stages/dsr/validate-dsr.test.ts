/* eslint-disable @typescript-eslint/no-unsafe-assignment -- vitest asymmetric matchers (expect.any, expect.stringContaining) are typed any */
import { describe, expect, it } from 'vitest';
import { dsrFileName, formatDsrLines } from '../../formats/dsr/index.js';
import { bapSpec, fixtureDir, writeLines } from './dsr-fixtures.test-helper.js';
import { openStore } from '../../warehouse/index.js';
import { ingestDsrFiles } from './ingest-dsr.js';
import { validateDsrFiles } from './validate-dsr.js';

const dir = fixtureDir();
const T = '\t';
const row = (...cells: string[]) => cells.join(T);

async function validateOne(name: string, lines: readonly string[]) {
  const [result] = await validateDsrFiles([writeLines(dir, name, lines)]);
  if (!result) throw new Error('no result');
  return result;
}

const BAP12_HEAD = row('HEAD', 'dsrf/1.1/1.4.1/1.2', 'BasicAudioProfile', '1.2', 'M12', '2024-04-02T10:00:00Z', '1', '1', '2024-03-01', '2024-03-31', 'PADPIDA1', 'Shop', 'Downloads', 'PADPIDA2', 'Soc', '');

describe('dsr validate', () => {
  it('reads the writer\'s Basic Audio 1.3 report with its counts, usages and revenue', async () => {
    const spec = bapSpec();
    const v = await validateOne(dsrFileName(spec), [...formatDsrLines(spec, { commentHeaders: true })]);
    expect(v).toMatchObject({ ok: true, profile: 'BasicAudioProfile', profileVersion: '1.3', service: 'Premium', territory: 'FR', period: '2024-03', part: null, usages: '75', revenue: '1234.560001' });
    expect(v.counts).toEqual({ HEAD: 1, 'SY02.03': 2, 'RE01.02': 3, 'AS02.03': 3, 'AS01.01': 3, 'MW01.01': 3, 'SU02.02': 6, FOOT: 1 });
    expect(v.errors).toEqual([]);
    // The fixture's DPIDs are dummies (as in real samples): warned, nothing else.
    expect(v.warnings.map((w) => w.code)).toEqual(['DSR_BAD_DPID', 'DSR_BAD_DPID']);
  });

  it('reads BAP 1.2 downloads: SY01.01, RE01, RE02, AS01.01 + MW01.01, SU01 usages minus returns', async () => {
    const v = await validateOne('DSR_PADPIDA2_PADPIDA1_Downloads_2024-03_GB_20240402T100000.tsv', [
      BAP12_HEAD,
      row('SY01.01', 'S1', '', '', 'PayAsYouGoModel', 'PermanentDownload', 'GB', 'Downloads', '7', '', 'GBP', '6.93', '', '', ''),
      row('RE01', '1', 'R1', 'ALB1', '', '', '0123456789012', 'Band', '', 'Album', '', 'Album', 'Label', '', ''),
      row('AS01.01', '1', 'A1', 'TRK1', 'GBAAA2400001', 'Track', '', 'Band', '', 'PT3M5S', 'SoundRecording', ''),
      row('MW01.01', '1', 'WK1', 'T0000000001', 'Work', '', 'Ann|Bob', '', '', '', 'Pub', '', '', '', '', 'PRS::123'),
      row('RE02', '1', 'R2', 'SUB1', '', 'A1'),
      row('SU01', '1', 'S1', 'TX1', '', 'A1', 'true', 'false', '5', '1', '0.99', ''),
      row('SU01', '1', 'S1', 'TX2', 'R1', '', 'true', 'false', '3', '0', '4.95', ''),
      row('FOOT', '9', '9', '1', '1', '1'),
    ]);
    expect(v.errors).toEqual([]);
    expect(v.usages).toBe('7');
    expect(v.revenue).toBe('6.93');
    expect(v.counts).toMatchObject({ 'SY01.01': 1, RE01: 1, RE02: 1, 'AS01.01': 1, 'MW01.01': 1, SU01: 2 });
  });

  it('reads UGC 1.2: SY02.02, AS02.02, RU01 parallel lists, RU02, SU03.02 with revenue, LI01.02', async () => {
    const v = await validateOne('DSR_PADPIDA2_PADPIDA9_YouTube_2024-03_FR_20240402T100000.tsv.gz', [
      row('HEAD', 'dsrf/30', 'UGCProfile', '1.2', 'U1', '2024-04-02T10:00:00Z', '1', '1', '2024-03-01', '2024-03-31', 'PADPIDA9', 'Tube', 'YouTube', 'PADPIDA2', 'Soc', ''),
      row('SY02.02', 'S1', '', '', 'AdvertisementSupportedModel', 'Stream', 'FR', 'YouTube', '1012', '', 'EUR', '10.50', '', '', '', '', '', '', '', '', '', ''),
      row('AS02.02', '1', 'A1', 'VID-A', 'FRAAA2400001', 'Clip', '', 'Singer', '', 'PT199S', 'Video', 'T0000000001', '', '', '', '', '', '', 'Ann', '', 'SOC::1', ''),
      row('RU01.01', '1', 'S1', 'ugc1|ugc2|ugc3', '3|4|5', 'UGC'),
      row('RU02.01', '1', 'S1', 'ugc4', 'A video', 'https://v/4', '1000', ''),
      row('SU03.02', '1', 'TX1', 'S1', 'VID-A', '1012', '10.50', '', '', '', 'true'),
      row('LI01.02', '1', 'S1', 'Soc', 'PADPIDA2', 'W1', '25', 'PerformingRight', '10.50', '2.625', ''),
      row('FOOT', '8', '8', '1', '1', '1'),
    ]);
    expect(v.errors).toEqual([]);
    expect(v.counts).toMatchObject({ 'RU01.01': 1, 'RU02.01': 1, 'SU03.02': 1, 'LI01.02': 1 });
    // The SU03 line counts; the RU01/RU02 videos behind it are detail (they add up to it here).
    expect(v.usages).toBe('1012');
    expect(v.revenue).toBe('10.50');
    expect(v.warnings.map((w) => w.code)).not.toContain('DSR_USAGE_LIST_MISMATCH');
    expect(v.part).toBeNull();
  });

  it('maps cells by the # header row when the file declares its own order', async () => {
    const v = await validateOne('DSR_PADPIDA2_PADPIDA1_Downloads_2024-03_GB_20240402T100001.tsv', [
      BAP12_HEAD,
      row('SY02.02', 'S1', '', '', 'SubscriptionModel', 'OnDemandStream', 'GB', 'Downloads', '42', '', 'GBP', '1', '', '', '', '', '', '', '', '', '', ''),
      row('#SU02.02', 'BlockId', 'SummaryRecordId', 'SalesTransactionId', 'TransactedRelease', 'TransactedResource', 'IsRoyaltyBearing', 'UseType', 'NumberOfStreams'),
      row('AS01.01', '1', 'A1', 'TRK1', '', 'Track', '', 'Band', '', 'PT3M', 'SoundRecording', ''),
      row('SU02.02', '1', 'S1', 'TX1', '', 'A1', 'true', 'OnDemandStream', '42'),
      row('FOOT', '6', '6', '1', '1', '1'),
    ]);
    expect(v.errors).toEqual([]);
    expect(v.usages).toBe('42');
  });

  it('says when FOOT disagrees with the body and when a summary disagrees with its lines', async () => {
    const spec = bapSpec();
    const lines = [...formatDsrLines(spec)];
    lines[lines.length - 1] = row('FOOT', '99', '99', '2', '3', '3');
    lines[1] = (lines[1] ?? '').replace(`${T}60${T}`, `${T}61${T}`);
    const v = await validateOne(dsrFileName({ ...spec, messageId: 'X' }), lines);
    expect(v.ok).toBe(false);
    expect(new Set(v.errors.map((e) => e.code))).toEqual(new Set(['DSR_FOOT_MISMATCH']));
    // The lines are read whole: a summary that disagrees with them is a deviation, not a failure.
    expect(v.warnings.map((w) => w.code)).toContain('DSR_SUMMARY_MISMATCH');
    expect(v.errors.find((e) => e.code === 'DSR_FOOT_MISMATCH')?.message).toContain('FOOT says 99 lines in the file but the file has 22');
  });

  it('quarantines a bad line with its physical line number (comments and empty lines counted) and goes on', async () => {
    const v = await validateOne('DSR_PADPIDA2_PADPIDA1_Downloads_2024-03_GB_20240402T100002.tsv', [
      '#HEAD comment',
      BAP12_HEAD,
      row('SY02.02', 'S1', '', '', 'SubscriptionModel', 'OnDemandStream', 'GB', 'Downloads', '5', '', 'GBP', '1', '', '', '', '', '', '', '', '', '', ''),
      '',
      row('AS01.01', '1', 'A1', 'TRK1', '', 'Track', '', 'Band', '', 'PT3M', 'SoundRecording', ''),
      row('SU02.01', '1', 'S1', 'TX1', '', 'A1', 'true', 'lots', '', ''),
      row('SU02.01', '1', 'S1', 'TX2', '', 'A1', 'true', '5', '', ''),
      row('ZZ01.01', 'a', 'b'),
      row('', 'no record type'),
      row('FOOT', '10', '10', '1', '1', '1'),
    ]);
    expect(v.usages).toBe('5');
    expect(v.errors).toEqual(expect.arrayContaining([
      expect.objectContaining({ code: 'DSR_BAD_LINE', line: 6, message: expect.stringContaining('NumberOfStreams "lots" is not an integer') }),
      expect.objectContaining({ code: 'DSR_BAD_LINE', line: 9, message: expect.stringContaining('no record type') }),
    ]));
    expect(v.warnings).toEqual(expect.arrayContaining([expect.objectContaining({ code: 'DSR_EMPTY_LINE', line: 4 })]));
    expect(v.warnings.map((w) => w.code)).toContain('DSR_UNKNOWN_RECORD');
  });

  it('keeps escaped TABs and pipes inside their cells on the bulk path', async () => {
    const v = await validateOne('DSR_PADPIDA2_PADPIDA1_Downloads_2024-03_GB_20240402T100003.tsv', [
      BAP12_HEAD,
      row('SY02.02', 'S1', '', '', 'SubscriptionModel', 'OnDemandStream', 'GB', 'Downloads', '3', '', 'GBP', '1', '', '', '', '', '', '', '', '', '', ''),
      row('AS02.02', '1', 'A1', 'TRK1', '', 'Tab\\\there', '', 'AC\\\\|DC', '', 'PT3M', 'SoundRecording', '', '', '', '', '', '', '', 'Ann|Bob\\|Jr', '', '', ''),
      row('SU02.01', '1', 'S1', 'TX1', '', 'A1', 'true', '3', '', ''),
      row('FOOT', '5', '5', '1', '1', '1'),
    ]);
    expect(v.errors).toEqual([]);
    expect(v.usages).toBe('3');
  });

  it('reads a newer record version with the nearest layout and a warning', async () => {
    const v = await validateOne('DSR_PADPIDA2_PADPIDA1_Downloads_2024-03_GB_20240402T100004.tsv', [
      BAP12_HEAD,
      row('SY02.02', 'S1', '', '', 'SubscriptionModel', 'OnDemandStream', 'GB', 'Downloads', '8', '', 'GBP', '1', '', '', '', '', '', '', '', '', '', ''),
      row('AS01.01', '1', 'A1', 'TRK1', '', 'Track', '', 'Band', '', 'PT3M', 'SoundRecording', ''),
      row('su02.09', '1', 'S1', 'TX1', '', 'A1', 'true', '8', '', '', 'OnDemandStream'),
      row('FOOT', '5', '5', '1', '1', '1'),
    ]);
    expect(v.ok).toBe(true);
    expect(v.usages).toBe('8');
    expect(v.warnings.map((w) => w.code)).toContain('DSR_RECORD_VERSION');
  });

  it('refuses a file that is not a DSR, whole, with a reason', async () => {
    const v = await validateOne('notes.tsv', ['name\tamount', 'x\t1']);
    expect(v.ok).toBe(false);
    expect(v.errors[0]).toMatchObject({ code: 'DSR_NOT_A_DSR', message: expect.stringContaining('not HEAD') });
  });

  it('reads a line that is not UTF-8 as Latin-1 with a warning, and numbers the lines after it right', async () => {
    const path = writeLines(dir, 'DSR_PADPIDA2_PADPIDA1_Downloads_2024-03_GB_20240402T100005.tsv', [
      BAP12_HEAD,
      row('SY02.02', 'S1', '', '', 'SubscriptionModel', 'OnDemandStream', 'GB', 'Downloads', '1', '', 'GBP', '1', '', '', '', '', '', '', '', '', '', ''),
      row('AS01.01', '1', 'A1', 'TRK1', '', 'Caf\u00e9', '', 'Band', '', 'PT3M', 'SoundRecording', ''),
      row('SU02.01', '1', 'S1', 'TX1', '', 'A1', 'true', 'x', '', ''),
      row('SU02.01', '1', 'S1', 'TX2', '', 'A1', 'true', '1', '', ''),
      row('FOOT', '6', '6', '1', '1', '1'),
    ]);
    const { readFileSync, writeFileSync } = await import('node:fs');
    writeFileSync(path, Buffer.from(readFileSync(path, 'utf8').replace('Caf\u00e9', 'Caf\u0001'), 'utf8').toString('utf8').replace('\u0001', '\u00e9'), 'latin1');
    const [v] = await validateDsrFiles([path]);
    expect(v?.errors).toEqual([expect.objectContaining({ code: 'DSR_BAD_LINE', line: 4 })]);
    expect(v?.warnings).toEqual(expect.arrayContaining([expect.objectContaining({ code: 'DSR_ENCODING', line: 3 })]));
    expect(v?.counts).toMatchObject({ 'AS01.01': 1, 'SU02.01': 2 });
    const store = await openStore(':memory:');
    try {
      await ingestDsrFiles(store, [path], { codeVersion: 'test', now: () => new Date('2024-01-01T00:00:00Z') });
      expect(await store.one<{ title: string }>('SELECT title FROM report_resources')).toEqual({ title: 'Caf\u00e9' });
    } finally {
      store.close();
    }
  });
});
