/* eslint-disable @typescript-eslint/no-unsafe-assignment -- vitest asymmetric matchers are typed any */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { dpidFromPayload } from '../../domain/index.js';
import { fixtureDir } from './dsr-fixtures.test-helper.js';
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
});
