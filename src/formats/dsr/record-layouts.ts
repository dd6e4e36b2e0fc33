/**
 * DSR record layouts as data: one list of cell names per (record type, version), cell 1 being the
 * record type itself. Sources: standards.md §1.5–1.7 (S-DSRF XSDs for BAP 1.0–1.2 and UGC 1.0–1.2,
 * the BAP 1.3 `#` header rows of the public samples). Unversioned codes (`SU02`, BAP/UGC 1.0) use
 * version `00`.
 */
export type DsrRecordKind =
  | 'head'
  | 'foot'
  | 'summary'
  | 'release'
  | 'sub-release'
  | 'resource'
  | 'work'
  | 'download'
  | 'stream'
  | 'ugc-usage'
  | 'ugc-list'
  | 'ugc-video'
  | 'licensor'
  /** SRB variants' SR01/SR02: one flat row holding resource, work, release and transaction (cells from a `#` header row). */
  | 'srb-sale';

export interface DsrRecordLayout {
  /** `SU02` */
  readonly type: string;
  /** `02`, or `00` for an unversioned code. */
  readonly version: string;
  readonly kind: DsrRecordKind;
  /** Cell names in order; cell 1 is `RecordType`. */
  readonly cells: readonly string[];
  /** For a layout read from a `#` header row: the table layout, used for a cell the header does not name. */
  readonly fallback?: DsrRecordLayout;
}

const AS01 = ['RecordType', 'BlockId', 'ResourceReference', 'DspResourceId', 'ISRC', 'Title', 'SubTitle', 'DisplayArtistName', 'DisplayArtistPartyId', 'Duration', 'ResourceType'];
const AS02_WORK = ['ISWC', 'ComposerAuthor', 'ComposerAuthorPartyId', 'Arranger', 'ArrangerPartyId', 'MusicPublisher', 'MusicPublisherPartyId', 'WorkContributor', 'WorkContributorPartyId', 'ProprietaryWorkId', 'IsMasterRecording'];
const MW01 = ['RecordType', 'BlockId', 'DspWorkId', 'ISWC', 'Title', 'SubTitle', 'ComposerAuthor', 'ComposerAuthorPartyId', 'Arranger', 'ArrangerPartyId', 'MusicPublisher', 'MusicPublisherPartyId', 'WorkContributor', 'WorkContributorPartyId', 'DataProvider', 'ProprietaryWorkId'];
const RE01 = ['RecordType', 'BlockId', 'ReleaseReference', 'DspReleaseId', 'ProprietaryReleaseId', 'CatalogNumber', 'ICPN', 'DisplayArtistName', 'DisplayArtistPartyId', 'Title', 'SubTitle', 'ReleaseType', 'Label', 'PLine', 'DataProvider'];
const SU01 = ['RecordType', 'BlockId', 'SummaryRecordId', 'SalesTransactionId', 'TransactedRelease', 'TransactedResource', 'IsRoyaltyBearing', 'SalesUpgrade', 'Usages', 'Returns', 'PriceConsumerPaidExcSalesTax', 'PromotionalActivity'];
const SU02 = ['RecordType', 'BlockId', 'SummaryRecordId', 'SalesTransactionId', 'TransactedRelease', 'TransactedResource', 'IsRoyaltyBearing', 'NumberOfStreams', 'PriceConsumerPaidExcSalesTax', 'PromotionalActivity'];
const SU03 = ['RecordType', 'BlockId', 'SalesTransactionId', 'SummaryRecordId', 'DspReleaseId', 'Usages', 'NetRevenue', 'ValidityPeriodStart', 'ValidityPeriodEnd'];
const SU03_02 = ['RecordType', 'BlockId', 'SalesTransactionId', 'SummaryRecordId', 'DspResourceId', 'Usages', 'NetRevenue', 'ValidityPeriodStart', 'ValidityPeriodEnd', 'ContentCategory', 'IsRoyaltyBearing'];
const LI01 = ['RecordType', 'BlockId', 'SummaryRecordId', 'RightsController', 'RightsControllerPartyId', 'RightsControllerWorkId', 'RightSharePercentage', 'RightsType', 'AllocatedNetRevenue', 'AllocatedAmount'];
const SY01 = ['RecordType', 'SummaryRecordId', 'DistributionChannel', 'DistributionChannelDPID', 'CommercialModel', 'UseType', 'Territory', 'ServiceDescription', 'Usages', 'Subscribers', 'CurrencyOfReporting', 'NetRevenue', 'IndirectNetRevenue', 'CurrencyOfTransaction', 'ExchangeRate'];
const SY01_02 = ['RecordType', 'SummaryRecordId', 'DistributionChannel', 'DistributionChannelDPID', 'CommercialModel', 'UseType', 'Territory', 'ServiceDescription', 'TotalUsages', 'Subscribers', 'CurrencyOfReporting', 'NetRevenue', 'IndirectValue', 'CurrencyOfTransaction', 'ExchangeRate'];
const SY02 = ['RecordType', 'SummaryRecordId', 'DistributionChannel', 'DistributionChannelDPID', 'CommercialModel', 'UseType', 'Territory', 'ServiceDescription', 'Usages', 'Users', 'CurrencyOfReporting', 'NetRevenue', 'RightsController', 'RightsControllerPartyId', 'AllocatedUsages', 'AllocatedRevenue', 'AllocatedNetRevenue', 'RightsType', 'ContentCategory', 'CurrencyOfTransaction', 'ExchangeRate', 'RightsTypePercentage'];
const SY02_03 = ['RecordType', 'SummaryRecordId', 'DistributionChannel', 'DistributionChannelDPID', 'CommercialModel', 'UseType', 'Territory', 'ServiceDescription', 'Usages', 'Users', 'Currency', 'NetRevenue', 'RightsController', 'RightsControllerPartyId', 'AllocatedUsages', 'AllocatedRevenue', 'AllocatedNetRevenue', 'RightsType', 'ContentCategory', 'ExchangeRateBaseCurrency', 'ExchangeRate', 'RightsTypePercentage'];
const SY04 = ['RecordType', 'SummaryRecordId', 'DistributionChannel', 'DistributionChannelDPID', 'CommercialModel', 'UseType', 'Territory', 'ServiceDescription', 'SubscriberType', 'Subscribers', 'SubPeriodStartDate', 'SubPeriodEndDate', 'UsagesInSubPeriod', 'UsagesInReportingPeriod', 'CurrencyOfReporting', 'CurrencyOfTransaction', 'ExchangeRate', 'ConsumerPaidUnitPrice', 'NetRevenue', 'MusicUsagePercentage'];
const SY05 = ['RecordType', 'SummaryRecordId', 'DistributionChannel', 'DistributionChannelDPID', 'CommercialModel', 'UseType', 'Territory', 'ServiceDescription', 'RightsController', 'RightsControllerPartyId', 'RightsType', 'TotalUsages', 'AllocatedUsages', 'MusicUsageRatio', 'AllocatedNetRevenue', 'AllocatedRevenue', 'RightsControllerMarketShare', 'CurrencyOfReporting', 'CurrencyOfTransaction', 'ExchangeRate', 'SubscriberType', 'SubPeriodStartDate', 'SubPeriodEndDate', 'ContentCategory', 'RightsTypePercentage'];
const SY09 = ['RecordType', 'SummaryRecordId', 'CommercialModel', 'UseType', 'Territory', 'ServiceDescription', 'SubscriberType', 'RightsController', 'RightsControllerPartyId', 'RightsType', 'TotalUsages', 'AllocatedUsages', 'NetRevenue', 'IndirectNetRevenue', 'RightsControllerMarketShare', 'CurrencyOfReporting', 'CurrencyOfTransaction', 'ExchangeRate', 'RightsTypePercentage'];
const HEAD = ['RecordType', 'MessageVersion', 'Profile', 'ProfileVersion', 'MessageId', 'MessageCreatedDateTime', 'FileNumber', 'NumberOfFiles', 'UsageStartDate', 'UsageEndDate', 'SenderPartyId', 'SenderName', 'ServiceDescription', 'RecipientPartyId', 'RecipientName', 'RepresentedRepertoire'];
const FOOT = ['RecordType', 'NumberOfLinesInFile', 'NumberOfLinesInReport', 'NumberOfSummaryRecords', 'NumberOfBlocksInFile', 'NumberOfBlocksInReport'];

const entries: [string, DsrRecordKind, readonly string[]][] = [
  ['HEAD', 'head', HEAD],
  ['SRHE', 'head', HEAD],
  ['FOOT', 'foot', FOOT],
  ['SRFO', 'foot', ['RecordType', 'NumberOfLinesInReport', 'NumberOfSummaryRecords']],
  ['SY01', 'summary', SY01],
  ['SY01.01', 'summary', SY01],
  ['SY01.02', 'summary', SY01_02],
  ['SY02', 'summary', SY02],
  ['SY02.01', 'summary', SY02],
  ['SY02.02', 'summary', SY02],
  ['SY02.03', 'summary', SY02_03],
  // BAP/UGC 1.0 SY03: its cells are not in the sources; only the SummaryRecordId (cell 2 of every SY) is read.
  ['SY03', 'summary', ['RecordType', 'SummaryRecordId']],
  ['SY04', 'summary', SY04],
  ['SY04.01', 'summary', SY04],
  ['SY05', 'summary', SY05],
  ['SY05.01', 'summary', SY05],
  ['SY05.02', 'summary', SY05],
  ['SY09', 'summary', SY09],
  ['RE01', 'release', RE01],
  ['RE01.01', 'release', RE01],
  ['RE01.02', 'release', [...RE01, 'ReleaseDate']],
  ['RE02', 'sub-release', ['RecordType', 'BlockId', 'ReleaseReference', 'DspSubReleaseId', 'ProprietarySubReleaseId', 'UsedResources']],
  ['RE02.01', 'sub-release', ['RecordType', 'BlockId', 'ReleaseReference', 'DspSubReleaseId', 'ProprietarySubReleaseId', 'UsedResources']],
  ['AS01', 'resource', [...AS01, 'IsMasterRecording']],
  ['AS01.01', 'resource', [...AS01, 'IsMasterRecording']],
  ['AS01.02', 'resource', AS01],
  ['AS01.03', 'resource', AS01],
  ['AS02', 'resource', [...AS01, ...AS02_WORK]],
  ['AS02.01', 'resource', [...AS01, ...AS02_WORK]],
  ['AS02.02', 'resource', [...AS01, ...AS02_WORK]],
  ['AS02.03', 'resource', [...AS01, ...AS02_WORK, 'IsSubjectToOwnershipConflict', 'LastConflictCheck']],
  ['MW01', 'work', MW01],
  ['MW01.01', 'work', MW01],
  ['MW01.02', 'work', MW01],
  ['MW01.03', 'work', [...MW01, 'ResourceReference']],
  ['SU01', 'download', SU01],
  ['SU01.01', 'download', SU01],
  ['SU01.02', 'download', SU01],
  ['SU02', 'stream', SU02],
  ['SU02.01', 'stream', SU02],
  ['SU02.02', 'stream', [...SU02, 'UseType']],
  ['SU03', 'ugc-usage', SU03],
  ['SU03.01', 'ugc-usage', SU03],
  ['SU03.02', 'ugc-usage', SU03_02],
  ['RU01', 'ugc-list', ['RecordType', 'BlockId', 'SummaryRecordId', 'DspReleaseId', 'Usages']],
  ['RU01.01', 'ugc-list', ['RecordType', 'BlockId', 'SummaryRecordId', 'DspReleaseId', 'Usages', 'ContentCategory']],
  ['RU02', 'ugc-video', ['RecordType', 'BlockId', 'SummaryRecordId', 'DspReleaseId', 'ReleaseTitle', 'ReleaseURL', 'Usages', 'ContentCategory']],
  ['RU02.01', 'ugc-video', ['RecordType', 'BlockId', 'SummaryRecordId', 'DspReleaseId', 'ReleaseTitle', 'ReleaseURL', 'Usages', 'ContentCategory']],
  ['LI01', 'licensor', LI01],
  ['LI01.01', 'licensor', LI01],
  ['LI01.02', 'licensor', [...LI01, 'AllocatedUsages']],
];

/** Every known layout, keyed by upper-case record code (`SU02.02`, `SU02` for unversioned). */
export const DSR_RECORD_LAYOUTS: ReadonlyMap<string, DsrRecordLayout> = new Map(
  entries.map(([code, kind, cells]) => {
    const { type, version } = splitRecordCode(code);
    return [code, { type, version, kind, cells }];
  }),
);

/** Cells that hold `|`-separated multi-values (the second escaping level applies per value). */
export const DSR_MULTI_VALUE_CELLS: ReadonlySet<string> = new Set([
  'RepresentedRepertoire', 'ProprietaryReleaseId', 'ProprietarySubReleaseId', 'UsedResources', 'ISRC', 'DisplayArtistPartyId',
  'ComposerAuthor', 'ComposerAuthorPartyId', 'Arranger', 'ArrangerPartyId', 'MusicPublisher', 'MusicPublisherPartyId',
  'WorkContributor', 'WorkContributorPartyId', 'AllocatedUsages', 'AllocatedNetRevenue', 'DspReleaseId', 'Usages',
]);

/** Splits `SU02.02` into `{type: 'SU02', version: '02'}`; an unversioned code gets version `00`. Case-insensitive. */
export function splitRecordCode(code: string): { type: string; version: string } {
  const upper = code.trim().toUpperCase();
  const m = /^([A-Z]{2}[A-Z0-9]{2})(?:\.(\d{1,2}))?$/.exec(upper);
  if (!m) return { type: upper, version: '00' };
  return { type: m[1] ?? upper, version: (m[2] ?? '00').padStart(2, '0') };
}

export type LayoutResolution =
  | { readonly status: 'known'; readonly layout: DsrRecordLayout }
  | { readonly status: 'nearest'; readonly layout: DsrRecordLayout; readonly requested: string }
  | { readonly status: 'unknown' };

/**
 * The layout for a record code: exact, else the nearest known version of the same type (the highest
 * version below it, else the lowest above), else unknown (DSR Part 1 "Unknown Records": skip with a warning).
 */
export function resolveRecordLayout(code: string): LayoutResolution {
  const upper = code.trim().toUpperCase();
  const exact = DSR_RECORD_LAYOUTS.get(upper);
  if (exact) return { status: 'known', layout: exact };
  const { type, version } = splitRecordCode(upper);
  const same = [...DSR_RECORD_LAYOUTS.values()].filter((l) => l.type === type).sort((a, b) => a.version.localeCompare(b.version));
  if (same.length === 0) return { status: 'unknown' };
  const below = same.filter((l) => l.version <= version);
  const nearest = below[below.length - 1] ?? same[0];
  return nearest ? { status: 'nearest', layout: { ...nearest, version }, requested: upper } : { status: 'unknown' };
}

/**
 * Applies a `#RecordType<TAB>Name...` header row: the same kind and type, with the cell names the
 * file declares (real files carry them; they win over the table).
 */
export function layoutFromHeaderRow(base: DsrRecordLayout, names: readonly string[]): DsrRecordLayout {
  return { ...base, cells: ['RecordType', ...names.map((n) => n.trim())], fallback: base };
}

/**
 * 1-based position of the first of `names` in the layout (aliases: `Currency`/`CurrencyOfReporting`),
 * else in its fallback table layout, or undefined when both lack all of them.
 */
export function cellPosition(layout: DsrRecordLayout, ...names: readonly string[]): number | undefined {
  const lower = layout.cells.map((c) => c.toLowerCase());
  for (const name of names) {
    const i = lower.indexOf(name.toLowerCase());
    if (i >= 0) return i + 1;
  }
  // A header row that names a cell differently (real files do) falls back to the table's position.
  return layout.fallback ? cellPosition(layout.fallback, ...names) : undefined;
}
