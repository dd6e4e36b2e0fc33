import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore, sql, type Store } from '../warehouse/index.js';
import { identifyReports } from './identify-reports.js';
import { DEFAULT_MATCH_OPTIONS } from './match-options.js';
import { insertReport, insertWorks } from './fixtures.test-support.js';
import { showReviewItem } from './review-queue.js';

const NOW = new Date('2024-03-01T10:00:00Z');
let store: Store;

beforeEach(async () => {
  store = await openStore(':memory:', { threads: 1 });
  await insertWorks(store, [
    {
      workId: 'W1',
      title: 'YESTERDAY',
      iswc: 'T0345246801',
      writers: [
        ['LENNON', 'JOHN', '00261661375'],
        ['MCCARTNEY', 'PAUL'],
      ],
      performers: ['The Beatles'],
      durationS: 125,
    },
    { workId: 'W2', title: 'LOVE SONG', performers: ['ADELE'] },
    { workId: 'W3', title: 'LOVE SONG', performers: ['THE CURE'], writers: [['SMITH', 'ROBERT']] },
    {
      workId: 'W4',
      title: 'BOHEMIAN RHAPSODY',
      performers: ['QUEEN'],
      writers: [['MERCURY', 'FREDDIE', '00014107338']],
    },
    { workId: 'W5', title: 'SWEET CAROLINE', writers: [['DIAMOND', 'NEIL']] },
    { workId: 'W6', title: 'SOMETHING ELSE ENTIRELY' },
    { workId: 'W7', title: 'HOTEL CALIFORNIA', performers: ['EAGLES'] },
  ]);
  await store.run(`INSERT INTO isrc_work_links VALUES
    ('GBAYE0601498', 'W4', NULL, 'cwr', 'f1', 100, '2024-01-01', '2024-01-01', false),
    ('USRC11501628', 'W5', NULL, 'cwr', 'f1', 100, '2024-01-01', '2024-01-01', false),
    ('USRC11501628', 'W6', NULL, 'partner', 'GEMA', 80, '2024-01-01', '2024-01-01', true),
    ('USUM70000001', 'W7', NULL, 'cwr', 'f1', 100, '2024-01-01', '2024-01-01', false)`);
});
afterEach(() => store.close());

async function identify(reports = ['R1']) {
  return identifyReports(store, {
    reportIds: reports,
    runId: 'run-1',
    codeVersion: 'test',
    now: NOW,
    options: DEFAULT_MATCH_OPTIONS,
  });
}

async function matchOf(ref: string) {
  return store.one<{
    work_id: string | null;
    method: string;
    status: string;
    score: number;
    evidence: string;
  }>(
    sql`SELECT work_id, method, status, score, CAST(evidence AS VARCHAR) AS evidence FROM matches WHERE resource_ref = ${ref}`,
  );
}

describe('identifyReports', () => {
  it('accepts the work named by the ISWC in the report, and by the society work id', async () => {
    await insertReport(store, 'R1', [
      { ref: 'A1', dspId: 'd1', title: 'Totally different title', iswc: 'T-034.524.680-1' },
      { ref: 'A2', dspId: 'd2', title: 'x', workRef: 'SACEM::W5' },
    ]);
    await identify();
    expect(await matchOf('A1')).toMatchObject({
      work_id: 'W1',
      method: 'iswc',
      status: 'accepted',
      score: 1000,
    });
    expect(await matchOf('A2')).toMatchObject({ work_id: 'W5', method: 'work-id', status: 'accepted' });
  });

  it('follows an ISRC link when the title agrees', async () => {
    await insertReport(store, 'R1', [
      { ref: 'A1', dspId: 'd1', isrc: 'GB-AYE-06-01498', title: 'Bohemian Rhapsody (Remastered 2011)' },
    ]);
    await identify();
    expect(await matchOf('A1')).toMatchObject({ work_id: 'W4', method: 'isrc', status: 'accepted' });
  });

  it('sends an ISRC the registry links to two works to review', async () => {
    await insertReport(store, 'R1', [
      { ref: 'A1', dspId: 'd1', isrc: 'USRC11501628', title: 'Sweet Caroline' },
    ]);
    await identify();
    const m = await matchOf('A1');
    expect(m).toMatchObject({ method: 'isrc', status: 'review', work_id: 'W5' });
    expect(JSON.parse(m?.evidence ?? '{}')).toMatchObject({
      reason: 'isrc-conflict',
      candidates: ['W5', 'W6'],
    });
    const item = await store.one<{ reason: string; status: string }>(
      'SELECT reason, status FROM review_items',
    );
    expect(item).toEqual({ reason: 'isrc-conflict', status: 'open' });
  });

  it('sends an ISRC whose work title disagrees strongly with the reported title to review', async () => {
    await insertReport(store, 'R1', [
      { ref: 'A1', dspId: 'd1', isrc: 'USUM70000001', title: 'Mambo Number Five' },
    ]);
    await identify();
    const m = await matchOf('A1');
    expect(m).toMatchObject({ method: 'isrc', status: 'review' });
    expect(JSON.parse(m?.evidence ?? '{}')).toMatchObject({ reason: 'isrc-title-disagree' });
  });

  it("shows the title's own candidate beside the work of an ISRC that disagrees with the title", async () => {
    await insertReport(store, 'R1', [
      { ref: 'A1', dspId: 'd1', isrc: 'USUM70000001', title: 'Bohemian Rhapsody', artist: 'Queen' },
    ]);
    await identify();
    const m = await matchOf('A1');
    expect(m).toMatchObject({ method: 'isrc', status: 'review', work_id: 'W7' });
    expect(JSON.parse(m?.evidence ?? '{}')).toMatchObject({
      reason: 'isrc-title-disagree',
      candidates: ['W7'],
      metadata: { work_id: 'W4' },
    });
    const item = await store.one<{ review_id: string }>('SELECT review_id FROM review_items');
    const shown = await showReviewItem(store, item?.review_id ?? '');
    expect(shown.candidates.map((c) => c.work_id)).toEqual(['W7', 'W4']);
  });

  it('matches metadata: exact title with the right performer among same-title works', async () => {
    await insertReport(store, 'R1', [
      { ref: 'A1', dspId: 'd1', title: 'Love Song', artist: 'The Cure' },
      { ref: 'A2', dspId: 'd2', title: 'Love Song', artist: 'Someone Unknown' },
    ]);
    await identify();
    expect(await matchOf('A1')).toMatchObject({ work_id: 'W3', method: 'metadata', status: 'accepted' });
    expect(await matchOf('A2')).toMatchObject({ method: 'metadata', status: 'review' });
  });

  it('matches metadata through a typo, annotations, and writers', async () => {
    await insertReport(store, 'R1', [
      {
        ref: 'A1',
        dspId: 'd1',
        title: 'Yesterdy - Remastered 2009',
        artist: 'Beatles',
        writers: 'John Lennon|Paul McCartney',
      },
      {
        ref: 'A2',
        dspId: 'd2',
        title: 'Bohemian Rapsody (Live at Wembley)',
        artist: 'Queen',
        writerIds: 'IPI::00014107338',
      },
      { ref: 'A3', dspId: 'd3', title: 'The Hotel California (feat. Nobody)', artist: 'Eagles' },
    ]);
    await identify();
    expect(await matchOf('A1')).toMatchObject({ work_id: 'W1', method: 'metadata', status: 'accepted' });
    expect(await matchOf('A2')).toMatchObject({ work_id: 'W4', method: 'metadata', status: 'accepted' });
    expect(await matchOf('A3')).toMatchObject({ work_id: 'W7', method: 'metadata', status: 'accepted' });
  });

  it('holds a resource nothing resembles as unidentified', async () => {
    await insertReport(store, 'R1', [
      { ref: 'A1', dspId: 'd1', title: 'Zzyzx Road Blues', artist: 'Nobody' },
    ]);
    await identify();
    expect(await matchOf('A1')).toMatchObject({
      work_id: null,
      method: 'none',
      status: 'unidentified',
      score: 0,
    });
  });

  it('never accepts a medley matched through one part only', async () => {
    await insertReport(store, 'R1', [
      { ref: 'A1', dspId: 'd1', title: 'Medley: Yesterday / Hotel California', artist: 'Cover Band' },
    ]);
    await identify();
    const m = await matchOf('A1');
    expect(m?.status).toBe('review');
    expect(JSON.parse(m?.evidence ?? '{}')).toMatchObject({ reason: 'medley' });
  });

  it("replaces a report's matches when run again (idempotent), one row per report resource row", async () => {
    await insertReport(store, 'R1', [
      { ref: 'A1', dspId: 'd1', title: 'Love Song', artist: 'The Cure' },
      { ref: 'A2', dspId: 'd1', title: 'Love Song', artist: 'The Cure' },
    ]);
    await identify();
    const first = await store.all('SELECT * EXCLUDE (run_id) FROM matches ORDER BY resource_ref');
    const out = await identify();
    const second = await store.all('SELECT * EXCLUDE (run_id) FROM matches ORDER BY resource_ref');
    expect(second).toEqual(first);
    expect(first).toHaveLength(2);
    expect(out.resources).toBe(1);
  });

  it('records a report link for a resource identified by its ISWC, and keeps a conflicting one flagged', async () => {
    await insertReport(store, 'R1', [
      { ref: 'A1', dspId: 'd1', isrc: 'GBAYE0601498', iswc: 'T0345246801', title: 'Yesterday' },
    ]);
    await identify();
    const links = await store.all<{ work_id: string; source: string; conflict: boolean }>(
      "SELECT work_id, source, conflict FROM isrc_work_links WHERE isrc = 'GBAYE0601498' ORDER BY source",
    );
    expect(links).toEqual([
      { work_id: 'W4', source: 'cwr', conflict: true },
      { work_id: 'W1', source: 'report', conflict: true },
    ]);
  });

  it('keys every resource of a report larger than one staging page (regression: a stream cut short at 50,000)', async () => {
    await insertReport(store, 'R1', []);
    await store.run(`INSERT INTO report_resources (report_id, block_id, resource_ref, dsp_resource_id, title)
      SELECT 'R1', 'B1', 'A' || i, 'd' || i, 'Song ' || i FROM range(60000) t(i)`);
    const out = await identify();
    expect(out).toMatchObject({ resources: 60000, rows: 60000 });
    const keyed = await store.one<{ n: bigint }>(
      "SELECT count(*) AS n FROM matches WHERE json_extract_string(evidence, '$.resource_key') IS NOT NULL AND title IS NOT NULL",
    );
    expect(keyed?.n).toBe(60000n);
  });
});
