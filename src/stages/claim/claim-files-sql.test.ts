import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatMicros, micros } from '../../domain/index.js';
import { formatAmountCell, formatBlendedShareCell, formatPercentCell } from '../../formats/cdm/index.js';
import { escapeDsrValue, formatMultiValue } from '../../formats/dsr/index.js';
import { openStore, type Store } from '../../warehouse/index.js';
import { createClaimCellMacros, jsSortOrder } from './claim-files-sql.js';

let store: Store;
beforeAll(async () => {
  store = await openStore(':memory:');
  await createClaimCellMacros(store);
});
afterAll(() => store.close());

/** Text with the characters the flat-file escapes care about, line breaks, and characters beyond U+FFFF. */
const awkward = fc.string({
  unit: fc.oneof(
    fc.constantFrom(
      '\\',
      '|',
      '\t',
      '\n',
      '\r',
      '\r\n',
      ' ',
      ',',
      '"',
      "'",
      'é',
      'ß',
      '日',
      '😀',
      '\uE000',
      '\uFFFD',
    ),
    fc.constantFrom('a', 'b', 'Z', '0', '9', '-', '.'),
    fc.string({ unit: 'binary', maxLength: 1 }).filter((c) => c !== '\u0000'),
  ),
  maxLength: 12,
});

/** Runs `expr` over each value (bound as $1), in one statement per value. */
async function sqlOf(expr: string, values: readonly (string | bigint | number | null)[]): Promise<unknown[]> {
  const out: unknown[] = [];
  for (const v of values) {
    const rows = await store.all<{ r: unknown }>({ text: `SELECT ${expr} AS r`, values: [v] });
    out.push(rows[0]?.r);
  }
  return out;
}

describe('the claim files cell macros', () => {
  it('escape text as escapeDsrValue does, null as empty', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(awkward, { minLength: 1, maxLength: 20 }), async (texts) => {
        expect(await sqlOf('claim_esc($1::VARCHAR)', texts)).toEqual(texts.map(escapeDsrValue));
      }),
      { numRuns: 30 },
    );
    expect(await sqlOf('claim_esc($1::VARCHAR)', [null])).toEqual(['']);
  });

  const money = fc.oneof(
    fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n }),
    fc.bigInt({ min: -2_000_000n, max: 2_000_000n }),
    fc.bigInt({ min: 0n, max: 10n ** 9n }).map((v) => v * 10_000n),
    fc.bigInt({ min: 0n, max: 10n ** 9n }).map((v) => v * 1_000_000n),
  );
  it('write micro-units as formatMicros and CDM amounts as formatAmountCell', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(money, { minLength: 1, maxLength: 20 }), async (values) => {
        const texts = values.map((v) => v.toString());
        expect(await sqlOf('claim_micros($1::HUGEINT)', texts)).toEqual(
          values.map((v) => formatMicros(micros(v))),
        );
        expect(await sqlOf('claim_amount($1::HUGEINT)', texts)).toEqual(
          values.map((v) => formatAmountCell(micros(v))),
        );
      }),
      { numRuns: 30 },
    );
  });

  it('write shares as formatPercentCell and blended shares as the CD01 writer does', async () => {
    const share = fc.oneof(
      fc.integer({ min: 0, max: 20_000 }),
      fc.constantFrom(0, 1, 10, 100, 3333, 5000, 10_000),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(share, share), { minLength: 1, maxLength: 20 }), async (pairs) => {
        const hs = pairs.map(([h]) => h);
        expect(await sqlOf('claim_percent($1::INTEGER)', hs)).toEqual(hs.map(formatPercentCell));
        const blended = pairs.map(([m, p]) => BigInt(m) * 5000n + BigInt(p) * BigInt(p % 10_001));
        expect(await sqlOf('claim_blended($1::BIGINT)', blended)).toEqual(
          blended.map(formatBlendedShareCell),
        );
      }),
      { numRuns: 30 },
    );
  });

  it('list writers as a multi-value cell in the order of JavaScript’s default sort', async () => {
    await store.run(`CREATE OR REPLACE TEMP TABLE names (name VARCHAR)`);
    await fc.assert(
      fc.asyncProperty(fc.uniqueArray(awkward, { maxLength: 8 }), async (names) => {
        await store.run('DELETE FROM names');
        for (const n of names) await store.run({ text: 'INSERT INTO names VALUES ($1)', values: [n] });
        // The aggregate claim_rdoc uses for ComposerAuthorNames.
        const rows = await store.all<{ w: string | null }>(
          `SELECT string_agg(claim_esc(name), '|' ORDER BY ${jsSortOrder('name')}) AS w FROM names`,
        );
        expect(rows[0]?.w ?? '').toBe(formatMultiValue([...names].sort()));
      }),
      { numRuns: 50 },
    );
  });
});
