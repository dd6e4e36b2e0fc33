import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../warehouse/index.js';
import { evidenceWithKeySql } from './evidence-sql.js';

let store: Store;
beforeAll(async () => {
  store = await openStore(':memory:', { threads: 1 });
});
afterAll(() => store.close());

// Evidence as the engine writes it: objects of scores, flags, texts (quotes, escapes, beyond ASCII),
// nulls, lists and nested objects, never with a resource_key or reason key.
const key = fc.stringMatching(/^[a-z_]{1,12}$/).filter((k) => k !== 'resource_key' && k !== 'reason');
const leaf = fc.oneof(
  fc.integer({ min: -1000, max: 1000 }),
  fc.double({ noNaN: true, noDefaultInfinity: true, min: -10, max: 10 }),
  fc.boolean(),
  fc.constant(null),
  fc.string({ unit: 'binary', maxLength: 8 }),
);
const value = fc.oneof(leaf, fc.array(leaf, { maxLength: 3 }), fc.dictionary(key, leaf, { maxKeys: 3 }));
const evidence = fc.option(fc.dictionary(key, value, { maxKeys: 6 }), { nil: null });
const reason = fc.option(fc.constantFrom('ambiguous', 'medley', 'isrc-title-disagree', 'it said "no" \\ é'), {
  nil: null,
});

describe('evidenceWithKeySql', () => {
  it('writes the same text as json_merge_patch of the evidence with the resource key and reason', async () => {
    await fc.assert(
      fc.asyncProperty(evidence, fc.stringMatching(/^[0-9a-f]{32}$/), reason, async (e, k, r) => {
        const row = await store.one<{ mine: string | null; merged: string | null }>({
          text: `WITH x AS (SELECT json(CAST($1 AS VARCHAR)) AS evidence, CAST($2 AS VARCHAR) AS resource_key, CAST($3 AS VARCHAR) AS reason)
            SELECT CAST(${evidenceWithKeySql('evidence', 'resource_key', 'reason')} AS VARCHAR) AS mine,
              CAST(json_merge_patch(coalesce(evidence, '{}'::JSON), to_json({resource_key: resource_key, reason: reason})) AS VARCHAR) AS merged
            FROM x`,
          values: [e === null ? null : JSON.stringify(e), k, r],
        });
        expect(row?.mine).toBe(row?.merged);
      }),
      { numRuns: 300 },
    );
  });
});
