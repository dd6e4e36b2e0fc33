import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatMicros, parseMicros, type Micros, type UsageReportSpec } from '../../domain/index.js';
import { dsrFileName, formatDsrLines } from '../../formats/dsr/index.js';
import { openStore } from '../../warehouse/index.js';
import { fixtureDir, writeLines } from './dsr-fixtures.test-helper.js';
import { ingestDsrFiles } from './ingest-dsr.js';

const dir = fixtureDir();
const text = fc.string({ unit: fc.constantFrom('a', 'Z', ' ', '|', '\\', '\t', 'é'), minLength: 1, maxLength: 6 });

/** Reports from the writer's point of view: several services, territories, months, subscription and ad-funded. */
const specArb = fc
  .record({
    service: fc.constantFrom('Premium', 'Free', 'Family'),
    territory: fc.constantFrom('FR', 'DE', 'BE'),
    month: fc.integer({ min: 1, max: 12 }),
    model: fc.constantFrom('SubscriptionModel', 'AdvertisementSupportedModel'),
    revenue: fc.bigInt({ min: 0n, max: 10n ** 12n }),
    blocks: fc.array(fc.record({ title: text, writers: fc.array(text, { minLength: 1, maxLength: 3 }), usages: fc.array(fc.bigInt({ min: 0n, max: 10n ** 9n }), { minLength: 1, maxLength: 3 }) }), { minLength: 1, maxLength: 4 }),
    parts: fc.integer({ min: 1, max: 3 }),
  })
  .map(({ service, territory, month, model, revenue, blocks, parts }) => {
    const mm = String(month).padStart(2, '0');
    const last = new Date(Date.UTC(2024, month, 0)).getUTCDate();
    const usages = blocks.reduce((n, b) => n + b.usages.reduce((a, u) => a + u, 0n), 0n);
    const spec: UsageReportSpec = {
      messageId: `RT-${service}-${territory}-${mm}-${revenue}`,
      profile: 'BasicAudioProfile',
      profileVersion: '1.3',
      senderPartyId: 'PADPIDA2014050101S',
      senderName: 'StreamCo',
      serviceDescription: service,
      territory,
      usageStartDate: `2024-${mm}-01`,
      usageEndDate: `2024-${mm}-${last}`,
      createdAt: '2024-12-01T00:00:00Z',
      summaries: [{ summaryId: 'S1', commercialModel: model, useType: 'OnDemandStream', territory, serviceDescription: service, usages, currency: 'EUR', netRevenue: formatMicros(revenue as Micros) }],
      blocks: blocks.map((b, i) => ({
        blockId: String(i + 1),
        resources: [{ resourceRef: 'R1', dspResourceId: `D${i}`, title: b.title, displayArtist: b.title, work: { writers: b.writers } }],
        usages: b.usages.map((u, j) => ({ summaryId: 'S1', transactionId: `T${i}-${j}`, resourceRef: 'R1', usages: u })),
      })),
    };
    return { spec, parts: Math.min(parts, blocks.length) };
  });

describe('DSR writer → ingest round trip', () => {
  it('gives back the same usages, money, titles and writers', async () => {
    await fc.assert(
      fc.asyncProperty(specArb, async ({ spec, parts }) => {
        const store = await openStore(':memory:');
        try {
          const files = Array.from({ length: parts }, (_, k) => {
            const part = parts > 1 ? { x: k + 1, y: parts } : undefined;
            return writeLines(dir, dsrFileName(spec, part), [...formatDsrLines(spec, part ? { part } : {})]);
          });
          const r = await ingestDsrFiles(store, files, { codeVersion: 't', now: () => new Date(0) });
          expect(r.files.every((f) => f.quarantined === 0 && f.errors === 0)).toBe(true);
          expect(r.files[r.files.length - 1]?.status).toBe('ingested');
          const s = await store.one<{ usages: bigint; net_revenue: bigint }>(`SELECT s.usages, s.net_revenue FROM report_summaries s JOIN reports r USING (report_id) WHERE r.status = 'complete'`);
          const lines = await store.one<{ n: bigint }>('SELECT sum(usages)::BIGINT AS n FROM usage_lines');
          expect(s?.usages).toBe(spec.summaries[0]?.usages);
          expect(lines?.n).toBe(spec.summaries[0]?.usages);
          expect(s?.net_revenue).toBe(parseMicros(spec.summaries[0]?.netRevenue ?? '0'));
          const resources = await store.all<{ title: string; writers: string }>('SELECT title, writers FROM report_resources ORDER BY block_id::INTEGER');
          expect(resources.map((x) => x.title)).toEqual(spec.blocks.map((b) => b.resources[0]?.title));
          expect(resources.map((x) => x.writers)).toEqual(spec.blocks.map((b) => b.resources[0]?.work?.writers.map((w) => w.replace(/\\/g, '\\\\').replace(/\|/g, '\\|')).join('|')));
        } finally {
          store.close();
        }
      }),
      { numRuns: 8 },
    );
  });
});
