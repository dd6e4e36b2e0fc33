import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { micros } from '../../domain/index.js';
import { formatCcid, parseCcid, type CcidFile } from './index.js';

const text = fc.string({ maxLength: 10 }).map((s) => s.replace(/[\r\n]/g, ' '));
const money = fc.bigInt({ min: 0n, max: 10n ** 14n }).map(micros);
const file: fc.Arbitrary<CcidFile> = fc.record({
  header: fc.record({
    messageId: text,
    createdDateTime: text,
    salesReportId: text,
    sender: text,
    recipient: text,
    service: text,
    territory: text,
    periodStart: text,
    periodEnd: text,
    currency: text,
  }),
  lines: fc.array(
    fc.record({
      claimId: text,
      invoiceReference: text,
      licensor: text,
      rightsController: text,
      summaryId: text,
      dspResourceId: text,
      isrc: text,
      workId: text,
      iswc: text,
      workTitle: text,
      rightType: fc.constantFrom('performing', 'mechanical'),
      usages: fc.bigInt({ min: 0n, max: 10n ** 12n }),
      workValue: money,
      shareClaimed: fc.integer({ min: 0, max: 20000 }),
      claimedAmount: money,
      heldOverclaim: money,
    }),
    { maxLength: 6 },
  ),
});

describe('CCID-style file', () => {
  it('reads back exactly what it wrote (round trip)', () => {
    fc.assert(
      fc.property(file, (f) => {
        expect(parseCcid(formatCcid(f))).toEqual(f);
      }),
      { numRuns: 200 },
    );
  });

  it('refuses a file whose trailer totals disagree with its lines', () => {
    const f: CcidFile = {
      header: {
        messageId: 'M',
        createdDateTime: 'T',
        salesReportId: 'R',
        sender: 'SACEM',
        recipient: 'Spotify',
        service: 'S',
        territory: 'FR',
        periodStart: '2024-03-01',
        periodEnd: '2024-03-31',
        currency: 'EUR',
      },
      lines: [
        {
          claimId: 'C1',
          invoiceReference: 'I',
          licensor: 'society',
          rightsController: 'SACEM',
          summaryId: 'S1',
          dspResourceId: 'D',
          isrc: 'I',
          workId: 'W',
          iswc: '',
          workTitle: 'T',
          rightType: 'performing',
          usages: 1n,
          workValue: micros(10n),
          shareClaimed: 10000,
          claimedAmount: micros(10n),
          heldOverclaim: micros(0n),
        },
      ],
    };
    const written = formatCcid(f);
    expect(written.split('\n').at(-2)).toBe('TRL\t1\t0.000010\t0.000000');
    expect(() => parseCcid(written.replace('TRL\t1\t0.000010', 'TRL\t1\t0.000011'))).toThrow(/disagree/);
    expect(() => parseCcid(written.split('\n').slice(0, 2).join('\n'))).toThrow(/no TRL/);
  });
});
