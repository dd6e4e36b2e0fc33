import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore, sql, type Store } from '../warehouse/index.js';
import { identifyReports } from './identify-reports.js';
import { DEFAULT_MATCH_OPTIONS } from './match-options.js';
import { insertReport, insertWorks } from './fixtures.test-support.js';

const NOW = new Date('2024-03-01T10:00:00Z');
let store: Store;

beforeEach(async () => {
  store = await openStore(':memory:', { threads: 1 });
  await insertWorks(store, [
    { workId: 'W1', title: 'HOLD ON', durationS: 180 },
    { workId: 'W2', title: 'HOLD ON', durationS: 260 },
    { workId: 'W3', title: 'HOLD ON', durationS: 320 },
    { workId: 'W4', title: 'STAY', durationS: 200 },
    { workId: 'W5', title: 'STAY', durationS: 204 },
    {
      workId: 'W6',
      title: 'LES FEUILLES MORTES',
      altTitles: ['AUTUMN LEAVES'],
      writers: [['KOSMA', 'JOSEPH']],
    },
    { workId: 'W7', title: 'ANOTHER BRICK IN THE WALL PART I', performers: ['PINK FLOYD'] },
    { workId: 'W8', title: 'ANOTHER BRICK IN THE WALL PART II', performers: ['PINK FLOYD'] },
    { workId: 'W9', title: 'ПОДМОСКОВНЫЕ ВЕЧЕРА', writers: [['SOLOVIEV-SEDOI', 'VASILY', '00012345678']] },
    { workId: 'W10', title: 'SOMEWHERE BEYOND THE SEA', durationS: 170 },
    { workId: 'W11', title: 'MIDNIGHT TRAIN TO GEORGIA', durationS: 280 },
    { workId: 'W12', title: 'MIDNIGHT TRAIN TO GEORGINA', durationS: 281 },
  ]);
  await store.run(
    `INSERT INTO recordings VALUES ('FRZ039900001', 'W6', 'Les Feuilles d''automne', NULL, 'Yves Montand', 160, 'cwr')`,
  );
});
afterEach(() => store.close());

async function identify() {
  await identifyReports(store, {
    reportIds: ['R1'],
    runId: 'run-1',
    codeVersion: 'test',
    now: NOW,
    options: DEFAULT_MATCH_OPTIONS,
  });
}

async function matchOf(ref: string) {
  return store.one<{ work_id: string | null; method: string; status: string }>(
    sql`SELECT work_id, method, status FROM matches WHERE resource_ref = ${ref}`,
  );
}

describe('identifyReports recall', () => {
  it('tells same-title works apart by duration when only one is near it', async () => {
    await insertReport(store, 'R1', [
      { ref: 'A1', dspId: 'd1', title: 'Hold On', artist: 'Cover Band', durationS: 257 },
    ]);
    await identify();
    expect(await matchOf('A1')).toMatchObject({ work_id: 'W2', method: 'metadata', status: 'accepted' });
  });

  it('leaves same-title works to review when two are near the duration', async () => {
    await insertReport(store, 'R1', [
      { ref: 'A1', dspId: 'd1', title: 'Stay', artist: 'Cover Band', durationS: 202 },
    ]);
    await identify();
    expect((await matchOf('A1'))?.status).toBe('review');
  });

  it('leaves same-title works to review when the report gives no duration', async () => {
    await insertReport(store, 'R1', [{ ref: 'A1', dspId: 'd1', title: 'Hold On', artist: 'Cover Band' }]);
    await identify();
    expect((await matchOf('A1'))?.status).toBe('review');
  });

  it("matches a translated title through the work's alternate titles, with a writer", async () => {
    await insertReport(store, 'R1', [
      {
        ref: 'A1',
        dspId: 'd1',
        title: 'Autumn Leaves',
        artist: 'Eva Cassidy',
        writers: 'Joseph Kosma|Jacques Prévert',
      },
    ]);
    await identify();
    expect(await matchOf('A1')).toMatchObject({ work_id: 'W6', method: 'metadata', status: 'accepted' });
  });

  it('matches through a recording title the repertoire knows, without its ISRC', async () => {
    await insertReport(store, 'R1', [
      { ref: 'A1', dspId: 'd1', title: 'Les feuilles d’automne', artist: 'Yves Montand' },
    ]);
    await identify();
    expect(await matchOf('A1')).toMatchObject({ work_id: 'W6', method: 'metadata', status: 'accepted' });
  });

  it('keeps numbered parts apart: Pt. 2 is Part II, not Part I', async () => {
    await insertReport(store, 'R1', [
      {
        ref: 'A1',
        dspId: 'd1',
        title: 'Another Brick in the Wall, Pt. 2 - 2011 Remaster',
        artist: 'Pink Floyd',
      },
      { ref: 'A2', dspId: 'd2', title: 'Another Brick In The Wall (Part 1)', artist: 'Pink Floyd' },
    ]);
    await identify();
    expect(await matchOf('A1')).toMatchObject({ work_id: 'W8', status: 'accepted' });
    expect(await matchOf('A2')).toMatchObject({ work_id: 'W7', status: 'accepted' });
  });

  it('accepts a one-letter typo of a title no other work comes near, when the duration agrees', async () => {
    await insertReport(store, 'R1', [
      { ref: 'A1', dspId: 'd1', title: 'Somewhere Beyomd the Sea', artist: 'Cover Band', durationS: 168 },
      { ref: 'A2', dspId: 'd2', title: 'Somewhere Beyomd the Sea', artist: 'Other Band' },
    ]);
    await identify();
    expect(await matchOf('A1')).toMatchObject({ work_id: 'W10', method: 'metadata', status: 'accepted' });
    // Without the duration the typo is only proposed.
    expect(await matchOf('A2')).toMatchObject({ work_id: 'W10', status: 'review' });
  });

  it('leaves a typo to review when two works of the repertoire are near it', async () => {
    await insertReport(store, 'R1', [
      { ref: 'A1', dspId: 'd1', title: 'Midnight Train to Georgla', artist: 'Cover Band', durationS: 280 },
    ]);
    await identify();
    expect((await matchOf('A1'))?.status).not.toBe('accepted');
  });

  it('does not trust an ISRC whose work shares one word with the title, and trusts one whose title holds the work’s', async () => {
    await store.run(`INSERT INTO recordings VALUES ('FRZ039900002', 'W4', 'Stay', NULL, 'Zedd', 200, 'cwr'),
      ('FRZ039900003', 'W1', 'Hold On', NULL, 'Wilson Phillips', 180, 'cwr')`);
    await insertReport(store, 'R1', [
      { ref: 'A1', dspId: 'd1', isrc: 'FRZ039900002', title: 'Stay With Me', artist: 'Sam Smith' },
      { ref: 'A2', dspId: 'd2', isrc: 'FRZ039900003', title: 'Hold On Tight', artist: 'Wilson Phillips' },
    ]);
    await identify();
    expect(await matchOf('A1')).toMatchObject({ method: 'isrc', status: 'review' });
    expect(await matchOf('A2')).toMatchObject({ work_id: 'W1', method: 'isrc', status: 'accepted' });
  });

  it('matches a Cyrillic title by the IPI given in the report', async () => {
    await insertReport(store, 'R1', [
      {
        ref: 'A1',
        dspId: 'd1',
        title: 'Подмосковные вечера (Live)',
        artist: 'Хор',
        writerIds: 'IPI::00012345678',
      },
    ]);
    await identify();
    expect(await matchOf('A1')).toMatchObject({ work_id: 'W9', status: 'accepted' });
  });
});
