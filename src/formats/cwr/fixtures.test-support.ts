import {
  ipiNameNumberFromNumber,
  iswcFromNumber,
  type OwnershipShares,
  type WorkRegistration,
} from '../../domain/index.js';
import { Readable } from 'node:stream';
import type { CwrVersion } from './layout.js';
import { formatCwrLines } from './write-cwr.js';

// Test fixtures written from the specification (standards.md §3), never copied from sample files.

const own = (performing: number, mechanical: number, sync = mechanical) =>
  ({ performing, mechanical, sync }) as OwnershipShares;

/** A clean registration: one controlled publisher chain (E) with a French sub-publisher, two writers, one recording. */
export function sampleWork(n = 1, overrides: Partial<WorkRegistration> = {}): WorkRegistration {
  return {
    submitterWorkId: `SW${String(n).padStart(6, '0')}`,
    title: `LA MER BLEUE ${n}`,
    iswc: iswcFromNumber(100000 + n),
    alternateTitles: [{ title: `THE BLUE SEA ${n}`, titleType: 'AT', language: 'EN' }],
    language: 'FR',
    durationS: 215,
    versionType: 'ORI',
    distributionCategory: 'POP',
    publishers: [
      {
        chain: 1,
        ipNumber: 'P001',
        name: 'EDITIONS DU LARGE',
        ipiNameNumber: ipiNameNumberFromNumber(2501650),
        role: 'E',
        controlled: true,
        prSociety: '058',
        mrSociety: '058',
        ownership: own(5000, 10000, 10000),
        collection: [{ territories: [{ include: true, tis: '2136' }], shares: own(5000, 10000, 10000) }],
      },
    ],
    writers: [
      {
        ipNumber: 'W001',
        lastName: 'DURAND',
        firstName: 'MARIE',
        ipiNameNumber: ipiNameNumberFromNumber(2616613),
        role: 'CA',
        controlled: true,
        prSociety: '058',
        ownership: own(2500, 0, 0),
        collection: [{ territories: [{ include: true, tis: '2136' }], shares: own(2500, 0, 0) }],
        publisherChain: 1,
      },
      {
        ipNumber: 'W002',
        lastName: 'SMITH',
        firstName: 'JOHN',
        role: 'C',
        controlled: false,
        prSociety: '052',
        ownership: own(2500, 0, 0),
        collection: [],
      },
    ],
    performers: ['MARIE DURAND'],
    recordings: [
      {
        isrc: `FRZ03240${String(n).padStart(4, '0')}`,
        title: `LA MER BLEUE ${n}`,
        displayArtist: 'MARIE DURAND',
        durationS: 215,
        releaseDate: '2024-05-01',
        label: 'LARGE',
      },
    ],
    ...overrides,
  };
}

/** The lines of a CWR file with `count` sample works (publisher sender, IPI 00250165006). */
export function sampleLines(
  version: CwrVersion = '2.2',
  count = 2,
  transactionType: 'NWR' | 'REV' = 'NWR',
): string[] {
  const works = Array.from({ length: count }, (_, i) => sampleWork(i + 1));
  return [
    ...formatCwrLines(works, {
      version,
      senderType: 'PB',
      senderId: ipiNameNumberFromNumber(2501650),
      senderName: 'EDITIONS DU LARGE',
      createdAt: new Date('2026-03-01T10:20:30Z'),
      transactionType,
    }),
  ];
}

/** Bytes of a file from lines (CRLF by default). */
export function fileBytes(lines: readonly string[], eol = '\r\n'): Uint8Array {
  return new TextEncoder().encode(lines.join(eol) + eol);
}

/** The bytes as a stream of `chunk`-byte pieces (lines cut across chunks on purpose). */
export function streamOf(bytes: Uint8Array, chunk = 4096): AsyncIterable<Uint8Array> {
  const pieces: Uint8Array[] = [];
  for (let i = 0; i < bytes.length; i += chunk) pieces.push(bytes.subarray(i, i + chunk));
  return Readable.from(pieces) as AsyncIterable<Uint8Array>;
}

/** Replaces `text` at 1-based position `start` of a line. */
export function put(line: string, start: number, text: string): string {
  return (
    line.padEnd(start - 1 + text.length, ' ').slice(0, start - 1) + text + line.slice(start - 1 + text.length)
  );
}
