import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDataset, writeDataset } from '../../src/generate/index.js';
import { runQuarter, type QuarterOptions, type QuarterStage } from '../../src/stages/quarter/index.js';
import { openStore } from '../../src/warehouse/index.js';

let root: string;
let inDir: string;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'tutti-quarter-'));
  inDir = join(root, 'in');
  const dataset = generateDataset({
    works: 80,
    services: ['Spotify'],
    territories: ['FR', 'DE'],
    months: ['2024-03'],
    seed: 5,
    usageLinesPerReport: 60,
  });
  await writeDataset(dataset, inDir);
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

const options = (outDir: string): QuarterOptions => ({
  period: '2024-03',
  inDir,
  outDir,
  assumePaid: true,
  codeVersion: 'test',
  now: () => new Date('2024-04-10T00:00:00Z'),
});

/** Every output file, by path relative to the folder, with its SHA-256. */
async function fingerprints(dir: string): Promise<Record<string, string>> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const out: Record<string, string> = {};
  for (const e of entries.filter((e) => e.isFile())) {
    const path = join(e.parentPath, e.name);
    out[relative(dir, path)] = createHash('sha256')
      .update(await readFile(path))
      .digest('hex');
  }
  return out;
}

/** Runs the quarter in a fresh store; with `crashAt`, the first attempt dies when that stage starts. */
async function runIn(name: string, crashAt?: QuarterStage) {
  const dir = join(root, name);
  const store = await openStore(`${dir}.duckdb`);
  try {
    if (crashAt) {
      const crashing: QuarterOptions = {
        ...options(dir),
        onStage: (e) => {
          if (e.stage === crashAt && e.state === 'start')
            throw new Error(`simulated crash before ${crashAt}`);
        },
      };
      await expect(runQuarter(store, crashing)).rejects.toThrow(/simulated crash/);
    }
    const result = await runQuarter(store, options(dir));
    return { result, files: await fingerprints(dir) };
  } finally {
    store.close();
  }
}

let reference: ReturnType<typeof runIn> | undefined;
const cleanRun = () => (reference ??= runIn('clean'));

describe('tutti run (runQuarter)', () => {
  it('runs every stage, invoices and distributes what it collected, and conserves the money', async () => {
    const { result, files } = await cleanRun();
    expect(result.stages.cwr['imported']).toBeGreaterThan(0);
    expect(result.stages.dsr['ingested']).toBe(2);
    expect(result.money.collected).toBe(result.money.invoiced);
    expect(result.money.invoiced).toBeGreaterThan(0n);
    expect(result.conservation?.['ok']).toBe(true);
    expect(result.conservation?.['collected']).toBe(result.money.collected);
    expect(Object.keys(files).some((f) => f.endsWith('statement-lines.csv'))).toBe(true);
    expect(Object.keys(files).some((f) => /ClaimsAmounts_.*\.tsv$/.test(f))).toBe(true);
  });

  it('re-run on the same inputs changes nothing and reports the same distribution', async () => {
    const dir = join(root, 'twice');
    const store = await openStore(`${dir}.duckdb`);
    try {
      const first = await runQuarter(store, options(dir));
      const before = await fingerprints(dir);
      const second = await runQuarter(store, options(dir));
      expect(second.stages.cwr['duplicate']).toBe(first.stages.cwr['imported']);
      expect(second.stages.dsr['duplicate']).toBe(2);
      expect(second.stages.collect['payments']).toBe(0);
      expect(second.stages.distribute).toMatchObject({
        distribution: first.stages.distribute['distribution'],
        unchanged: true,
      });
      expect(await fingerprints(dir)).toEqual(before);
    } finally {
      store.close();
    }
  });

  it.each(['dsr', 'identify', 'claim', 'collect', 'distribute'] as const)(
    'completes a run that died before %s, with byte-identical outputs',
    async (stage) => {
      const clean = await cleanRun();
      const resumed = await runIn(`crash-${stage}`, stage);
      expect(resumed.files).toEqual(clean.files);
      expect(resumed.result.money).toEqual(clean.result.money);
    },
  );
});
