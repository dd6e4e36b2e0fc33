import type {
  CollectionShare,
  OwnershipShares,
  PublisherInWork,
  WorkRegistration,
  WriterInWork,
} from '../../domain/index.js';
import { formatRecord, type FieldValue } from './format-record.js';
import { layoutsFor } from './header.js';
import type { CwrVersion } from './layout.js';

/** Options of `formatCwrLines`. */
export interface FormatCwrOptions {
  readonly version: CwrVersion;
  readonly senderType: 'PB' | 'SO' | 'AA' | 'WR';
  /** IPI name number (up to 11 digits) for PB/AA/WR senders, 3-digit society code for SO. */
  readonly senderId: string;
  readonly senderName: string;
  readonly createdAt: Date;
  /** 2.x only; 3.x always writes WRK. Default NWR. */
  readonly transactionType?: 'NWR' | 'REV';
}

const pad2 = (n: number) => String(n).padStart(2, '0');
/** `YYYYMMDD` and `HHMMSS` of a date, in UTC (files carry no zone). */
export const cwrDate = (d: Date) =>
  `${d.getUTCFullYear()}${pad2(d.getUTCMonth() + 1)}${pad2(d.getUTCDate())}`;
export const cwrTime = (d: Date) =>
  `${pad2(d.getUTCHours())}${pad2(d.getUTCMinutes())}${pad2(d.getUTCSeconds())}`;

/** Seconds as CWR `HHMMSS` (capped at 99:59:59); none is zeros. */
export function formatDuration(seconds: number | undefined): string {
  if (seconds === undefined || seconds <= 0) return '000000';
  const s = Math.min(Math.trunc(seconds), 99 * 3600 + 59 * 60 + 59);
  return `${pad2(Math.trunc(s / 3600))}${pad2(Math.trunc((s % 3600) / 60))}${pad2(s % 60)}`;
}

/** The HDR line of a file tutti writes (also used by the ACK writer). */
export function formatHeader(options: Omit<FormatCwrOptions, 'transactionType'>, fileName = ''): string {
  const { version, senderType, senderId, senderName, createdAt } = options;
  const layout = layoutsFor(version).get('HDR')!;
  const common = {
    senderName,
    creationDate: cwrDate(createdAt),
    creationTime: cwrTime(createdAt),
    transmissionDate: cwrDate(createdAt),
  };
  if (version === '3.0' || version === '3.1') {
    const long = senderType !== 'SO' && senderId.length > 4;
    return formatRecord(layout, {
      ...common,
      senderType,
      senderId: long ? '' : senderId,
      senderIpiNameNumber: long ? senderId.padStart(11, '0') : '',
      version,
      revision: 0,
      softwarePackage: 'tutti',
      softwareVersion: '',
      filename: fileName,
    });
  }
  let line = formatRecord(layout, {
    ...common,
    senderType,
    senderId: senderType === 'SO' ? senderId : senderId.slice(-9),
    ediVersion: '01.10',
    ...(version === '2.2'
      ? { version: '2.2', revision: 2, softwarePackage: 'tutti', softwareVersion: '' }
      : {}),
  });
  const ipi = senderId.padStart(11, '0');
  if (senderType !== 'SO' && /^\d{11}$/.test(ipi) && !ipi.startsWith('00')) {
    // 11-digit IPNN work-around (S-CWR21 Rev 8): positions 4-14 carry the whole IPI name number.
    line = `HDR${ipi}${line.slice(14)}`;
  }
  return line;
}

function territoryRecords(
  ipNumber: string,
  collection: readonly CollectionShare[],
  extra: Record<string, FieldValue>,
): Record<string, FieldValue>[] {
  const out: Record<string, FieldValue>[] = [];
  for (const c of collection) {
    for (const t of c.territories) {
      out.push({
        ...extra,
        ipNumber,
        prShare: c.shares.performing,
        mrShare: c.shares.mechanical,
        srShare: c.shares.sync,
        inclusionExclusion: t.include ? 'I' : 'E',
        tis: t.tis,
        sharesChange: 'N',
        sequence: out.length + 1,
      });
    }
  }
  return out;
}

const ownershipFields = (o: OwnershipShares) => ({
  prShare: o.performing,
  mrShare: o.mechanical,
  srShare: o.sync,
});

/** The records (type + values) of one work, in the order of transaction edit 43. */
function workRecords(
  reg: WorkRegistration,
  version: CwrVersion,
  txType: string,
): [string, Record<string, FieldValue>][] {
  const v3 = version === '3.0' || version === '3.1';
  const out: [string, Record<string, FieldValue>][] = [];
  const isMod = reg.versionType === 'MOD';
  out.push([
    txType,
    {
      title: reg.title,
      language: reg.language,
      submitterWorkId: reg.submitterWorkId,
      iswc: reg.iswc,
      distributionCategory: reg.distributionCategory,
      duration: formatDuration(reg.durationS),
      recordedIndicator: reg.recordings.length > 0 ? 'Y' : 'U',
      versionType: reg.versionType,
      musicArrangement: isMod ? 'UNS' : '',
      lyricAdaptation: isMod ? 'UNS' : '',
      grandRights: 'N',
      exceptionalClause: v3 ? 'N' : '',
      priorityFlag: 'N',
    },
  ]);
  const societies = (p: PublisherInWork | WriterInWork) => ({
    prSociety: p.prSociety,
    mrSociety: p.mrSociety,
    srSociety: p.srSociety,
  });
  for (const p of reg.publishers) {
    const type = p.controlled ? 'SPU' : 'OPU';
    out.push([
      type,
      {
        publisherSequence: p.chain,
        ipNumber: p.ipNumber,
        name: p.name,
        unknownIndicator: !p.controlled && p.name === '' ? 'Y' : v3 ? 'N' : '',
        publisherType: p.role,
        ipiNameNumber: p.ipiNameNumber,
        ipiBaseNumber: p.ipiBaseNumber,
        ...(v3
          ? {}
          : { ...societies(p), ...ownershipFields(p.ownership), societyAgreementNumber: p.agreementNumber }),
      },
    ]);
    const tType = p.controlled ? 'SPT' : 'OPT';
    const extra = v3 ? { ...societies(p), societyAgreementNumber: p.agreementNumber } : {};
    for (const r of territoryRecords(p.ipNumber, p.collection, extra)) out.push([tType, r]);
  }
  for (const w of reg.writers) {
    const type = w.controlled ? 'SWR' : 'OWR';
    out.push([
      type,
      {
        ipNumber: w.ipNumber,
        lastName: w.lastName,
        firstName: w.firstName,
        designation: w.role,
        ipiNameNumber: w.ipiNameNumber,
        ipiBaseNumber: w.ipiBaseNumber,
        ...(v3 ? {} : { ...societies(w), ...ownershipFields(w.ownership) }),
      },
    ]);
    const tType = w.controlled ? 'SWT' : 'OWT';
    for (const r of territoryRecords(w.ipNumber, w.collection, v3 ? societies(w) : {})) out.push([tType, r]);
    if (w.publisherChain !== undefined) {
      const pub = reg.publishers.find((p) => p.chain === w.publisherChain);
      if (pub) {
        out.push([
          'PWR',
          {
            publisherIpNumber: pub.ipNumber,
            publisherName: pub.name,
            writerIpNumber: w.ipNumber,
            publisherSequence: w.publisherChain,
            societyAgreementNumber: pub.agreementNumber,
          },
        ]);
      }
    }
    if (version === '3.1') out.push(['MAN', { writerIpNumber: w.ipNumber, ...ownershipFields(w.ownership) }]);
  }
  for (const t of reg.alternateTitles)
    out.push(['ALT', { title: t.title, titleType: t.titleType, language: t.language }]);
  for (const name of reg.performers) out.push(['PER', { lastName: name }]);
  for (const r of reg.recordings) {
    out.push([
      'REC',
      {
        releaseDate: r.releaseDate ? r.releaseDate.replaceAll('-', '') : '',
        releaseDuration: formatDuration(r.durationS),
        ean: r.ean,
        isrc: r.isrc,
        recordingTitle: r.title,
        versionTitle: r.versionTitle,
        displayArtist: r.displayArtist,
        ...(version === '2.1' ? { albumLabel: r.label } : { recordLabel: r.label }),
        recordingFormat: 'A',
        recordingTechnique: 'U',
      },
    ]);
  }
  if (version !== '2.1') {
    for (const x of reg.societyWorkIds ?? [])
      out.push([
        'XRF',
        { organisationCode: x.society, identifier: x.workId, identifierType: 'W', validity: 'Y' },
      ]);
  }
  return out;
}

/**
 * Writes registrations as a CWR file of the given version: HDR, one group (NWR or REV in 2.x, WRK in
 * 3.x), GRT and TRL with exact counts. Yields lines without terminators (join them with CRLF).
 * Inverse of the reader: `toRegistration` of each transaction gives the registration back (3.x: publishers
 * own nothing explicitly and societies travel on territory records, see `toRegistration`).
 * @example [...formatCwrLines([work], { version: '2.2', senderType: 'PB', senderId: '00261661375', senderName: 'EDITIONS X', createdAt })].join('\r\n')
 */
export function* formatCwrLines(
  registrations: Iterable<WorkRegistration>,
  options: FormatCwrOptions,
): Generator<string> {
  const { version } = options;
  const v3 = version === '3.0' || version === '3.1';
  const layouts = layoutsFor(version);
  const txType = v3 ? 'WRK' : (options.transactionType ?? 'NWR');
  yield formatHeader(options);
  const grhVersion = { '2.1': '02.10', '2.2': '02.20', '3.0': '03.00', '3.1': '03.10' }[version];
  yield formatRecord(layouts.get('GRH')!, {
    transactionType: txType,
    groupId: 1,
    versionNumber: grhVersion,
    batchRequest: 0,
  });
  let transactions = 0;
  let records = 1;
  for (const reg of registrations) {
    let recordSequence = 0;
    for (const [type, values] of workRecords(reg, version, txType)) {
      yield formatRecord(layouts.get(type)!, {
        ...values,
        transactionSequence: transactions,
        recordSequence: recordSequence++,
      });
      records++;
    }
    transactions++;
  }
  records++;
  yield formatRecord(layouts.get('GRT')!, {
    groupId: 1,
    transactionCount: transactions,
    recordCount: records,
  });
  yield formatRecord(layouts.get('TRL')!, {
    groupCount: 1,
    transactionCount: transactions,
    recordCount: records + 2,
  });
}

/** Parts of a CWR file name (standards.md §3.2). */
export interface CwrFileNameParts {
  readonly version: CwrVersion;
  readonly createdAt: Date;
  /** The sender's sequence number for the year (1..9999). */
  readonly sequence: number;
  /** 2-3 character publisher code or 3-digit society code (2.x); 2-4 character transmitter code (3.x). */
  readonly sender: string;
  readonly receiver: string;
  /** 3.x extension: SUB (default), ACK1, ACK2. */
  readonly kind?: 'SUB' | 'ACK1' | 'ACK2';
}

/**
 * The conventional name of a CWR file: `CWyynnnnsss_rrr.V22` (2.x) or `CWyynnnnSUB_REP_V3-1-0.SUB` (3.x).
 * @example cwrFileName({ version: '2.1', createdAt: new Date('2006-01-01'), sequence: 1, sender: 'EMI', receiver: '044' }) // 'CW060001EMI_044.V21'
 */
export function cwrFileName(parts: CwrFileNameParts): string {
  const yy = String(parts.createdAt.getUTCFullYear() % 100).padStart(2, '0');
  const nnnn = String(parts.sequence).padStart(4, '0');
  if (parts.version === '3.0' || parts.version === '3.1') {
    return `CW${yy}${nnnn}${parts.sender}_${parts.receiver}_V${parts.version.replace('.', '-')}-0.${parts.kind ?? 'SUB'}`;
  }
  return `CW${yy}${nnnn}${parts.sender}_${parts.receiver}.V${parts.version.replace('.', '')}`;
}
