import {
  shareHundredths,
  type CollectionShare,
  type OwnershipShares,
  type RightType,
  type WorkRegistration,
} from '../../domain/index.js';

/** The rows one registration becomes in the core tables (001-core.sql), without run or file columns. */
export interface WorkRows {
  readonly work: {
    readonly work_id: string;
    readonly title: string;
    readonly iswc: string | null;
    readonly submitter_work_id: string;
    readonly submitter: string;
    readonly language: string | null;
    readonly duration_s: number | null;
    readonly version_type: string;
    readonly distribution_category: string;
  };
  readonly iswcs: readonly { readonly iswc: string; readonly preferred: boolean }[];
  readonly titles: readonly {
    readonly title: string;
    readonly title_type: string;
    readonly language: string | null;
  }[];
  readonly parties: readonly PartyRow[];
  readonly shares: readonly ShareRow[];
  readonly performers: readonly string[];
  readonly recordings: readonly {
    readonly isrc: string;
    readonly title: string | null;
    readonly version_title: string | null;
    readonly display_artist: string | null;
    readonly duration_s: number | null;
  }[];
  /** XRF society work codes (table `work_society_ids`, migration 010). */
  readonly societyIds: readonly { readonly society: string; readonly society_work_id: string }[];
  /** Every REC in order, with or without ISRC (table `work_recording_details`, migration 010). */
  readonly recordingDetails: readonly RecordingDetailRow[];
}

export interface RecordingDetailRow {
  readonly position: number;
  readonly isrc: string | null;
  readonly title: string | null;
  readonly version_title: string | null;
  readonly display_artist: string | null;
  readonly label: string | null;
  /** `YYYY-MM-DD`. */
  readonly release_date: string | null;
  readonly ean: string | null;
  readonly duration_s: number | null;
}

export interface PartyRow {
  readonly party_id: string;
  readonly kind: 'writer' | 'publisher';
  readonly name: string;
  readonly first_name: string | null;
  readonly ipi_name_number: string | null;
  readonly ipi_base_number: string | null;
  readonly pr_society: string | null;
  readonly mr_society: string | null;
}

export interface ShareRow {
  readonly party_id: string;
  readonly role: string;
  readonly chain: number | null;
  readonly right_type: RightType;
  readonly territories: string;
  readonly ownership_share: number;
  readonly collection_share: number;
  readonly controlled: boolean;
  readonly society: string | null;
}

/** `<submitter>-<submitter work #>`: stable across re-imports and revisions of the same work. */
export const workIdOf = (submitter: string, submitterWorkId: string) => `${submitter}-${submitterWorkId}`;

/** `IPI:<11 digits>` when the IPI name number is known, else `IP:<submitter>:<interested party #>`. */
export function partyIdOf(
  submitter: string,
  ipNumber: string,
  ipiNameNumber: string | undefined,
  fallback: string,
): string {
  if (ipiNameNumber && /^\d{11}$/.test(ipiNameNumber) && Number(ipiNameNumber) > 0)
    return `IPI:${ipiNameNumber}`;
  return `IP:${submitter}:${ipNumber || fallback}`;
}

/** A territory expression from CWR include/exclude terms: `'+2136 -0250'`. */
export function territoryExpression(c: CollectionShare): string {
  return c.territories.map((t) => `${t.include ? '+' : '-'}${t.tis.padStart(4, '0')}`).join(' ');
}

const RIGHTS: readonly [RightType, 'prSociety' | 'mrSociety' | 'srSociety'][] = [
  ['performing', 'prSociety'],
  ['mechanical', 'mrSociety'],
  ['sync', 'srSociety'],
];

interface ShareParty {
  readonly ipNumber: string;
  readonly ipiNameNumber?: string;
  readonly role: string;
  readonly controlled: boolean;
  readonly ownership: OwnershipShares;
  readonly collection: readonly CollectionShare[];
  readonly prSociety?: string;
  readonly mrSociety?: string;
  readonly srSociety?: string;
}

const NOTHING: OwnershipShares = {
  performing: shareHundredths(0),
  mechanical: shareHundredths(0),
  sync: shareHundredths(0),
};

/**
 * A party with no territory record collects what it owns, worldwide (issue 3) — unless another
 * publisher of its chain has territory records: then the chain's collection is on those records (e.g.
 * an administrator's SPT after the original publisher's SPU) and this party collects nothing.
 */
function shareRows(
  partyId: string,
  p: ShareParty,
  chain: number | undefined,
  chainCollects = false,
): ShareRow[] {
  const collection: readonly CollectionShare[] =
    p.collection.length > 0
      ? p.collection
      : [{ territories: [{ include: true, tis: '2136' }], shares: chainCollects ? NOTHING : p.ownership }];
  const out: ShareRow[] = [];
  for (const c of collection) {
    const territories = territoryExpression(c);
    for (const [right, society] of RIGHTS) {
      out.push({
        party_id: partyId,
        role: p.role,
        chain: chain ?? null,
        right_type: right,
        territories,
        ownership_share: p.ownership[right],
        collection_share: c.shares[right],
        controlled: p.controlled,
        society: p[society] ?? null,
      });
    }
  }
  return out;
}

/** Maps a registration to its rows (pure). Recordings without an ISRC have no row (recordings.isrc is NOT NULL). */
export function toWorkRows(reg: WorkRegistration, submitter: string): WorkRows {
  const workId = workIdOf(submitter, reg.submitterWorkId);
  const parties: PartyRow[] = [];
  const shares: ShareRow[] = [];
  const collectingChains = new Set(reg.publishers.filter((p) => p.collection.length > 0).map((p) => p.chain));
  reg.publishers.forEach((p, i) => {
    const id = partyIdOf(submitter, p.ipNumber, p.ipiNameNumber, `${reg.submitterWorkId}/P${i + 1}`);
    parties.push({
      party_id: id,
      kind: 'publisher',
      name: p.name,
      first_name: null,
      ipi_name_number: id.startsWith('IPI:') ? id.slice(4) : null,
      ipi_base_number: p.ipiBaseNumber ?? null,
      pr_society: p.prSociety ?? null,
      mr_society: p.mrSociety ?? null,
    });
    shares.push(...shareRows(id, p, p.chain, collectingChains.has(p.chain)));
  });
  reg.writers.forEach((w, i) => {
    const id = partyIdOf(submitter, w.ipNumber, w.ipiNameNumber, `${reg.submitterWorkId}/W${i + 1}`);
    parties.push({
      party_id: id,
      kind: 'writer',
      name: w.lastName,
      first_name: w.firstName ?? null,
      ipi_name_number: id.startsWith('IPI:') ? id.slice(4) : null,
      ipi_base_number: w.ipiBaseNumber ?? null,
      pr_society: w.prSociety ?? null,
      mr_society: w.mrSociety ?? null,
    });
    shares.push(...shareRows(id, w, w.publisherChain));
  });
  const seenIsrc = new Set<string>();
  const seenSocietyIds = new Set<string>();
  return {
    work: {
      work_id: workId,
      title: reg.title,
      iswc: reg.iswc ?? null,
      submitter_work_id: reg.submitterWorkId,
      submitter,
      language: reg.language ?? null,
      duration_s: reg.durationS ?? null,
      version_type: reg.versionType,
      distribution_category: reg.distributionCategory,
    },
    iswcs: reg.iswc ? [{ iswc: reg.iswc, preferred: true }] : [],
    titles: [
      { title: reg.title, title_type: 'OT', language: reg.language ?? null },
      ...reg.alternateTitles.map((t) => ({
        title: t.title,
        title_type: t.titleType,
        language: t.language ?? null,
      })),
    ],
    parties,
    shares,
    performers: [...reg.performers],
    recordings: reg.recordings.flatMap((r) => {
      if (!r.isrc || seenIsrc.has(r.isrc)) return [];
      seenIsrc.add(r.isrc);
      return [
        {
          isrc: r.isrc,
          title: r.title ?? null,
          version_title: r.versionTitle ?? null,
          display_artist: r.displayArtist ?? null,
          duration_s: r.durationS ?? null,
        },
      ];
    }),
    societyIds: (reg.societyWorkIds ?? []).flatMap((s) => {
      const k = `${s.society}|${s.workId}`;
      if (!s.society || !s.workId || seenSocietyIds.has(k)) return [];
      seenSocietyIds.add(k);
      return [{ society: s.society, society_work_id: s.workId }];
    }),
    recordingDetails: reg.recordings.map((r, i) => ({
      position: i + 1,
      isrc: r.isrc ?? null,
      title: r.title ?? null,
      version_title: r.versionTitle ?? null,
      display_artist: r.displayArtist ?? null,
      label: r.label ?? null,
      release_date: r.releaseDate ?? null,
      ean: r.ean ?? null,
      duration_s: r.durationS ?? null,
    })),
  };
}

const key = (v: unknown) => JSON.stringify(v);
const sorted = <T>(rows: readonly T[]) => [...rows].map(key).sort();

/**
 * A canonical text of what a work's rows say (order-free), to tell a real revision from a re-sent
 * registration. Parties are left out: they are shared between works and never replaced.
 */
export function snapshotKey(rows: Omit<WorkRows, 'parties'>): string {
  return key({
    work: rows.work,
    iswcs: sorted(rows.iswcs),
    titles: sorted(rows.titles),
    shares: sorted(rows.shares),
    performers: [...rows.performers].sort(),
    recordings: sorted(rows.recordings),
    societyIds: sorted(rows.societyIds),
    recordingDetails: sorted(rows.recordingDetails),
  });
}
