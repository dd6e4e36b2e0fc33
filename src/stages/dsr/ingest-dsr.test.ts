/* eslint-disable @typescript-eslint/no-unsafe-assignment -- vitest asymmetric matchers (expect.any, expect.stringContaining) are typed any */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dsrFileName, formatDsrLines } from '../../formats/dsr/index.js';
import { openStore, type Store } from '../../warehouse/index.js';
import { bapSpec, fixtureDir, writeLines } from './dsr-fixtures.test-helper.js';
import { ingestDsrFiles } from './ingest-dsr.js';

const dir = fixtureDir();
const options = { codeVersion: 'test', now: () => new Date('2024-05-01T00:00:00Z') };
let store: Store;
beforeEach(async () => {
  store = await openStore(':memory:');
});
afterEach(() => store.close());

const count = async (text: string) => Number((await store.one<{ n: bigint }>(text))?.n ?? 0n);
const visibleUsage = () => count(`SELECT coalesce(sum(u.usages), 0)::BIGINT AS n FROM usage_lines u JOIN reports r USING (report_id) WHERE r.status = 'complete'`);

describe('dsr ingest', () => {
  it('stores a report with exact counts and money, resolved resources and folded work data', async () => {
    const spec = bapSpec('ING-1');
    const file = writeLines(dir, dsrFileName(spec), [...formatDsrLines(spec, { commentHeaders: true })]);
    const r = await ingestDsrFiles(store, [file], options);
    expect(r.files).toEqual([expect.objectContaining({ file, status: 'ingested', lines: 29, quarantined: 0, report: 'PADPIDA2014050101S:ING-1' })]);
    expect(r.totals).toMatchObject({ files: 1, ingested: 1, lines: 29 });
    expect(await visibleUsage()).toBe(75);
    const money = await store.all<{ summary_id: string; net_revenue: bigint }>('SELECT summary_id, net_revenue FROM report_summaries ORDER BY summary_id');
    expect(money).toEqual([{ summary_id: 'S1', net_revenue: 1234560000n }, { summary_id: 'S2', net_revenue: 1n }]);
    const line = await store.one<{ dsp_resource_id: string; resource_ref: string; line_no: bigint }>(`SELECT dsp_resource_id, resource_ref, line_no FROM usage_lines WHERE transaction_id = 'T2b'`);
    expect(line).toEqual({ dsp_resource_id: 'DSP-22', resource_ref: 'RES22', line_no: expect.any(BigInt) });
    const work = await store.one<{ work_title: string; writers: string; iswc: string; duration_s: number }>(`SELECT work_title, writers, iswc, duration_s FROM report_resources WHERE resource_ref = 'RES22'`);
    expect(work).toEqual({ work_title: 'Work 22', writers: 'Ana Writer|Bo Composer', iswc: 'T0000000001', duration_s: 202 });
    const runs = await store.all<{ stage: string; status: string }>('SELECT stage, status FROM runs');
    expect(runs).toEqual([{ stage: 'dsr-ingest', status: 'ok' }]);
  });

  it('counts the same file once: the second time it is a duplicate and changes nothing', async () => {
    const spec = bapSpec('DUP-1');
    const file = writeLines(dir, dsrFileName(spec), [...formatDsrLines(spec)]);
    await ingestDsrFiles(store, [file], options);
    const again = await ingestDsrFiles(store, [file], options);
    expect(again.files[0]).toMatchObject({ status: 'duplicate', lines: 0 });
    expect(again.totals.duplicate).toBe(1);
    expect(await visibleUsage()).toBe(75);
    expect(await count('SELECT count(*) AS n FROM input_files')).toBe(1);
  });

  it('keeps an xofy report invisible until every part arrived, in any order, then checks the whole', async () => {
    const spec = bapSpec('PARTS-1');
    const parts = [1, 2, 3].map((x) => writeLines(dir, dsrFileName(spec, { x, y: 3 }), [...formatDsrLines(spec, { part: { x, y: 3 } })]));
    const first = await ingestDsrFiles(store, [parts[2] ?? '', parts[0] ?? ''], options);
    expect(first.files.map((f) => f.status)).toEqual(['waiting-parts', 'waiting-parts']);
    expect(await visibleUsage()).toBe(0);
    expect(await count(`SELECT count(*) AS n FROM reports WHERE status = 'waiting-parts' AND parts_received = 2`)).toBe(1);
    const last = await ingestDsrFiles(store, [parts[1] ?? ''], options);
    expect(last.files[0]?.status).toBe('ingested');
    expect(await visibleUsage()).toBe(75);
    expect(await count('SELECT count(*) AS n FROM report_summaries')).toBe(2);
    expect(await count('SELECT count(*) AS n FROM dsr_staged_usage_lines')).toBe(0);
    expect(await count(`SELECT count(*) AS n FROM report_issues WHERE severity = 'error'`)).toBe(0);
    expect(await count(`SELECT count(*) AS n FROM input_files WHERE status = 'ingested'`)).toBe(3);
  });

  it('quarantines bad lines with file, line, record type and reason, and ingests the rest', async () => {
    const spec = bapSpec('Q-1');
    const lines = [...formatDsrLines(spec)];
    const bad = lines.findIndex((l) => l.startsWith('SU02.02'));
    lines[bad] = (lines[bad] ?? '').replace(/\t10\t/, '\t1O\t');
    const file = writeLines(dir, dsrFileName(spec), lines);
    const r = await ingestDsrFiles(store, [file], options);
    expect(r.files[0]).toMatchObject({ status: 'ingested', quarantined: 1 });
    const q = await store.one<{ path: string; line_no: bigint; record_type: string; reason: string; raw: string }>('SELECT path, line_no, record_type, reason, raw FROM quarantine');
    expect(q).toEqual({ path: file, line_no: BigInt(bad + 1), record_type: 'SU02.02', reason: 'NumberOfStreams "1O" is not an integer', raw: lines[bad] });
    expect(await visibleUsage()).toBe(65);
  });

  it('leaves no trace of a file whose ingest crashed, and a re-run completes it', async () => {
    const spec = bapSpec('CRASH-1');
    const file = writeLines(dir, dsrFileName(spec), [...formatDsrLines(spec)]);
    const crash = () => {
      throw new Error('power cut');
    };
    await expect(ingestDsrFiles(store, [file], { ...options, onProgress: (e) => (e.step === 'quarantine' ? crash() : undefined) })).rejects.toThrow('power cut');
    for (const table of ['input_files', 'reports', 'usage_lines', 'report_resources', 'report_summaries', 'dsr_report_parts']) {
      expect(await count(`SELECT count(*) AS n FROM ${table}`)).toBe(0);
    }
    expect(await count(`SELECT count(*) AS n FROM runs WHERE status = 'failed'`)).toBe(1);
    const rerun = await ingestDsrFiles(store, [file], options);
    expect(rerun.files[0]?.status).toBe('ingested');
    expect(await visibleUsage()).toBe(75);
  });

  it('refuses a file that is not a DSR and records why', async () => {
    const file = writeLines(dir, 'prices.tsv', ['sku\tprice', 'a\t1']);
    const r = await ingestDsrFiles(store, [file], options);
    expect(r.files[0]).toMatchObject({ status: 'rejected', reason: expect.stringContaining('not a DSR') });
    expect(await store.one('SELECT status, reason FROM input_files')).toEqual({ status: 'rejected', reason: expect.stringContaining('not HEAD') });
  });

  it('reads gzip-compressed files and UGC revenue per line', async () => {
    const spec = bapSpec('UGC-1', {
      profile: 'UGCProfile',
      profileVersion: '1.2',
      summaries: [{ summaryId: 'S1', commercialModel: 'AdvertisementSupportedModel', useType: 'Stream', territory: 'FR', serviceDescription: 'Premium', usages: 75n, currency: 'EUR', netRevenue: '3.30' }],
    });
    const ugc = { ...spec, blocks: spec.blocks.map((b) => ({ ...b, usages: b.usages.map((u) => ({ ...u, summaryId: 'S1', netRevenue: '0.55' })) })) };
    const file = writeLines(dir, `${dsrFileName(ugc)}.gz`, [...formatDsrLines(ugc)]);
    const r = await ingestDsrFiles(store, [file], options);
    expect(r.files[0]).toMatchObject({ status: 'ingested', quarantined: 0, errors: 0 });
    expect(await visibleUsage()).toBe(75);
    expect(await count('SELECT sum(net_revenue)::BIGINT AS n FROM usage_lines')).toBe(3_300_000);
    expect(await count(`SELECT count(*) AS n FROM usage_lines WHERE resource_ref = 'RES11' AND dsp_resource_id = 'DSP-11'`)).toBe(1);
  });
});
