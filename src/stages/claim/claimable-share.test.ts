import { describe, expect, it } from 'vitest';
import {
  claimableShares,
  type MandateScope,
  type UsageContext,
  type WorkShareRow,
} from './claimable-share.js';

const row = (
  partyId: string,
  rightType: string,
  share: number,
  extra: Partial<WorkShareRow> = {},
): WorkShareRow => ({
  partyId,
  role: 'CA',
  rightType,
  territories: '+2136',
  collectionShare: share,
  society: null,
  isMember: false,
  ...extra,
});
const ctx = (rightType: string, territory = 'FR', extra: Partial<UsageContext> = {}): UsageContext => ({
  territory,
  date: '2024-03-01',
  services: ['Spotify', 'PremiumIndividual'],
  commercialModel: 'SubscriptionModel',
  rightType,
  ...extra,
});
/** IMPEL-like: mechanical only, EU (TIS 2123), from 2018-07-01. */
const impel: MandateScope = {
  mandateId: 'M-IMPEL',
  mandatorPartyId: 'P-IMPEL',
  mandatorName: 'IMPEL',
  mandatorSocieties: [],
  rightTypes: ['mechanical'],
  territories: '+2123',
  services: null,
  commercialModels: null,
  validFrom: '2018-07-01',
  validTo: null,
};

describe('claimableShares (royalties.md §2.2)', () => {
  it('claims the shares of members and of parties affiliated to the society, not the others', () => {
    const rows = [
      row('A', 'performing', 3333, { isMember: true }),
      row('C', 'performing', 3333, { society: '058' }),
      row('X', 'performing', 3334, { society: '052' }),
    ];
    const got = claimableShares(rows, ctx('performing'), '058', []);
    expect(got).toEqual([
      {
        licensor: 'society',
        mandateId: null,
        share: 6666,
        parties: [
          { partyId: 'A', role: 'CA', share: 3333 },
          { partyId: 'C', role: 'CA', share: 3333 },
        ],
      },
    ]);
  });

  it('does not claim in France a share whose territory is the world except France', () => {
    const rows = [row('E', 'performing', 5000, { isMember: true, territories: '+2136 -0250' })];
    expect(claimableShares(rows, ctx('performing', 'FR'), '058', [])).toEqual([]);
    expect(claimableShares(rows, ctx('performing', 'DE'), '058', [])[0]?.share).toBe(5000);
  });

  it('gives a mechanical-only EU mandate its own claimant, only for mechanical and only in the EU', () => {
    const rows = [
      row('A', 'mechanical', 5000, { isMember: true }),
      row('P-IMPEL', 'mechanical', 5000),
      row('P-IMPEL', 'performing', 5000),
    ];
    const mech = claimableShares(rows, ctx('mechanical'), '058', [impel]);
    expect(mech.map((c) => [c.licensor, c.mandateId, c.share])).toEqual([
      ['society', null, 5000],
      ['M-IMPEL', 'M-IMPEL', 5000],
    ]);
    expect(claimableShares(rows, ctx('performing'), '058', [impel])).toEqual([]);
    expect(claimableShares(rows, ctx('mechanical', 'US'), '058', [impel]).map((c) => c.licensor)).toEqual([
      'society',
    ]);
  });

  it('respects a mandate’s validity, services and commercial models, and covers a mandating society’s affiliates', () => {
    const rows = [row('K1', 'performing', 10000, { society: '086' })];
    const komca: MandateScope = {
      ...impel,
      mandateId: 'M-KOMCA',
      mandatorPartyId: 'P-KOMCA',
      mandatorSocieties: ['086'],
      rightTypes: ['performing'],
      territories: '+2136',
    };
    expect(claimableShares(rows, ctx('performing'), '058', [komca])[0]?.licensor).toBe('M-KOMCA');
    expect(claimableShares(rows, ctx('performing', 'FR', { date: '2018-01-01' }), '058', [komca])).toEqual(
      [],
    );
    expect(claimableShares(rows, ctx('performing'), '058', [{ ...komca, services: ['Deezer'] }])).toEqual([]);
    expect(
      claimableShares(rows, ctx('performing'), '058', [{ ...komca, services: ['spotify'] }]),
    ).toHaveLength(1);
    expect(
      claimableShares(rows, ctx('performing'), '058', [
        { ...komca, commercialModels: ['AdvertisementSupportedModel'] },
      ]),
    ).toEqual([]);
  });
});
