import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createMatchOptions } from '../../matching/index.js';
import { insertReport, insertWorks } from '../../matching/fixtures.test-support.js';
import { openStore, type Store } from '../../warehouse/index.js';
import { runIdentifyStage } from './identify-stage.js';

let store: Store;
const now = () => new Date('2024-04-01T00:00:00Z');

beforeEach(async () => {
  store = await openStore(':memory:', { threads: 1 });
  await insertWorks(store, [{ workId: 'W1', title: 'YESTERDAY', iswc: 'T0345246801' }]);
  await insertReport(store, 'R-JAN', [
    { ref: 'A1', dspId: 'd1', iswc: 'T0345246801', title: 'Yesterday', usages: 3 },
    { ref: 'A2', dspId: 'd2', title: 'Nothing Known', usages: 1 },
  ]);
  await insertReport(store, 'R-APR', [{ ref: 'A1', dspId: 'd1', iswc: 'T0345246801', title: 'Yesterday' }], {
    periodStart: '2024-04-01',
    periodEnd: '2024-04-30',
  });
  await insertReport(store, 'R-WAIT', [{ ref: 'A1', title: 'Yesterday' }], { status: 'waiting-parts' });
});
afterEach(() => store.close());

describe('runIdentifyStage', () => {
  it('identifies the complete reports of a period and summarises them, as a recorded run', async () => {
    const out = await runIdentifyStage(store, {
      period: '2024-Q1',
      options: createMatchOptions(),
      codeVersion: 't',
      now,
    });
    expect(out.reports).toEqual([
      {
        report: 'R-JAN',
        resources: 2,
        accepted: 1,
        review: 0,
        unidentified: 1,
        by_method: { iswc: 1 },
        usages_identified_pct: 75,
      },
    ]);
    expect(out.totals).toMatchObject({ reports: 1, resources: 2, accepted: 1 });
    const run = await store.one<{ stage: string; status: string }>(
      `SELECT stage, status FROM runs WHERE run_id = '${out.runId}'`,
    );
    expect(run).toEqual({ stage: 'identify', status: 'ok' });
  });

  it('refuses a report still waiting for parts, and an unknown one', async () => {
    const input = { options: createMatchOptions(), codeVersion: 't', now };
    await expect(runIdentifyStage(store, { ...input, reportId: 'R-WAIT' })).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    await expect(runIdentifyStage(store, { ...input, reportId: 'NOPE' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  it('rejects thresholds out of order', () => {
    expect(() => createMatchOptions({ accept: 600, review: 700 })).toThrow(/review threshold/);
  });
});
