import {
  TuttiError,
  ipiBaseNumberFromNumber,
  ipiNameNumberFromNumber,
  isoToTis,
  iswcFromNumber,
  parsePeriod,
  type PublisherInWork,
  type RecordingRegistration,
  type WorkRegistration,
  type WriterInWork,
} from '../domain/index.js';
import type { Catalogue, CatalogueWork, PoolEntry } from './catalogue.js';
import { makeArtist, makePerson, makeTitle, type BilingualTitle } from './names.js';
import { createRandom, type Random } from './random.js';
import type {
  GenerateOptions,
  GeneratedMandate,
  GeneratedPublisher,
  GeneratedRegistration,
  GeneratedRepertoire,
  IsrcCollision,
  ReportPlan,
} from './types.js';
import { LABELS } from './vocabulary.js';
import { NO_OWNERSHIP, ownership, splitShares } from './work-shares.js';

/** A repertoire plus what is needed to build its reports lazily, one at a time. */
export interface DatasetPlan extends GeneratedRepertoire {
  readonly options: GenerateOptions;
  readonly catalogue: Catalogue;
}

interface PublisherSeed {
  readonly name: string;
  readonly society: string;
  readonly mrSociety: string;
  /** Share of the works it registers (0: sub-publisher only). */
  readonly weight: number;
}

// Four Sacem publishers, two foreign catalogues that mandate Sacem (royalties.md §4), one German sub-publisher.
const PUBLISHER_SEEDS: readonly PublisherSeed[] = [
  { name: 'Éditions Lumière', society: '058', mrSociety: '058', weight: 30 },
  { name: 'Les Éditions du Canal', society: '058', mrSociety: '058', weight: 20 },
  { name: 'Marais Musique', society: '058', mrSociety: '058', weight: 15 },
  { name: 'Atelier Sonore Publishing', society: '058', mrSociety: '058', weight: 12 },
  { name: 'Northbridge Music Ltd', society: '052', mrSociety: '044', weight: 10 },
  { name: 'Westgate Songs Inc', society: '010', mrSociety: '034', weight: 8 },
  { name: 'Musikverlag Rheinklang', society: '035', mrSociety: '035', weight: 0 },
];
const NORTHBRIDGE = 4;
const WESTGATE = 5;
const RHEINKLANG = 6;
const DOMESTIC = [0, 1, 2, 3];

const WRITER_SOCIETIES = ['058', '052', '035', '010'] as const;
const WRITER_SOCIETY_WEIGHTS = [70, 12, 8, 10];
const MR_SOCIETY: Readonly<Record<string, string>> = {
  '058': '058',
  '052': '044',
  '035': '035',
  '010': '034',
};
const WORLD = [{ include: true, tis: '2136' }] as const;
const CATEGORIES: readonly WorkRegistration['distributionCategory'][] = ['POP', 'JAZ', 'SER'];

interface PoolWriter {
  readonly ipNumber: string;
  readonly firstName: string;
  readonly lastName: string;
  readonly ipiNameNumber: string;
  readonly ipiBaseNumber: string;
  readonly society: string;
}

function validate(options: GenerateOptions): void {
  const bad = (message: string) => new TuttiError('USAGE', message);
  if (!Number.isInteger(options.works) || options.works < 1)
    throw bad(`works must be a positive integer, got ${options.works}`);
  if (options.services.length === 0) throw bad('at least one service is needed (e.g. Spotify)');
  if (options.territories.length === 0) throw bad('at least one territory is needed (e.g. FR)');
  if (options.months.length === 0) throw bad('at least one month is needed (e.g. 2024-01)');
  for (const t of options.territories) {
    if (!/^[A-Za-z]{2}$/.test(t) || isoToTis(t) === undefined)
      throw bad(`territory "${t}" is not an ISO 3166-1 alpha-2 country (e.g. FR, DE)`);
  }
  for (const m of options.months) {
    if (parsePeriod(m).kind !== 'month') throw bad(`"${m}" is not a month: use YYYY-MM`);
  }
  for (const s of options.services) {
    if (!/^[A-Za-z0-9]+$/.test(s))
      throw bad(`service "${s}" must be letters and digits only (it goes into file names)`);
  }
  const lines = options.usageLinesPerReport;
  if (lines !== undefined && (!Number.isInteger(lines) || lines < 1))
    throw bad(`usage lines per report must be a positive integer, got ${lines}`);
}

/**
 * Builds the repertoire of a synthetic world (publishers, their registrations, mandates) and the catalogue
 * that reports sample from. Deterministic for `options.seed`. Shares follow royalties.md §3.3–3.4:
 * ownership per right sums to exactly 10000, publisher performing share ≤ 5000.
 */
export function createDatasetPlan(options: GenerateOptions): DatasetPlan {
  validate(options);
  const rng = createRandom(options.seed);
  const ipiOffset = rng.int(1_000_000, 400_000_000);
  const iswcOffset = rng.int(1_000_000, 400_000_000);

  const publishers: GeneratedPublisher[] = PUBLISHER_SEEDS.map((p, i) => ({
    ipNumber: `P${String(i + 1).padStart(4, '0')}`,
    name: p.name,
    ipiNameNumber: ipiNameNumberFromNumber(ipiOffset + i),
    ipiBaseNumber: ipiBaseNumberFromNumber(ipiOffset + i),
    society: p.society,
    mrSociety: p.mrSociety,
    submits: p.weight > 0,
  }));

  const writerCount = Math.max(30, Math.ceil(options.works * 0.4));
  const writers: PoolWriter[] = [];
  const domesticWriters: number[] = [];
  const foreignWriters: number[] = [];
  for (let i = 0; i < writerCount; i++) {
    const person = makePerson(rng);
    const society = WRITER_SOCIETIES[rng.weighted(WRITER_SOCIETY_WEIGHTS)] as string;
    writers.push({
      ipNumber: `W${String(i + 1).padStart(7, '0')}`,
      ...person,
      ipiNameNumber: ipiNameNumberFromNumber(ipiOffset + 1000 + i),
      ipiBaseNumber: ipiBaseNumberFromNumber(ipiOffset + 1000 + i),
      society,
    });
    (society === '058' ? domesticWriters : foreignWriters).push(i);
  }
  const artists: string[] = [];
  for (let i = 0, n = Math.max(20, Math.ceil(options.works * 0.3)); i < n; i++) artists.push(makeArtist(rng));

  const builder = new WorkBuilder(
    rng,
    publishers,
    writers,
    domesticWriters,
    foreignWriters,
    artists,
    iswcOffset,
  );
  const weights = PUBLISHER_SEEDS.map((p) => p.weight);
  for (let i = 0; i < options.works; i++) builder.addWork(i, rng.weighted(weights));

  const registrations: GeneratedRegistration[] = publishers
    .map((p, i) => ({
      senderIpi: p.ipiNameNumber,
      senderName: p.name,
      works: builder.worksBySubmitter[i] ?? [],
    }))
    .filter((r, i) => publishers[i]?.submits === true && r.works.length > 0);

  const pool = builder.pool;
  const foreignCount = Math.ceil(pool.length * 0.35);
  for (let i = 0; i < foreignCount; i++) {
    const sameTitle = rng.chance(0.15);
    const title = sameTitle ? rng.pick(builder.works).work.title : pickLanguage(rng, makeTitle(rng));
    const entry: PoolEntry = {
      kind: 'foreign',
      title,
      displayArtist: makeArtist(rng),
      durationS: rng.int(120, 360),
      ...(rng.chance(0.9) ? { isrc: builder.isrc(rng.pick(['GB', 'US', 'DE', 'SE']), true) } : {}),
      ...(sameTitle ? { sameTitle: true } : {}),
    };
    pool.push(entry);
  }
  const popularity = new Int32Array(pool.length);
  for (let i = 0; i < pool.length; i++) popularity[i] = i;
  for (let i = pool.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    const t = popularity[i] as number;
    popularity[i] = popularity[j] as number;
    popularity[j] = t;
  }

  const mandates = createMandates(publishers, options.services);
  const reportPlans: ReportPlan[] = [];
  for (const service of options.services) {
    for (const territory of options.territories) {
      for (const month of options.months) {
        const iso = territory.toUpperCase();
        reportPlans.push({
          index: reportPlans.length,
          service,
          territory: iso,
          month,
          messageId: `${service.toUpperCase()}-${iso}-${month.replace('-', '')}`,
        });
      }
    }
  }

  return {
    society: { code: '058', name: 'SACEM' },
    publishers,
    registrations,
    mandates,
    isrcCollisions: builder.collisions(),
    reportPlans,
    options,
    catalogue: {
      works: builder.works,
      pool,
      popularity,
      sharedIsrcs: new Set(builder.collisions().map((c) => c.isrc)),
      registeredIsrcs: builder.registeredIsrcs,
      artists,
    },
  };
}

function pickLanguage(rng: Random, t: BilingualTitle): string {
  return rng.chance(0.5) ? t.fr : t.en;
}

function createMandates(
  publishers: readonly GeneratedPublisher[],
  services: readonly string[],
): GeneratedMandate[] {
  const northbridge = publishers[NORTHBRIDGE] as GeneratedPublisher;
  const westgate = publishers[WESTGATE] as GeneratedPublisher;
  const online = services.filter((s) => s === 'YouTube' || s === 'Deezer');
  return [
    {
      mandateId: 'M001',
      mandatorIpi: northbridge.ipiNameNumber,
      mandatorName: northbridge.name,
      rightTypes: ['mechanical'],
      territories: [{ include: true, tis: '2123' }],
      services: online.length > 0 ? online : services.slice(0, 1),
      validFrom: '2020-01-01',
      commissionBp: 800,
    },
    {
      mandateId: 'M002',
      mandatorIpi: westgate.ipiNameNumber,
      mandatorName: westgate.name,
      rightTypes: ['performing', 'mechanical'],
      territories: [{ include: true, tis: '2121' }],
      validFrom: '2021-07-01',
      commissionBp: 1000,
    },
  ];
}

/** Builds works one by one, keeping the pool of reportable resources and ISRC bookkeeping alongside. */
class WorkBuilder {
  readonly works: CatalogueWork[] = [];
  readonly worksBySubmitter: WorkRegistration[][] = [];
  readonly pool: PoolEntry[] = [];
  readonly registeredIsrcs: string[] = [];
  private readonly isrcOwners = new Map<string, { senderIpi: string; submitterWorkId: string }[]>();
  private readonly sequence: number[] = [];
  private isrcCounter = 0;
  private foreignIsrcCounter = 0;

  constructor(
    private readonly rng: Random,
    private readonly publishers: readonly GeneratedPublisher[],
    private readonly writers: readonly PoolWriter[],
    private readonly domesticWriters: readonly number[],
    private readonly foreignWriters: readonly number[],
    private readonly artists: readonly string[],
    private readonly iswcOffset: number,
  ) {}

  /** A unique ISRC: the registrant code and designation come from a counter; country and year are cosmetic. */
  isrc(country: string, foreign: boolean): string {
    const c = foreign ? this.foreignIsrcCounter++ : this.isrcCounter++;
    const registrant = ((foreign ? 25_920 : 1_296) + Math.floor(c / 100_000)).toString(36).toUpperCase();
    const year = String(this.rng.int(5, 24)).padStart(2, '0');
    return `${country}${registrant}${year}${String(c % 100_000).padStart(5, '0')}`;
  }

  collisions(): IsrcCollision[] {
    const out: IsrcCollision[] = [];
    for (const [isrc, works] of this.isrcOwners) if (works.length > 1) out.push({ isrc, works });
    return out;
  }

  addWork(index: number, submitterIndex: number): void {
    const rng = this.rng;
    const submitter = this.publishers[submitterIndex] as GeneratedPublisher;
    const foreign = submitter.society !== '058';
    const seq = (this.sequence[submitterIndex] = (this.sequence[submitterIndex] ?? 0) + 1);
    const submitterWorkId = `${submitter.ipNumber}W${String(seq).padStart(7, '0')}`;
    const titles = makeTitle(rng);
    const language = foreign || rng.chance(0.25) ? 'EN' : 'FR';
    const title = language === 'FR' ? titles.fr : titles.en;

    const writerCount = 1 + rng.weighted([30, 35, 20, 8, 4, 3]);
    const picked = this.pickWriters(writerCount, foreign);
    const publisherCount = rng.weighted([15, 60, 20, 5]);
    const coPublishers = this.pickCoPublishers(submitterIndex, publisherCount - 1);

    const pubPerforming = publisherCount === 0 ? 0 : foreign ? 5000 : rng.pick([5000, 3333]);
    const pubMechanical = publisherCount === 0 ? 0 : foreign && rng.chance(0.7) ? 10000 : 5000;
    const writerWeights = picked.map(() => rng.int(1, 4));
    const wPerf = splitShares(10000 - pubPerforming, writerWeights);
    const wMech = splitShares(10000 - pubMechanical, writerWeights);
    const ones = Array.from({ length: publisherCount }, () => 1);
    const pPerf = splitShares(pubPerforming, ones);
    const pMech = splitShares(pubMechanical, ones);

    const writerRoles = rolesFor(rng, writerCount);
    const workWriters: WriterInWork[] = picked.map((w, i) => {
      const own = ownership(wPerf[i] as number, wMech[i] as number, wMech[i] as number);
      const chain = publisherCount === 0 ? undefined : (i % publisherCount) + 1;
      return {
        ipNumber: w.ipNumber,
        lastName: w.lastName,
        firstName: w.firstName,
        ipiNameNumber: w.ipiNameNumber,
        ipiBaseNumber: w.ipiBaseNumber,
        role: writerRoles[i] as string,
        controlled: chain === undefined || chain === 1,
        prSociety: w.society,
        mrSociety: MR_SOCIETY[w.society] as string,
        ownership: own,
        collection: [{ territories: WORLD, shares: own }],
        ...(chain === undefined ? {} : { publisherChain: chain }),
      };
    });

    const workPublishers: PublisherInWork[] = [];
    const chainParties = publisherCount === 0 ? [] : [submitterIndex, ...coPublishers];
    chainParties.forEach((pi, c) => {
      const p = this.publishers[pi] as GeneratedPublisher;
      const own = ownership(pPerf[c] as number, pMech[c] as number, pMech[c] as number);
      const base = {
        chain: c + 1,
        ipNumber: p.ipNumber,
        name: p.name,
        ipiNameNumber: p.ipiNameNumber,
        ipiBaseNumber: p.ipiBaseNumber,
      };
      const socs = { prSociety: p.society, mrSociety: p.mrSociety };
      const controlled = c === 0;
      const extra = c === 0 ? this.subPublisher(foreign) : undefined;
      if (extra === undefined) {
        workPublishers.push({
          ...base,
          ...socs,
          role: 'E',
          controlled,
          ownership: own,
          collection: [{ territories: WORLD, shares: own }],
        });
        return;
      }
      const agent = this.publishers[extra.party] as GeneratedPublisher;
      const agentBase = {
        chain: c + 1,
        ipNumber: agent.ipNumber,
        name: agent.name,
        ipiNameNumber: agent.ipiNameNumber,
        ipiBaseNumber: agent.ipiBaseNumber,
      };
      const agentSocs = { prSociety: agent.society, mrSociety: agent.mrSociety };
      if (extra.role === 'SE') {
        // The sub-publisher collects the original publisher's whole share in its territory (royalties.md §3.4).
        const here = [{ include: true, tis: extra.tis }];
        const elsewhere = [
          { include: true, tis: '2136' },
          { include: false, tis: extra.tis },
        ];
        workPublishers.push({
          ...base,
          ...socs,
          role: 'E',
          controlled,
          ownership: own,
          collection: [{ territories: elsewhere, shares: own }],
        });
        workPublishers.push({
          ...agentBase,
          ...agentSocs,
          role: 'SE',
          controlled,
          ownership: NO_OWNERSHIP,
          collection: [{ territories: here, shares: own }],
        });
      } else {
        workPublishers.push({ ...base, ...socs, role: 'E', controlled, ownership: own, collection: [] });
        workPublishers.push({
          ...agentBase,
          ...agentSocs,
          role: 'AM',
          controlled,
          ownership: NO_OWNERSHIP,
          collection: [{ territories: WORLD, shares: own }],
        });
      }
    });

    const performers = rng.chance(0.25)
      ? [rng.pick(this.artists), rng.pick(this.artists)]
      : [rng.pick(this.artists)];
    const durationS = rng.int(120, 360);
    const recordings = this.recordings(
      rng,
      index,
      title,
      performers,
      durationS,
      foreign,
      submitter.ipiNameNumber,
      submitterWorkId,
    );
    const work: WorkRegistration = {
      submitterWorkId,
      title,
      ...(rng.chance(0.85) ? { iswc: iswcFromNumber(this.iswcOffset + index) } : {}),
      alternateTitles: rng.chance(0.08)
        ? [
            {
              title: language === 'FR' ? titles.en : titles.fr,
              titleType: 'TT',
              language: language === 'FR' ? 'EN' : 'FR',
            },
          ]
        : [],
      language,
      durationS,
      versionType: rng.chance(0.05) ? 'MOD' : 'ORI',
      distributionCategory: CATEGORIES[rng.weighted([18, 1, 1])] as WorkRegistration['distributionCategory'],
      writers: workWriters,
      publishers: workPublishers,
      performers,
      recordings,
    };
    const workIndex = this.works.length;
    this.works.push({
      senderIpi: submitter.ipiNameNumber,
      work,
      titles,
      writerNames: workWriters.map((w) => `${w.firstName ?? ''} ${w.lastName}`.trim()),
      publisherNames: workPublishers.map((p) => p.name),
    });
    (this.worksBySubmitter[submitterIndex] ??= []).push(work);
    for (const r of recordings) {
      this.pool.push({
        kind: 'registered',
        work: workIndex,
        title: r.title ?? title,
        displayArtist: r.displayArtist ?? (performers[0] as string),
        durationS: r.durationS ?? durationS,
        ...(r.isrc === undefined ? {} : { isrc: r.isrc }),
        ...(r.versionTitle === undefined ? {} : { subtitle: r.versionTitle }),
      });
    }
    if (rng.chance(0.05)) {
      this.pool.push({
        kind: 'cover',
        work: workIndex,
        title,
        displayArtist: makeArtist(rng),
        durationS: durationS + rng.int(-20, 20),
        ...(rng.chance(0.8) ? { isrc: this.isrc(rng.pick(['GB', 'US', 'DE']), true) } : {}),
      });
    }
  }

  private pickWriters(count: number, foreignSubmitter: boolean): PoolWriter[] {
    const rng = this.rng;
    const chosen = new Set<number>();
    for (let tries = 0; chosen.size < count && tries < count * 10; tries++) {
      const preferForeign = foreignSubmitter ? rng.chance(0.8) : rng.chance(0.15);
      const list =
        preferForeign && this.foreignWriters.length > 0
          ? this.foreignWriters
          : this.domesticWriters.length > 0
            ? this.domesticWriters
            : this.foreignWriters;
      chosen.add(rng.pick(list));
    }
    return [...chosen].map((i) => this.writers[i] as PoolWriter);
  }

  private pickCoPublishers(submitterIndex: number, count: number): number[] {
    const candidates = [...DOMESTIC, NORTHBRIDGE, WESTGATE].filter((i) => i !== submitterIndex);
    const out: number[] = [];
    while (out.length < count) {
      const c = this.rng.pick(candidates);
      if (!out.includes(c)) out.push(c);
    }
    return out;
  }

  /** Sometimes a sub-publisher (a French one for foreign catalogues, a German one for French works) or an administrator. */
  private subPublisher(
    foreignSubmitter: boolean,
  ): { role: 'SE' | 'AM'; party: number; tis: string } | undefined {
    const rng = this.rng;
    if (rng.chance(0.12)) {
      return foreignSubmitter
        ? { role: 'SE', party: rng.pick(DOMESTIC), tis: '0250' }
        : { role: 'SE', party: RHEINKLANG, tis: '0276' };
    }
    if (rng.chance(0.05)) return { role: 'AM', party: rng.pick(DOMESTIC), tis: '2136' };
    return undefined;
  }

  private recordings(
    rng: Random,
    index: number,
    title: string,
    performers: readonly string[],
    durationS: number,
    foreign: boolean,
    senderIpi: string,
    submitterWorkId: string,
  ): RecordingRegistration[] {
    const country = foreign ? rng.pick(['GB', 'US']) : 'FR';
    const label = rng.pick(LABELS);
    const year = rng.int(1995, 2023);
    const releaseDate = `${year}-${String(rng.int(1, 12)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}`;
    const own = { senderIpi, submitterWorkId };
    const register = (isrc: string): string => {
      const owners = this.isrcOwners.get(isrc);
      if (owners === undefined) {
        this.isrcOwners.set(isrc, [own]);
        this.registeredIsrcs.push(isrc);
      } else if (!owners.some((o) => o.senderIpi === senderIpi && o.submitterWorkId === submitterWorkId)) {
        owners.push(own);
      }
      return isrc;
    };
    // Now and then (at least every 150 works) a publisher registers another work's ISRC by mistake (the truth records it).
    const reused =
      index > 10 && (rng.chance(0.006) || index % 150 === 11) ? rng.pick(this.registeredIsrcs) : undefined;
    const out: RecordingRegistration[] = [
      {
        isrc: register(reused ?? this.isrc(country, false)),
        title,
        displayArtist: performers.join(' & '),
        label,
        durationS,
        releaseDate,
      },
    ];
    if (rng.chance(0.15)) {
      out.push({
        isrc: register(this.isrc(country, false)),
        title,
        versionTitle: 'Live',
        displayArtist: performers.join(' & '),
        label,
        durationS: durationS + rng.int(10, 60),
      });
    }
    if (rng.chance(0.1)) {
      const remaster = `Remastered ${rng.pick([2009, 2011, 2015, 2020])}`;
      out.push({
        isrc: register(this.isrc(country, false)),
        title,
        versionTitle: remaster,
        displayArtist: performers.join(' & '),
        label,
        durationS,
      });
    }
    if (rng.chance(0.08)) {
      out.push({
        isrc: register(this.isrc(rng.pick(['FR', 'GB', 'DE']), false)),
        title,
        displayArtist: rng.pick(this.artists),
        label: rng.pick(LABELS),
        durationS: durationS + rng.int(-15, 15),
      });
    }
    return out;
  }
}

function rolesFor(rng: Random, count: number): string[] {
  if (count === 1) return ['CA'];
  const first = rng.pick(['CA', 'C']);
  const second = first === 'C' ? 'A' : rng.pick(['CA', 'C', 'A']);
  const roles = [first, second];
  const others = ['CA', 'C', 'A', 'AR', 'AD'];
  while (roles.length < count) roles.push(others[rng.weighted([3, 3, 3, 1, 1])] as string);
  return roles;
}
