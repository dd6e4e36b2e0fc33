import { createLayout, PREFIX, type FieldKind, type FieldRow, type RecordLayout } from './layout.js';

// CWR 3.0 / 3.1 record layouts as data (standards.md §3.4 and §3.10, S-CWR31).
// 3.1 widened interested-party numbers from 9 to 11 characters; every later field moves, so the
// layouts are written as field sequences and placed from position 20 for a given IP # width.
// Records whose 3.x positions the reference does not print (PWR, PER, REC, XRF, OWK) follow DMP's
// 3.0 writer with the same widening; see the report of issue 3.

type Seq = readonly (readonly [string, number | 'IP', FieldKind?])[];

function place(type: string, sequence: Seq, ipLength: number): RecordLayout {
  const rows: FieldRow[] = [...PREFIX];
  let at = 20;
  for (const [name, length, kind] of sequence) {
    const len = length === 'IP' ? ipLength : length;
    rows.push(kind === undefined ? [name, at, len] : [name, at, len, kind]);
    at += len;
  }
  return createLayout(type, rows);
}

const WRK: Seq = [
  ['title', 60],
  ['language', 2],
  ['submitterWorkId', 14],
  ['iswc', 11],
  ['copyrightDate', 8, 'N'],
  ['copyrightNumber', 12],
  ['distributionCategory', 3],
  ['duration', 6, 'N'],
  ['recordedIndicator', 1],
  ['textMusicRelationship', 3],
  ['compositeType', 3],
  ['versionType', 3],
  ['excerptType', 3],
  ['musicArrangement', 3],
  ['lyricAdaptation', 3],
  ['grandRights', 1],
  ['compositeCount', 3, 'N'],
  ['printedEditionDate', 8, 'N'],
  ['exceptionalClause', 1],
  ['opusNumber', 25],
  ['catalogueNumber', 25],
  ['priorityFlag', 1],
];
const SPU: Seq = [
  ['publisherSequence', 2, 'N'],
  ['ipNumber', 'IP'],
  ['name', 45],
  ['unknownIndicator', 1],
  ['publisherType', 2],
  ['ipiNameNumber', 11],
  ['ipiBaseNumber', 13],
  ['usaLicense', 1],
];
// 3.0 as DMP writes it (the only 3.0 writer the reference cites): the 2.x Tax ID stays after the role.
const SPU_30: Seq = [
  ['publisherSequence', 2, 'N'],
  ['ipNumber', 'IP'],
  ['name', 45],
  ['unknownIndicator', 1],
  ['publisherType', 2],
  ['taxId', 9],
  ['ipiNameNumber', 11],
  ['ipiBaseNumber', 13],
  ['usaLicense', 1],
];
const SPT: Seq = [
  ['sequence', 3, 'N'],
  ['ipNumber', 'IP'],
  ['prShare', 5, 'N'],
  ['mrShare', 5, 'N'],
  ['srShare', 5, 'N'],
  ['inclusionExclusion', 1],
  ['tis', 4, 'N'],
  ['prSociety', 4],
  ['mrSociety', 4],
  ['srSociety', 4],
  ['specialAgreements', 1],
  ['firstRecordingRefusal', 1],
  ['submitterAgreementNumber', 14],
  ['societyAgreementNumber', 14],
  ['agreementType', 2],
  ['recipientCode', 4],
];
const SWR: Seq = [
  ['ipNumber', 'IP'],
  ['lastName', 45],
  ['firstName', 30],
  ['unknownIndicator', 1],
  ['designation', 2],
  ['ipiNameNumber', 11],
  ['ipiBaseNumber', 13],
  ['reversionary', 1],
  ['firstRecordingRefusal', 1],
  ['workForHire', 1],
  ['usaLicense', 1],
];
const SWR_30: Seq = [
  ['ipNumber', 'IP'],
  ['lastName', 45],
  ['firstName', 30],
  ['unknownIndicator', 1],
  ['designation', 2],
  ['taxId', 9],
  ['ipiNameNumber', 11],
  ['ipiBaseNumber', 13],
  ['reversionary', 1],
  ['firstRecordingRefusal', 1],
  ['workForHire', 1],
  ['usaLicense', 1],
];
const SWT: Seq = [
  ['sequence', 3, 'N'],
  ['ipNumber', 'IP'],
  ['prShare', 5, 'N'],
  ['mrShare', 5, 'N'],
  ['srShare', 5, 'N'],
  ['inclusionExclusion', 1],
  ['tis', 4, 'N'],
  ['prSociety', 4],
  ['mrSociety', 4],
  ['srSociety', 4],
  ['recipientCode', 4],
];
const PWR: Seq = [
  ['publisherSequence', 2, 'N'],
  ['publisherIpNumber', 'IP'],
  ['writerIpNumber', 'IP'],
  ['submitterAgreementNumber', 14],
  ['society', 4],
  ['societyAgreementNumber', 14],
];
const MAN: Seq = [
  ['writerIpNumber', 'IP'],
  ['prShare', 5, 'N'],
  ['mrShare', 5, 'N'],
  ['srShare', 5, 'N'],
];
const ALT: Seq = [
  ['title', 60],
  ['titleType', 2],
  ['language', 2],
];
const PER: Seq = [
  ['lastName', 45],
  ['firstName', 30],
  ['ipiNameNumber', 11],
  ['isni', 16],
];
const REC: Seq = [
  ['releaseDate', 8, 'N'],
  ['releaseDuration', 6, 'N'],
  ['isrc', 12],
  ['recordingTitle', 60],
  ['versionTitle', 60],
  ['displayArtist', 60],
  ['artistIpiNameNumber', 11],
  ['artistIsni', 16],
  ['recordLabel', 60],
  ['isrcValidity', 20],
  ['submitterRecordingId', 14],
];
const XRF: Seq = [
  ['organisationCode', 4],
  ['identifier', 14],
  ['identifierType', 1],
  ['validity', 1],
];
const OWK: Seq = [
  ['title', 60],
  ['iswc', 11],
  ['submitterWorkId', 14],
];
const ACK: Seq = [
  ['creationDate', 8, 'N'],
  ['creationTime', 6, 'N'],
  ['originalGroupId', 5, 'N'],
  ['originalTransactionSequence', 8, 'N'],
  ['originalTransactionType', 3],
  ['creationTitle', 60],
  ['submitterCreationNumber', 20],
  ['recipientCreationNumber', 20],
  ['recipientTemporaryNumber', 20],
  ['processingDate', 8, 'N'],
  ['transactionStatus', 2],
  ['originalFilename', 27],
];
const MSG: Seq = [
  ['messageType', 1],
  ['originalRecordSequence', 8, 'N'],
  ['recordType', 3],
  ['messageLevel', 1],
  ['validationNumber', 3],
  ['messageText', 150],
];

// 3.0 ISWC request/answer (ISR/ISA, `.ISR` files) and its writer record WRI, as DMP's 3.0 writer places
// them: the WRK title block up to the ISWC, then an indicator; WRI = IP #, IPI name #, names, role.
const ISR: Seq = [
  ['title', 60],
  ['language', 2],
  ['submitterWorkId', 14],
  ['iswc', 11],
  ['indicator', 1],
];
const WRI: Seq = [
  ['ipNumber', 'IP'],
  ['ipiNameNumber', 11],
  ['lastName', 45],
  ['firstName', 30],
  ['designation', 2],
];

const CONTROL: readonly RecordLayout[] = [
  createLayout('HDR', [
    ['senderType', 4, 2],
    ['senderId', 6, 4],
    ['senderName', 10, 45],
    ['senderIpiNameNumber', 55, 11],
    ['creationDate', 66, 8, 'N'],
    ['creationTime', 74, 6, 'N'],
    ['transmissionDate', 80, 8, 'N'],
    ['characterSet', 88, 15],
    ['version', 103, 3],
    ['revision', 106, 3, 'N'],
    ['softwarePackage', 109, 30],
    ['softwareVersion', 139, 30],
    ['filename', 169, 27],
  ]),
  // 3.1 as printed has no version field in GRH; DMP writes `03.10` there anyway, so it is read when present.
  createLayout('GRH', [
    ['transactionType', 4, 3],
    ['groupId', 7, 5, 'N'],
    ['versionNumber', 12, 5],
    ['batchRequest', 17, 10, 'N'],
  ]),
  createLayout('GRT', [
    ['groupId', 4, 5, 'N'],
    ['transactionCount', 9, 8, 'N'],
    ['recordCount', 17, 8, 'N'],
  ]),
  createLayout('TRL', [
    ['groupCount', 4, 5, 'N'],
    ['transactionCount', 9, 8, 'N'],
    ['recordCount', 17, 8, 'N'],
  ]),
];

const DETAIL: readonly (readonly [readonly string[], Seq])[] = [
  [['WRK', 'EXC', 'DRW'], WRK],
  [['SPU', 'OPU'], SPU],
  [['SPT', 'OPT'], SPT],
  [['SWR', 'OWR'], SWR],
  [['SWT', 'OWT'], SWT],
  [['PWR'], PWR],
  [['MAN'], MAN],
  [['ALT'], ALT],
  [['PER'], PER],
  [['REC'], REC],
  [['XRF'], XRF],
  [['OWK'], OWK],
  [['ACK'], ACK],
  [['MSG'], MSG],
  [['ISR', 'ISA'], ISR],
  [['WRI'], WRI],
];

/** How a 3.x file writes its records: IP # width, MAN present, Tax ID kept in SPU/OPU/SWR/OWR. */
export interface V3Shape {
  readonly ipLength: 9 | 11;
  readonly man: boolean;
  readonly taxId: boolean;
}

function build(shape: V3Shape): ReadonlyMap<string, RecordLayout> {
  const map = new Map<string, RecordLayout>(CONTROL.map((l) => [l.type, l]));
  for (const [types, sequence] of DETAIL) {
    for (const type of types) {
      if (type === 'MAN' && !shape.man) continue;
      const seq =
        shape.taxId && (type === 'SPU' || type === 'OPU')
          ? SPU_30
          : shape.taxId && (type === 'SWR' || type === 'OWR')
            ? SWR_30
            : sequence;
      map.set(type, place(type, seq, shape.ipLength));
    }
  }
  return map;
}

const SHAPES = new Map<string, ReadonlyMap<string, RecordLayout>>();

/**
 * The 3.x layouts for one way of writing the records. Real 3.x files disagree with the printed spec:
 * DMP's 3.1 writer keeps 9-character IP #s (its 3.1 is its 3.0 plus MAN), and its 3.0 SWR dropped the
 * Tax ID in later releases while SPU/OWR kept it; the reader picks the shape per file and record.
 */
export function layoutsV3(shape: V3Shape): ReadonlyMap<string, RecordLayout> {
  const key = `${shape.ipLength}|${shape.man}|${shape.taxId}`;
  let map = SHAPES.get(key);
  if (!map) {
    map = build(shape);
    SHAPES.set(key, map);
  }
  return map;
}

/** Record layouts of CWR 3.0 (9-character interested-party numbers, Tax ID kept in SPU/SWR, no MAN). */
export const LAYOUTS_V30: ReadonlyMap<string, RecordLayout> = layoutsV3({
  ipLength: 9,
  man: false,
  taxId: true,
});
/** Record layouts of CWR 3.1 (11-character interested-party numbers, MAN record). */
export const LAYOUTS_V31: ReadonlyMap<string, RecordLayout> = layoutsV3({
  ipLength: 11,
  man: true,
  taxId: false,
});
