import type { CwrVersion, RecordLayout } from './layout.js';
import { LAYOUTS_V21, LAYOUTS_V22 } from './layouts-v2.js';
import { LAYOUTS_V30, LAYOUTS_V31 } from './layouts-v3.js';

/** What the HDR says about the file, normalised. */
export interface CwrHeader {
  readonly version: CwrVersion;
  /** PB, SO, AA, WR (3.x also OO). `PB` when the HDR uses the 11-digit IPNN work-around. */
  readonly senderType: string;
  /** The sender as written: 9-digit CWR IPI # or society code (2.x), transmitter code (3.x). */
  readonly senderId: string;
  readonly senderName: string;
  /** The sender's 11-digit IPI name number, when known. */
  readonly senderIpiNameNumber?: string;
  /**
   * Who submitted the works, as tutti keys them: the 3-digit society code for SO senders, else the
   * 11-digit IPI name number (zero-padded), else the sender code as written.
   */
  readonly submitter: string;
  /** `YYYYMMDD` and `HHMMSS` as written. */
  readonly creationDate: string;
  readonly creationTime: string;
  readonly characterSet: string;
}

/** The layouts of a version. */
export function layoutsFor(version: CwrVersion): ReadonlyMap<string, RecordLayout> {
  switch (version) {
    case '2.1':
      return LAYOUTS_V21;
    case '2.2':
      return LAYOUTS_V22;
    case '3.0':
      return LAYOUTS_V30;
    case '3.1':
      return LAYOUTS_V31;
  }
}

const GRH_VERSIONS: Readonly<Record<string, CwrVersion>> = {
  '02.10': '2.1',
  '02.20': '2.2',
  '03.00': '3.0',
  '03.10': '3.1',
};

/** The version a GRH line announces (`02.10`...), or undefined when blank or unknown. */
export function grhVersion(grh: string): CwrVersion | undefined {
  return GRH_VERSIONS[grh.slice(11, 16)];
}

/**
 * Detects the version from the HDR line, the first GRH line and the file name, in that order of trust
 * (standards.md §3.4): `3.0`/`3.1` at position 103, `2.2`/`2.1` at 102, then the GRH version field,
 * then a `.V21`/`.V22` extension; a 2.x HDR with nothing else is 2.1. Returns a reason when the
 * HDR names a version tutti does not know.
 */
export function detectVersion(
  hdr: string,
  grh: string | undefined,
  fileName?: string,
): { version: CwrVersion } | { reason: string } {
  const v3 = hdr.slice(102, 105);
  if (v3 === '3.0' || v3 === '3.1') return { version: v3 };
  const v2 = hdr.slice(101, 104).trim();
  if (v2 === '2.2' || v2 === '2.1') return { version: v2 };
  const fromGrh = grh === undefined ? undefined : grhVersion(grh);
  if (v2 !== '' && /^\d\.\d$/.test(v2) && !/^\d\.\d$/.test(v3))
    return { reason: `HDR announces CWR version "${v2}", which tutti does not read (2.1, 2.2, 3.0, 3.1)` };
  if (/^[3-9]\.\d$/.test(v3))
    return { reason: `HDR announces CWR version "${v3}", which tutti does not read (2.1, 2.2, 3.0, 3.1)` };
  if (fromGrh !== undefined) return { version: fromGrh };
  if (grh !== undefined && /^\d\d\.\d\d$/.test(grh.slice(11, 16)) && grh.slice(11, 16) !== '00000') {
    return { reason: `GRH announces transaction version "${grh.slice(11, 16)}", which tutti does not read` };
  }
  const ext = /\.V(2[12])$/i.exec(fileName ?? '');
  if (ext) return { version: ext[1] === '22' ? '2.2' : '2.1' };
  return { version: '2.1' };
}

const pad11 = (digits: string) => digits.padStart(11, '0');
const isDigits = (s: string) => /^\d+$/.test(s);

/** Reads the HDR fields of a version into a `CwrHeader` (applying the 11-digit IPNN work-around of 2.1 Rev 8). */
export function parseHeader(hdr: string, version: CwrVersion): CwrHeader {
  const f = (start: number, length: number) => hdr.slice(start - 1, start - 1 + length).trim();
  if (version === '3.0' || version === '3.1') {
    const senderType = f(4, 2).toUpperCase();
    const senderId = f(6, 4);
    const ipi = f(55, 11);
    const submitter =
      senderType === 'SO' && isDigits(senderId)
        ? String(Number(senderId)).padStart(3, '0')
        : isDigits(ipi) && Number(ipi) > 0
          ? pad11(ipi)
          : senderId;
    return {
      version,
      senderType,
      senderId,
      senderName: f(10, 45),
      submitter,
      creationDate: f(66, 8),
      creationTime: f(74, 6),
      characterSet: f(88, 15),
      ...(isDigits(ipi) && Number(ipi) > 0 ? { senderIpiNameNumber: pad11(ipi) } : {}),
    };
  }
  const typeField = hdr.slice(3, 5);
  const common = {
    version,
    senderName: f(15, 45),
    creationDate: f(65, 8),
    creationTime: f(73, 6),
    characterSet: f(87, 15),
  };
  if (/^\d\d$/.test(typeField)) {
    // 2.1 Rev 8 / 2.2 Rev 2: positions 4-14 carry the whole 11-digit IPI name number of a publisher.
    const ipi = hdr.slice(3, 14);
    return { ...common, senderType: 'PB', senderId: ipi, senderIpiNameNumber: ipi, submitter: ipi };
  }
  const senderType = typeField.trim().toUpperCase();
  const senderId = f(6, 9);
  if (senderType === 'SO') {
    return {
      ...common,
      senderType,
      senderId,
      submitter: isDigits(senderId) ? String(Number(senderId)).padStart(3, '0') : senderId,
    };
  }
  if (isDigits(senderId))
    return {
      ...common,
      senderType,
      senderId,
      senderIpiNameNumber: pad11(senderId),
      submitter: pad11(senderId),
    };
  return { ...common, senderType, senderId, submitter: senderId };
}
