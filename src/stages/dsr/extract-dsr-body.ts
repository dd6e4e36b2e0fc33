import type { DsrRecordLayout } from '../../formats/dsr/index.js';
import type { Store } from '../../warehouse/index.js';
import {
  badIntegerSql,
  badMicrosSql,
  cellSql,
  durationSql,
  integerSql,
  joinCellsSql,
  microsSql,
  problemSql,
  reasonSql,
  roundedMicrosSql,
} from './dsr-cell-sql.js';

/** A record code and the layout that reads it in the files `fs` of the batch (files may name cells differently). */
export interface DsrLayoutGroup {
  readonly rt: string;
  readonly layout: DsrRecordLayout;
  /** The batch indexes of the files read with this layout; null: every file of the batch. */
  readonly fs: readonly number[] | null;
}

/**
 * Splits the body records of the loaded batch (view `dsr_t_cells`) by record type into temp tables,
 * one SQL statement per record code and layout present (not per file), with the cell positions of
 * its layout: `dsr_t_releases`, `dsr_t_resources` (MW01 work data folded in), `dsr_t_usage` (every
 * usage line, counts exact, `problem` set when the line must be quarantined), `dsr_t_licensor` (UGC
 * LI01). Every row keeps its file `f`; blocks and resources are keyed within their file.
 */
export async function extractDsrBody(store: Store, groups: readonly DsrLayoutGroup[]): Promise<void> {
  await store.run(`CREATE TEMP TABLE dsr_t_releases (f INTEGER, line_no BIGINT, block_id VARCHAR, release_ref VARCHAR, dsp_release_id VARCHAR, icpn VARCHAR)`);
  await store.run(`CREATE TEMP TABLE dsr_t_resources (f INTEGER, line_no BIGINT, block_id VARCHAR, resource_ref VARCHAR, dsp_resource_id VARCHAR,
    isrc VARCHAR, title VARCHAR, subtitle VARCHAR, display_artist VARCHAR, duration_s INTEGER, resource_type VARCHAR, iswc VARCHAR,
    work_title VARCHAR, writers VARCHAR, writer_ids VARCHAR, publishers VARCHAR, proprietary_work_id VARCHAR)`);
  await store.run(`CREATE TEMP TABLE dsr_t_works (f INTEGER, line_no BIGINT, block_id VARCHAR, resource_ref VARCHAR, iswc VARCHAR, title VARCHAR,
    writers VARCHAR, writer_ids VARCHAR, publishers VARCHAR, proprietary_work_id VARCHAR)`);
  await store.run(`CREATE TEMP TABLE dsr_t_usage (f INTEGER, line_no BIGINT, rt VARCHAR, block_id VARCHAR, summary_id VARCHAR, transaction_id VARCHAR,
    release_ref VARCHAR, resource_ref VARCHAR, dsp_resource_id VARCHAR, usages BIGINT, use_type VARCHAR, net_revenue HUGEINT,
    royalty_bearing BOOLEAN, problem VARCHAR)`);
  await store.run(`CREATE TEMP TABLE dsr_t_rounded (f INTEGER, line_no BIGINT, cell VARCHAR, value VARCHAR)`);
  await store.run(`CREATE TEMP TABLE dsr_t_licensor (f INTEGER, line_no BIGINT, block_id VARCHAR, summary_id VARCHAR, rights_controller VARCHAR,
    rights_controller_party_id VARCHAR, rights_controller_work_id VARCHAR, right_share_percentage VARCHAR, rights_type VARCHAR,
    allocated_net_revenue HUGEINT, allocated_amount HUGEINT, problem VARCHAR)`);

  // Resources first: usage lines resolve their DspResourceId against them while being split.
  for (const { rt, layout: l, fs } of groups) {
    const c = (...names: string[]) => cellSql(l, ...names);
    const run = (text: string) => store.run({ text: text.replaceAll('WHERE rt = $1', `WHERE rt = $1${inFiles(fs)}`), values: [rt] });
    if (l.kind === 'release' || l.kind === 'sub-release') {
      await run(`INSERT INTO dsr_t_releases SELECT f, line_no, ${c('BlockId')}, ${c('ReleaseReference')}, ${c('DspReleaseId', 'DspSubReleaseId')}, ${c('ICPN')}
        FROM dsr_t_cells WHERE rt = $1`);
    } else if (l.kind === 'resource') {
      const d = c('Duration');
      await run(`INSERT INTO dsr_t_resources SELECT f, line_no, ${c('BlockId')}, ${c('ResourceReference')}, ${c('DspResourceId')},
        upper(${c('ISRC', 'ResourceIsrc')}), ${c('Title')}, ${c('SubTitle')}, ${c('DisplayArtistName')}, ${durationSql(d)},
        ${c('ResourceType')}, upper(replace(replace(${c('ISWC')}, '-', ''), '.', '')), NULL,
        ${joinCellsSql(l, ['ComposerAuthor', 'Arranger', 'WorkContributor'])},
        ${joinCellsSql(l, ['ComposerAuthorPartyId', 'ArrangerPartyId', 'WorkContributorPartyId'])},
        ${c('MusicPublisher')}, ${c('ProprietaryWorkId')}
        FROM dsr_t_cells WHERE rt = $1`);
    } else if (l.kind === 'srb-sale') {
      // One flat row is its own block: the resource key is the row's DspResourceId (or 'R').
      await run(`INSERT INTO dsr_t_resources SELECT f, line_no, 'SR' || line_no, coalesce(${c('ResourceReference', 'DspResourceId')}, 'R'),
        ${c('DspResourceId')}, upper(${c('ISRC', 'ResourceIsrc')}), ${c('Title', 'ResourceTitle')}, ${c('SubTitle', 'ResourceSubTitle')},
        ${c('DisplayArtistName', 'ResourceDisplayArtistName')}, ${durationSql(c('Duration'))}, ${c('ResourceType')},
        upper(replace(replace(${c('ISWC')}, '-', ''), '.', '')), NULL,
        ${joinCellsSql(l, ['ComposerAuthor', 'Arranger', 'WorkContributor'])},
        ${joinCellsSql(l, ['ComposerAuthorPartyId', 'ArrangerPartyId', 'WorkContributorPartyId'])},
        ${c('MusicPublisher')}, ${c('ProprietaryWorkId')}
        FROM dsr_t_cells WHERE rt = $1`);
    } else if (l.kind === 'work') {
      await run(`INSERT INTO dsr_t_works SELECT f, line_no, ${c('BlockId')}, ${c('ResourceReference')},
        upper(replace(replace(${c('ISWC')}, '-', ''), '.', '')), ${c('Title')},
        ${joinCellsSql(l, ['ComposerAuthor', 'Arranger', 'WorkContributor'])},
        ${joinCellsSql(l, ['ComposerAuthorPartyId', 'ArrangerPartyId', 'WorkContributorPartyId'])},
        ${c('MusicPublisher')}, ${c('ProprietaryWorkId')}
        FROM dsr_t_cells WHERE rt = $1`);
    }
  }
  await foldWorks(store);
  await store.run(`CREATE TEMP TABLE dsr_t_resource_keys AS
    SELECT f, block_id, resource_ref, any_value(dsp_resource_id) AS dsp_resource_id, count(*) AS n FROM dsr_t_resources GROUP BY ALL`);

  for (const { rt, layout: l, fs } of groups) {
    const c = (...names: string[]) => cellSql(l, ...names);
    const run = (text: string) => store.run({ text: text.replaceAll('WHERE rt = $1', `WHERE rt = $1${inFiles(fs)}`), values: [rt] });
    const block = c('BlockId');
    const missingBlock: [string, string] = [`${block} IS NULL`, `'no BlockId'`];
    if (l.kind === 'stream' || l.kind === 'download') {
      const n = l.kind === 'stream' ? c('NumberOfStreams', 'Usages') : c('Usages', 'NumberOfDownloads');
      const nName = l.kind === 'stream' ? 'NumberOfStreams' : 'Usages';
      const returns = c('Returns');
      const usages = l.kind === 'stream' ? integerSql(n) : `${integerSql(n)} - coalesce(${integerSql(returns)}, 0)`;
      const problem = problemSql([
        missingBlock,
        [`${n} IS NULL`, `'no ${nName}'`],
        [badIntegerSql(n), reasonSql(nName, n, 'is not an integer')],
        ...(l.kind === 'download' ? [[badIntegerSql(returns), reasonSql('Returns', returns, 'is not an integer')] as [string, string]] : []),
      ]);
      await run(`INSERT INTO dsr_t_usage SELECT u.f, u.line_no, u.rt, u.block_id, u.summary_id, u.transaction_id, u.release_ref, u.resource_ref,
          k.dsp_resource_id, u.usages, u.use_type, NULL, u.royalty_bearing, u.problem
        FROM (SELECT f, line_no, rt, ${block} AS block_id, ${c('SummaryRecordId')} AS summary_id, ${c('SalesTransactionId')} AS transaction_id,
          ${c('TransactedRelease')} AS release_ref, ${c('TransactedResource')} AS resource_ref, ${usages} AS usages,
          ${c('UseType')} AS use_type, TRY_CAST(${c('IsRoyaltyBearing')} AS BOOLEAN) AS royalty_bearing, ${problem} AS problem
          FROM dsr_t_cells WHERE rt = $1) u
        LEFT JOIN dsr_t_resource_keys k ON k.f = u.f AND k.block_id = u.block_id AND k.resource_ref = u.resource_ref`);
    } else if (l.kind === 'srb-sale') {
      const streams = c('NumberOfStreams');
      const downloads = c('Downloads', 'NumberOfDownloads', 'Usages');
      const returns = c('Returns');
      const problem = problemSql([
        [`${streams} IS NULL AND ${downloads} IS NULL`, `'no NumberOfStreams or Downloads'`],
        [badIntegerSql(streams), reasonSql('NumberOfStreams', streams, 'is not an integer')],
        [badIntegerSql(downloads), reasonSql('Downloads', downloads, 'is not an integer')],
        [badIntegerSql(returns), reasonSql('Returns', returns, 'is not an integer')],
      ]);
      await run(`INSERT INTO dsr_t_usage SELECT f, line_no, rt, 'SR' || line_no, ${c('SummaryRecordId')}, ${c('SalesTransactionId')}, NULL,
          coalesce(${c('ResourceReference', 'DspResourceId')}, 'R'), ${c('DspResourceId')},
          coalesce(${integerSql(streams)}, ${integerSql(downloads)} - coalesce(${integerSql(returns)}, 0)), ${c('UseType')}, NULL,
          TRY_CAST(${c('IsRoyaltyBearing')} AS BOOLEAN), ${problem}
        FROM dsr_t_cells WHERE rt = $1`);
    } else if (l.kind === 'ugc-usage') {
      const n = c('Usages');
      const rev = c('NetRevenue');
      await noteRounded(store, rt, fs, [['NetRevenue', rev]]);
      const dec = `TRY_CAST(${n} AS DECIMAL(38,6))`;
      const problem = problemSql([
        missingBlock,
        [`${n} IS NULL`, `'no Usages'`],
        [`${dec} IS NULL OR ${dec} <> floor(${dec})`, reasonSql('Usages', n, 'is not a whole number')],
        [badMicrosSql(rev), reasonSql('NetRevenue', rev, 'is not a decimal')],
      ]);
      await run(`INSERT INTO dsr_t_usage SELECT u.f, u.line_no, u.rt, u.block_id, u.summary_id, u.transaction_id, NULL,
          r.resource_ref, u.dsp_resource_id, u.usages, NULL, u.net_revenue, u.royalty_bearing, u.problem
        FROM (SELECT f, line_no, rt, ${block} AS block_id, ${c('SummaryRecordId')} AS summary_id, ${c('SalesTransactionId')} AS transaction_id,
          ${c('DspResourceId', 'DspReleaseId')} AS dsp_resource_id, TRY_CAST(floor(${dec}) AS BIGINT) AS usages,
          ${microsSql(rev)} AS net_revenue, TRY_CAST(${c('IsRoyaltyBearing')} AS BOOLEAN) AS royalty_bearing, ${problem} AS problem
          FROM dsr_t_cells WHERE rt = $1) u
        LEFT JOIN (SELECT f, block_id, dsp_resource_id, min(resource_ref) AS resource_ref FROM dsr_t_resources GROUP BY ALL) r
          ON r.f = u.f AND r.block_id = u.block_id AND r.dsp_resource_id = u.dsp_resource_id`);
    } else if (l.kind === 'ugc-video') {
      const n = c('Usages');
      const problem = problemSql([missingBlock, [`${n} IS NULL`, `'no Usages'`], [badIntegerSql(n), reasonSql('Usages', n, 'is not an integer')]]);
      await run(`INSERT INTO dsr_t_usage SELECT f, line_no, rt, ${block}, ${c('SummaryRecordId')}, NULL, NULL, NULL, ${c('DspReleaseId')},
          ${integerSql(n)}, NULL, NULL, NULL, ${problem}
        FROM dsr_t_cells WHERE rt = $1`);
    } else if (l.kind === 'ugc-list') {
      // RU01: parallel lists of video ids and usages, one usage line per video.
      const ids = c('DspReleaseId');
      const counts = c('Usages');
      await run(`INSERT INTO dsr_t_usage SELECT f, line_no, rt, block_id, summary_id, NULL, NULL, NULL, id, ${integerSql('n')}, NULL, NULL, NULL,
          CASE WHEN block_id IS NULL THEN 'no BlockId'
               WHEN len_ids <> len_counts THEN 'DspReleaseId has ' || len_ids || ' values but Usages has ' || len_counts
               WHEN n IS NULL THEN 'no Usages for ' || coalesce(id, '?')
               WHEN ${integerSql('n')} IS NULL THEN 'Usages "' || n || '" is not an integer' END
        FROM (SELECT f, line_no, rt, block_id, summary_id, len_ids, len_counts, unnest(id_list) AS id, unnest(count_list) AS n
          FROM (SELECT f, line_no, rt, ${block} AS block_id, ${c('SummaryRecordId')} AS summary_id,
            string_split(coalesce(${ids}, ''), '|') AS id_list, string_split(coalesce(${counts}, ''), '|') AS count_list,
            len(string_split(coalesce(${ids}, ''), '|')) AS len_ids, len(string_split(coalesce(${counts}, ''), '|')) AS len_counts
            FROM dsr_t_cells WHERE rt = $1))`);
    } else if (l.kind === 'licensor') {
      const net = c('AllocatedNetRevenue');
      const amount = c('AllocatedAmount');
      await noteRounded(store, rt, fs, [['AllocatedNetRevenue', net], ['AllocatedAmount', amount]]);
      const problem = problemSql([
        missingBlock,
        [badMicrosSql(net), reasonSql('AllocatedNetRevenue', net, 'is not a decimal')],
        [badMicrosSql(amount), reasonSql('AllocatedAmount', amount, 'is not a decimal')],
      ]);
      await run(`INSERT INTO dsr_t_licensor SELECT f, line_no, ${block}, ${c('SummaryRecordId')}, ${c('RightsController')},
          ${c('RightsControllerPartyId')}, ${c('RightsControllerWorkId')}, ${c('RightSharePercentage')}, ${c('RightsType')},
          ${microsSql(net)}, ${microsSql(amount)}, ${problem}
        FROM dsr_t_cells WHERE rt = $1`);
    }
  }
}

/** Amount cells with more than 6 significant decimals, rounded to micro-units: kept in `dsr_t_rounded` to be reported. */
async function noteRounded(store: Store, rt: string, fs: readonly number[] | null, cells: readonly [name: string, expr: string][]): Promise<void> {
  for (const [name, expr] of cells) {
    if (expr === 'NULL::VARCHAR') continue;
    await store.run({
      text: `INSERT INTO dsr_t_rounded SELECT f, line_no, '${name}', ${expr} FROM dsr_t_cells WHERE rt = $1${inFiles(fs)} AND ${roundedMicrosSql(expr)}`,
      values: [rt],
    });
  }
}

/** ` AND f IN (...)` for a layout read by some files of the batch only (file indexes are integers: safe as SQL text). */
function inFiles(fs: readonly number[] | null): string {
  return fs === null ? '' : ` AND f IN (${fs.map((f) => String(Math.trunc(f))).join(', ')})`;
}

/**
 * MW01 records belong to the AS01 before them in the same block (MW01.03: to the one they name). Their
 * work data, folded per resource line, lands in `dsr_t_work_fold(resource_line, ...)`: the resource
 * rows themselves are not rewritten; the writer fills a resource's empty work cells from it.
 */
async function foldWorks(store: Store): Promise<void> {
  await store.run(`CREATE TEMP TABLE dsr_t_work_fold (f INTEGER, resource_line BIGINT, iswc VARCHAR, title VARCHAR, writers VARCHAR, writer_ids VARCHAR,
    publishers VARCHAR, proprietary_work_id VARCHAR)`);
  const works = await store.one<{ n: bigint }>('SELECT count(*) AS n FROM dsr_t_works');
  if (!works || works.n === 0n) return;
  // Only the resources of blocks that have works can take work data.
  await store.run(`CREATE OR REPLACE TEMP TABLE dsr_t_work_links AS
    WITH candidates AS (SELECT r.f, r.block_id, r.resource_ref, r.line_no FROM dsr_t_resources r
      SEMI JOIN (SELECT DISTINCT f, block_id FROM dsr_t_works) w ON w.f = r.f AND w.block_id = r.block_id)
    SELECT w.*, coalesce(named.line_no, prev.line_no) AS resource_line
    FROM dsr_t_works w
    ASOF LEFT JOIN (SELECT f, block_id, line_no FROM candidates) prev ON prev.f = w.f AND prev.block_id = w.block_id AND w.line_no > prev.line_no
    LEFT JOIN (SELECT f, block_id, resource_ref, min(line_no) AS line_no FROM candidates GROUP BY ALL) named
      ON named.f = w.f AND named.block_id = w.block_id AND named.resource_ref = w.resource_ref`);
  // Most resources have one work: those need no ordered aggregate (the costly part).
  await store.run(`INSERT INTO dsr_t_work_fold
    SELECT f, resource_line, any_value(iswc), any_value(title), any_value(writers), any_value(writer_ids), any_value(publishers),
      any_value(proprietary_work_id)
    FROM dsr_t_work_links WHERE resource_line IS NOT NULL GROUP BY f, resource_line HAVING count(*) = 1`);
  await store.run(`INSERT INTO dsr_t_work_fold
    SELECT f, resource_line, first(iswc ORDER BY line_no), first(title ORDER BY line_no),
      string_agg(writers, '|' ORDER BY line_no), string_agg(writer_ids, '|' ORDER BY line_no),
      string_agg(publishers, '|' ORDER BY line_no), first(proprietary_work_id ORDER BY line_no)
    FROM (SELECT l.* FROM dsr_t_work_links l
      SEMI JOIN (SELECT f, resource_line FROM dsr_t_work_links WHERE resource_line IS NOT NULL GROUP BY f, resource_line HAVING count(*) > 1) m
        ON m.f = l.f AND m.resource_line = l.resource_line)
    GROUP BY f, resource_line`);
}
