import { dateValue, listValue, type DuckDBAppender } from '@duckdb/node-api';
import { sql, type Store } from '../../warehouse/index.js';
import type { PartyRow, WorkRows } from './work-rows.js';

/** The current rows of a work as stored, in the shape `toWorkRows` gives (for comparison and history). */
export interface StoredWork extends Omit<WorkRows, 'parties'> {
  readonly version: number;
}

/** Loads the current rows of a work, or undefined when the work is unknown. */
export async function loadStoredWork(store: Store, workId: string): Promise<StoredWork | undefined> {
  const w = await store.one<Record<string, unknown>>(sql`SELECT * FROM works WHERE work_id = ${workId}`);
  if (!w) return undefined;
  const s = (v: unknown) =>
    typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'bigint' ? String(v) : null;
  const n = (v: unknown) => (v === null || v === undefined ? null : Number(v));
  const iswcs = await store.all<{ iswc: string; preferred: boolean }>(
    sql`SELECT iswc, preferred FROM work_iswcs WHERE work_id = ${workId} ORDER BY rowid`,
  );
  const titles = await store.all<Record<string, unknown>>(
    sql`SELECT title, title_type, language FROM work_titles WHERE work_id = ${workId} ORDER BY rowid`,
  );
  const shares = await store.all<Record<string, unknown>>(
    sql`SELECT * FROM work_shares WHERE work_id = ${workId} ORDER BY rowid`,
  );
  const performers = await store.all<{ name: string }>(
    sql`SELECT name FROM work_performers WHERE work_id = ${workId} ORDER BY rowid`,
  );
  const recordings = await store.all<Record<string, unknown>>(
    sql`SELECT * FROM recordings WHERE work_id = ${workId} AND source = 'cwr' ORDER BY rowid`,
  );
  const societyIds = await store.all<{ society: string; society_work_id: string }>(
    sql`SELECT society, society_work_id FROM work_society_ids WHERE work_id = ${workId} ORDER BY rowid`,
  );
  const details = await store.all<Record<string, unknown>>(
    sql`SELECT * EXCLUDE (release_date), release_date::VARCHAR AS release_date FROM work_recording_details WHERE work_id = ${workId} ORDER BY position`,
  );
  return {
    version: Number(w['version']),
    work: {
      work_id: workId,
      title: String(w['title']),
      iswc: s(w['iswc']),
      submitter_work_id: String(w['submitter_work_id']),
      submitter: String(w['submitter']),
      language: s(w['language']),
      duration_s: n(w['duration_s']),
      version_type: String(w['version_type']),
      distribution_category: String(w['distribution_category']),
    },
    iswcs: iswcs.map((r) => ({ iswc: r.iswc, preferred: r.preferred })),
    titles: titles.map((r) => ({
      title: String(r['title']),
      title_type: String(r['title_type']),
      language: s(r['language']),
    })),
    shares: shares.map((r) => ({
      party_id: String(r['party_id']),
      role: String(r['role']),
      chain: n(r['chain']),
      right_type: r['right_type'] as 'performing',
      territories: String(r['territories']),
      ownership_share: Number(r['ownership_share']),
      collection_share: Number(r['collection_share']),
      controlled: Boolean(r['controlled']),
      society: s(r['society']),
    })),
    performers: performers.map((r) => r.name),
    recordings: recordings.map((r) => ({
      isrc: String(r['isrc']),
      title: s(r['title']),
      version_title: s(r['version_title']),
      display_artist: s(r['display_artist']),
      duration_s: n(r['duration_s']),
    })),
    societyIds: societyIds.map((r) => ({ society: r.society, society_work_id: r.society_work_id })),
    recordingDetails: details.map((r) => ({
      position: Number(r['position']),
      isrc: s(r['isrc']),
      title: s(r['title']),
      version_title: s(r['version_title']),
      display_artist: s(r['display_artist']),
      label: s(r['label']),
      release_date: s(r['release_date']),
      ean: s(r['ean']),
      duration_s: n(r['duration_s']),
    })),
  };
}

/** Removes the current rows of a work (before its replacement is appended); history is written by the caller. */
export async function deleteWorkRows(store: Store, workId: string): Promise<void> {
  for (const table of [
    'work_iswcs',
    'work_titles',
    'work_shares',
    'work_performers',
    'work_society_ids',
    'work_recording_details',
  ]) {
    await store.run({ text: `DELETE FROM ${table} WHERE work_id = $1`, values: [workId] });
  }
  await store.run(sql`DELETE FROM recordings WHERE work_id = ${workId} AND source = 'cwr'`);
  await store.run(sql`DELETE FROM isrc_work_links WHERE work_id = ${workId} AND source = 'cwr'`);
  await store.run(sql`DELETE FROM works WHERE work_id = ${workId}`);
}

/** Which of these work ids exist, with their current version. */
export async function existingVersions(
  store: Store,
  workIds: readonly string[],
): Promise<Map<string, number>> {
  if (workIds.length === 0) return new Map();
  const rows = await store.all<{ work_id: string; version: number }>(
    sql`SELECT work_id, version FROM works WHERE work_id IN (SELECT unnest(${listValue([...workIds])}::VARCHAR[]))`,
  );
  return new Map(rows.map((r) => [r.work_id, Number(r.version)]));
}

/** A work to append: its rows, version, where it came from. */
export interface WorkToAppend {
  readonly rows: WorkRows;
  readonly version: number;
  readonly registeredAt: string | null;
}

type Cell = string | number | boolean | null | { readonly date: string };

function append(appender: DuckDBAppender, cells: readonly Cell[]): void {
  for (const c of cells) {
    if (c === null) appender.appendNull();
    else if (typeof c === 'string') appender.appendVarchar(c);
    else if (typeof c === 'object') {
      const [year, month, day] = c.date.split('-').map(Number) as [number, number, number];
      appender.appendDate(dateValue({ year, month, day }));
    } else if (typeof c === 'boolean') appender.appendBoolean(c);
    else appender.appendInteger(c);
  }
  appender.endRow();
}

/**
 * Appends works and their rows with the DuckDB Appender (one appender per table, in column order of
 * 001-core.sql), and the parties not yet known. Runs inside the caller's transaction.
 */
export async function appendWorks(
  store: Store,
  works: readonly WorkToAppend[],
  context: { fileId: string; now: string },
): Promise<void> {
  if (works.length === 0) return;
  const partyRows = new Map<string, PartyRow>();
  for (const w of works)
    for (const p of w.rows.parties) if (!partyRows.has(p.party_id)) partyRows.set(p.party_id, p);
  const known = new Set(
    (
      await store.all<{ party_id: string }>(
        sql`SELECT party_id FROM parties WHERE party_id IN (SELECT unnest(${listValue([...partyRows.keys()])}::VARCHAR[]))`,
      )
    ).map((r) => r.party_id),
  );
  const open = (table: string) => store.connection.createAppender(table);
  const [works_, iswcs, titles, shares, performers, recordings, links, parties, societyIds, details] =
    await Promise.all(
      [
        'works',
        'work_iswcs',
        'work_titles',
        'work_shares',
        'work_performers',
        'recordings',
        'isrc_work_links',
        'parties',
        'work_society_ids',
        'work_recording_details',
      ].map(open),
    );
  for (const p of partyRows.values()) {
    if (known.has(p.party_id)) continue;
    append(parties!, [
      p.party_id,
      p.kind,
      p.name,
      p.first_name,
      p.ipi_name_number,
      p.ipi_base_number,
      p.pr_society,
      p.mr_society,
      false,
    ]);
  }
  for (const { rows, version, registeredAt } of works) {
    const w = rows.work;
    const id = w.work_id;
    append(works_!, [
      id,
      w.title,
      w.iswc,
      w.submitter_work_id,
      w.submitter,
      w.language,
      w.duration_s,
      w.version_type,
      w.distribution_category,
      version,
      context.fileId,
      registeredAt,
    ]);
    for (const i of rows.iswcs) append(iswcs!, [id, i.iswc, i.preferred]);
    for (const t of rows.titles) append(titles!, [id, t.title, t.title_type, t.language]);
    for (const s of rows.shares)
      append(shares!, [
        id,
        s.party_id,
        s.role,
        s.chain,
        s.right_type,
        s.territories,
        s.ownership_share,
        s.collection_share,
        s.controlled,
        s.society,
      ]);
    for (const name of rows.performers) append(performers!, [id, name]);
    for (const r of rows.recordings) {
      append(recordings!, [r.isrc, id, r.title, r.version_title, r.display_artist, r.duration_s, 'cwr']);
      append(links!, [r.isrc, id, w.iswc, 'cwr', context.fileId, 100, context.now, context.now, false]);
    }
    for (const x of rows.societyIds)
      append(societyIds!, [id, x.society, x.society_work_id, 'cwr', context.fileId]);
    for (const d of rows.recordingDetails)
      append(details!, [
        id,
        d.position,
        d.isrc,
        d.title,
        d.version_title,
        d.display_artist,
        d.label,
        d.release_date && /^\d{4}-\d{2}-\d{2}$/.test(d.release_date) ? { date: d.release_date } : null,
        d.ean,
        d.duration_s,
        context.fileId,
      ]);
  }
  for (const a of [
    works_,
    iswcs,
    titles,
    shares,
    performers,
    recordings,
    links,
    parties,
    societyIds,
    details,
  ])
    a!.closeSync();
}
