import type {
  CollectionShare,
  OwnershipShares,
  PublisherInWork,
  RecordingRegistration,
  ShareHundredths,
  WorkRegistration,
  WriterInWork,
} from '../../domain/index.js';
import { finding, type CwrFinding } from './finding.js';
import type { CwrVersion } from './layout.js';
import type { CwrRecord } from './parse-record.js';
import type { CwrTransaction } from './read-cwr.js';

const WORK_HEADERS = new Set(['NWR', 'REV', 'ISW', 'EXC', 'WRK']);

/** The records of the work a transaction registers: from its NWR/REV/ISW/WRK (or the nested one in an ACK) up to an EXC. */
export function workRecords(tx: CwrTransaction): readonly CwrRecord[] {
  const start = tx.records.findIndex((r) => WORK_HEADERS.has(r.type));
  if (start < 0) return [];
  let end = tx.records.length;
  for (let i = start + 1; i < tx.records.length; i++) {
    if (WORK_HEADERS.has(tx.records[i]!.type)) {
      end = i;
      break;
    }
  }
  return tx.records.slice(start, end);
}

/** Reads CWR durations `HHMMSS` as seconds; zeros or blanks are no duration. */
export function parseDuration(text: string): number | undefined {
  if (!/^\d{6}$/.test(text)) return undefined;
  const s = Number(text.slice(0, 2)) * 3600 + Number(text.slice(2, 4)) * 60 + Number(text.slice(4, 6));
  return s > 0 ? s : undefined;
}

/**
 * Reads a CWR date `YYYYMMDD` as `YYYY-MM-DD`; zeros, blanks and impossible dates (real files write
 * `20240000` for "some time in 2024") are no date.
 */
export function parseCwrDate(text: string): string | undefined {
  if (!/^\d{8}$/.test(text)) return undefined;
  const y = Number(text.slice(0, 4));
  const m = Number(text.slice(4, 6));
  const d = Number(text.slice(6, 8));
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1];
  if (y < 1000 || days === undefined || d < 1 || d > days) return undefined;
  return `${text.slice(0, 4)}-${text.slice(4, 6)}-${text.slice(6, 8)}`;
}

/** Society codes: `parseInt(trim)` zero-padded to 3 (left-justified `61 ` is SADAIC 061, standards.md §3.3); blank is none. */
export function parseSociety(text: string): string | undefined {
  const t = text.trim();
  if (t === '') return undefined;
  if (t.length === 3 && /^\d{3}$/.test(t)) return t;
  return /^\d+$/.test(t) ? String(Number(t)).padStart(3, '0') : t;
}

const NONE = { performing: 0, mechanical: 0, sync: 0 } as OwnershipShares;

interface Builder {
  findings: CwrFinding[];
}

/** 1 to 5 ASCII digits (a 999v99 share), without a regular expression: this runs for every share field. */
function isShareDigits(t: string): boolean {
  if (t.length > 5) return false;
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

function share(b: Builder, r: CwrRecord, field: string): ShareHundredths {
  const t = r.fields[field] ?? '';
  if (t === '') return 0 as ShareHundredths;
  if (!isShareDigits(t)) {
    b.findings.push(
      finding(
        r.line,
        r.type,
        field,
        'CWR_INVALID_NUMBER',
        'error',
        `line ${r.line}: ${r.type} ${field} "${t}" is not a 5-digit share (999v99)`,
      ),
    );
    return 0 as ShareHundredths;
  }
  return Number(t) as ShareHundredths;
}

function shares(b: Builder, r: CwrRecord): OwnershipShares {
  return {
    performing: share(b, r, 'prShare'),
    mechanical: share(b, r, 'mrShare'),
    sync: share(b, r, 'srShare'),
  };
}

const sameShares = (a: OwnershipShares, c: OwnershipShares) =>
  a.performing === c.performing && a.mechanical === c.mechanical && a.sync === c.sync;

/** Groups territory records into collection shares: an `I` starts a new share unless it repeats the previous include's shares; an `E` joins the current one. */
function addCollection(
  list: CollectionShare[],
  r: CwrRecord,
  s: OwnershipShares,
  lastWasInclude: boolean,
): boolean {
  const include = (r.fields['inclusionExclusion'] ?? 'I').toUpperCase() !== 'E';
  const tis = (r.fields['tis'] ?? '').padStart(4, '0');
  const current = list[list.length - 1];
  if (current && (!include || (lastWasInclude && sameShares(current.shares, s)))) {
    list[list.length - 1] = {
      territories: [...current.territories, { include, tis }],
      shares: current.shares,
    };
  } else {
    list.push({ territories: [{ include, tis }], shares: s });
  }
  return include;
}

type Mutable = Record<string, unknown>;

/** Sets an optional property only when there is a value (exactOptionalPropertyTypes: absent, never undefined). */
function set(target: Mutable, key: string, value: unknown): void {
  if (value !== undefined && value !== '') target[key] = value;
}

function readIpi(target: Mutable, x: Readonly<Record<string, string>>): void {
  const ipi = x['ipiNameNumber'];
  if (ipi && /[1-9]/.test(ipi)) target['ipiNameNumber'] = ipi.length === 11 ? ipi : ipi.padStart(11, '0');
  const base = x['ipiBaseNumber'];
  if (base && /[1-9]/.test(base)) target['ipiBaseNumber'] = base;
}

function readSocieties(target: Mutable, x: Readonly<Record<string, string>>): void {
  set(target, 'prSociety', parseSociety(x['prSociety'] ?? ''));
  set(target, 'mrSociety', parseSociety(x['mrSociety'] ?? ''));
  set(target, 'srSociety', parseSociety(x['srSociety'] ?? ''));
}

const opt = <K extends string, V>(key: K, value: V | undefined | ''): { [P in K]?: V } =>
  (value === undefined || value === '' ? {} : { [key]: value }) as { [P in K]?: V };

interface Party<T> {
  value: T;
  collection: CollectionShare[];
  lastInclude: boolean;
  societies: { pr?: string; mr?: string; sr?: string };
  agreement?: string;
}

/**
 * Maps the work records of a transaction to the shared `WorkRegistration` (2.x: ownership on SPU/SWR,
 * collection per territory on SPT/SWT; 3.x: collection and societies on SPT/SWT, writer ownership on MAN,
 * publishers own nothing explicitly). Unreadable numbers are findings (errors) and read as 0.
 */
export function toRegistration(
  tx: CwrTransaction,
  version: CwrVersion,
): { registration?: WorkRegistration; findings: CwrFinding[] } {
  const b: Builder = { findings: [] };
  const records = workRecords(tx);
  const head = records[0];
  if (!head) return { findings: b.findings };
  const v3 = version === '3.0' || version === '3.1';
  const f = head.fields;
  const publishers: Party<Omit<PublisherInWork, 'collection'>>[] = [];
  const writers: Party<Omit<WriterInWork, 'collection'>>[] = [];
  const alternateTitles: { title: string; titleType: string; language?: string }[] = [];
  const performers: string[] = [];
  const recordings: RecordingRegistration[] = [];
  const societyWorkIds: { society: string; workId: string }[] = [];
  let lastParty: Party<{ ipNumber: string }> | undefined;
  let lastWriter: Party<Omit<WriterInWork, 'collection'>> | undefined;

  for (const r of records.slice(1)) {
    const x = r.fields;
    switch (r.type) {
      case 'SPU':
      case 'OPU': {
        const value: Mutable = {
          chain: Number(x['publisherSequence']) || 0,
          ipNumber: x['ipNumber'] ?? '',
          name: x['name'] ?? '',
          role: x['publisherType'] ?? '',
          controlled: r.type === 'SPU',
          ownership: v3 ? NONE : shares(b, r),
        };
        readIpi(value, x);
        if (!v3) {
          readSocieties(value, x);
          set(value, 'agreementNumber', x['societyAgreementNumber']);
        }
        const party = {
          value: value as unknown as Omit<PublisherInWork, 'collection'>,
          collection: [],
          lastInclude: false,
          societies: {},
        };
        publishers.push(party);
        lastParty = party;
        break;
      }
      case 'SWR':
      case 'OWR': {
        const value: Mutable = {
          ipNumber: x['ipNumber'] ?? '',
          lastName: x['lastName'] ?? '',
          role: x['designation'] ?? '',
          controlled: r.type === 'SWR',
          ownership: v3 ? NONE : shares(b, r),
        };
        set(value, 'firstName', x['firstName']);
        readIpi(value, x);
        if (!v3) readSocieties(value, x);
        const party = {
          value: value as unknown as Omit<WriterInWork, 'collection'>,
          collection: [],
          lastInclude: false,
          societies: {},
        };
        writers.push(party);
        lastParty = party;
        lastWriter = party;
        break;
      }
      case 'SPT':
      case 'OPT':
      case 'SWT':
      case 'OWT': {
        const wantsWriter = r.type === 'SWT' || r.type === 'OWT';
        const list: Party<{ ipNumber: string }>[] = wantsWriter ? writers : publishers;
        const ip = x['ipNumber'] ?? '';
        const party =
          (lastParty && list.includes(lastParty) && (ip === '' || lastParty.value.ipNumber === ip)
            ? lastParty
            : undefined) ??
          [...list].reverse().find((p) => p.value.ipNumber === ip) ??
          lastParty;
        if (!party) break;
        party.lastInclude = addCollection(party.collection, r, shares(b, r), party.lastInclude);
        if (v3 && party.collection.length === 1 && party.collection[0]!.territories.length === 1) {
          party.societies = {
            ...opt('pr', parseSociety(x['prSociety'] ?? '')),
            ...opt('mr', parseSociety(x['mrSociety'] ?? '')),
            ...opt('sr', parseSociety(x['srSociety'] ?? '')),
          };
          if (!wantsWriter && x['societyAgreementNumber']) party.agreement = x['societyAgreementNumber'];
        }
        break;
      }
      case 'PWR': {
        const writerIp = x['writerIpNumber'] ?? '';
        const writer = writers.find((w) => w.value.ipNumber === writerIp && writerIp !== '') ?? lastWriter;
        if (!writer || writer.value.publisherChain !== undefined) break;
        const seq = Number(x['publisherSequence']);
        const chain =
          seq > 0 ? seq : publishers.find((p) => p.value.ipNumber === x['publisherIpNumber'])?.value.chain;
        // The party objects are this call's own: set fields in place (spreading them was most of the mapping time).
        if (chain !== undefined) (writer.value as unknown as Mutable)['publisherChain'] = chain;
        break;
      }
      case 'MAN': {
        const writer = writers.find((w) => w.value.ipNumber === x['writerIpNumber']) ?? lastWriter;
        if (writer) (writer.value as unknown as Mutable)['ownership'] = shares(b, r);
        break;
      }
      case 'ALT':
        if (x['title'])
          alternateTitles.push({
            title: x['title'],
            titleType: x['titleType'] || 'AT',
            ...opt('language', x['language']),
          });
        break;
      case 'PER': {
        const name = [x['firstName'], x['lastName']].filter((s) => s).join(' ');
        if (name) performers.push(name);
        break;
      }
      case 'REC': {
        const date = x['releaseDate'] ?? '';
        const rec: Mutable = {};
        set(rec, 'isrc', x['isrc']?.toUpperCase());
        set(rec, 'title', x['recordingTitle']);
        set(rec, 'versionTitle', x['versionTitle']);
        set(rec, 'displayArtist', x['displayArtist']);
        set(rec, 'label', x['recordLabel'] || x['albumLabel']);
        set(rec, 'durationS', parseDuration(x['releaseDuration'] ?? ''));
        set(rec, 'releaseDate', parseCwrDate(date));
        if (x['ean'] && /[1-9]/.test(x['ean'])) rec['ean'] = x['ean'];
        recordings.push(rec);
        break;
      }
      case 'XRF':
        if ((x['identifierType'] ?? 'W') === 'W' && x['identifier']) {
          societyWorkIds.push({
            society: parseSociety(x['organisationCode'] ?? '') ?? '',
            workId: x['identifier'],
          });
        }
        break;
      default:
        break;
    }
  }

  const finish = <T extends { prSociety?: string; mrSociety?: string; srSociety?: string }>(p: Party<T>) => {
    const v = p.value as unknown as Mutable;
    if (v3) {
      set(v, 'prSociety', p.societies.pr);
      set(v, 'mrSociety', p.societies.mr);
      set(v, 'srSociety', p.societies.sr);
    }
    v['collection'] = p.collection;
    return v as unknown as T & { collection: CollectionShare[] };
  };
  const versionType = f['versionType'] === 'MOD' ? 'MOD' : 'ORI';
  if (f['versionType'] && f['versionType'] !== 'MOD' && f['versionType'] !== 'ORI') {
    b.findings.push(
      finding(
        head.line,
        head.type,
        'versionType',
        'CWR_INVALID_CODE',
        'warning',
        `line ${head.line}: version type "${f['versionType']}" is not ORI or MOD; read as ORI`,
      ),
    );
  }
  const category = f['distributionCategory'] ?? '';
  const categories = ['POP', 'SER', 'JAZ', 'UNC'] as const;
  const distributionCategory = (categories as readonly string[]).includes(category)
    ? (category as (typeof categories)[number])
    : 'UNC';
  if (category !== '' && distributionCategory !== category) {
    b.findings.push(
      finding(
        head.line,
        head.type,
        'distributionCategory',
        'CWR_INVALID_CODE',
        'warning',
        `line ${head.line}: distribution category "${category}" is not POP, SER, JAZ or UNC; read as UNC`,
      ),
    );
  }
  const registration: WorkRegistration = {
    submitterWorkId: f['submitterWorkId'] ?? '',
    title: f['title'] ?? '',
    ...opt('iswc', f['iswc']?.toUpperCase()),
    alternateTitles,
    ...opt('language', f['language']),
    ...opt('durationS', parseDuration(f['duration'] ?? '')),
    versionType,
    distributionCategory,
    writers: writers.map(finish),
    publishers: publishers.map((p) => {
      const v = finish(p);
      if (v3) set(v, 'agreementNumber', p.agreement);
      return v;
    }),
    performers,
    recordings,
    ...(societyWorkIds.length > 0 ? { societyWorkIds } : {}),
  };
  return { registration, findings: b.findings };
}
