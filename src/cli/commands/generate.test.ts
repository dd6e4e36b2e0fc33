import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { registerGenerateCommands } from './generate.js';
import { runCli } from '../../../test/run-cli.js';

const dirs: string[] = [];
afterAll(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

const run = async (args: string[]) => (await runCli(registerGenerateCommands, args)).out;

describe('tutti generate', () => {
  it('prints exactly one JSON document with the counts and writes the files', async () => {
    const out = await mkdtemp(join(tmpdir(), 'tutti-cli-generate-'));
    dirs.push(out);
    const stdout = await run([
      '--json',
      'generate',
      '--out',
      out,
      '--works',
      '40',
      '--services',
      'Spotify',
      '--territories',
      'fr,DE',
      '--months',
      '2024-03',
      '--seed',
      '9',
      '--lines',
      '30',
    ]);
    const result = JSON.parse(stdout) as {
      out: string;
      works: number;
      recordings: number;
      reports: number;
      usageLines: number;
      files: string[];
    };
    expect(result).toMatchObject({ out, works: 40, reports: 2, usageLines: 60 });
    expect(result.recordings).toBeGreaterThanOrEqual(40);
    expect(result.files.slice(-3)).toEqual([
      join(out, 'mandates.json'),
      join(out, 'truth.csv'),
      join(out, 'dataset.json'),
    ]);
    expect(result.files.filter((f) => f.startsWith(join(out, 'dsr', 'DSR_')))).toHaveLength(2);
    expect(result.files.some((f) => /cwr\/CW\d{6}P\d\d_058\.V22$/.test(f))).toBe(true);
    const truth = await readFile(join(out, 'truth.csv'), 'utf8');
    expect(truth).toContain('SPOTIFY-FR-202403');
    expect(truth).toContain('SPOTIFY-DE-202403');
  });

  it('refuses a bad number as a usage error', async () => {
    await expect(run(['generate', '--out', '/tmp/unused', '--works', 'many'])).rejects.toMatchObject({
      code: 'USAGE',
    });
  });
});
