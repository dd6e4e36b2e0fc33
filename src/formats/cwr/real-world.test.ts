import { describe, expect, it } from 'vitest';
import { checkIpiNameNumber, ipiNameNumberFromNumber } from '../../domain/index.js';
import { fallbackCharset, latin1ToCp850 } from './charset.js';
import { put, sampleLines, streamOf } from './fixtures.test-support.js';
import { validateCwr, type CwrFileSummary } from './validate-cwr.js';
import type { ValidatedTransaction } from './validate-transaction.js';

// Fixtures that mimic what the real files of the sealed set are documented to contain
// (standards.md §3.3, §3.4, §3.6, §3.8, §3.10 and §6), written from the specification.

const n8 = (n: number) => String(n).padStart(8, '0');
/** A record from (1-based position, text) parts over a blank line of `length` characters. */
const rec = (length: number, parts: readonly (readonly [number, string])[]) =>
  parts.reduce((line, [start, text]) => put(line, start, text), ' '.repeat(length));
const prefix = (type: string, tx: number, record: number) => `${type}${n8(tx)}${n8(record)}`;
/** Renumbers the record sequence of detail lines (positions 12-19) from `from`, and their transaction #. */
const renumber = (lines: readonly string[], tx: number, from: number) =>
  lines.map((l, i) => `${l.slice(0, 3)}${n8(tx)}${n8(from + i)}${l.slice(19)}`);
/** GRT and TRL lines whose counts are right for these group lines (GRH first). */
function trailers(group: readonly string[], transactions: number, fileRecords: number, grtExtra = '') {
  return [
    `GRT00001${n8(transactions)}${n8(group.length + 1)}${grtExtra}`,
    `TRL00001${n8(transactions)}${n8(fileRecords)}`,
  ];
}

async function check(
  bytes: Uint8Array,
  fileName?: string,
): Promise<CwrFileSummary & { txs: ValidatedTransaction[] }> {
  const txs: ValidatedTransaction[] = [];
  const summary = await validateCwr(streamOf(bytes, 113), fileName ? { fileName } : {}, {
    onTransaction: (t) => void txs.push(t),
  });
  return { ...summary, txs };
}
/** Bytes of lines, each character one byte (so `\u00a5` is the byte 0xA5), joined with `eol`. */
const rawBytes = (lines: readonly string[], eol = '\r\n') =>
  new Uint8Array(Buffer.from(lines.join(eol) + eol, 'latin1'));
const codes = (s: CwrFileSummary) => [...new Set([...s.errors, ...s.warnings].map((f) => f.code))].sort();

describe('code page 850 fallback (standards.md §3.3)', () => {
  it('reads 0xA5 as Ñ and leaves ASCII alone', () => {
    expect(latin1ToCp850('MU\u00a5OZ')).toBe('MUÑOZ');
    expect(latin1ToCp850('PLAIN')).toBe('PLAIN');
    expect(latin1ToCp850('\u0082T\u0090')).toBe('éTÉ');
  });

  it('uses cp850 for a blank or ASCII 2.x character set, Latin-1 otherwise and in 3.x', () => {
    expect(fallbackCharset('', '2.1')).toBe('cp850');
    expect(fallbackCharset('ASCII', '2.1')).toBe('cp850');
    expect(fallbackCharset('CP850', '3.1')).toBe('cp850');
    expect(fallbackCharset('UTF-8', '2.2')).toBe('latin1');
    expect(fallbackCharset('ISO-8859-1', '2.2')).toBe('latin1');
    expect(fallbackCharset('', '3.1')).toBe('latin1');
  });
});

describe('an EMI-style 2.1 submission', () => {
  const WORKS = 300;
  const BAD_IPI = [7, 70, 150, 299];
  function emiFile(): Uint8Array {
    const body: string[] = [];
    for (let w = 0; w < WORKS; w++) {
      // One work at a time from the specification writer, then bent the way the EMI file is.
      const lines = sampleLines('2.1', 1).slice(2, -2);
      const work = renumber(lines, w, 0).map((l) => {
        let x = l;
        if (x.startsWith('NWR')) x = put(x, 82, `EMI${String(w).padStart(6, '0')}`.padEnd(14));
        // Society codes left-justified: `61 ` is SADAIC 061.
        if (x.startsWith('SPU')) x = put(put(x, 113, '61 '), 121, '61 ');
        if (x.startsWith('SWR')) {
          x = put(x, 127, '61 ');
          // Ownership totals off by up to 00004 (rounding of thirds in the publisher's system).
          if (w % 10 === 3) x = put(x, 130, '02496');
          if (BAD_IPI.includes(w)) x = put(x, 116, '00123456780');
          if (w === 42) x = put(x, 29, 'MU\u00a5OZ'.padEnd(45));
        }
        return x;
      });
      body.push(...work);
    }
    const head = sampleLines('2.1', 1).slice(0, 2);
    head[0] = put(head[0]!, 15, 'EMI MUSIC PUBLISHING LTD'.padEnd(45));
    const group = [head[1]!, ...body];
    const lines = [head[0], ...group, ...trailers(group, WORKS, group.length + 3)];
    const bytes = rawBytes(lines, '\n');
    // UTF-8 byte-order mark, LF line ends, then a DOS end-of-file mark.
    return new Uint8Array([0xef, 0xbb, 0xbf, ...bytes, 0x1a]);
  }

  it('validates with no error: only the IPI check digits and the encoding are warned about', async () => {
    expect(checkIpiNameNumber('00123456780').ok).toBe(false);
    const s = await check(emiFile(), 'CW060001EMI_044.V21');
    expect(s.errors).toEqual([]);
    expect(s).toMatchObject({
      ok: true,
      version: '2.1',
      transactions: WORKS,
      sender: { type: 'PB', id: '250165006', name: 'EMI MUSIC PUBLISHING LTD', submitter: '00250165006' },
    });
    expect(s.counts).toMatchObject({ HDR: 1, GRH: 1, NWR: WORKS, SPU: WORKS, SWR: WORKS, GRT: 1, TRL: 1 });
    expect(codes(s)).toEqual(['CWR_BAD_IPI_CHECK_DIGIT', 'CWR_ENCODING']);
    expect(s.warnings.filter((f) => f.code === 'CWR_BAD_IPI_CHECK_DIGIT')).toHaveLength(BAD_IPI.length);
  });

  it('decodes the cp850 byte as Ñ and reads left-justified society codes', async () => {
    const s = await check(emiFile());
    const reg = s.txs[42]!.registration!;
    expect(reg.writers[0]!.lastName).toBe('MUÑOZ');
    expect(reg.publishers[0]!.prSociety).toBe('061');
    expect(reg.writers[0]!.prSociety).toBe('061');
    expect(s.txs.every((t) => t.status !== 'rejected')).toBe(true);
  });

  it('reads a cp850 sender name in the HDR too', async () => {
    const lines = sampleLines('2.1', 1);
    lines[0] = put(lines[0]!, 15, 'EDICIONES ESPA\u00a5OLAS'.padEnd(45));
    const s = await check(rawBytes(lines));
    expect(s.sender?.name).toBe('EDICIONES ESPAÑOLAS');
    expect(s.ok).toBe(true);
  });
});

describe('a PRS-style ACK file as input (trimmed lines)', () => {
  function ackFile(): string[] {
    const hdr = rec(86, [
      [1, 'HDRSO000000052'],
      [15, 'PRS FOR MUSIC'],
      [60, '01.10'],
      [65, '20160701'],
      [73, '093000'],
      [79, '20160701'],
    ]);
    const ack = (tx: number, title: string, status: string, recipient: string) =>
      rec(159, [
        [1, prefix('ACK', tx, 0)],
        [20, '20160630'],
        [28, '115644'],
        [34, '00001'],
        [39, n8(tx)],
        [47, 'NWR'],
        [50, title],
        [110, String(256599 + tx)],
        [130, recipient],
        [150, '20160630'],
        [158, status],
      ]).trimEnd();
    const msg = (tx: number, record: number, text: string) =>
      rec(185, [
        [1, prefix('MSG', tx, record)],
        [20, 'T'],
        [21, n8(record)],
        [29, 'SWR'],
        [32, 'T'],
        [33, '015'],
        [36, text],
      ])
        .trimEnd()
        .slice(0, 92);
    const echo = (tx: number, from: number) =>
      renumber(sampleLines('2.1', 1).slice(2, -2), tx, from).map((l) => l.trimEnd());
    const t0 = [ack(0, 'LA MER BLEUE 1', 'AS', '250310HN'), ...echo(0, 1)];
    const t1 = [
      ack(1, 'LA MER BLEUE 1', 'RA', ''),
      msg(1, 1, 'WRITER IPI NAME NUMBER NOT FOUND ON IPI DATABASE - FIELD REJECTED'),
      ...echo(1, 2),
    ];
    const t2 = [
      ack(2, 'SONG WITHOUT WRITER', 'RJ', ''),
      msg(2, 1, 'AT LEAST ONE WRITER MUST BE A COMPOSER OR AUTHOR'),
    ];
    // The society echoes the transaction it rejected, faults included (an SWR without its IP #).
    const t3 = [
      ack(3, 'LA MER BLEUE 1', 'RJ', ''),
      msg(3, 1, 'SWR INTERESTED PARTY NUMBER IS MANDATORY'),
      ...echo(3, 2).map((l) => (l.startsWith('SWR') ? put(l, 20, ' '.repeat(9)) : l)),
    ];
    const group = ['GRHACK0000102.100000000000', ...t0, ...t1, ...t2, ...t3];
    return [hdr, ...group, ...trailers(group, 4, group.length + 3)];
  }

  it('reads the ACK fields at their positions', async () => {
    const lines = ackFile();
    expect(lines[0]).toHaveLength(86);
    expect(lines[2]!.slice(19)).toMatch(
      /^2016063011564400001[0]{8}NWRLA MER BLEUE 1 +256599 +250310HN +20160630AS$/,
    );
    const s = await check(rawBytes(lines), 'CW160052PRS_EMI.V21');
    const first = s.txs[0]!.transaction.records[0]!;
    expect(first.fields).toMatchObject({
      creationDate: '20160630',
      creationTime: '115644',
      originalGroupId: '00001',
      originalTransactionSequence: '00000000',
      originalTransactionType: 'NWR',
      creationTitle: 'LA MER BLEUE 1',
      submitterCreationNumber: '256599',
      recipientCreationNumber: '250310HN',
      processingDate: '20160630',
      transactionStatus: 'AS',
    });
  });

  it('validates without errors and counts ACK, MSG and echoed records', async () => {
    const s = await check(rawBytes(ackFile()));
    expect(s.errors).toEqual([]);
    expect(s).toMatchObject({
      ok: true,
      version: '2.1',
      transactions: 4,
      sender: { type: 'SO', id: '000000052', name: 'PRS FOR MUSIC', submitter: '052' },
    });
    expect(s.counts).toMatchObject({ ACK: 4, MSG: 3, NWR: 3, SPU: 3, SWR: 3, GRH: 1, GRT: 1, TRL: 1 });
    // The faults of the echoed, rejected transaction are reported, not held against the file.
    expect(s.warnings.map((f) => [f.line, f.code])).toEqual([
      [s.txs[3]!.transaction.records.find((r) => r.type === 'SWR')!.line, 'CWR_REQUIRED_FIELD'],
    ]);
  });
});

describe('an ASCAP-style file', () => {
  it('reads a 16-character GRH, the 11-digit IPNN in HDR 4-14 and ASCII as character set', async () => {
    const ipnn = ipiNameNumberFromNumber(123456789);
    const lines = sampleLines('2.1', 2);
    lines[0] = put(put(lines[0]!, 4, ipnn), 87, 'ASCII'.padEnd(15));
    lines[1] = 'GRHNWR0000102.10';
    expect(lines[1]).toHaveLength(16);
    const s = await check(rawBytes(lines));
    expect(s.errors).toEqual([]);
    expect(s.warnings).toEqual([]);
    expect(s).toMatchObject({ ok: true, version: '2.1', transactions: 2 });
    expect(s.sender).toMatchObject({ type: 'PB', id: ipnn, submitter: ipnn });
  });
});

describe('DMP-style files', () => {
  it('2.1 and 2.2 with GRT carrying the unused currency and value fields (37 characters)', async () => {
    for (const version of ['2.1', '2.2'] as const) {
      const lines = sampleLines(version, 2);
      const grt = lines.findIndex((l) => l.startsWith('GRT'));
      lines[grt] = `${lines[grt]!}   0000000000`;
      expect(lines[grt]).toHaveLength(37);
      if (version === '2.2') lines[0] = put(put(lines[0]!, 105, '002'), 108, 'DMP'.padEnd(30) + '24.1');
      // DMP writes no line end after TRL.
      const bytes = new Uint8Array(Buffer.from(lines.join('\r\n'), 'latin1'));
      const s = await check(bytes);
      expect(s.errors).toEqual([]);
      expect(s.warnings).toEqual([]);
      expect(s).toMatchObject({ ok: true, version, transactions: 2 });
      expect(s.counts['GRT']).toBe(1);
    }
  });

  it('3.0 .SUB with GRHWRK0000103.000000000000, SPT territory at 48, and an ISR group', async () => {
    const lines = sampleLines('3.0', 1);
    expect(lines[1]).toBe('GRHWRK0000103.000000000000');
    const spt = lines.find((l) => l.startsWith('SPT'))!;
    expect(spt.slice(47, 51)).toBe('2136');
    const isr = [
      'GRHISR0000203.000000000000',
      rec(108, [
        [1, prefix('ISR', 0, 0)],
        [20, 'LA MER BLEUE 1'],
        [80, 'FR'],
        [82, 'SW000001'],
        [107, ' '],
      ]),
      rec(116, [
        [1, prefix('WRI', 0, 1)],
        [20, 'W001'],
        [29, ipiNameNumberFromNumber(2616613)],
        [40, 'DURAND'],
        [85, 'MARIE'],
        [115, 'CA'],
      ]),
    ];
    isr.push(`GRT00002${n8(1)}${n8(isr.length + 1)}`);
    const trl = lines.length - 1;
    const file = [...lines.slice(0, trl), ...isr, `TRL00002${n8(2)}${n8(lines.length + isr.length)}`];
    const s = await check(rawBytes(file), 'CW220002DMP_0000_V3-0-0.SUB');
    expect(s.errors).toEqual([]);
    expect(s.warnings).toEqual([]);
    expect(s).toMatchObject({ ok: true, version: '3.0', transactions: 2 });
    expect(s.counts).toMatchObject({ WRK: 1, ISR: 1, WRI: 1 });
    expect(s.txs[1]!.transaction.records[1]!.fields).toMatchObject({ lastName: 'DURAND', designation: 'CA' });
    expect(s.txs[0]!.registration?.publishers[0]?.collection[0]?.territories).toEqual([
      { include: true, tis: '2136' },
    ]);
  });

  it('3.1 with 11-character IP numbers, with or without 03.10 in GRH', async () => {
    for (const grh of ['GRHWRK0000103.100000000000', 'GRHWRK000010000000000']) {
      const lines = sampleLines('3.1', 2);
      lines[1] = grh;
      const s = await check(rawBytes(lines));
      expect(s.errors).toEqual([]);
      expect(s.warnings).toEqual([]);
      expect(s).toMatchObject({ ok: true, version: '3.1', transactions: 2 });
      expect(s.txs[0]!.registration?.writers[0]?.ipNumber).toBe('W001');
    }
  });
});

describe("files written the way DMP's 3.0/3.1 writer lays records out", () => {
  const PUB = ipiNameNumberFromNumber(2501650);
  const W1 = ipiNameNumberFromNumber(2616613);
  const W2 = ipiNameNumberFromNumber(3141592);
  const sp = (n: number) => ' '.repeat(n);
  /** One WRK transaction: 9-character IP #s, SPU and OWR with a Tax ID, SWR without (as DMP writes them). */
  function dmpWork(version: '3.0' | '3.1', tx: number): string[] {
    let r = 0;
    const p = (type: string) => prefix(type, tx, r++);
    const lines = [
      `${p('WRK')}${'DANS LE NOIR'.padEnd(60)}  ${`DMP${tx}`.padEnd(14)}${sp(11)}00000000${sp(12)}UNC000300Y${sp(6)}ORIN00000000000${sp(51)}N`,
      `${p('SPU')}01${'P1'.padEnd(9)}${'EDITIONS DMP'.padEnd(45)}NE 000000000${PUB}${sp(13)} `,
      `${p('SPT')}001${'P1'.padEnd(9)}050001000010000I2136058 058 058 ${sp(32)}0000`,
      `${p('SWR')}${'W1'.padEnd(9)}${'KOLARIC'.padEnd(45)}${'MATIJA'.padEnd(30)}NCA${W1}${sp(13)} N  `,
      `${p('SWT')}001${'W1'.padEnd(9)}025000000000000I2136058 058 058 ${sp(32)}0000`,
      `${p('PWR')}01${'P1'.padEnd(9)}${'W1'.padEnd(9)}${sp(14)}058 ${sp(14)}  `,
      ...(version === '3.1' ? [`${p('MAN')}${'W1'.padEnd(9)}050000500005000`] : []),
      `${p('OWR')}${'W2'.padEnd(9)}${'DOE'.padEnd(45)}${'JANE'.padEnd(30)}NC 000000000${W2}${sp(13)} N  `,
      ...(version === '3.1' ? [`${p('MAN')}${'W2'.padEnd(9)}050000500005000`] : []),
      `${p('ALT')}${'IN THE DARK'.padEnd(60)}AT  `,
    ];
    return lines;
  }
  function dmpFile(version: '3.0' | '3.1'): string[] {
    const hdr = `HDRPB${'DMP'.padEnd(4)}${'DJANGO MUSIC PUBLISHER'.padEnd(45)}${sp(11)}20220301101010${'20220301'}${sp(15)}${version}000${'DMP'.padEnd(30)}${'22.1'.padEnd(30)}${`CW220001DMP_0000_V${version.replace('.', '-')}-0.SUB`.padEnd(27)}`;
    const group = [
      `GRHWRK00001${version === '3.0' ? '03.00' : '03.10'}0000000000`,
      ...dmpWork(version, 0),
      ...dmpWork(version, 1),
    ];
    return [hdr, ...group, ...trailers(group, 2, group.length + 3)];
  }

  for (const version of ['3.0', '3.1'] as const) {
    it(`reads ${version} with 9-character IP #s and Tax IDs in SPU and OWR but not SWR`, async () => {
      const s = await check(rawBytes(dmpFile(version)));
      expect(s.errors).toEqual([]);
      expect(s.warnings).toEqual([]);
      expect(s).toMatchObject({ ok: true, version, transactions: 2 });
      const reg = s.txs[1]!.registration!;
      expect(reg.publishers[0]).toMatchObject({ ipNumber: 'P1', ipiNameNumber: PUB, prSociety: '058' });
      expect(reg.publishers[0]!.collection[0]!.shares).toEqual({
        performing: 5000,
        mechanical: 10000,
        sync: 10000,
      });
      expect(reg.writers.map((w) => [w.ipNumber, w.ipiNameNumber, w.role, w.controlled])).toEqual([
        ['W1', W1, 'CA', true],
        ['W2', W2, 'C', false],
      ]);
      expect(reg.writers[0]!.publisherChain).toBe(1);
      if (version === '3.1') expect(reg.writers[0]!.ownership.performing).toBe(5000);
    });
  }
});

describe('agreements (AGR with TER and IPA)', () => {
  function agrFile(acquirerPr: string): string[] {
    const ipa = (record: number, role: string, pr: string, mr: string) =>
      rec(153, [
        [1, prefix('IPA', 0, record)],
        [20, role],
        [22, ipiNameNumberFromNumber(2501650 + record)],
        [46, `P00${record}`],
        [55, `PUBLISHER ${record}`],
        [130, '058'],
        [133, pr],
        [138, '058'],
        [141, mr],
      ]);
    const group = [
      'GRHAGR0000102.100000000000  ',
      rec(121, [
        [1, prefix('AGR', 0, 0)],
        [20, 'AG-2024-001'],
        [48, 'OS'],
        [50, '20240101'],
        [58, '00000000'],
        [66, '00000000'],
        [74, 'N'],
        [75, '00000000'],
        [83, 'N'],
        [84, '00000000'],
        [92, '20231215'],
        [100, '00001'],
        [105, 'S'],
        [106, 'N'],
        [107, 'N'],
      ]),
      rec(24, [
        [1, prefix('TER', 0, 1)],
        [20, 'I2136'],
      ]),
      ipa(2, 'AS', '05000', '05000'),
      ipa(3, 'AC', acquirerPr, '04996'),
    ];
    const head = sampleLines('2.1', 1)[0]!;
    return [head, ...group, ...trailers(group, 1, group.length + 3)];
  }

  it('accepts IPA shares adding up to 100 % per right within the tolerance', async () => {
    const s = await check(rawBytes(agrFile('04996')));
    expect(s.errors).toEqual([]);
    expect(s.warnings).toEqual([]);
    expect(s).toMatchObject({ ok: true, transactions: 1 });
    expect(s.counts).toMatchObject({ AGR: 1, TER: 1, IPA: 2 });
  });

  it('rejects the agreement whose IPA shares pass 100 % for a right', async () => {
    const s = await check(rawBytes(agrFile('06000')));
    expect(s.ok).toBe(false);
    expect(s.rejectedTransactions).toBe(1);
    expect(s.errors.map((f) => [f.code, f.field])).toEqual([['CWR_SHARE_TOTAL', 'prShare']]);
  });
});

describe('records a writer may not know the rank of', () => {
  it('accepts NOW after NET, NVT or NCT', async () => {
    const lines = sampleLines('2.2', 1);
    const rec0 = lines.findIndex((l) => l.startsWith('REC'));
    const net = rec(662, [
      [1, prefix('NET', 0, 0)],
      [20, 'TITRE'],
      [660, 'FR'],
    ]);
    const now = rec(342, [
      [1, prefix('NOW', 0, 0)],
      [20, 'DURAND'],
      [180, 'MARIE'],
      [340, 'FR'],
      [342, '1'],
    ]);
    const work = [...lines.slice(2, rec0 - 1), net, now, ...lines.slice(rec0 - 1, -2)];
    const group = [lines[1]!, ...renumber(work, 0, 0)];
    const file = [lines[0]!, ...group, ...trailers(group, 1, group.length + 3)];
    const s = await check(rawBytes(file));
    expect(s.errors).toEqual([]);
    expect(s.warnings).toEqual([]);
  });
});
