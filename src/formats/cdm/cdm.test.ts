import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { micros, parseMicros } from '../../domain/index.js';
import {
  cdmFileName,
  formatCdm,
  parseCdm,
  parseRow,
  splitMulti,
  formatRow,
  type CdmClaim,
  type CdmMessage,
  type CdmSummary,
} from './index.js';

const header = {
  messageId: 'CDM-1',
  createdDateTime: '2024-04-01T00:00:00Z',
  salesReportId: 'MSG-2024-03-FR-001',
  usageStartDate: '2024-03-01',
  usageEndDate: '2024-03-31',
  senderPartyId: '',
  senderName: 'SACEM',
  serviceDescription: 'Spotify',
  recipientPartyId: 'PADPIDA2011072101T',
  recipientName: 'Spotify',
};
/** royalties.md §6.5: Sacem claims 100 % of both rights of "Exemple". */
const example: CdmMessage = {
  header,
  summaries: [
    {
      summaryRecordId: 'S1-society',
      invoiceReference: 'INV-2024-03-SPOT-FR-PREM',
      rightsControllerName: 'SACEM',
      rightsControllerPartyId: '',
      startOfClaimPeriod: '2024-03-01',
      endOfClaimPeriod: '2024-03-31',
      commercialModel: 'SubscriptionModel',
      useType: 'OnDemandStream',
      territory: 'FR',
      serviceDescription: 'PremiumIndividual',
      currencyOfReporting: 'EUR',
      currencyOfInvoicing: 'EUR',
      rightsTypeSplitMechanical: 5000,
      rightsTypeSplitPerforming: 5000,
      claims: [
        {
          claimId: 'C-000001',
          dspResourceId: 'SPOT-R1',
          isrc: 'FRZ032400001',
          resourceTitle: 'Exemple',
          displayArtistName: 'Artiste',
          licensorWorkId: 'W0000001',
          iswc: 'T0000000010',
          workTitle: 'Exemple',
          composerAuthorNames: ['A', 'C'],
          shareClaimedMechanical: 10000,
          shareClaimedPerforming: 10000,
          salesTransactionId: 'TX-0001',
          usages: 1_000_000n,
          generatedRevenue: parseMicros('2250'),
          claimedAmountMechanical: parseMicros('1125'),
          claimedAmountPerforming: parseMicros('1125'),
          tariffParameters: [{ type: 'FeeBasis', value: 'rate' }],
        },
      ],
    },
  ],
};

describe('formatCdm', () => {
  it('writes the §6.5 claim with derived totals and the blended share', () => {
    const lines = formatCdm(example).split('\n');
    expect(lines).toHaveLength(5);
    expect(lines[0]?.split('\t').slice(0, 6)).toEqual([
      'CDMH.01',
      'CDM/2.0/5.0/2.0',
      'CDM-1',
      '2024-04-01T00:00:00Z',
      'ClaimsAmounts',
      '2.0',
    ]);
    const cs01 = lines[1]!.split('\t');
    expect(cs01).toHaveLength(23);
    expect([cs01[19], cs01[20], cs01[22]]).toEqual(['50', '50', '2250.00']);
    const cd01 = lines[2]!.split('\t');
    expect(cd01).toHaveLength(28);
    expect([cd01[12], cd01[15], cd01[16], cd01[17], cd01[19], cd01[23], cd01[24], cd01[27]]).toEqual([
      'A|C',
      '100',
      '100',
      '100',
      '1000000',
      '1125.00',
      '1125.00',
      '2250.00',
    ]);
    expect(lines[3]).toBe('SRFO\t4\t1');
  });

  it('names the file after CDM Part 1 §8.1 without underscores inside elements', () => {
    expect(
      cdmFileName({
        recipient: 'PADPIDA2011072101T',
        sender: 'SACEM',
        serviceDescription: 'Premium_Individual',
        period: '2024-03',
        territory: 'FR',
        createdDateTime: '2024-04-01T00:00:00Z',
      }),
    ).toBe('ClaimsAmounts_PADPIDA2011072101T_SACEM_PremiumIndividual_2024-03_FR_20240401T000000.tsv');
  });

  it('escapes tabs, pipes and backslashes on two levels', () => {
    const line = formatRow(['a\tb', 'x|y', ['p|q', 'r\\s']]);
    expect(line).toBe('a\\\tb\tx\\\\|y\tp\\\\|q|r\\\\\\\\s');
    const cells = parseRow(line);
    expect(splitMulti(cells[0]!)).toEqual(['a\tb']);
    expect(splitMulti(cells[1]!)).toEqual(['x|y']);
    expect(splitMulti(cells[2]!)).toEqual(['p|q', 'r\\s']);
  });
});

describe('parseCdm', () => {
  it('reports a CD01 whose ClaimedAmount is not mechanical + performing, with its line', () => {
    const text = formatCdm(example).replace(/(CD01\.01.*)\t2250\.00\n/, '$1\t2250.01\n');
    const { problems, message } = parseCdm(text);
    expect(problems.map((p) => [p.line, p.record])).toContainEqual([3, 'CD01.01']);
    expect(message.summaries[0]?.claims).toHaveLength(0);
  });

  it('refuses a file without header or footer', () => {
    expect(() => parseCdm('SRFO\t1\t0\n')).toThrow(/no CDMH.01/);
    expect(() => parseCdm(formatCdm(example).split('\n').slice(0, 3).join('\n'))).toThrow(/no SRFO/);
  });

  const text = fc.string({ maxLength: 12 }).map((s) => s.replace(/[\r\n]/g, ' '));
  const share = fc.integer({ min: 0, max: 15000 });
  const money = fc.bigInt({ min: 0n, max: 10n ** 14n }).map(micros);
  const claim: fc.Arbitrary<CdmClaim> = fc.record({
    claimId: text,
    dspResourceId: text,
    isrc: text,
    resourceTitle: text,
    displayArtistName: text,
    licensorWorkId: text,
    iswc: text,
    workTitle: text,
    composerAuthorNames: fc.array(
      text.filter((s) => s !== ''),
      { maxLength: 3 },
    ),
    shareClaimedMechanical: share,
    shareClaimedPerforming: share,
    salesTransactionId: text,
    usages: fc.bigInt({ min: 0n, max: 10n ** 12n }),
    generatedRevenue: money,
    claimedAmountMechanical: money,
    claimedAmountPerforming: money, // A list of one empty value reads back as no value: the flat-file format cannot tell them apart.
    tariffParameters: fc.array(
      fc.record({ type: text.filter((t) => t !== ''), value: text.filter((t) => t !== '') }),
      { maxLength: 3 },
    ),
  });
  const summary = (id: number): fc.Arbitrary<CdmSummary> =>
    fc.record({
      summaryRecordId: fc.constant(`S${id}`),
      invoiceReference: text,
      rightsControllerName: text,
      rightsControllerPartyId: text,
      startOfClaimPeriod: text,
      endOfClaimPeriod: text,
      commercialModel: text,
      useType: text,
      territory: text,
      serviceDescription: text,
      currencyOfReporting: text,
      currencyOfInvoicing: text,
      rightsTypeSplitMechanical: fc.integer({ min: 0, max: 10000 }),
      rightsTypeSplitPerforming: fc.integer({ min: 0, max: 10000 }),
      claims: fc.array(claim, { maxLength: 4 }),
    });
  const message: fc.Arbitrary<CdmMessage> = fc.record({
    header: fc.record({
      messageId: text,
      createdDateTime: text,
      salesReportId: text,
      usageStartDate: text,
      usageEndDate: text,
      senderPartyId: text,
      senderName: text,
      serviceDescription: text,
      recipientPartyId: text,
      recipientName: text,
    }),
    summaries: fc
      .integer({ min: 0, max: 3 })
      .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => summary(i + 1)))),
  });

  it('reads back exactly what formatCdm wrote (round trip)', () => {
    fc.assert(
      fc.property(message, (m) => {
        const parsed = parseCdm(formatCdm(m));
        expect(parsed.problems).toEqual([]);
        expect(parsed.message).toEqual(m);
      }),
      { numRuns: 200 },
    );
  });
});
