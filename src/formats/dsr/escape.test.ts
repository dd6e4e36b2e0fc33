import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeDsrValue, formatMultiValue, joinMultiValue, splitDsrRow, splitMultiValue, unescapeValue } from './escape.js';

describe('DSR escaping (DSR Part 1 §6.6.4)', () => {
  it('keeps an escaped TAB inside its cell', () => {
    expect(splitDsrRow('AS01.01\tB1\tHello\\\tWorld\tX')).toEqual(['AS01.01', 'B1', 'Hello\tWorld', 'X']);
  });

  it('reads both forms of an escaped pipe as a literal pipe', () => {
    const [, standard, lenient] = splitDsrRow('MW01.01\tA\\\\|B|C\tA\\|B|C');
    expect(splitMultiValue(standard ?? '')).toEqual(['A|B', 'C']);
    expect(splitMultiValue(lenient ?? '')).toEqual(['A|B', 'C']);
    expect(unescapeValue(splitDsrRow('X\tAC\\\\|DC')[1] ?? '')).toBe('AC|DC');
  });

  it('undoes an escaped backslash and drops a trailing CR', () => {
    expect(splitDsrRow('X\ta\\\\\\\\b\r').map(unescapeValue)).toEqual(['X', 'a\\b']);
  });

  it('reads back any value it writes, TABs, pipes and backslashes included', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: fc.constantFrom('a', 'b', '|', '\\', '\t', ' ') }), { minLength: 1, maxLength: 5 }), (values) => {
        const line = ['XX01', ...values.map(escapeDsrValue)].join('\t');
        expect(splitDsrRow(line).slice(1).map(unescapeValue)).toEqual(values);
      }),
    );
  });

  it('reads back any multi-value list it writes', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: fc.constantFrom('a', '|', '\\', '\t') }), { minLength: 1, maxLength: 4 }), (values) => {
        const cells = splitDsrRow(`XX01\t${formatMultiValue(values)}`);
        expect(splitMultiValue(cells[1] ?? '')).toEqual(values);
        expect(splitMultiValue(joinMultiValue(values))).toEqual(values);
      }),
    );
  });
});
