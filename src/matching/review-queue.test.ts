import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore, sql, type Store } from '../warehouse/index.js';
import { identifyReports } from './identify-reports.js';
import { DEFAULT_MATCH_OPTIONS } from './match-options.js';
import { decideReview, listReviewItems, showReviewItem } from './review-queue.js';
import { insertReport, insertWorks } from './fixtures.test-support.js';

const NOW = new Date('2024-03-01T10:00:00Z');
let store: Store;
let run = 0;

beforeEach(async () => {
  store = await openStore(':memory:', { threads: 1 });
  await insertWorks(store, [
    { workId: 'W2', title: 'LOVE SONG', iswc: 'T0345246801', performers: ['ADELE'] },
    { workId: 'W3', title: 'LOVE SONG', performers: ['THE CURE'] },
  ]);
});
afterEach(() => store.close());

const identify = (reports: string[]) =>
  identifyReports(store, {
    reportIds: reports,
    runId: `run-${++run}`,
    codeVersion: 'test',
    now: NOW,
    options: DEFAULT_MATCH_OPTIONS,
  });

const noIsrc = { ref: 'A1', dspId: 'spotify:track:1', title: 'Love Song', artist: 'Some Cover Band' };
const resource = { ...noIsrc, isrc: 'FRZ031200001' };

describe('review queue and decision memory', () => {
  it('lists an ambiguous match, and reuses its acceptance in a later report of the same service', async () => {
    await insertReport(store, 'R1', [noIsrc]);
    await identify(['R1']);
    const [item] = await listReviewItems(store);
    expect(item).toMatchObject({ review_id: 'rev-1', status: 'open', method: 'metadata' });
    const detail = await showReviewItem(store, 'rev-1');
    expect(detail.candidates.map((c) => c.work_id).sort()).toEqual(['W2', 'W3']);

    const d = await decideReview(store, {
      reviewId: 'rev-1',
      decision: 'reassign',
      workId: 'W3',
      who: 'alice',
      why: 'label sheet',
      now: NOW,
    });
    expect(d).toMatchObject({ decision_id: 'dec-1', work_id: 'W3', who: 'alice', why: 'label sheet' });
    expect(await listReviewItems(store)).toEqual([]);

    await insertReport(store, 'R2', [noIsrc], { periodStart: '2024-02-01', periodEnd: '2024-02-29' });
    await identify(['R2']);
    const m = await store.one(sql`SELECT work_id, method, status FROM matches WHERE report_id = 'R2'`);
    expect(m).toEqual({ work_id: 'W3', method: 'memory', status: 'accepted' });
  });

  it('lets a decision on an ISRC conflict win over the conflict on the next run', async () => {
    await store.run(`INSERT INTO isrc_work_links VALUES ('FRZ031200001', 'W2', NULL, 'cwr', 'f', 100, '2024-01-01', '2024-01-01', true),
      ('FRZ031200001', 'W3', NULL, 'partner', 'p', 80, '2024-01-01', '2024-01-01', true)`);
    await insertReport(store, 'R1', [resource]);
    await identify(['R1']);
    expect((await showReviewItem(store, 'rev-1')).reason).toBe('isrc-conflict');
    await decideReview(store, {
      reviewId: 'rev-1',
      decision: 'reassign',
      workId: 'W3',
      who: 'dan',
      now: NOW,
    });
    await identify(['R1']);
    expect(await store.one(sql`SELECT work_id, method, status FROM matches`)).toEqual({
      work_id: 'W3',
      method: 'memory',
      status: 'accepted',
    });
  });

  it('adds a decision link with provenance when a metadata match is accepted', async () => {
    await insertReport(store, 'R1', [resource]);
    await identify(['R1']);
    await decideReview(store, {
      reviewId: 'rev-1',
      decision: 'reassign',
      workId: 'W2',
      who: 'bob',
      now: NOW,
    });
    const links = await store.all(
      'SELECT isrc, work_id, iswc, source, source_ref, confidence, conflict FROM isrc_work_links',
    );
    expect(links).toEqual([
      {
        isrc: 'FRZ031200001',
        work_id: 'W2',
        iswc: 'T0345246801',
        source: 'decision',
        source_ref: 'dec-1',
        confidence: 100,
        conflict: false,
      },
    ]);
  });

  it('never proposes a rejected work again for the same resource', async () => {
    await insertReport(store, 'R1', [resource]);
    await identify(['R1']);
    const proposed = (await showReviewItem(store, 'rev-1')).proposed_work_id;
    await decideReview(store, { reviewId: 'rev-1', decision: 'reject', who: 'carol', now: NOW });
    await identify(['R1']);
    const m = await store.one<{ work_id: string | null; status: string }>(
      sql`SELECT work_id, status FROM matches WHERE report_id = 'R1'`,
    );
    expect(m?.work_id).not.toBe(proposed);
    expect(m?.status).not.toBe('accepted');
  });

  it('refuses to accept an item that proposes no work, and an unknown item', async () => {
    await expect(showReviewItem(store, 'rev-9')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await insertReport(store, 'R1', [resource]);
    await identify(['R1']);
    await expect(
      decideReview(store, { reviewId: 'rev-1', decision: 'reassign', workId: 'NOPE', who: 'x', now: NOW }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
