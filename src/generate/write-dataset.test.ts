import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createDatasetPlan, generateDataset, writeDataset, type GenerateOptions } from './index.js';
import { TRUTH_CSV_HEADER } from './write-dataset.js';

const OPTIONS: GenerateOptions = {
  works: 80,
  services: ['Spotify', 'YouTube'],
  territories: ['FR'],
  months: ['2024-01', '2024-02'],
  seed: 3,
  usageLinesPerReport: 60,
};
const dirs: string[] = [];
const tempDir = async () => {
  const dir = await mkdtemp(join(tmpdir(), 'tutti-generate-'));
  dirs.push(dir);
  return dir;
};
afterAll(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

describe('writeDataset', () => {
  it('writes one truth row per reported resource and the repertoire without the usage lines', async () => {
    const dataset = generateDataset(OPTIONS);
    const dir = await tempDir();
    const result = await writeDataset(dataset, dir);
    expect(result).toMatchObject({ out: dir, works: 80, reports: 4, usageLines: 240 });
    expect(result.recordings).toBe(
      dataset.registrations.flatMap((r) => r.works).reduce((s, w) => s + w.recordings.length, 0),
    );

    const truth = (await readFile(join(dir, 'truth.csv'), 'utf8')).trimEnd().split('\n');
    expect(truth[0]).toBe(TRUTH_CSV_HEADER);
    expect(truth).toHaveLength(dataset.truth.length + 1);
    expect(truth.slice(1).every((l) => l.split(',').length === 7)).toBe(true);

    const json = JSON.parse(await readFile(join(dir, 'dataset.json'), 'utf8')) as Record<string, unknown>;
    expect(json['registrations']).toEqual(JSON.parse(JSON.stringify(dataset.registrations)));
    expect(json['mandates']).toEqual(JSON.parse(JSON.stringify(dataset.mandates)));
    const reports = json['reports'] as {
      messageId: string;
      blocks?: unknown;
      usageLines: number;
      summaries: { usages: string }[];
    }[];
    expect(reports.map((r) => r.messageId)).toEqual(dataset.reports.map((r) => r.messageId));
    expect(reports.every((r) => r.blocks === undefined && r.usageLines === 60)).toBe(true);
    expect(typeof reports[0]!.summaries[0]!.usages).toBe('string');
  });

  it('writes the same bytes from a lazy plan as from the materialised dataset', async () => {
    const a = await tempDir();
    const b = await tempDir();
    const progress: number[] = [];
    await writeDataset(generateDataset(OPTIONS), a);
    await writeDataset(createDatasetPlan(OPTIONS), b, { onProgress: (done) => progress.push(done) });
    expect(progress).toEqual([1, 2, 3, 4]);
    for (const f of ['truth.csv', 'dataset.json'])
      expect(await readFile(join(b, f), 'utf8')).toBe(await readFile(join(a, f), 'utf8'));
  });
});
