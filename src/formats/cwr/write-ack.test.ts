import { describe, expect, it } from 'vitest';
import { fileBytes, put, sampleLines, streamOf } from './fixtures.test-support.js';
import type { CwrHeader } from './header.js';
import { validateCwr } from './validate-cwr.js';
import type { ValidatedTransaction } from './validate-transaction.js';
import { createAckWriter } from './write-ack.js';

const society = {
  senderType: 'SO' as const,
  senderId: '058',
  senderName: 'SACEM',
  createdAt: new Date('2026-03-05T09:00:00Z'),
};

async function ackOf(lines: string[]): Promise<string[]> {
  let header: CwrHeader | undefined;
  const txs: ValidatedTransaction[] = [];
  const summary = await validateCwr(
    streamOf(fileBytes(lines)),
    {},
    { onHeader: (h) => void (header = h), onTransaction: (t) => void txs.push(t) },
  );
  const writer = createAckWriter(summary.version ?? '2.1', header, society);
  const out = writer.start();
  for (const t of txs) out.push(...writer.transaction(t));
  if (summary.rejected) out.push(...writer.fileRejected(summary.errors[0]!));
  out.push(...writer.end());
  return out;
}

describe('createAckWriter', () => {
  for (const version of ['2.1', '2.2', '3.1'] as const) {
    it(`answers a ${version} file with a valid ${version} ACK file whose counts are right`, async () => {
      const lines = sampleLines(version, 2);
      const swr = lines.findIndex((l) => l.startsWith('SWR'));
      lines[swr] = put(
        lines[swr]!,
        version.startsWith('3') ? 20 : 130,
        version.startsWith('3') ? ' '.repeat(11) : '09000',
      );
      const ack = await ackOf(lines);
      const s = await validateCwr(streamOf(fileBytes(ack)), {});
      expect(s).toMatchObject({
        ok: true,
        version,
        transactions: 2,
        sender: { type: 'SO', submitter: '058' },
      });
      expect(s.warnings).toEqual([]);
      expect(s.counts['ACK']).toBe(2);
      expect(ack[1]!.slice(3, 6)).toBe('ACK');
    });
  }

  it('says AS for a clean transaction, AC with warnings, RJ with errors, with one MSG per finding and no echo when rejected', async () => {
    const lines = sampleLines('2.2', 3);
    const nwr = lines
      .map((l, i) => [l, i] as const)
      .filter(([l]) => l.startsWith('NWR'))
      .map(([, i]) => i);
    lines[nwr[1]!] = put(lines[nwr[1]!]!, 127, 'XYZ'); // warning: unknown category
    const swr = lines.findIndex((l, i) => i > nwr[2]! && l.startsWith('SWR'));
    lines[swr] = put(lines[swr]!, 130, '09000'); // error: PR over 100 %
    const ack = await ackOf(lines);
    const acks = ack.filter((l) => l.startsWith('ACK'));
    expect(acks.map((l) => l.slice(157, 159))).toEqual(['AS', 'AC', 'RJ']);
    expect(acks[0]!.slice(46, 49)).toBe('NWR');
    expect(acks[0]!.slice(109, 129).trim()).toBe('SW000001');
    const msgs = ack.filter((l) => l.startsWith('MSG'));
    expect(msgs.map((l) => [l.slice(19, 20), l.slice(28, 31), l.slice(35, 51)])).toEqual([
      ['F', 'NWR', 'CWR_INVALID_CODE'],
      ['T', 'NWR', 'CWR_SHARE_TOTAL '],
    ]);
    expect(ack.filter((l) => l.startsWith('NWR'))).toHaveLength(2);
    // The echoed NWR continues the ACK's numbering.
    const echoed = ack.find((l) => l.startsWith('NWR'))!;
    expect(echoed.slice(3, 19)).toBe('0000000000000001');
  });

  it('answers a file refused whole with one RJ for its HDR', async () => {
    const ack = await ackOf(sampleLines('2.2').slice(1));
    const acks = ack.filter((l) => l.startsWith('ACK'));
    expect(acks).toHaveLength(1);
    expect(acks[0]!.slice(46, 49)).toBe('HDR');
    expect(acks[0]!.slice(157, 159)).toBe('RJ');
    expect(ack.some((l) => l.startsWith('MSG') && l.includes('CWR_NO_HDR'))).toBe(true);
  });
});
