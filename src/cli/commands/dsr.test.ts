import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { dsrFileName, formatDsrLines } from '../../formats/dsr/index.js';
import { bapSpec, writeLines } from '../../stages/dsr/dsr-fixtures.test-helper.js';
import { registerDsrCommands } from './dsr.js';
import { runCli } from '../../../test/run-cli.js';

const dirs: string[] = [];
afterAll(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});
afterEach(() => {
  process.exitCode = undefined;
});

const run = async (args: string[]) => (await runCli(registerDsrCommands, args)).out;

describe('tutti dsr --json', () => {
  it('prints one object for one file and an array for several, with exactly the contract fields', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'tutti-dsr-cli-'));
    dirs.push(dir);
    const specs = [bapSpec('CLI-1'), bapSpec('CLI-2', { createdAt: '2024-04-02T11:00:00Z' })];
    const files = specs.map((s) => writeLines(dir, dsrFileName(s), [...formatDsrLines(s)]));
    const one = JSON.parse(await run(['--json', 'dsr', 'validate', files[0] ?? ''])) as Record<
      string,
      unknown
    >;
    expect(Object.keys(one).sort()).toEqual(
      [
        'counts',
        'errors',
        'file',
        'ok',
        'part',
        'period',
        'profile',
        'profileVersion',
        'revenue',
        'service',
        'territory',
        'usages',
        'warnings',
      ].sort(),
    );
    expect(one).toMatchObject({
      ok: true,
      profile: 'BasicAudioProfile',
      profileVersion: '1.3',
      service: 'Premium',
      territory: 'FR',
      period: '2024-03',
      part: null,
      usages: '75',
      revenue: '1234.560001',
    });
    expect(process.exitCode).toBeUndefined();
    const many = JSON.parse(await run(['--json', 'dsr', 'validate', dir])) as unknown[];
    expect(many).toHaveLength(2);
  });

  it('prints the ingest files and totals, and exits 3 when a file is refused', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'tutti-dsr-cli-'));
    dirs.push(dir);
    const spec = bapSpec('CLI-3');
    const good = writeLines(dir, dsrFileName(spec), [...formatDsrLines(spec)]);
    const bad = writeLines(dir, 'notes.tsv', ['name\tamount']);
    const out = JSON.parse(
      await run(['--json', '--db', join(dir, 'store.duckdb'), 'dsr', 'ingest', good, bad]),
    ) as {
      files: { file: string; status: string; lines: number; quarantined: number }[];
      totals: Record<string, number>;
    };
    expect(out.files.map((f) => f.status)).toEqual(['ingested', 'rejected']);
    expect(out.totals).toEqual({
      files: 2,
      ingested: 1,
      duplicate: 0,
      rejected: 1,
      waitingParts: 0,
      lines: out.files[0]?.lines,
      quarantined: 0,
    });
    expect(process.exitCode).toBe(3);
  });
});
