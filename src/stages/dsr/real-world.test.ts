/* eslint-disable @typescript-eslint/no-unsafe-assignment -- vitest asymmetric matchers are typed any */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { dpidFromPayload } from '../../domain/index.js';
import { fixtureDir } from './dsr-fixtures.test-helper.js';
import { openStore } from '../../warehouse/index.js';
import { ingestDsrFiles } from './ingest-dsr.js';
import { validateDsrFiles } from './validate-dsr.js';

/*
 * Files shaped like the real public samples that standards.md §1.3–1.10 and §6 describe (a YouTube UGC
 * 1.1 report of 35 lines, Orfium BAP 1.3 subscription and ad-funded reports, an old BAP 1.0/1.1 report
 * with every deviation of §1.10, an SRB report). Written here from the specification, not copied.
 */
const dir = fixtureDir();
const row = (...cells: string[]) => cells.join('\t');
const RECIPIENT = dpidFromPayload('2014120301');

/** Writes the lines with a FOOT counting every physical line (HEAD, FOOT and `#` rows included). */
function writeReport(name: string, lines: readonly string[], foot: (total: number) => string, options: { crlf?: boolean } = {}): string {
  const all = [...lines, foot(lines.length + 1)];
  const text = `${all.join(options.crlf ? '\r\n' : '\n')}${options.crlf ? '\r\n' : '\n'}`;
  const path = join(dir, name);
  writeFileSync(path, name.endsWith('.gz') ? gzipSync(text) : text);
  return path;
}

async function validateOne(path: string) {
  const [v] = await validateDsrFiles([path]);
  if (!v) throw new Error('no result');
  return v;
}

/** A YouTube-style UGC 1.1 report: `dsrf/30`, SY02.01/SY04/SY05, AS01.01+MW01.01/AS02.01, RU01/RU02, SU03.01/02, LI01.01/02. */
function youtubeLines(): string[] {
  const lines = [
    row('HEAD', 'dsrf/30', 'UGCProfile', '1.1', 'YT-2016-01-US-1', '2016-02-01T00:00:00Z', '1', '1', '2016-01-01', '2016-01-31', 'PADPIDA2013020802I', 'YouTube', 'YouTube', RECIPIENT, 'Society', ''),
    row('#SY02.01', 'SummaryRecordId', 'DistributionChannel', 'DistributionChannelDPID', 'CommercialModel', 'UseType', 'Territory', 'ServiceDescription', 'Usages', 'Users', 'CurrencyOfReporting', 'NetRevenue', 'RightsController', 'RightsControllerPartyId', 'AllocatedUsages', 'AllocatedRevenue', 'AllocatedNetRevenue', 'RightsType', 'ContentCategory', 'CurrencyOfTransaction', 'ExchangeRate', 'RightsTypePercentage'),
    row('SY02.01', '1', 'YouTube', 'PADPIDA2013020802I', 'AdvertisementSupportedModel', 'Stream', 'US', 'YouTube', '1500', '', 'USD', '12.345678', 'Society', RECIPIENT, '', '', '', 'PerformingRight', 'UGC', '', '', '100.00'),
    row('SY04', '2', 'YouTube', 'PADPIDA2013020802I', 'SubscriptionModel', 'OnDemandStream', 'US', 'YouTubeRed', 'Individual', '1200', '2016-01-01', '2016-01-31', '300', '300', 'USD', '', '', '9.99', '4.50', '55.5'),
    row('SY05', '3', 'YouTube', 'PADPIDA2013020802I', 'SubscriptionModel', 'OnDemandStream', 'US', 'YouTubeRed', 'Society', RECIPIENT, 'PerformingRight', '900000', '300', '0.1', '', '', '0.0003', 'USD', '', '', 'Individual', '2016-01-01', '2016-01-31', 'UGC', '100.00'),
    '#Block 1',
    row('AS01.01', '1', 'R1', 'A1B2C3', 'USAAA1600001', 'Song One', '', 'Singer', '', 'PT0H3M20S', 'SoundRecording', 'TRUE'),
    row('MW01.01', '1', 'W1', 'T0000000001', 'Song One', '', 'Ann Writer|Bob Writer', '', '', '', 'Pub', '', '', '', '', 'SOC::123'),
    row('RU01', '1', '1', 'vid1|vid2|vid3', '400|500|100'),
    row('RU02', '1', '1', 'vid4', 'A cover', 'https://www.youtube.com/watch?v=vid4', '500', ''),
    row('SU03.01', '1', 'TX1', '', 'A1B2C3', '1500', '12.345678', '2016-01-01', '2016-01-31'),
    row('LI01.01', '1', '1', 'Society', RECIPIENT, 'SOC-W1', '1.0000', 'PerformingRight', '12.345678', '1.234568'),
    row('MW01.01', '1', 'W1', 'T0000000001', 'Song One', '', 'Ann Writer|Bob Writer', '', '', '', '', '', '', '', '', 'SOC::123'),
    '#Block 2',
    row('AS02.01', '2', 'R2', 'D4E5F6', 'USAAA1600002', 'Song Two', '', 'Band', '', 'PT0H0M0S', 'Video', 'T0000000002', 'Cy Writer', '', '', '', '', '', '', '', 'SOC::456', ''),
    row('RU01', '2', '2', 'vid5|vid6', '100|200'),
    row('SU03.02', '2', 'TX2', '2', 'D4E5F6', '300', '1.50', '', '', 'UGC', 'true'),
    row('LI01.02', '2', '2', 'Society', RECIPIENT, 'SOC-W2', '1.0000', 'PerformingRight', '1.50', '0.15', '300'),
    '#Block 3',
    row('AS01.01', '3', 'R3', 'G7H8I9', 'USAAA1600003', 'Song Three', '', 'Trio', '', 'PT3M', 'SoundRecording', ''),
    row('RU02', '3', '3', 'vid7', 'Live', 'https://www.youtube.com/watch?v=vid7', '7', ''),
    row('SU03.01', '3', 'TX3', '3', 'G7H8I9', '7', '0.07', '', ''),
  ];
  while (lines.length < 34) lines.push(`# comment ${lines.length + 1}`);
  return lines;
}

describe('real-world DSR files (shapes of the public samples)', () => {
  it('reads a YouTube-style UGC 1.1 report of 35 lines whose FOOT counts every line', async () => {
    const path = writeReport(`DSR_${RECIPIENT}_PADPIDA2013020802I_YouTube_2016-01_US_1of1_20160201T000000.tsv`, youtubeLines(), (n) => row('FOOT', String(n), String(n), '3', '3', '3'));
    const v = await validateOne(path);
    expect(v.errors).toEqual([]);
    expect(v).toMatchObject({ ok: true, profile: 'UGCProfile', profileVersion: '1.1', service: 'YouTube', territory: 'US', period: '2016-01', part: { x: 1, y: 1 } });
    expect(v.counts).toMatchObject({ HEAD: 1, 'SY02.01': 1, SY04: 1, SY05: 1, 'AS01.01': 2, 'MW01.01': 2, 'AS02.01': 1, RU01: 2, RU02: 2, 'SU03.01': 2, 'SU03.02': 1, 'LI01.01': 1, 'LI01.02': 1, FOOT: 1 });
    // SU03 carries the usages of a resource; RU01/RU02 list the videos behind them (not counted twice).
    expect(v.usages).toBe('1807');
    // UGC money is on the SU03 lines (transaction currency of their summary).
    expect(v.revenue).toBe('13.915678');
    expect(v.warnings.map((w) => w.code)).not.toContain('DSR_FILE_NAME');
  });

  it('warns, not fails, when a UGC video list does not add up to its usage line', async () => {
    const lines = youtubeLines().map((l) => l.replace('400|500|100', '400|500|90'));
    const path = writeReport(`DSR_${RECIPIENT}_PADPIDA2013020802I_YouTube_2016-01_US_1of1_20160201T000001.tsv`, lines, (n) => row('FOOT', String(n), String(n), '3', '3', '3'));
    const v = await validateOne(path);
    expect(v.ok).toBe(true);
    expect(v.usages).toBe('1807');
    expect(v.warnings).toEqual(expect.arrayContaining([expect.objectContaining({ code: 'DSR_USAGE_LIST_MISMATCH' })]));
  });

  it('reads an Orfium-style BAP 1.3 subscription report: # header rows, empty territory in the name, dummy DPIDs warned', async () => {
    const names = (code: string, ...cells: string[]) => row(`#${code}`, ...cells);
    const lines = [
      names('HEAD', 'MessageVersion', 'Profile', 'ProfileVersion', 'MessageId', 'MessageCreatedDateTime', 'FileNumber', 'NumberOfFiles', 'UsageStartDate', 'UsageEndDate', 'SenderPartyId', 'SenderName', 'ServiceDescription', 'RecipientPartyId', 'RecipientName', 'RepresentedRepertoire'),
      row('HEAD', 'dsrf/1.1/1.4.1/1.3', 'BasicAudioProfile', '1.3', 'ORF-1', '2020-07-03T07:59:30Z', '1', '1', '2020-06-01', '2020-06-30', 'PADPIDA0123456766K', 'Unlimited Music', 'UnlimitedMusicMonthly', 'PADPIDA00123456743', 'Some Label', ''),
      names('SY01.02', 'SummaryRecordId', 'DistributionChannel', 'DistributionChannelDPID', 'CommercialModel', 'UseType', 'Territory', 'ServiceDescription', 'TotalUsages', 'Subscribers', 'CurrencyOfReporting', 'NetRevenue', 'IndirectValue', 'CurrencyOfTransaction', 'ExchangeRate'),
      row('SY01.02', '1', '', '', 'SubscriptionModel', '', 'GB', 'UnlimitedMusicMonthly', '3160', '346563', 'GBP', '5000.00', '', '', ''),
      names('RE01.02', 'BlockId', 'ReleaseReference', 'DspReleaseId', 'ProprietaryReleaseId', 'CatalogNumber', 'ICPN', 'DisplayArtistName', 'DisplayArtistPartyId', 'Title', 'SubTitle', 'ReleaseType', 'LabelName', 'PLine', 'DataProviderName', 'ReleaseDate'),
      names('AS02.03', 'BlockId', 'ResourceReference', 'DspResourceId', 'ISRC', 'Title', 'SubTitle', 'DisplayArtistName', 'DisplayArtistPartyId', 'Duration', 'ResourceType', 'ISWC', 'ComposerAuthor', 'ComposerAuthorPartyId', 'Arranger', 'ArrangerPartyId', 'MusicPublisher', 'MusicPublisherPartyId', 'WorkContributor', 'WorkContributorPartyId', 'ProprietaryWorkId', 'IsMasterRecording'),
      names('SU02.02', 'BlockId', 'SummaryRecordId', 'SalesTransactionId', 'TransactedRelease', 'TransactedResource', 'IsRoyaltyBearing', 'NumberOfStreams', 'PriceConsumerPaidExcSalesTax', 'PromotionalActivity', 'UseType'),
    ];
    const streams = [1000, 800, 600, 400, 200, 160];
    streams.forEach((n, i) => {
      const b = `BLK-${i + 1}`;
      lines.push(row('RE01.02', b, `REL${i}`, `ALB${i}`, '', '', '', 'Artist', '', `Album ${i}`, '', 'Album', 'Label', '', 'Data Provider', '2019-01-01'));
      lines.push(row('AS02.03', b, `RES${i}`, `TRK${i}`, `GBAAA190000${i}`, `Track ${i}`, '', 'Artist', '', 'PT3M30S', 'SoundRecording', '', '', '', '', '', '', '', 'Ann Writer|Bob Writer', '', '', ''));
      lines.push(row('SU02.02', b, '1', `T${i}`, '', `RES${i}`, 'TRUE', String(n), '', '', i % 2 === 0 ? 'OnDemandStream' : 'ProgrammedContentStream'));
    });
    const path = writeReport('DSR_PADPIDA00123456743_PADPIDA0123456766K_UnlimitedMusicMonthly_2020-06-01--2020-06-30__1of1_20200703T075930.tsv', lines, (n) => row('FOOT', String(n), String(n), '1', '6', '6'));
    const v = await validateOne(path);
    expect(v.errors).toEqual([]);
    expect(v).toMatchObject({ ok: true, profile: 'BasicAudioProfile', profileVersion: '1.3', service: 'UnlimitedMusicMonthly', territory: 'GB', period: '2020-06-01--2020-06-30', part: { x: 1, y: 1 }, usages: '3160', revenue: '5000.00' });
    expect(v.counts).toEqual({ HEAD: 1, 'SY01.02': 1, 'RE01.02': 6, 'AS02.03': 6, 'SU02.02': 6, FOOT: 1 });
    expect(v.warnings.filter((w) => w.code === 'DSR_BAD_DPID').length).toBeGreaterThan(0);
    expect(v.warnings.map((w) => w.code)).not.toContain('DSR_SUMMARY_MISMATCH');
  });

  it('reads an Orfium-style BAP 1.3 ad-funded report: SY02.03, AS02.03 ownership conflict, line UseType, a UPC failing its check', async () => {
    const lines = [
      row('HEAD', 'dsrf/1.3/1.4.1/1.3', 'BasicAudioProfile', '1.3', 'ORF-2', '2020-07-03T07:59:30Z', '1', '1', '2020-06-01', '2020-06-30', 'PADPIDA0123456766K', 'Free Music', 'FreeMusic', 'PADPIDA00123456743', 'Some Label', ''),
      row('#SY02.03', 'SummaryRecordId', 'DistributionChannel', 'DistributionChannelDPID', 'CommercialModel', 'UseType', 'Territory', 'ServiceDescription', 'Usages', 'Users', 'Currency', 'NetRevenue', 'RightsController', 'RightsControllerPartyId', 'AllocatedUsages', 'AllocatedRevenue', 'AllocatedNetRevenue', 'RightsType', 'ContentCategory', 'ExchangeRateBaseCurrency', 'ExchangeRate', 'RightsTypePercentage'),
      row('SY02.03', 'S1', '', '', 'AdvertisementSupportedModel', '', 'GB', 'FreeMusic', '75', '1200', 'GBP', '12.5', 'Some Label', 'PADPIDA00123456743', '75', '12.5', '10', 'MakeAvailableRight', '', '', '', '100'),
      row('RE01.02', '1', 'REL1', 'ALB1', '', '', '731453000000', 'Artist', '', 'Album', '', 'Album', 'Label', '', '', '2019-01-01'),
      row('AS02.03', '1', 'RES1', 'TRK1', 'GBAAA1900001', 'Track', '', 'Artist', '', 'PT3M', 'SoundRecording', '', '', '', '', '', '', '', 'Ann Writer', '', '', '', 'true', '2020-06-15'),
      row('SU02.02', '1', 'S1', 'T1', '', 'RES1', 'true', '50', '', '', 'OnDemandStream'),
      row('SU02.02', '1', 'S1', 'T2', 'REL1', '', 'true', '25', '', '', 'ContentInfluencedStream'),
    ];
    const path = writeReport('DSR_PADPIDA00123456743_PADPIDA0123456766K_FreeMusic_2020-06-01--2020-06-30__1of1_20200703T075931.tsv', lines, (n) => row('FOOT', String(n), String(n), '1', '1', '1'));
    const v = await validateOne(path);
    expect(v.errors).toEqual([]);
    expect(v).toMatchObject({ ok: true, usages: '75', revenue: '12.50', territory: 'GB' });
    expect(v.warnings).toEqual(expect.arrayContaining([expect.objectContaining({ code: 'DSR_BAD_ICPN', line: 4, message: expect.stringContaining('731453000000') })]));
  });

  it('reads an old BAP 1.0/1.1 report with every deviation of §1.10 as warnings (CRLF, gzip, SY03, short rows, 5. counts)', async () => {
    const lines = [
      row('HEAD', 'dsrf/1.0/1.0/1.0', 'BasicAudioProfile', '1.0', 'OLD-1', '2015-11-02T10:00:00Z', '1', '1', '20151001', '20151031', 'PADPIDA2013020802I', 'OldShop', 'OldShop', RECIPIENT, 'Society'),
      row('SY01', '1', '', '', 'SubscriptionModel', 'OnDemandStream', 'DE', 'OldShop', '12', '10', 'EUR', '3.5', '', '', ''),
      row('SY02', '2', '', '', 'AdvertisementSupportedModel', 'OnDemandStream', 'DE', 'OldShop', '99', '', 'EUR', '1.25'),
      row('SY03', '3', 'whatever', 'cells'),
      row('RE01', 'BLK-1', 'REL1', 'ALB1', '', '', '', 'Artist', '', 'Album', '', 'Album', 'Label'),
      row('AS01', 'BLK-1', 'RES1', 'TRK1', 'DEAAA1500001', 'Track', '', 'Artist', '', 'PT0H0M0S', 'SoundRecording', 'TRUE'),
      row('MW01', 'BLK-1', 'W1', 'T0000000001', 'Work', '', 'Ann|Bob'),
      row('SU02', 'BLK-1', '1', 'T1', '', 'RES1', 'TRUE', '5.'),
      row('SU02', 'BLK-1', '1', 'T2', 'REL1', '', 'true', '7.0'),
      row('SU02', '1', '2', 'T3', '', 'RES9', 'true', '3'),
      row('AS01', '1', 'RES9', 'TRK9', '', 'Other', '', 'Artist', '', 'PT199S', 'SoundRecording'),
    ];
    const path = writeReport(`DSR_${RECIPIENT}_PADPIDA2013020802I_OldShop_2015-10_DE_20151102T100000.tsv.gz`, lines, (n) => row('FOOT', String(n), String(n), '3', '2', '2'), { crlf: true });
    const v = await validateOne(path);
    expect(v.errors).toEqual([]);
    expect(v).toMatchObject({ ok: true, profile: 'BasicAudioProfile', profileVersion: '1.0', territory: 'DE', period: '2015-10', part: null, usages: '15', revenue: '4.75' });
    const codes = v.warnings.map((w) => w.code);
    expect(codes).toEqual(expect.arrayContaining(['DSR_HEADER', 'DSR_SUMMARY_MISMATCH', 'DSR_UNUSED_SUMMARY']));
  });

  it('reads an SRB report (SRHE, SR02 cells named by a # header row, SRFO) and skips SR rows without one, with a warning', async () => {
    const sr02 = ['SummaryRecordId', 'DspResourceId', 'ISRC', 'Title', 'DisplayArtistName', 'Duration', 'ResourceType', 'ISWC', 'WorkContributor', 'ProprietaryWorkId', 'DspReleaseId', 'ICPN', 'SalesTransactionId', 'IsRoyaltyBearing', 'NumberOfStreams'];
    const lines = [
      row('SRHE', 'dsrf/1.1/1.4.1/1.2', 'BasicAudioProfileSRB', '1.2', 'SRB-1', '2024-04-02T10:00:00Z', '1', '1', '2024-03-01', '2024-03-31', 'PADPIDA2013020802I', 'FlatCo', 'Flat', RECIPIENT, 'Society'),
      row('SY01.01', 'S1', '', '', 'SubscriptionModel', 'OnDemandStream', 'SE', 'Flat', '30', '5', 'SEK', '100', '', '', ''),
      row('#SR02', ...sr02),
      row('SR02', 'S1', 'TRK1', 'SEAAA2400001', 'Song', 'Band', 'PT3M', 'SoundRecording', 'T0000000001', 'Ann', 'STIM::1', 'ALB1', '', 'TX1', 'true', '10'),
      row('SR02', 'S1', 'TRK2', 'SEAAA2400002', 'Other', 'Band', 'PT2M', 'SoundRecording', '', 'Bob', '', 'ALB1', '', 'TX2', 'true', '20'),
      row('SR01', 'x', 'y'),
    ];
    const path = writeReport(`DSR_${RECIPIENT}_PADPIDA2013020802I_Flat_2024-03_SE_20240402T100000.tsv`, lines, (n) => row('SRFO', String(n), '1'));
    const v = await validateOne(path);
    expect(v.errors).toEqual([]);
    expect(v).toMatchObject({ ok: true, profile: 'BasicAudioProfileSRB', usages: '30', revenue: '100.00', territory: 'SE' });
    expect(v.counts).toMatchObject({ SRHE: 1, SR02: 2, SR01: 1, SRFO: 1 });
    expect(v.warnings).toEqual(expect.arrayContaining([expect.objectContaining({ code: 'DSR_UNKNOWN_RECORD', message: expect.stringContaining('SR01') })]));
  });

  it('reads a file that starts with a byte order mark', async () => {
    const path = writeReport(`DSR_${RECIPIENT}_PADPIDA2013020802I_YouTube_2016-01_US_1of1_20160201T000002.tsv`, youtubeLines().map((l, i) => (i === 0 ? `\uFEFF${l}` : l)), (n) => row('FOOT', String(n), String(n), '3', '3', '3'));
    const v = await validateOne(path);
    expect(v.errors).toEqual([]);
    expect(v.counts).toMatchObject({ HEAD: 1 });
    expect(v.warnings.map((w) => w.code)).not.toContain('DSR_UNKNOWN_RECORD');
  });

  it('stores the SU03 lines of a UGC report as its usage lines and the RU videos behind them as detail', async () => {
    const path = writeReport(`DSR_${RECIPIENT}_PADPIDA2013020802I_YouTube_2016-01_US_1of1_20160201T000003.tsv`, youtubeLines(), (n) => row('FOOT', String(n), String(n), '3', '3', '3'));
    const store = await openStore(':memory:');
    try {
      const r = await ingestDsrFiles(store, [path], { codeVersion: 'test', now: () => new Date('2024-01-01T00:00:00Z') });
      expect(r.files[0]).toMatchObject({ status: 'ingested', lines: 35, quarantined: 0 });
      const usage = await store.all<{ n: bigint; usages: bigint; revenue: bigint }>(
        `SELECT count(*) AS n, sum(usages)::BIGINT AS usages, sum(net_revenue)::BIGINT AS revenue FROM usage_lines`,
      );
      expect(usage[0]).toMatchObject({ n: 3n, usages: 1807n, revenue: 13_915_678n });
      const videos = await store.one<{ n: bigint; usages: bigint }>(`SELECT count(*) AS n, sum(usages)::BIGINT AS usages FROM usage_video_lines`);
      expect(videos).toMatchObject({ n: 7n, usages: 1807n });
      const su03 = await store.one<{ summary_id: string }>(`SELECT summary_id FROM usage_lines WHERE transaction_id = 'TX1'`);
      expect(su03?.summary_id).toBe('1');
    } finally {
      store.close();
    }
  });

  it('rounds amounts with more than 6 decimals to the micro-unit with a warning, not a quarantine', async () => {
    const lines = youtubeLines().map((l) => l.replaceAll('12.345678', '12.3456775').replace('1.234568', '-1.2345675'));
    const path = writeReport(`DSR_${RECIPIENT}_PADPIDA2013020802I_YouTube_2016-01_US_1of1_20160201T000004.tsv`, lines, (n) => row('FOOT', String(n), String(n), '3', '3', '3'));
    const v = await validateOne(path);
    expect(v.errors).toEqual([]);
    expect(v.revenue).toBe('13.915678');
    const rounded = v.warnings.filter((w) => w.code === 'DSR_AMOUNT_ROUNDED');
    expect(rounded.map((w) => w.line)).toEqual([3, 11, 12, 12]);
  });
});

