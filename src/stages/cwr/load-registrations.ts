import { listValue } from '@duckdb/node-api';
import type {
  CollectionShare,
  OwnershipShares,
  PublisherInWork,
  RecordingRegistration,
  ShareHundredths,
  WorkRegistration,
  WriterInWork,
} from '../../domain/index.js';
import { sql, type Store } from '../../warehouse/index.js';

type Row = Record<string, unknown>;
/** The text of a scalar cell ('' for null or anything else). */
const text = (v: unknown): string =>
  typeof v === 'string'
    ? v
    : typeof v === 'number' || typeof v === 'bigint' || typeof v === 'boolean'
      ? String(v)
      : '';
const str = (v: unknown) => (v === null || v === undefined ? undefined : text(v));

/** The interested-party # written for a party on export: the submitter's own number, or the IPI's last 9 digits. */
function ipNumberOf(partyId: string): string {
  if (partyId.startsWith('IPI:')) return partyId.slice(-9);
  const own = partyId.split(':').slice(2).join(':');
  return own.includes('/') ? '' : own;
}

function parseTerritories(expression: string): CollectionShare['territories'] {
  return expression
    .split(' ')
    .filter((t) => t)
    .map((t) => ({ include: t.startsWith('+'), tis: t.slice(1) }));
}

/** A cell as an optional property (absent when null or blank). */
const cell = <K extends string>(key: K, v: unknown) =>
  (v === null || v === undefined || v === '' ? {} : { [key]: text(v) }) as { [P in K]?: string };
const seconds = (v: unknown) => (v === null || v === undefined ? {} : { durationS: Number(v) });

/**
 * The recordings of a work: every CWR REC in order from `work_recording_details` (with label, release
 * date, EAN, and those without ISRC), then the `recordings` rows of other sources not already listed.
 */
function recordingsOf(details: readonly Row[], recordings: readonly Row[]): RecordingRegistration[] {
  const out: RecordingRegistration[] = details.map((r) => ({
    ...cell('isrc', r['isrc']),
    ...cell('title', r['title']),
    ...cell('versionTitle', r['version_title']),
    ...cell('displayArtist', r['display_artist']),
    ...cell('label', r['label']),
    ...cell('releaseDate', r['release_date']),
    ...cell('ean', r['ean']),
    ...seconds(r['duration_s']),
  }));
  const listed = new Set(out.map((r) => r.isrc).filter((i) => i !== undefined));
  for (const r of recordings) {
    if (listed.has(text(r['isrc']))) continue;
    out.push({
      isrc: text(r['isrc']),
      ...cell('title', r['title']),
      ...cell('versionTitle', r['version_title']),
      ...cell('displayArtist', r['display_artist']),
      ...seconds(r['duration_s']),
    });
  }
  return out;
}

function groupBy(rows: Row[]): Map<string, Row[]> {
  const map = new Map<string, Row[]>();
  for (const r of rows) {
    const id = text(r['work_id']);
    const list = map.get(id);
    if (list) list.push(r);
    else map.set(id, [r]);
  }
  return map;
}

/**
 * Rebuilds `WorkRegistration`s from the repertoire (the inverse of the import's mapping), ordered by
 * work id; all works, or those listed. Shares come back per party with ownership per right and one
 * collection share per territory expression.
 */
export async function loadRegistrations(
  store: Store,
  workIds?: readonly string[],
): Promise<WorkRegistration[]> {
  const filter = workIds === undefined ? '' : 'WHERE work_id IN (SELECT unnest($1::VARCHAR[]))';
  const values = workIds === undefined ? [] : [listValue([...workIds])];
  const q = (text: string) => store.all<Row>({ text: text.replace('%F', filter), values });
  const works = await q('SELECT * FROM works %F ORDER BY work_id');
  const titles = groupBy(
    await q('SELECT work_id, title, title_type, language FROM work_titles %F ORDER BY rowid'),
  );
  const shares = groupBy(await q('SELECT * FROM work_shares %F ORDER BY rowid'));
  const performers = groupBy(await q('SELECT work_id, name FROM work_performers %F ORDER BY rowid'));
  const recordings = groupBy(await q('SELECT * FROM recordings %F ORDER BY rowid'));
  const details = groupBy(
    await q(
      'SELECT * EXCLUDE (release_date), release_date::VARCHAR AS release_date FROM work_recording_details %F ORDER BY work_id, position',
    ),
  );
  const societyIds = groupBy(await q('SELECT * FROM work_society_ids %F ORDER BY rowid'));
  const parties = new Map(
    (await store.all<Row>(sql`SELECT * FROM parties`)).map((p) => [text(p['party_id']), p]),
  );

  return works.map((w) => {
    const id = text(w['work_id']);
    const byParty = new Map<string, Row[]>();
    for (const s of shares.get(id) ?? []) {
      const k = `${text(s['party_id'])}|${text(s['role'])}|${text(s['chain'])}|${text(s['controlled'])}`;
      const list = byParty.get(k);
      if (list) list.push(s);
      else byParty.set(k, [s]);
    }
    const publishers: PublisherInWork[] = [];
    const writers: WriterInWork[] = [];
    for (const rows of byParty.values()) {
      const first = rows[0]!;
      const partyId = text(first['party_id']);
      const party = parties.get(partyId);
      const right = (r: string) => rows.find((x) => x['right_type'] === r);
      const ownership = {
        performing: Number(right('performing')?.['ownership_share'] ?? 0),
        mechanical: Number(right('mechanical')?.['ownership_share'] ?? 0),
        sync: Number(right('sync')?.['ownership_share'] ?? 0),
      } as OwnershipShares;
      const collection: CollectionShare[] = [];
      for (const expr of [...new Set(rows.map((r) => text(r['territories'])))]) {
        const of = (r: string) =>
          Number(
            rows.find((x) => x['territories'] === expr && x['right_type'] === r)?.['collection_share'] ?? 0,
          ) as ShareHundredths;
        collection.push({
          territories: parseTerritories(expr),
          shares: { performing: of('performing'), mechanical: of('mechanical'), sync: of('sync') },
        });
      }
      const societies = Object.fromEntries(
        (
          [
            ['prSociety', 'performing'],
            ['mrSociety', 'mechanical'],
            ['srSociety', 'sync'],
          ] as const
        ).flatMap(([k, r]) => (right(r)?.['society'] ? [[k, text(right(r)!['society'])]] : [])),
      );
      const ipi = partyId.startsWith('IPI:') ? { ipiNameNumber: partyId.slice(4) } : {};
      const base = str(party?.['ipi_base_number']);
      const common = {
        ipNumber: ipNumberOf(partyId),
        role: text(first['role']),
        controlled: Boolean(first['controlled']),
        ownership,
        collection,
        ...societies,
        ...ipi,
        ...(base ? { ipiBaseNumber: base } : {}),
      };
      if (party?.['kind'] === 'publisher') {
        publishers.push({ ...common, chain: Number(first['chain'] ?? 0), name: text(party['name'] ?? '') });
      } else {
        const firstName = str(party?.['first_name']);
        writers.push({
          ...common,
          lastName: text(party?.['name'] ?? ''),
          ...(firstName ? { firstName } : {}),
          ...(first['chain'] !== null ? { publisherChain: Number(first['chain']) } : {}),
        });
      }
    }
    const allTitles = titles.get(id) ?? [];
    const language = str(w['language']);
    const iswc = str(w['iswc']);
    const duration = w['duration_s'] === null ? undefined : Number(w['duration_s']);
    return {
      submitterWorkId: text(w['submitter_work_id'] ?? id),
      title: text(w['title']),
      ...(iswc ? { iswc } : {}),
      alternateTitles: allTitles
        .filter((t) => t['title_type'] !== 'OT')
        .map((t) => ({
          title: text(t['title']),
          titleType: text(t['title_type']),
          ...(t['language'] ? { language: text(t['language']) } : {}),
        })),
      ...(language ? { language } : {}),
      ...(duration !== undefined ? { durationS: duration } : {}),
      versionType: w['version_type'] === 'MOD' ? 'MOD' : 'ORI',
      distributionCategory: (['POP', 'SER', 'JAZ', 'UNC'].includes(text(w['distribution_category']))
        ? text(w['distribution_category'])
        : 'UNC') as WorkRegistration['distributionCategory'],
      writers,
      publishers,
      performers: (performers.get(id) ?? []).map((p) => text(p['name'])),
      recordings: recordingsOf(details.get(id) ?? [], recordings.get(id) ?? []),
      ...((societyIds.get(id) ?? []).length > 0
        ? {
            societyWorkIds: societyIds.get(id)!.map((x) => ({
              society: text(x['society']),
              workId: text(x['society_work_id']),
            })),
          }
        : {}),
    };
  });
}
