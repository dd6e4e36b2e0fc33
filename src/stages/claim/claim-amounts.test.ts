import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { micros, parseMicros } from '../../domain/index.js';
import { claimAmounts } from './claim-amounts.js';
import type { Claimant } from './claimable-share.js';
import { applyShare } from './royalty-pool.js';

const claimant = (licensor: string, share: number): Claimant => ({
  licensor,
  mandateId: licensor === 'society' ? null : licensor,
  share,
  parties: [{ partyId: licensor, role: 'E', share }],
});
const eur = (t: string) => parseMicros(t);

describe('claimAmounts (royalties.md §1.6, §2.4)', () => {
  it('invoices 100 % of €1,125.00 when the society controls the whole right (§6.5)', () => {
    const got = claimAmounts(eur('1125'), [claimant('society', 10000)]);
    expect(got).toMatchObject({ claimed: eur('1125'), held: 0n, status: null, disputed: 0 });
  });

  it('holds the part above 100 % when our own collection shares sum to 150 %', () => {
    const got = claimAmounts(eur('1125'), [claimant('society', 15000)]);
    expect(got).toMatchObject({
      claimed: eur('1125'),
      held: eur('562.5'),
      disputed: 5000,
      status: 'MajorOverClaim',
    });
  });

  it('pays the undisputed 50 % and holds 50 % when another licensor claims the other half too (§6.9)', () => {
    const got = claimAmounts(eur('1125'), [claimant('society', 10000)], 5000);
    expect(got).toMatchObject({ claimed: eur('562.5'), held: eur('562.5'), status: 'MajorOverClaim' });
  });

  it('labels 100–115 % a minor overclaim and splits held money between the society and a mandate', () => {
    const got = claimAmounts(eur('100'), [claimant('society', 6000), claimant('M1', 5000)]);
    expect(got.status).toBe('MinorOverClaim');
    expect(got.perClaimant.get('society')).toEqual({ claimed: eur('54.545455'), held: eur('5.454545') });
    expect(got.perClaimant.get('M1')).toEqual({ claimed: eur('45.454545'), held: eur('4.545455') });
  });

  it('keeps claimed + held = value × our shares, and claimed within the value', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: 10n ** 12n }),
        fc.array(fc.integer({ min: 1, max: 10000 }), { minLength: 1, maxLength: 4 }),
        fc.integer({ min: 0, max: 10000 }),
        (value, shares, others) => {
          const cs = shares.map((s, i) => claimant(i === 0 ? 'society' : `M${i}`, s));
          const got = claimAmounts(micros(value), cs, others);
          const own = shares.reduce((s, x) => s + x, 0);
          expect(got.claimed + got.held).toBe(applyShare(micros(value), own));
          expect(got.claimed <= value).toBe(true);
          const parts = [...got.perClaimant.values()];
          expect(parts.reduce((s, p) => s + p.claimed, 0n)).toBe(got.claimed);
          expect(parts.reduce((s, p) => s + p.held, 0n)).toBe(got.held);
        },
      ),
    );
  });
});
