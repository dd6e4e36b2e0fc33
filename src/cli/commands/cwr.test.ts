import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { fileBytes, put, sampleLines } from '../../formats/cwr/fixtures.test-support.js';
import { registerCwrCommands } from './cwr.js';
import { runCli } from '../../../test/run-cli.js';

const dirs: string[] = [];
afterAll(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});
afterEach(() => {
  process.exitCode = undefined;
});

const run = (args: string[]) => runCli(registerCwrCommands, args);

async function workspace() {
  const dir = await mkdtemp(join(tmpdir(), 'tutti-cli-cwr-'));
  dirs.push(dir);
  const good = join(dir, 'CW260001TUT_058.V22');
  await writeFile(good, fileBytes(sampleLines('2.2', 2)));
  const bad = sampleLines('2.2', 2);
  const swr = bad.findIndex((l) => l.startsWith('SWR'));
  bad[swr] = put(bad[swr]!, 130, '09000');
  const badPath = join(dir, 'bad.V22');
  await writeFile(badPath, fileBytes(bad));
  return { dir, good, bad: badPath, db: join(dir, 'tutti.duckdb') };
}

describe('tutti cwr', () => {
  it('validate --json prints one object for one file, an array for several, and exits 3 on errors', async () => {
    const w = await workspace();
    const one = await run(['--json', 'cwr', 'validate', w.good]);
    expect(one.code).toBe(0);
    const doc = JSON.parse(one.out) as Record<string, unknown>;
    expect(Object.keys(doc)).toEqual(
      expect.arrayContaining([
        'file',
        'ok',
        'version',
        'sender',
        'counts',
        'transactions',
        'errors',
        'warnings',
      ]),
    );
    expect(doc).toMatchObject({
      file: w.good,
      ok: true,
      version: '2.2',
      transactions: 2,
      counts: { HDR: 1, NWR: 2, TRL: 1 },
    });
    const both = await run(['--json', 'cwr', 'validate', w.good, w.bad]);
    expect(both.code).toBe(3);
    const list = JSON.parse(both.out) as { ok: boolean; errors: { code: string; line: number }[] }[];
    expect(list.map((d) => d.ok)).toEqual([true, false]);
    expect(list[1]!.errors[0]).toMatchObject({ code: 'CWR_SHARE_TOTAL', severity: 'error', record: 'NWR' });
  });

  it('import --json reports per file and totals, and a second import is a duplicate', async () => {
    const w = await workspace();
    const first = await run(['--db', w.db, '--json', 'cwr', 'import', w.good, w.bad]);
    expect(first.code).toBe(0);
    const doc = JSON.parse(first.out) as {
      files: { status: string; works: number }[];
      totals: Record<string, number>;
    };
    expect(doc.files.map((f) => [f.status, f.works])).toEqual([
      ['imported', 2],
      ['imported', 0],
    ]);
    expect(doc.totals).toMatchObject({
      files: 2,
      imported: 2,
      works: 2,
      rejectedTransactions: 1,
      unchangedWorks: 1,
    });
    const again = JSON.parse((await run(['--db', w.db, '--json', 'cwr', 'import', w.good])).out) as {
      files: { status: string }[];
    };
    expect(again.files[0]!.status).toBe('duplicate');
  });

  it('ack writes an ACK file of the same version from the society', async () => {
    const w = await workspace();
    const out = join(w.dir, 'ack.V22');
    const r = await run(['--json', 'cwr', 'ack', w.bad, '--out', out]);
    expect(r.code).toBe(0);
    const lines = (await readFile(out, 'utf8')).split('\r\n').filter((l) => l);
    expect(lines[0]!.slice(0, 14)).toBe('HDRSO000000058');
    expect(lines[0]!.slice(101, 104)).toBe('2.2');
    expect(lines.filter((l) => l.startsWith('ACK')).map((l) => l.slice(157, 159))).toEqual(['RJ', 'AS']);
    const check = await run(['--json', 'cwr', 'validate', out]);
    expect(JSON.parse(check.out)).toMatchObject({ ok: true, transactions: 2 });
  });

  it('export --version writes the repertoire in the version asked, in the name of its submitter', async () => {
    const w = await workspace();
    await run(['--db', w.db, 'cwr', 'import', w.good]);
    const out = join(w.dir, 'export.V21');
    const r = await run([
      '--db',
      w.db,
      '--json',
      'cwr',
      'export',
      '--out',
      out,
      '--version',
      '2.1',
      '--works',
      '00250165006-SW000002',
    ]);
    expect(JSON.parse(r.out)).toMatchObject({
      works: 1,
      version: '2.1',
      senderType: 'PB',
      senderId: '00250165006',
    });
    const v = JSON.parse((await run(['--json', 'cwr', 'validate', out])).out) as {
      ok: boolean;
      version: string;
      counts: Record<string, number>;
    };
    expect(v).toMatchObject({ ok: true, version: '2.1', counts: { NWR: 1 } });
  });

  it('refuses a file that is not CWR with exit code 3', async () => {
    const w = await workspace();
    const path = join(w.dir, 'not-cwr.txt');
    await writeFile(path, 'hello\n');
    const r = await run(['--json', 'cwr', 'validate', path]);
    expect(r.code).toBe(3);
    expect(JSON.parse(r.out)).toMatchObject({ ok: false, rejected: true, errors: [{ code: 'CWR_NO_HDR' }] });
  });
});
