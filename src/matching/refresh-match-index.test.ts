import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../warehouse/index.js';
import { insertWorks } from './fixtures.test-support.js';
import { refreshMatchIndex } from './refresh-match-index.js';

let store: Store;

beforeEach(async () => {
  store = await openStore(':memory:', { threads: 1 });
  await insertWorks(store, [
    { workId: 'W1', title: 'HOLD ON', performers: ['WILSON PHILLIPS'], writers: [['WILSON', 'CHYNNA']] },
    { workId: 'W2', title: 'HOLD ON', altTitles: ['TIENS BON'], writers: [['WILSON', 'CARNIE']] },
    { workId: 'W3', title: 'PART 2 OF IT', performers: ['WILSON PHILLIPS'] },
  ]);
});
afterEach(() => store.close());

// The key counts as identify would count them over the index itself.
const RECOUNT = `SELECT t, k, CAST(n AS INTEGER) AS n FROM (
  SELECT 'key' AS t, title_key AS k, count(DISTINCT work_id) AS n FROM match_work_titles GROUP BY ALL
  UNION ALL SELECT 'token', token, count(*) FROM match_title_tokens GROUP BY ALL
  UNION ALL SELECT kind, name_key, count(DISTINCT work_id) FROM match_work_people GROUP BY ALL) ORDER BY ALL`;
const STORED = `SELECT 'key' AS t, title_key AS k, n FROM match_title_key_df
  UNION ALL SELECT 'token', token, n FROM match_token_df
  UNION ALL SELECT kind, name_key, n FROM match_people_df ORDER BY ALL`;

describe('refreshMatchIndex', () => {
  it('keys titles with their digits and keeps the blocking key counts equal to the index, as works change', async () => {
    expect(await refreshMatchIndex(store)).toEqual({ works: 3 });
    expect(await store.all(STORED)).toEqual(await store.all(RECOUNT));
    expect(await store.all("SELECT n FROM match_title_key_df WHERE title_key = 'hold on'")).toEqual([
      { n: 2 },
    ]);
    expect(await store.all("SELECT num_key FROM match_work_titles WHERE work_id = 'W3'")).toEqual([
      { num_key: '2' },
    ]);

    await store.run("UPDATE works SET title = 'HOLD ME' WHERE work_id = 'W2'");
    await insertWorks(store, [{ workId: 'W4', title: 'TIENS BON', performers: ['WILSON PHILLIPS'] }]);
    expect(await refreshMatchIndex(store)).toEqual({ works: 2 });
    expect(await store.all(STORED)).toEqual(await store.all(RECOUNT));
    expect(await store.all("SELECT n FROM match_title_key_df WHERE title_key = 'tiens bon'")).toEqual([
      { n: 2 },
    ]);
    expect(await refreshMatchIndex(store)).toEqual({ works: 0 });
  });
});
