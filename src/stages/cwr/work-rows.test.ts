import { describe, expect, it } from 'vitest';
import { shareHundredths, type OwnershipShares, type WorkRegistration } from '../../domain/index.js';
import { toWorkRows } from './work-rows.js';

const own = (pr: number, mr: number): OwnershipShares => ({
  performing: shareHundredths(pr),
  mechanical: shareHundredths(mr),
  sync: shareHundredths(mr),
});

const base: WorkRegistration = {
  submitterWorkId: 'W1',
  title: 'GARDEN SUMMER',
  alternateTitles: [],
  versionType: 'ORI',
  distributionCategory: 'POP',
  performers: [],
  recordings: [],
  writers: [
    {
      ipNumber: 'W1',
      lastName: 'GARCIA',
      role: 'CA',
      controlled: true,
      prSociety: '058',
      mrSociety: '058',
      ownership: own(6667, 5000),
      collection: [],
    },
  ],
  publishers: [
    {
      chain: 1,
      ipNumber: 'P1',
      name: 'MARAIS',
      role: 'E',
      controlled: true,
      prSociety: '058',
      mrSociety: '058',
      ownership: own(3333, 5000),
      collection: [],
    },
    {
      chain: 1,
      ipNumber: 'P2',
      name: 'ADMIN CO',
      role: 'AM',
      controlled: true,
      prSociety: '058',
      mrSociety: '058',
      ownership: own(0, 0),
      collection: [{ territories: [{ include: true, tis: '2136' }], shares: own(3333, 5000) }],
    },
  ],
};

const collected = (rows: ReturnType<typeof toWorkRows>, role: string) =>
  rows.shares
    .filter((s) => s.role === role && s.right_type === 'mechanical')
    .reduce((sum, s) => sum + s.collection_share, 0);

describe('toWorkRows', () => {
  it('gives the chain collection to the publisher whose SPT carries it, not also to the original publisher', () => {
    const rows = toWorkRows(base, '00000000199');
    expect(collected(rows, 'AM')).toBe(5000);
    expect(collected(rows, 'E')).toBe(0);
    expect(collected(rows, 'CA')).toBe(5000);
  });

  it('lets a party collect what it owns, worldwide, when its chain has no territory record', () => {
    const rows = toWorkRows({ ...base, publishers: [base.publishers[0]!] }, '00000000199');
    expect(collected(rows, 'E')).toBe(5000);
    expect(rows.shares.find((s) => s.role === 'E')?.territories).toBe('+2136');
  });
});
