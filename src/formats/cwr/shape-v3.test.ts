import { describe, expect, it } from 'vitest';
import { sampleLines } from './fixtures.test-support.js';
import { parseRecord } from './parse-record.js';
import { defaultShape, layoutsForRecord, territoryIpLength } from './shape-v3.js';

const first = (lines: readonly string[], type: string) => lines.find((l) => l.startsWith(type))!;

describe('3.x record shapes', () => {
  it('tell the IP # width from where a territory record puts its inclusion indicator and TIS code', () => {
    expect(territoryIpLength(first(sampleLines('3.0', 1), 'SPT'))).toBe(9);
    expect(territoryIpLength(first(sampleLines('3.1', 1), 'SWT'))).toBe(11);
    expect(territoryIpLength('SPT0000000000000001001')).toBeUndefined();
  });

  it('read the IPI name number of SPU and SWR with or without a Tax ID before it', () => {
    for (const version of ['3.0', '3.1'] as const) {
      const lines = sampleLines(version, 1);
      for (const type of ['SPU', 'SWR']) {
        const text = first(lines, type);
        const parsed = parseRecord(text, 1, layoutsForRecord(type, text, defaultShape(version)));
        expect(parsed.ok && parsed.record.fields['ipiNameNumber']).toMatch(/^\d{11}$/);
      }
    }
    // A 3.1 writer that keeps the 2.x Tax ID: the record runs past the Tax-less layout.
    const shape = defaultShape('3.1');
    const withTax = `SWR0000000000000003${'W001'.padEnd(11)}${'DURAND'.padEnd(45)}${'MARIE'.padEnd(30)}NCA${'0'.repeat(9)}00261661375${' '.repeat(13)} N  `;
    const parsed = parseRecord(withTax, 1, layoutsForRecord('SWR', withTax, shape));
    expect(parsed.ok && parsed.record.fields['ipiNameNumber']).toBe('00261661375');
  });
});
