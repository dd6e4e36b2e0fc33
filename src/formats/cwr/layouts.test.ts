import { describe, expect, it } from 'vitest';
import { LAYOUTS_V21, LAYOUTS_V22 } from './layouts-v2.js';
import { LAYOUTS_V30, LAYOUTS_V31 } from './layouts-v3.js';
import type { RecordLayout } from './layout.js';

const start = (layouts: ReadonlyMap<string, RecordLayout>, type: string, field: string) =>
  layouts.get(type)!.fields.find((f) => f.name === field)?.start;

describe('CWR layouts', () => {
  it('give the nominal record lengths of 2.1 and 2.2 (standards.md §3.6)', () => {
    const v21 = {
      HDR: 101,
      GRH: 28,
      GRT: 24,
      TRL: 24,
      AGR: 121,
      TER: 24,
      IPA: 153,
      NWR: 260,
      REV: 260,
      ISW: 260,
      EXC: 260,
      SPU: 183,
      OPU: 183,
      SPT: 58,
      OPT: 58,
      SWR: 180,
      OWR: 180,
      SWT: 52,
      OWT: 52,
      PWR: 110,
      ALT: 83,
      EWT: 364,
      VER: 364,
      PER: 118,
      REC: 266,
      ORN: 301,
      INS: 75,
      IND: 25,
      COM: 308,
      ARI: 201,
      ACK: 159,
      MSG: 185,
    };
    for (const [type, length] of Object.entries(v21))
      expect([type, LAYOUTS_V21.get(type)?.length]).toEqual([type, length]);
    const v22 = { ...v21, HDR: 167, PWR: 112, REC: 540, ORN: 348, XRF: 38 };
    for (const [type, length] of Object.entries(v22))
      expect([type, LAYOUTS_V22.get(type)?.length]).toEqual([type, length]);
    expect(LAYOUTS_V21.has('XRF')).toBe(false);
  });

  it('place the 3.1 fields where S-CWR31 prints them', () => {
    expect(start(LAYOUTS_V31, 'SPT', 'tis')).toBe(50);
    expect(start(LAYOUTS_V31, 'SPT', 'recipientCode')).toBe(98);
    expect(start(LAYOUTS_V31, 'SWT', 'recipientCode')).toBe(66);
    expect(start(LAYOUTS_V31, 'SPU', 'usaLicense')).toBe(105);
    expect(start(LAYOUTS_V31, 'SWR', 'usaLicense')).toBe(136);
    expect(start(LAYOUTS_V31, 'MAN', 'srShare')).toBe(41);
    expect(start(LAYOUTS_V31, 'WRK', 'grandRights')).toBe(155);
    expect(start(LAYOUTS_V31, 'WRK', 'priorityFlag')).toBe(218);
    expect(start(LAYOUTS_V31, 'HDR', 'filename')).toBe(169);
  });

  it('keep 9-character interested-party numbers in 3.0 (SPT territory at 48)', () => {
    expect(start(LAYOUTS_V30, 'SPT', 'tis')).toBe(48);
    expect(start(LAYOUTS_V30, 'SPU', 'ipiNameNumber')).toBe(88);
    expect(start(LAYOUTS_V30, 'SWR', 'ipiNameNumber')).toBe(116);
    expect(LAYOUTS_V30.has('MAN')).toBe(false);
  });

  it('never overlap two fields of a record', () => {
    for (const layouts of [LAYOUTS_V21, LAYOUTS_V22, LAYOUTS_V30, LAYOUTS_V31]) {
      for (const layout of layouts.values()) {
        let end = 3;
        for (const f of layout.fields) {
          expect(f.start, `${layout.type}.${f.name}`).toBeGreaterThan(end);
          end = f.start + f.length - 1;
        }
      }
    }
  });
});
