import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../warehouse/index.js';
import { insertWorks } from './fixtures.test-support.js';
import { flagLinkConflicts, recordLinks } from './link-registry.js';

const NOW = new Date('2024-03-01T10:00:00Z');
let store: Store;

beforeEach(async () => {
  store = await openStore(':memory:', { threads: 1 });
  await insertWorks(store, [
    { workId: 'W1', title: 'YESTERDAY', iswc: 'T0345246801' },
    { workId: 'W2', title: 'HEY JUDE', iswc: 'T0373068699' },
  ]);
});
afterEach(() => store.close());

const link = (isrc: string, workId: string | null, iswc: string | null, source: string) =>
  `SELECT '${isrc}' AS isrc, ${workId === null ? 'NULL::VARCHAR' : `'${workId}'`} AS work_id, ${iswc === null ? 'NULL::VARCHAR' : `'${iswc}'`} AS iswc,
    '${source}' AS source, 'f1' AS source_ref, 90 AS confidence`;

async function conflicts(): Promise<Record<string, boolean>> {
  const rows = await store.all<{ isrc: string; source: string; conflict: boolean }>(
    'SELECT isrc, source, conflict FROM isrc_work_links ORDER BY isrc, source',
  );
  return Object.fromEntries(rows.map((r) => [`${r.isrc}/${r.source}`, r.conflict]));
}

describe('link registry conflicts', () => {
  it('flags an ISRC tied to two works, an ISWC-only link counting as the work holding it', async () => {
    await recordLinks(store, link('GBAYE0601498', 'W1', null, 'cwr'), NOW);
    await recordLinks(store, link('gbaye0601498', null, 'T0373068699', 'partner'), NOW);
    await recordLinks(store, link('GBAYE0601499', 'W2', null, 'cwr'), NOW);
    await recordLinks(store, link('GBAYE0601499', null, 'T0373068699', 'partner'), NOW);
    expect(await conflicts()).toEqual({
      'GBAYE0601498/cwr': true,
      'GBAYE0601498/partner': true,
      'GBAYE0601499/cwr': false,
      'GBAYE0601499/partner': false,
    });
  });

  it('checks only the ISRCs it is given, and every ISRC by default', async () => {
    // Inserted as an importer would, without recordLinks (which checks the ISRCs it records).
    await store.run(`INSERT INTO isrc_work_links VALUES ('GBAYE0601498', 'W1', NULL, 'cwr', 'f1', 100, TIMESTAMP '2024-03-01', TIMESTAMP '2024-03-01', false),
      ('GBAYE0601498', 'W2', NULL, 'partner', 'f2', 100, TIMESTAMP '2024-03-01', TIMESTAMP '2024-03-01', false),
      ('GBAYE0601400', 'W1', NULL, 'cwr', 'f1', 100, TIMESTAMP '2024-03-01', TIMESTAMP '2024-03-01', false),
      ('GBAYE0601400', NULL, 'T0373068699', 'partner', 'f2', 100, TIMESTAMP '2024-03-01', TIMESTAMP '2024-03-01', false)`);
    expect(await flagLinkConflicts(store, "SELECT 'GBAYE0601400' AS isrc")).toBe(2);
    expect(await conflicts()).toMatchObject({ 'GBAYE0601400/cwr': true, 'GBAYE0601498/cwr': false });
    expect(await flagLinkConflicts(store)).toBe(2);
    expect(Object.values(await conflicts())).toEqual([true, true, true, true]);
  });
});
