import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../warehouse/index.js';
import { exportMatches, MATCH_CSV_COLUMNS } from './export-matches.js';
import { identifyReports } from './identify-reports.js';
import { exportLinks, importLinks, LINK_CSV_COLUMNS } from './links-csv.js';
import { DEFAULT_MATCH_OPTIONS } from './match-options.js';
import { insertReport, insertWorks } from './fixtures.test-support.js';

const NOW = new Date('2024-03-01T10:00:00Z');
const dir = mkdtempSync(join(tmpdir(), 'tutti-links-'));
let a: Store;
let b: Store;

beforeEach(async () => {
  a = await openStore(':memory:', { threads: 1 });
  b = await openStore(':memory:', { threads: 1 });
  for (const s of [a, b]) {
    await insertWorks(s, [
      { workId: 'W1', title: 'YESTERDAY', iswc: 'T0345246801' },
      { workId: 'W2', title: 'HEY JUDE', iswc: 'T0373068699' },
    ]);
  }
});
afterEach(() => {
  a.close();
  b.close();
});

describe('links export and import', () => {
  it('round-trips links and keeps a conflicting partner link flagged beside the known one', async () => {
    await a.run(`INSERT INTO isrc_work_links VALUES
      ('GBAYE0601498', 'W1', 'T0345246801', 'cwr', 'f1', 100, '2024-01-01', '2024-01-02', false),
      ('GBAYE0601499', 'W2', 'T0373068699', 'decision', 'dec-1', 100, '2024-01-01', '2024-01-01', false)`);
    await b.run(
      `INSERT INTO isrc_work_links VALUES ('GBAYE0601498', 'W2', NULL, 'cwr', 'f9', 100, '2024-01-01', '2024-01-01', false)`,
    );
    const file = join(dir, 'links.csv');
    expect(await exportLinks(a, file)).toBe(2);
    expect(readFileSync(file, 'utf8').split('\n')[0]).toBe(LINK_CSV_COLUMNS.join(','));

    const out = await importLinks(b, { path: file, partner: 'PRS', runId: 'run-1', now: NOW });
    expect(out).toMatchObject({ rows: 2, added: 2, rejected: 0 });
    const rows = await b.all(
      'SELECT isrc, work_id, iswc, source, source_ref, conflict FROM isrc_work_links ORDER BY isrc, source',
    );
    expect(rows).toEqual([
      { isrc: 'GBAYE0601498', work_id: 'W2', iswc: null, source: 'cwr', source_ref: 'f9', conflict: true },
      {
        isrc: 'GBAYE0601498',
        work_id: 'W1',
        iswc: 'T0345246801',
        source: 'partner',
        source_ref: 'PRS',
        conflict: true,
      },
      {
        isrc: 'GBAYE0601499',
        work_id: 'W2',
        iswc: 'T0373068699',
        source: 'partner',
        source_ref: 'PRS',
        conflict: false,
      },
    ]);
    // Importing the same file again only moves last_seen.
    expect((await importLinks(b, { path: file, partner: 'PRS', runId: 'run-2', now: NOW })).added).toBe(0);
  });

  it('quarantines rows with a bad ISRC or ISWC and imports the rest', async () => {
    const file = join(dir, 'bad.csv');
    writeFileSync(
      file,
      'isrc,iswc\nGBAYE0601498,T0345246801\nNOTANISRC,T0345246801\nGBAYE0601400,T0345246802\n',
    );
    const out = await importLinks(b, { path: file, partner: 'GEMA', runId: 'run-1', now: NOW });
    expect(out).toMatchObject({ rows: 3, added: 1, rejected: 2 });
    expect(await b.all('SELECT line_no, code FROM quarantine ORDER BY line_no')).toEqual([
      { line_no: 3n, code: 'INVALID_IDENTIFIER' },
      { line_no: 4n, code: 'INVALID_IDENTIFIER' },
    ]);
  });

  it('refuses a file without an isrc column', async () => {
    const file = join(dir, 'wrong.csv');
    writeFileSync(file, 'a,b\n1,2\n');
    await expect(
      importLinks(b, { path: file, partner: 'X', runId: 'run-1', now: NOW }),
    ).rejects.toMatchObject({ code: 'INPUT_REJECTED' });
  });
});

describe('matches export', () => {
  it("writes one row per resource with the issue's columns", async () => {
    await insertReport(a, 'R1', [
      {
        ref: 'A1',
        dspId: 'd1',
        isrc: 'GBAYE0601498',
        title: 'Yesterday',
        iswc: 'T0345246801',
        artist: 'Beatles',
      },
      { ref: 'A2', dspId: 'd2', title: 'Unknown Thing' },
    ]);
    await identifyReports(a, {
      reportIds: ['R1'],
      runId: 'run-1',
      codeVersion: 't',
      now: NOW,
      options: DEFAULT_MATCH_OPTIONS,
    });
    const file = join(dir, 'matches.csv');
    expect(await exportMatches(a, file)).toBe(2);
    const lines = readFileSync(file, 'utf8').trim().split('\n');
    expect(lines[0]).toBe(MATCH_CSV_COLUMNS.join(','));
    expect(lines[1]).toBe('R1,d1,GBAYE0601498,Yesterday,Beatles,W1,T0345246801,iswc,1000,accepted');
    expect(lines[2]).toBe('R1,d2,,Unknown Thing,,,,none,0,unidentified');
  });
});
