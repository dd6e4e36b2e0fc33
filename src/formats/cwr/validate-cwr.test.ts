import { describe, expect, it } from 'vitest';
import { fileBytes, put, sampleLines, streamOf } from './fixtures.test-support.js';
import { validateCwr, type CwrFileSummary } from './validate-cwr.js';
import type { ValidatedTransaction } from './validate-transaction.js';

async function check(
  lines: readonly string[] | Uint8Array,
  fileName?: string,
): Promise<CwrFileSummary & { txs: ValidatedTransaction[] }> {
  const bytes = lines instanceof Uint8Array ? lines : fileBytes(lines);
  const txs: ValidatedTransaction[] = [];
  const summary = await validateCwr(streamOf(bytes, 97), fileName ? { fileName } : {}, {
    onTransaction: (t) => void txs.push(t),
  });
  return { ...summary, txs };
}
const codes = (s: CwrFileSummary) => [...s.errors, ...s.warnings].map((f) => f.code);
const lineOf = (lines: string[], type: string, nth = 0) =>
  lines.map((l, i) => [l, i] as const).filter(([l]) => l.startsWith(type))[nth]![1];

describe('validateCwr on clean files', () => {
  for (const version of ['2.1', '2.2', '3.0', '3.1'] as const) {
    it(`finds nothing to say about a file tutti wrote in ${version}`, async () => {
      const s = await check(sampleLines(version));
      expect(s.errors).toEqual([]);
      expect(s.warnings).toEqual([]);
      expect(s).toMatchObject({
        ok: true,
        version,
        transactions: 2,
        sender: { type: 'PB', submitter: '00250165006' },
      });
      expect(s.counts[version.startsWith('3') ? 'WRK' : 'NWR']).toBe(2);
    });
  }
});

describe('validateCwr tolerates what real files do (standards.md §3.3, §6)', () => {
  it('strips a byte-order mark and reads LF-terminated lines', async () => {
    const body = fileBytes(sampleLines('2.2'), '\n');
    const s = await check(new Uint8Array([0xef, 0xbb, 0xbf, ...body]));
    expect(s.ok).toBe(true);
    expect(s.warnings).toEqual([]);
  });

  it('reads lines with trailing blanks trimmed as if padded', async () => {
    const s = await check(sampleLines('2.2').map((l) => l.trimEnd()));
    expect(s.ok).toBe(true);
    expect(s.txs[0]!.registration?.publishers[0]?.name).toBe('EDITIONS DU LARGE');
  });

  it('decodes a Latin-1 byte inside a UTF-8 file that names ISO-8859-1, and warns once', async () => {
    const lines = sampleLines('2.2');
    lines[0] = put(lines[0]!, 87, 'ISO-8859-1'.padEnd(15));
    const i = lineOf(lines, 'SWR');
    const text = lines.join('\r\n') + '\r\n';
    const bytes = Array.from(new TextEncoder().encode(text));
    const at = new TextEncoder().encode(lines.slice(0, i).join('\r\n') + '\r\n').length + 28; // last name starts at 29
    bytes[at] = 0xd1; // Ñ in Latin-1, not valid UTF-8 here
    const s = await check(new Uint8Array(bytes));
    expect(s.ok).toBe(true);
    expect(codes(s)).toEqual(['CWR_ENCODING']);
    expect(s.txs[0]!.registration?.writers[0]?.lastName).toBe('ÑURAND');
  });

  it('reads the 11-digit IPI name number of the HDR work-around and ASCII as character set', async () => {
    const lines = sampleLines('2.1');
    lines[0] = put(put(lines[0]!, 4, '01234567890'), 87, 'ASCII'.padEnd(15));
    const s = await check(lines);
    expect(s.ok).toBe(true);
    expect(s.sender).toMatchObject({ type: 'PB', submitter: '01234567890' });
  });

  it('reads left-justified and unpadded society codes', async () => {
    const lines = sampleLines('2.2');
    const i = lineOf(lines, 'SWR');
    lines[i] = put(lines[i]!, 127, '58 ');
    const s = await check(lines);
    expect(s.txs[0]!.registration?.writers[0]?.prSociety).toBe('058');
  });

  it('reads a short GRH and a short HDR and tells 2.2 from 2.1 by the GRH version', async () => {
    const lines = sampleLines('2.2');
    lines[0] = lines[0]!.slice(0, 86);
    lines[1] = lines[1]!.slice(0, 16);
    const s = await check(lines);
    expect(s.version).toBe('2.2');
    expect(s.ok).toBe(true);
  });

  it('takes the version from a .V22 file name when HDR and GRH say nothing', async () => {
    const lines = sampleLines('2.2');
    lines[0] = lines[0]!.slice(0, 101);
    lines[1] = lines[1]!.slice(0, 11);
    expect((await check(lines, 'CW260001TUT_058.V22')).version).toBe('2.2');
    expect((await check(lines, 'CW260001TUT_058.V21')).version).toBe('2.1');
  });

  it('warns about wrong trailer counts without rejecting anything', async () => {
    const lines = sampleLines('2.2');
    lines[lines.length - 2] = put(lines[lines.length - 2]!, 9, '00000009');
    lines[lines.length - 1] = put(lines[lines.length - 1]!, 17, '00000001');
    const s = await check(lines);
    expect(s.ok).toBe(true);
    expect(codes(s)).toEqual(['CWR_TRAILER_COUNT', 'CWR_TRAILER_COUNT']);
  });

  it('reads a REV inside an NWR group, warning once', async () => {
    const lines = sampleLines('2.2');
    const i = lineOf(lines, 'NWR', 1);
    lines[i] = `REV${lines[i]!.slice(3)}`;
    const s = await check(lines);
    expect(s.ok).toBe(true);
    expect(codes(s)).toEqual(['CWR_GROUP_TYPE']);
    expect(s.counts['REV']).toBe(1);
  });

  it('ignores blank lines, even between HDR and GRH, and a DOS end-of-file mark', async () => {
    const lines = sampleLines('2.2');
    lines[0] = lines[0]!.slice(0, 90);
    const s = await check([lines[0], '', ...lines.slice(1), '\x1a']);
    expect(s).toMatchObject({ ok: true, version: '2.2' });
    expect(s.warnings).toEqual([]);
  });

  it('reads a society ACK file: ACK, MSG, the echoed NWR and its records', async () => {
    const lines = sampleLines('2.2', 1);
    const ack = [
      put(put(lines[0]!, 4, 'SO000000058'), 15, 'SACEM'.padEnd(45)),
      put(lines[1]!, 4, 'ACK'),
      `ACK0000000000000000${'20260301102030'}00001${'00000000'}NWR${'LA MER BLEUE 1'.padEnd(60)}${'SW000001'.padEnd(20)}${'W123'.padEnd(20)}20260305AS`,
      `MSG0000000000000001F00000001SWRF031${'SOMETHING WAS CHANGED'}`,
      ...lines
        .slice(2, -2)
        .map((l, i) => `${l.slice(0, 3)}00000000${String(i + 2).padStart(8, '0')}${l.slice(19)}`),
    ];
    ack.push(`GRT00001${'00000001'}${String(ack.length).padStart(8, '0')}`);
    ack.push(`TRL00001${'00000001'}${String(ack.length + 1).padStart(8, '0')}`);
    const s = await check(ack.map((l) => l.trimEnd()));
    expect(s).toMatchObject({
      ok: true,
      version: '2.2',
      transactions: 1,
      sender: { type: 'SO', submitter: '058' },
    });
    expect(s.warnings).toEqual([]);
    expect(s.txs[0]!.transaction.type).toBe('ACK');
    expect(s.txs[0]!.registration?.submitterWorkId).toBe('SW000001');
  });

  it('warns when there is no TRL', async () => {
    const s = await check(sampleLines('2.2').slice(0, -2));
    expect(s.ok).toBe(true);
    expect(codes(s)).toEqual(['CWR_MISSING_TRAILER', 'CWR_MISSING_TRAILER']);
  });
});

describe('validateCwr refuses what it cannot understand', () => {
  it('rejects a file whose first record is not HDR', async () => {
    const s = await check(sampleLines('2.2').slice(1));
    expect(s).toMatchObject({ ok: false, rejected: true, version: null, transactions: 0 });
    expect(s.errors.map((e) => e.code)).toEqual(['CWR_NO_HDR']);
  });

  it('rejects a file of an unknown version', async () => {
    const lines = sampleLines('2.2');
    lines[0] = put(lines[0]!, 102, '2.7');
    const s = await check(lines);
    expect(s).toMatchObject({ ok: false, rejected: true });
    expect(s.errors.map((e) => e.code)).toEqual(['CWR_UNKNOWN_VERSION']);
  });

  it('rejects an empty file', async () => {
    const s = await check(new Uint8Array());
    expect(s.errors.map((e) => e.code)).toEqual(['CWR_EMPTY_FILE']);
  });
});

describe('transaction edits', () => {
  const mutate = async (
    type: string,
    start: number,
    text: string,
    version: '2.1' | '2.2' | '3.1' = '2.2',
  ) => {
    const lines = sampleLines(version);
    const i = lineOf(lines, type);
    lines[i] = put(lines[i]!, start, text);
    return check(lines);
  };

  it('rejects only the transaction in error, not the file', async () => {
    const s = await mutate('SWR', 130, '09000');
    expect(s.rejected).toBe(false);
    expect(s.ok).toBe(false);
    expect(s.rejectedTransactions).toBe(1);
    expect(s.txs.map((t) => t.status)).toEqual(['rejected', 'accepted']);
    expect(s.errors[0]).toMatchObject({
      code: 'CWR_SHARE_TOTAL',
      severity: 'error',
      record: 'NWR',
      field: 'prShare',
    });
  });

  it('accepts ownership totals within ±0.06 % and warns below', async () => {
    expect((await mutate('SWR', 130, '02506')).ok).toBe(true);
    const s = await mutate('SWR', 130, '02000');
    expect(s.ok).toBe(true);
    expect(codes(s)).toEqual(['CWR_SHARE_TOTAL']);
  });

  it('rejects collection over 100 % in a territory', async () => {
    const s = await mutate('SWT', 29, '09000');
    expect(codes(s)).toContain('CWR_COLLECTION_TOTAL');
    expect(s.txs[0]!.status).toBe('rejected');
  });

  it('warns about publishers owning more than 50 % of the performing right', async () => {
    const lines = sampleLines('2.2');
    const spu = lineOf(lines, 'SPU');
    const swr = lineOf(lines, 'SWR');
    lines[spu] = put(lines[spu]!, 116, '06000');
    lines[swr] = put(lines[swr]!, 130, '01500');
    const s = await check(lines);
    expect(codes(s)).toEqual(['CWR_PUBLISHER_SHARE']);
  });

  it('drops an ISWC whose check digit is wrong, with a warning', async () => {
    const lines = sampleLines('2.2');
    const i = lineOf(lines, 'NWR');
    const iswc = lines[i]!.slice(95, 106);
    lines[i] = put(lines[i]!, 96, iswc.slice(0, 10) + String((Number(iswc[10]) + 1) % 10));
    const s = await check(lines);
    expect(codes(s)).toEqual(['CWR_BAD_ISWC_CHECK_DIGIT']);
    expect(s.txs[0]!.status).toBe('warnings');
    expect(s.txs[0]!.registration?.iswc).toBeUndefined();
  });

  it('warns about an IPI name number whose check digits are wrong', async () => {
    const s = await mutate('SWR', 116, '00002616699');
    expect(codes(s)).toEqual(['CWR_BAD_IPI_CHECK_DIGIT']);
    expect(s.ok).toBe(true);
  });

  it('keeps an ISRC written in lower case, upper-cased', async () => {
    const lines = sampleLines('2.2');
    const i = lineOf(lines, 'REC');
    lines[i] = put(lines[i]!, 250, 'frz032400077');
    const s = await check(lines);
    expect(s.warnings).toEqual([]);
    expect(s.txs[0]!.registration?.recordings[0]?.isrc).toBe('FRZ032400077');
  });

  it('warns about an ISRC that is not CC XXX YY NNNNN and keeps the recording without it', async () => {
    const s = await mutate('REC', 250, 'FR-Z03-24-00');
    expect(codes(s)).toEqual(['CWR_BAD_ISRC']);
    expect(s.txs[0]!.registration?.recordings[0]?.isrc).toBeUndefined();
  });

  it('rejects a transaction without title or submitter work number', async () => {
    expect(codes(await mutate('NWR', 20, ' '.repeat(60)))).toEqual(['CWR_REQUIRED_FIELD']);
    expect(codes(await mutate('NWR', 82, ' '.repeat(14)))).toEqual(['CWR_REQUIRED_FIELD']);
    expect(codes(await mutate('SPU', 22, ' '.repeat(9)))).toContain('CWR_REQUIRED_FIELD');
  });

  it('rejects a share field that is not a number', async () => {
    const s = await mutate('SPU', 116, '5O00X');
    expect(codes(s)).toContain('CWR_INVALID_NUMBER');
    expect(s.txs[0]!.status).toBe('rejected');
  });

  it('reads an unknown distribution category as UNC with a warning', async () => {
    const s = await mutate('NWR', 127, 'XYZ');
    expect(codes(s)).toEqual(['CWR_INVALID_CODE']);
    expect(s.txs[0]!.registration?.distributionCategory).toBe('UNC');
  });

  it('rejects records out of the order of edit 43', async () => {
    const lines = sampleLines('2.2');
    const alt = lineOf(lines, 'ALT');
    const spu = lineOf(lines, 'SPU');
    const [a] = lines.splice(alt, 1);
    lines.splice(spu, 0, a!);
    const s = await check(lines);
    expect(codes(s)).toContain('CWR_RECORD_ORDER');
    expect(s.txs[0]!.status).toBe('rejected');
  });

  it('ignores an unknown record type with a warning, and rejects a truncated record', async () => {
    const lines = sampleLines('2.2');
    const rec = lineOf(lines, 'REC');
    lines.splice(rec, 0, 'ZZZ0000000000000009 SOMETHING');
    let s = await check(lines);
    expect(codes(s)).toContain('CWR_UNKNOWN_RECORD');
    expect(s.txs[0]!.status).not.toBe('rejected');
    lines[rec] = 'PER000000';
    s = await check(lines);
    expect(codes(s)).toContain('CWR_RECORD_TOO_SHORT');
    expect(s.txs[0]!.status).toBe('rejected');
  });

  it('warns when no writer is a composer or author', async () => {
    const lines = sampleLines('2.2');
    for (const type of ['SWR', 'OWR']) {
      const i = lineOf(lines, type);
      lines[i] = put(lines[i]!, 105, 'AR');
    }
    expect(codes(await check(lines))).toEqual(['CWR_NO_CREATOR']);
  });

  it('warns about broken sequence numbers and a GRH version that disagrees with the HDR', async () => {
    const lines = sampleLines('2.2');
    const i = lineOf(lines, 'NWR', 1);
    lines[i] = put(lines[i]!, 4, '00000005');
    lines[1] = put(lines[1]!, 12, '02.10');
    const s = await check(lines);
    expect(s.ok).toBe(true);
    expect(codes(s)).toEqual(expect.arrayContaining(['CWR_SEQUENCE', 'CWR_VERSION_MISMATCH']));
  });

  it('checks MAN ownership in 3.1', async () => {
    const s = await mutate('MAN', 31, '09000', '3.1');
    expect(codes(s)).toContain('CWR_SHARE_TOTAL');
    expect(s.txs[0]!.status).toBe('rejected');
  });
});
