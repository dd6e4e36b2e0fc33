import { describe, expect, it } from 'vitest';
import { DEFAULT_CLAIM_CONFIG_JSON, findTariff, parseClaimConfig } from './claim-config.js';

describe('parseClaimConfig', () => {
  it('reads money from decimal text into micro-units', () => {
    const config = parseClaimConfig(DEFAULT_CLAIM_CONFIG_JSON);
    expect(config.tariffs[0]).toMatchObject({
      rateBp: 1500,
      minPerSubscriber: 900_000n,
      minPerStream: 1_500n,
    });
    expect(config.society).toEqual({ code: '058', name: 'SACEM', partyId: '' });
  });

  it('refuses a JSON number for money, a split that is not 100 % and a bad society code', () => {
    expect(() => parseClaimConfig({ tariffs: [{ rate: 1500, minPerStream: 0.0015 }] })).toThrow(
      /decimal text/,
    );
    expect(() =>
      parseClaimConfig({ tariffs: [{ rate: 1500, split: { performing: 7500, mechanical: 2000 } }] }),
    ).toThrow(/10000/);
    expect(() => parseClaimConfig({ society: { code: 'SACEM' }, tariffs: [{ rate: 1 }] })).toThrow(/3-digit/);
  });

  it('picks the most specific tariff for a service and commercial model', () => {
    const config = parseClaimConfig({
      tariffs: [
        { service: '*', rate: 1000 },
        { service: 'Spotify', rate: 1500 },
        { service: 'Spotify', commercialModel: 'AdvertisementSupportedModel', rate: 1200 },
      ],
    });
    expect(findTariff(config, ['Spotify', 'PremiumIndividual'], 'SubscriptionModel').rateBp).toBe(1500);
    expect(findTariff(config, ['spotify'], 'AdvertisementSupportedModel').rateBp).toBe(1200);
    expect(findTariff(config, ['Deezer'], 'SubscriptionModel').rateBp).toBe(1000);
    expect(() =>
      findTariff(parseClaimConfig({ tariffs: [{ service: 'Deezer', rate: 1 }] }), ['Spotify'], null),
    ).toThrow(/no tariff/);
  });
});
