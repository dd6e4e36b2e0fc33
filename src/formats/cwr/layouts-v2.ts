import { createLayout, PREFIX, type FieldRow, type RecordLayout } from './layout.js';

// CWR 2.1 / 2.2 record layouts as data (standards.md §3.4 and §3.6, S-CWR22 §4-5).
// Each entry lists the 2.1 fields, then the fields 2.2 adds; 2.1 layouts stop where 2.2 begins.

type Entry = readonly [types: readonly string[], v21: readonly FieldRow[], v22add?: readonly FieldRow[]];

const WORK: FieldRow[] = [
  ...PREFIX,
  ['title', 20, 60], ['language', 80, 2], ['submitterWorkId', 82, 14], ['iswc', 96, 11], ['copyrightDate', 107, 8, 'N'],
  ['copyrightNumber', 115, 12], ['distributionCategory', 127, 3], ['duration', 130, 6, 'N'], ['recordedIndicator', 136, 1],
  ['textMusicRelationship', 137, 3], ['compositeType', 140, 3], ['versionType', 143, 3], ['excerptType', 146, 3],
  ['musicArrangement', 149, 3], ['lyricAdaptation', 152, 3], ['contactName', 155, 30], ['contactId', 185, 10],
  ['cwrWorkType', 195, 2], ['grandRights', 197, 1], ['compositeCount', 198, 3, 'N'], ['printedEditionDate', 201, 8, 'N'],
  ['exceptionalClause', 209, 1], ['opusNumber', 210, 25], ['catalogueNumber', 235, 25], ['priorityFlag', 260, 1],
];

const ENTRIES: readonly Entry[] = [
  [['HDR'], [
    ['senderType', 4, 2], ['senderId', 6, 9, 'N'], ['senderName', 15, 45], ['ediVersion', 60, 5], ['creationDate', 65, 8, 'N'],
    ['creationTime', 73, 6, 'N'], ['transmissionDate', 79, 8, 'N'], ['characterSet', 87, 15],
  ], [['version', 102, 3], ['revision', 105, 3, 'N'], ['softwarePackage', 108, 30], ['softwareVersion', 138, 30]]],
  [['GRH'], [['transactionType', 4, 3], ['groupId', 7, 5, 'N'], ['versionNumber', 12, 5], ['batchRequest', 17, 10, 'N'], ['submissionType', 27, 2]]],
  [['GRT'], [['groupId', 4, 5, 'N'], ['transactionCount', 9, 8, 'N'], ['recordCount', 17, 8, 'N']]],
  [['TRL'], [['groupCount', 4, 5, 'N'], ['transactionCount', 9, 8, 'N'], ['recordCount', 17, 8, 'N']]],
  [['AGR'], [
    ...PREFIX, ['submitterAgreementNumber', 20, 14], ['isac', 34, 14], ['agreementType', 48, 2], ['startDate', 50, 8, 'N'],
    ['endDate', 58, 8, 'N'], ['retentionEndDate', 66, 8, 'N'], ['priorRoyaltyStatus', 74, 1], ['priorRoyaltyStartDate', 75, 8, 'N'],
    ['postTermCollectionStatus', 83, 1], ['postTermCollectionEndDate', 84, 8, 'N'], ['signatureDate', 92, 8, 'N'],
    ['numberOfWorks', 100, 5, 'N'], ['salesManufactureClause', 105, 1], ['sharesChange', 106, 1], ['advanceGiven', 107, 1],
    ['societyAgreementNumber', 108, 14],
  ]],
  [['TER'], [...PREFIX, ['inclusionExclusion', 20, 1], ['tis', 21, 4, 'N']]],
  [['IPA'], [
    ...PREFIX, ['agreementRole', 20, 2], ['ipiNameNumber', 22, 11], ['ipiBaseNumber', 33, 13], ['ipNumber', 46, 9],
    ['lastName', 55, 45], ['firstName', 100, 30], ['prSociety', 130, 3], ['prShare', 133, 5, 'N'], ['mrSociety', 138, 3],
    ['mrShare', 141, 5, 'N'], ['srSociety', 146, 3], ['srShare', 149, 5, 'N'],
  ]],
  [['NPA'], [...PREFIX, ['ipNumber', 20, 9], ['name', 29, 160], ['firstName', 189, 160], ['language', 349, 2]]],
  [['NWR', 'REV', 'ISW', 'EXC'], WORK],
  [['SPU', 'OPU'], [
    ...PREFIX, ['publisherSequence', 20, 2, 'N'], ['ipNumber', 22, 9], ['name', 31, 45], ['unknownIndicator', 76, 1],
    ['publisherType', 77, 2], ['taxId', 79, 9], ['ipiNameNumber', 88, 11], ['submitterAgreementNumber', 99, 14],
    ['prSociety', 113, 3], ['prShare', 116, 5, 'N'], ['mrSociety', 121, 3], ['mrShare', 124, 5, 'N'], ['srSociety', 129, 3],
    ['srShare', 132, 5, 'N'], ['specialAgreements', 137, 1], ['firstRecordingRefusal', 138, 1], ['filler', 139, 1],
    ['ipiBaseNumber', 140, 13], ['isac', 153, 14], ['societyAgreementNumber', 167, 14], ['agreementType', 181, 2],
    ['usaLicense', 183, 1],
  ]],
  [['NPN'], [...PREFIX, ['publisherSequence', 20, 2, 'N'], ['ipNumber', 22, 9], ['name', 31, 480], ['language', 511, 2]]],
  [['SPT', 'OPT'], [
    ...PREFIX, ['ipNumber', 20, 9], ['constant', 29, 6], ['prShare', 35, 5, 'N'], ['mrShare', 40, 5, 'N'], ['srShare', 45, 5, 'N'],
    ['inclusionExclusion', 50, 1], ['tis', 51, 4, 'N'], ['sharesChange', 55, 1], ['sequence', 56, 3, 'N'],
  ]],
  [['SWR', 'OWR'], [
    ...PREFIX, ['ipNumber', 20, 9], ['lastName', 29, 45], ['firstName', 74, 30], ['unknownIndicator', 104, 1],
    ['designation', 105, 2], ['taxId', 107, 9], ['ipiNameNumber', 116, 11], ['prSociety', 127, 3], ['prShare', 130, 5, 'N'],
    ['mrSociety', 135, 3], ['mrShare', 138, 5, 'N'], ['srSociety', 143, 3], ['srShare', 146, 5, 'N'], ['reversionary', 151, 1],
    ['firstRecordingRefusal', 152, 1], ['workForHire', 153, 1], ['filler', 154, 1], ['ipiBaseNumber', 155, 13],
    ['personalNumber', 168, 12, 'N'], ['usaLicense', 180, 1],
  ]],
  [['NWN'], [...PREFIX, ['ipNumber', 20, 9], ['lastName', 29, 160], ['firstName', 189, 160], ['language', 349, 2]]],
  [['SWT', 'OWT'], [
    ...PREFIX, ['ipNumber', 20, 9], ['prShare', 29, 5, 'N'], ['mrShare', 34, 5, 'N'], ['srShare', 39, 5, 'N'],
    ['inclusionExclusion', 44, 1], ['tis', 45, 4, 'N'], ['sharesChange', 49, 1], ['sequence', 50, 3, 'N'],
  ]],
  [['PWR'], [
    ...PREFIX, ['publisherIpNumber', 20, 9], ['publisherName', 29, 45], ['submitterAgreementNumber', 74, 14],
    ['societyAgreementNumber', 88, 14], ['writerIpNumber', 102, 9],
  ], [['publisherSequence', 111, 2, 'N']]],
  [['ALT'], [...PREFIX, ['title', 20, 60], ['titleType', 80, 2], ['language', 82, 2]]],
  [['NAT'], [...PREFIX, ['title', 20, 640], ['titleType', 660, 2], ['language', 662, 2]]],
  [['EWT', 'VER'], [
    ...PREFIX, ['title', 20, 60], ['iswc', 80, 11], ['language', 91, 2], ['writer1LastName', 93, 45], ['writer1FirstName', 138, 30],
    ['source', 168, 60], ['writer1IpiNameNumber', 228, 11], ['writer1IpiBaseNumber', 239, 13], ['writer2LastName', 252, 45],
    ['writer2FirstName', 297, 30], ['writer2IpiNameNumber', 327, 11], ['writer2IpiBaseNumber', 338, 13], ['submitterWorkId', 351, 14],
  ]],
  [['NET', 'NCT', 'NVT'], [...PREFIX, ['title', 20, 640], ['language', 660, 2]]],
  [['NOW'], [...PREFIX, ['name', 20, 160], ['firstName', 180, 160], ['language', 340, 2], ['writerPosition', 342, 1]]],
  [['PER'], [...PREFIX, ['lastName', 20, 45], ['firstName', 65, 30], ['ipiNameNumber', 95, 11], ['ipiBaseNumber', 106, 13]]],
  [['NPR'], [
    ...PREFIX, ['name', 20, 160], ['firstName', 180, 160], ['ipiNameNumber', 340, 11], ['ipiBaseNumber', 351, 13],
    ['language', 364, 2], ['performanceLanguage', 366, 2], ['dialect', 368, 3],
  ]],
  [['REC'], [
    ...PREFIX, ['releaseDate', 20, 8, 'N'], ['blank1', 28, 60], ['releaseDuration', 88, 6, 'N'], ['blank2', 94, 5],
    ['albumTitle', 99, 60], ['albumLabel', 159, 60], ['catalogNumber', 219, 18], ['ean', 237, 13], ['isrc', 250, 12],
    ['recordingFormat', 262, 1], ['recordingTechnique', 263, 1], ['mediaType', 264, 3],
  ], [
    ['recordingTitle', 267, 60], ['versionTitle', 327, 60], ['displayArtist', 387, 60], ['recordLabel', 447, 60],
    ['isrcValidity', 507, 20], ['submitterRecordingId', 527, 14],
  ]],
  [['ORN'], [
    ...PREFIX, ['intendedPurpose', 20, 3], ['productionTitle', 23, 60], ['cdIdentifier', 83, 15], ['cutNumber', 98, 4, 'N'],
    ['library', 102, 60], ['bltvr', 162, 1], ['filler', 163, 25], ['productionNumber', 188, 12], ['episodeTitle', 200, 60],
    ['episodeNumber', 260, 20], ['productionYear', 280, 4, 'N'], ['aviSociety', 284, 3], ['audioVisualNumber', 287, 15],
  ], [['vIsan', 302, 26], ['eidr', 328, 21]]],
  [['INS'], [...PREFIX, ['numberOfVoices', 20, 3, 'N'], ['instrumentationType', 23, 3], ['description', 26, 50]]],
  [['IND'], [...PREFIX, ['instrumentCode', 20, 3], ['numberOfPlayers', 23, 3, 'N']]],
  [['COM'], [
    ...PREFIX, ['title', 20, 60], ['iswc', 80, 11], ['submitterWorkId', 91, 14], ['duration', 105, 6, 'N'],
    ['writer1LastName', 111, 45], ['writer1FirstName', 156, 30], ['writer1IpiNameNumber', 186, 11], ['writer2LastName', 197, 45],
    ['writer2FirstName', 242, 30], ['writer2IpiNameNumber', 272, 11], ['writer1IpiBaseNumber', 283, 13], ['writer2IpiBaseNumber', 296, 13],
  ]],
  [['ARI'], [...PREFIX, ['society', 20, 3], ['workId', 23, 14], ['rightType', 37, 3], ['subjectCode', 40, 2], ['note', 42, 160]]],
  [['XRF'], [], [...PREFIX, ['organisationCode', 20, 3], ['identifier', 23, 14], ['identifierType', 37, 1], ['validity', 38, 1]]],
  [['ACK'], [
    ...PREFIX, ['creationDate', 20, 8, 'N'], ['creationTime', 28, 6, 'N'], ['originalGroupId', 34, 5, 'N'],
    ['originalTransactionSequence', 39, 8, 'N'], ['originalTransactionType', 47, 3], ['creationTitle', 50, 60],
    ['submitterCreationNumber', 110, 20], ['recipientCreationNumber', 130, 20], ['processingDate', 150, 8, 'N'],
    ['transactionStatus', 158, 2],
  ]],
  [['MSG'], [
    ...PREFIX, ['messageType', 20, 1], ['originalRecordSequence', 21, 8, 'N'], ['recordType', 29, 3], ['messageLevel', 32, 1],
    ['validationNumber', 33, 3], ['messageText', 36, 150],
  ]],
];

function build(withAdditions: boolean): ReadonlyMap<string, RecordLayout> {
  const map = new Map<string, RecordLayout>();
  for (const [types, base, additions] of ENTRIES) {
    const rows = withAdditions ? [...base, ...(additions ?? [])] : base;
    // A record with no 2.1 fields (XRF) does not exist in 2.1.
    if (rows.length === 0) continue;
    for (const type of types) map.set(type, createLayout(type, rows));
  }
  return map;
}

/** Record layouts of CWR 2.1, by record type. */
export const LAYOUTS_V21: ReadonlyMap<string, RecordLayout> = build(false);
/** Record layouts of CWR 2.2, by record type. */
export const LAYOUTS_V22: ReadonlyMap<string, RecordLayout> = build(true);
