import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ipiBaseNumberFromNumber,
  ipiNameNumberFromNumber,
  iswcFromNumber,
  type CollectionShare,
  type OwnershipShares,
  type PublisherInWork,
  type RecordingRegistration,
  type ShareHundredths,
  type WorkRegistration,
  type WriterInWork,
} from '../../domain/index.js';
import { streamOf } from './fixtures.test-support.js';
import { readCwr, type CwrTransaction } from './read-cwr.js';
import { toRegistration } from './to-registration.js';
import { formatCwrLines } from './write-cwr.js';
import type { CwrVersion } from './layout.js';

/** Drops undefined keys (exactOptionalPropertyTypes): the test builds values with optional fields this way. */
const clean = <T>(o: object): T =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
const word = fc.stringMatching(/^[A-Z0-9](?:[A-Z0-9 ]{0,18}[A-Z0-9])?$/);
const society = fc.option(fc.constantFrom('010', '021', '052', '058', '061'), { nil: undefined });
const share = fc.integer({ min: 0, max: 10000 }) as fc.Arbitrary<ShareHundredths>;
const shares: fc.Arbitrary<OwnershipShares> = fc.record({
  performing: share,
  mechanical: share,
  sync: share,
});
const tis = fc.constantFrom('2136', '0250', '0276', '0826', '2120');

const collectionShare: fc.Arbitrary<CollectionShare> = fc
  .record({
    inc: fc.uniqueArray(tis, { minLength: 1, maxLength: 2 }),
    exc: fc.uniqueArray(tis, { maxLength: 1 }),
    shares,
  })
  .map(({ inc, exc, shares }) => ({
    territories: [
      ...inc.map((t) => ({ include: true, tis: t })),
      ...exc.map((t) => ({ include: false, tis: t })),
    ],
    shares,
  }));

// Adjacent collection shares with equal shares would merge on reading (see toRegistration); keep them apart.
const collection = fc.array(collectionShare, { maxLength: 3 }).map((list) =>
  list.filter((c, i) => {
    const prev = list[i - 1];
    if (!prev) return true;
    const endsWithInclude = prev.territories[prev.territories.length - 1]!.include;
    const same =
      prev.shares.performing === c.shares.performing &&
      prev.shares.mechanical === c.shares.mechanical &&
      prev.shares.sync === c.shares.sync;
    return !(endsWithInclude && same);
  }),
);

const recording: fc.Arbitrary<RecordingRegistration> = fc
  .record({
    isrc: fc.option(fc.stringMatching(/^[A-Z]{2}[A-Z0-9]{3}\d{7}$/), { nil: undefined }),
    title: fc.option(word, { nil: undefined }),
    versionTitle: fc.option(word, { nil: undefined }),
    displayArtist: fc.option(word, { nil: undefined }),
    label: fc.option(word, { nil: undefined }),
    durationS: fc.option(fc.integer({ min: 1, max: 359999 }), { nil: undefined }),
    releaseDate: fc.option(
      fc
        .date({ min: new Date('1950-01-01'), max: new Date('2030-12-31'), noInvalidDate: true })
        .map((d) => d.toISOString().slice(0, 10)),
      { nil: undefined },
    ),
    ean: fc.option(fc.stringMatching(/^[1-9]\d{12}$/), { nil: undefined }),
  })
  .map((r) => clean<RecordingRegistration>(r));

const registration: fc.Arbitrary<WorkRegistration> = fc
  .record({
    submitterWorkId: fc.stringMatching(/^[A-Z0-9]{1,14}$/),
    title: word,
    iswc: fc.option(fc.integer({ min: 1, max: 999999999 }).map(iswcFromNumber), { nil: undefined }),
    alternateTitles: fc.array(
      fc
        .record({
          title: word,
          titleType: fc.constantFrom('AT', 'TE', 'FT'),
          language: fc.option(fc.constantFrom('EN', 'FR'), { nil: undefined }),
        })
        .map((t) => clean<WorkRegistration['alternateTitles'][number]>(t)),
      { maxLength: 2 },
    ),
    language: fc.option(fc.constantFrom('EN', 'FR', 'ES'), { nil: undefined }),
    durationS: fc.option(fc.integer({ min: 1, max: 359999 }), { nil: undefined }),
    versionType: fc.constantFrom('ORI' as const, 'MOD' as const),
    distributionCategory: fc.constantFrom('POP' as const, 'SER' as const, 'JAZ' as const, 'UNC' as const),
    publishers: fc.array(
      fc.record({
        chain: fc.integer({ min: 1, max: 3 }),
        name: word,
        ipi: fc.option(fc.integer({ min: 1, max: 999999999 }), { nil: undefined }),
        base: fc.option(fc.integer({ min: 1, max: 999999999 }), { nil: undefined }),
        role: fc.constantFrom('E', 'AM', 'SE', 'AQ', 'PA'),
        controlled: fc.boolean(),
        pr: society,
        mr: society,
        sr: society,
        ownership: shares,
        collection,
        agreement: fc.option(fc.stringMatching(/^[A-Z0-9]{1,14}$/), { nil: undefined }),
      }),
      { maxLength: 3 },
    ),
    writers: fc.array(
      fc.record({
        lastName: word,
        firstName: fc.option(word, { nil: undefined }),
        ipi: fc.option(fc.integer({ min: 1, max: 999999999 }), { nil: undefined }),
        base: fc.option(fc.integer({ min: 1, max: 999999999 }), { nil: undefined }),
        role: fc.constantFrom('CA', 'C', 'A', 'AR', 'AD'),
        controlled: fc.boolean(),
        pr: society,
        mr: society,
        sr: society,
        ownership: shares,
        collection,
        chainPick: fc.nat(),
      }),
      { maxLength: 3 },
    ),
    performers: fc.array(word, { maxLength: 2 }),
    recordings: fc.array(recording, { maxLength: 2 }),
    societyWorkIds: fc.option(
      fc.array(
        fc.record({ society: fc.constantFrom('058', '052'), workId: fc.stringMatching(/^[A-Z0-9]{1,14}$/) }),
        { minLength: 1, maxLength: 2 },
      ),
      { nil: undefined },
    ),
  })
  .map((r) => {
    const publishers: PublisherInWork[] = r.publishers.map((p, i) =>
      clean<PublisherInWork>({
        chain: p.chain,
        ipNumber: `P${i + 1}`,
        name: p.name,
        ipiNameNumber: p.ipi === undefined ? undefined : ipiNameNumberFromNumber(p.ipi),
        ipiBaseNumber: p.base === undefined ? undefined : ipiBaseNumberFromNumber(p.base),
        role: p.role,
        controlled: p.controlled,
        prSociety: p.pr,
        mrSociety: p.mr,
        srSociety: p.sr,
        ownership: p.ownership,
        collection: p.collection,
        agreementNumber: p.agreement,
      }),
    );
    const chains = [...new Set(publishers.map((p) => p.chain))];
    const writers: WriterInWork[] = r.writers.map((w, i) =>
      clean<WriterInWork>({
        ipNumber: `W${i + 1}`,
        lastName: w.lastName,
        firstName: w.firstName,
        ipiNameNumber: w.ipi === undefined ? undefined : ipiNameNumberFromNumber(w.ipi),
        ipiBaseNumber: w.base === undefined ? undefined : ipiBaseNumberFromNumber(w.base),
        role: w.role,
        controlled: w.controlled,
        prSociety: w.pr,
        mrSociety: w.mr,
        srSociety: w.sr,
        ownership: w.ownership,
        collection: w.collection,
        publisherChain:
          chains.length > 0 && w.chainPick % 3 !== 0 ? chains[w.chainPick % chains.length] : undefined,
      }),
    );
    return clean<WorkRegistration>({ ...r, publishers, writers });
  });

/** What a version can carry of a registration (see toRegistration and the report of issue 3). */
function carried(reg: WorkRegistration, version: CwrVersion): WorkRegistration {
  const v3 = version === '3.0' || version === '3.1';
  const zero = { performing: 0, mechanical: 0, sync: 0 } as OwnershipShares;
  const party = <T extends PublisherInWork | WriterInWork>(p: T, isPublisher: boolean): T => {
    if (!v3) return p;
    const keep = p.collection.length > 0;
    return clean<T>({
      ...p,
      ownership: isPublisher || version === '3.0' ? zero : p.ownership,
      prSociety: keep ? p.prSociety : undefined,
      mrSociety: keep ? p.mrSociety : undefined,
      srSociety: keep ? p.srSociety : undefined,
      ...('agreementNumber' in p ? { agreementNumber: keep ? p.agreementNumber : undefined } : {}),
    });
  };
  return clean<WorkRegistration>({
    ...reg,
    publishers: reg.publishers.map((p) => party(p, true)),
    writers: reg.writers.map((w) => party(w, false)),
    recordings: reg.recordings.map((r) =>
      version === '2.1'
        ? clean<RecordingRegistration>({
            ...r,
            title: undefined,
            versionTitle: undefined,
            displayArtist: undefined,
          })
        : v3
          ? clean<RecordingRegistration>({ ...r, ean: undefined })
          : r,
    ),
    societyWorkIds: version === '2.1' ? undefined : reg.societyWorkIds,
  });
}

const bytesOf = (lines: Iterable<string>) =>
  streamOf(new TextEncoder().encode([...lines].join('\r\n') + '\r\n'));

export async function readTransactions(lines: Iterable<string>): Promise<CwrTransaction[]> {
  const out: CwrTransaction[] = [];
  for await (const batch of readCwr(bytesOf(lines)))
    for (const item of batch) if (item.kind === 'transaction') out.push(item.transaction);
  return out;
}

const createdAt = new Date('2026-03-01T10:20:30Z');

describe('CWR round trip', () => {
  for (const version of ['2.1', '2.2', '3.0', '3.1'] as const) {
    it(`reads back what it writes in ${version}`, async () => {
      await fc.assert(
        fc.asyncProperty(fc.array(registration, { minLength: 1, maxLength: 3 }), async (regs) => {
          const lines = formatCwrLines(regs, {
            version,
            senderType: 'PB',
            senderId: '00261661375',
            senderName: 'EDITIONS TUTTI',
            createdAt,
          });
          const read = (await readTransactions(lines)).map((tx) => toRegistration(tx, version).registration);
          expect(read).toEqual(regs.map((r) => carried(r, version)));
        }),
        { numRuns: 60 },
      );
    });
  }
});
