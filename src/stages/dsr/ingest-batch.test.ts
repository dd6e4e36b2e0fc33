import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dsrFileName, formatDsrLines } from '../../formats/dsr/index.js';
import { openStore, type Store } from '../../warehouse/index.js';
import { bapSpec, fixtureDir, writeLines } from './dsr-fixtures.test-helper.js';
import { ingestDsrFiles, planDsrBatches, type DsrIngestFileResult } from './ingest-dsr.js';
import { validateDsrFiles } from './validate-dsr.js';

const options = { codeVersion: 'test', now: () => new Date('2024-05-01T00:00:00Z') };
const root = fixtureDir();
let made = 0;

/** A fresh folder for one fixture file (fixtures of the same spec share a name). */
function place(name: string): string {
  const dir = join(root, String(made++));
  mkdirSync(dir);
  return join(dir, name);
}

/** Writes raw lines (Buffers keep non-UTF-8 bytes), LF-terminated. */
function writeRaw(name: string, lines: readonly (string | Buffer)[]): string {
  const path = place(name);
  writeFileSync(path, Buffer.concat(lines.flatMap((l) => [typeof l === 'string' ? Buffer.from(l, 'utf8') : l, Buffer.from('\n')])));
  return path;
}

/** Everything the ingest wrote that does not depend on the run (ids and times left out), in a stable order. */
async function snapshot(store: Store): Promise<Record<string, unknown[]>> {
  const q = (text: string) => store.all(text);
  return {
    inputFiles: await q('SELECT file_id, path, bytes, status, reason FROM input_files ORDER BY file_id'),
    reports: await q('SELECT * EXCLUDE (run_id) FROM reports ORDER BY report_id'),
    parts: await q('SELECT * EXCLUDE (run_id) FROM dsr_report_parts ORDER BY report_id, file_number'),
    summaries: await q('SELECT * FROM report_summaries ORDER BY ALL'),
    resources: await q('SELECT * FROM report_resources ORDER BY ALL'),
    usage: await q('SELECT * FROM usage_lines ORDER BY ALL'),
    staged: await q('SELECT * FROM dsr_staged_usage_lines ORDER BY ALL'),
    quarantine: await q('SELECT * EXCLUDE (run_id) FROM quarantine ORDER BY ALL'),
    issues: await q('SELECT * EXCLUDE (run_id) FROM report_issues ORDER BY ALL'),
  };
}

async function ingestInto(files: readonly string[], how: 'batch' | 'batch-per-file' | 'calls'): Promise<{ results: DsrIngestFileResult[]; data: Record<string, unknown[]> }> {
  const store = await openStore(':memory:');
  try {
    const results: DsrIngestFileResult[] = [];
    if (how === 'calls') for (const file of files) results.push(...(await ingestDsrFiles(store, [file], options)).files);
    else results.push(...(await ingestDsrFiles(store, files, { ...options, ...(how === 'batch-per-file' ? { batchBytes: 1 } : {}) })).files);
    return { results, data: await snapshot(store) };
  } finally {
    store.close();
  }
}

describe('dsr ingest in batches', () => {
  it('gives the same results and rows for files read in one batch as for each file read alone', async () => {
    const good = bapSpec('B-GOOD');
    const goodFile = writeLines(join(root), dsrFileName(good), [...formatDsrLines(good, { commentHeaders: true })]);
    const bad = bapSpec('B-BAD');
    const badLines = [...formatDsrLines(bad)];
    const su = badLines.flatMap((l, i) => (l.startsWith('SU02.02') ? [i] : []));
    for (const i of su.slice(0, 2)) badLines[i] = (badLines[i] ?? '').replace(/^(SU02\.02(\t[^\t]*){6})\t\d+/, '$1\t1O');
    badLines.splice(4, 0, '', 'ZZ99\tunknown record');
    const badFile = writeRaw(dsrFileName(bad), badLines);
    const duplicate = place(`copy-${dsrFileName(good)}`);
    writeFileSync(duplicate, readFileSync(goodFile));
    const refused = writeLines(join(root), 'prices.tsv', ['sku\tprice', 'a\t1']);
    const latin = bapSpec('B-LATIN');
    const latinLines: (string | Buffer)[] = [...formatDsrLines(latin)];
    const t = latinLines.findIndex((l) => typeof l === 'string' && l.includes('\tT2a\t'));
    latinLines[t] = Buffer.from((latinLines[t] as string).replace('\tT2a\t', '\tT2\u00e9\t'), 'latin1');
    const latinFile = writeRaw(dsrFileName(latin), latinLines);
    const ugcSpec = bapSpec('B-UGC', {
      profile: 'UGCProfile',
      profileVersion: '1.2',
      summaries: [{ summaryId: 'S1', commercialModel: 'AdvertisementSupportedModel', useType: 'Stream', territory: 'FR', serviceDescription: 'Premium', usages: 75n, currency: 'EUR', netRevenue: '3.30' }],
    });
    const ugc = { ...ugcSpec, blocks: ugcSpec.blocks.map((b) => ({ ...b, usages: b.usages.map((u) => ({ ...u, summaryId: 'S1', netRevenue: '0.55' })) })) };
    const gz = writeLines(join(root), `${dsrFileName(ugc)}.gz`, [...formatDsrLines(ugc)]);
    const parts = bapSpec('B-PARTS');
    const part1 = writeLines(join(root), dsrFileName(parts, { x: 1, y: 2 }), [...formatDsrLines(parts, { part: { x: 1, y: 2 } })]);
    const part2 = writeLines(join(root), dsrFileName(parts, { x: 2, y: 2 }), [...formatDsrLines(parts, { part: { x: 2, y: 2 } })]);
    const files = [goodFile, badFile, duplicate, refused, latinFile, gz, part2, part1, goodFile];

    const batch = await ingestInto(files, 'batch');
    expect(planDsrBatches(files, 256 * 2 ** 20)).toHaveLength(1);
    expect(batch.results.map((r) => r.status)).toEqual(['ingested', 'ingested', 'duplicate', 'rejected', 'ingested', 'ingested', 'waiting-parts', 'ingested', 'duplicate']);
    expect(batch.results[1]).toMatchObject({ quarantined: 3 });
    expect(batch.data['quarantine']?.length).toBe(3);
    expect(batch.results[4]).toMatchObject({ quarantined: 0, errors: 0 });
    expect(batch.data['issues']).toContainEqual(expect.objectContaining({ code: 'DSR_ENCODING', line_no: BigInt(t + 1) }));
    const alone = await ingestInto(files, 'calls');
    const perFile = await ingestInto(files, 'batch-per-file');
    expect(alone.results).toEqual(batch.results);
    expect(perFile.results).toEqual(batch.results);
    expect(alone.data).toEqual(batch.data);
    expect(perFile.data).toEqual(batch.data);

    const validated = await validateDsrFiles(files);
    const one = [];
    for (const file of files) one.push(...(await validateDsrFiles([file])));
    expect(validated).toEqual(one);
    const [latinAlone] = await validateDsrFiles([latinFile]);
    expect(await validateDsrFiles([latinFile, badFile, latinFile])).toEqual([latinAlone, one[1], latinAlone]);
    expect(validated.map((v) => v.ok)).toEqual([true, false, true, false, true, true, true, true, true]);
  });

  it('completes a batch whose run crashed in the middle when run again, each file counted once', async () => {
    const files = ['R-1', 'R-2', 'R-3', 'R-4'].map((id) => {
      const spec = bapSpec(id);
      return writeRaw(dsrFileName(spec), [...formatDsrLines(spec)]);
    });
    const store = await openStore(':memory:');
    try {
      const crash = (e: { index: number; step: string }) => {
        if (e.index === 2 && e.step === 'usage-lines') throw new Error('power cut');
      };
      await expect(ingestDsrFiles(store, files, { ...options, batchBytes: 2500, onProgress: crash })).rejects.toThrow('power cut');
      const usage = async () => (await store.one<{ n: bigint }>('SELECT coalesce(sum(usages), 0)::BIGINT AS n FROM usage_lines'))?.n;
      expect(await usage()).toBe(150n);
      const again = await ingestDsrFiles(store, files, options);
      expect(again.files.map((f) => f.status)).toEqual(['duplicate', 'duplicate', 'ingested', 'ingested']);
      expect(await usage()).toBe(300n);
      expect((await store.one<{ n: bigint }>('SELECT count(*) AS n FROM input_files'))?.n).toBe(4n);
    } finally {
      store.close();
    }
  });

  it('plans batches of whole files in order, a file larger than the budget alone', () => {
    const dir = fixtureDir();
    const sized = [10, 10, 30, 5, 5].map((n, i) => {
      const path = join(dir, `f${i}.tsv`);
      writeFileSync(path, 'x'.repeat(n));
      return path;
    });
    expect(planDsrBatches(sized, 20)).toEqual([[0, 1], [2], [3, 4]]);
    expect(planDsrBatches([...sized, join(dir, 'missing.tsv')], 1000)).toEqual([[0, 1, 2, 3, 4, 5]]);
  });

  it('numbers quarantined and stored lines by their physical line in the file, whatever comes before them in the batch', async () => {
    // Per file: the positions (in the generated body) of blank lines, comments, bad counts, unknown records and Latin-1 lines.
    const edit = fc.record({
      blank: fc.uniqueArray(fc.nat(28), { maxLength: 3 }),
      comment: fc.uniqueArray(fc.nat(28), { maxLength: 2 }),
      unknown: fc.uniqueArray(fc.nat(28), { maxLength: 2 }),
      badUsage: fc.uniqueArray(fc.nat(5), { maxLength: 3 }),
      latin: fc.uniqueArray(fc.nat(5), { maxLength: 2 }),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(edit, { minLength: 1, maxLength: 3 }), async (edits) => {
        const files = edits.map((e, i) => {
          const spec = bapSpec(`P-${made}-${i}`);
          const lines: (string | Buffer)[] = [...formatDsrLines(spec)];
          const usageAt = lines.flatMap((l, k) => (typeof l === 'string' && l.startsWith('SU02.02') ? [k] : []));
          for (const u of e.badUsage) {
            const k = usageAt[u % usageAt.length] ?? 0;
            lines[k] = (lines[k] as string).replace(/^(SU02\.02(\t[^\t]*){6})\t\d+/, '$1\tbad');
          }
          for (const u of e.latin) {
            const k = usageAt[u % usageAt.length] ?? 0;
            const text = lines[k];
            if (typeof text === 'string' && !text.includes('\tbad')) lines[k] = Buffer.from(text.replace(/\t(T\d[ab])\t/, '\t$1\u00e9\t'), 'latin1');
          }
          // Inserted from the last position down, after HEAD (line 1) and before FOOT.
          const inserts = [
            ...e.blank.map((p) => [p, ''] as const),
            ...e.comment.map((p) => [p, '# a comment'] as const),
            ...e.unknown.map((p) => [p, `ZZ99\tunknown ${p}`] as const),
          ].sort((a, b) => b[0] - a[0]);
          for (const [p, text] of inserts) lines.splice(1 + Math.min(p, lines.length - 2), 0, text);
          return writeRaw(dsrFileName(spec), lines);
        });
        const store = await openStore(':memory:');
        try {
          const r = await ingestDsrFiles(store, files, options);
          expect(r.files.map((f) => f.status)).toEqual(files.map(() => 'ingested'));
          for (const file of files) {
            const physical = readFileSync(file, 'latin1').split('\n');
            const quarantined = await store.all<{ line_no: bigint; raw: string; code: string }>({
              text: 'SELECT line_no, raw, code FROM quarantine WHERE path = $1 ORDER BY line_no',
              values: [file],
            });
            const expected = physical.flatMap((l, k) => (l.startsWith('ZZ99') || /^SU02\.02.*\tbad/.test(l) ? [k + 1] : []));
            expect(quarantined.map((q) => Number(q.line_no))).toEqual(expected);
            for (const q of quarantined) expect(q.raw).toBe(physical[Number(q.line_no) - 1]);
            const stored = await store.all<{ line_no: bigint; transaction_id: string }>({
              text: `SELECT u.line_no, u.transaction_id FROM usage_lines u JOIN input_files i ON i.file_id = u.file_id WHERE i.path = $1`,
              values: [file],
            });
            expect(stored.length).toBe(6 - new Set(expected.filter((n) => physical[n - 1]?.startsWith('SU'))).size);
            for (const u of stored) expect(physical[Number(u.line_no) - 1]).toContain(`\t${u.transaction_id}\t`);
          }
        } finally {
          store.close();
        }
      }),
      { numRuns: 8 },
    );
  });
});
