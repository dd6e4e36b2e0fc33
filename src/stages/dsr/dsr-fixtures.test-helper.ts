import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { UsageReportSpec } from '../../domain/index.js';

/** A temp folder for one test file's DSR fixtures. */
export function fixtureDir(): string {
  return mkdtempSync(join(tmpdir(), 'tutti-dsr-'));
}

/** Writes lines (LF-terminated) to `dir/name`, gzip-compressed when the name ends in `.gz`. */
export function writeLines(dir: string, name: string, lines: readonly string[]): string {
  const path = join(dir, name);
  const text = `${lines.join('\n')}\n`;
  writeFileSync(path, name.endsWith('.gz') ? gzipSync(text) : text);
  return path;
}

/** A small Basic Audio 1.3 report built from the specification: 2 sales contexts, 3 blocks. */
export function bapSpec(messageId = 'MSG-1', overrides: Partial<UsageReportSpec> = {}): UsageReportSpec {
  const resource = (n: number) => ({
    resourceRef: `RES${n}`,
    dspResourceId: `DSP-${n}`,
    isrc: `FRZZZ24${String(n).padStart(5, '0')}`,
    title: `Song ${n}`,
    displayArtist: `Artist ${n}`,
    durationS: 180 + n,
    work: n % 2 === 0 ? { title: `Work ${n}`, iswc: 'T0000000001', writers: ['Ana Writer', 'Bo Composer'], publishers: ['Pub'] } : { iswc: 'T0000000002', writers: ['Cy Lyricist'], proprietaryWorkId: `SOC::W${n}` },
  });
  return {
    messageId,
    profile: 'BasicAudioProfile',
    profileVersion: '1.3',
    senderPartyId: 'PADPIDA2014050101S',
    senderName: 'StreamCo',
    recipientPartyId: 'PADPIDA2018010801Z',
    recipientName: 'Society',
    serviceDescription: 'Premium',
    territory: 'FR',
    usageStartDate: '2024-03-01',
    usageEndDate: '2024-03-31',
    createdAt: '2024-04-02T10:00:00Z',
    summaries: [
      { summaryId: 'S1', commercialModel: 'SubscriptionModel', useType: 'OnDemandStream', territory: 'FR', serviceDescription: 'Premium', usages: 60n, subscribers: 1000n, currency: 'EUR', netRevenue: '1234.56' },
      { summaryId: 'S2', commercialModel: 'AdvertisementSupportedModel', useType: 'OnDemandStream', territory: 'FR', serviceDescription: 'Premium', usages: 15n, currency: 'EUR', netRevenue: '0.000001' },
    ],
    blocks: [1, 2, 3].map((b) => ({
      blockId: `BLK-${b}`,
      release: { releaseRef: `REL${b}`, dspReleaseId: `ALB-${b}`, title: `Album ${b}`, displayArtist: `Artist ${b}` },
      resources: [resource(b * 10 + 1), resource(b * 10 + 2)],
      usages: [
        { summaryId: 'S1', transactionId: `T${b}a`, resourceRef: `RES${b * 10 + 1}`, usages: BigInt(b * 10), useType: 'OnDemandStream' },
        { summaryId: 'S2', transactionId: `T${b}b`, resourceRef: `RES${b * 10 + 2}`, usages: BigInt(b * 2 + 1) },
      ],
    })),
    ...overrides,
  };
}
