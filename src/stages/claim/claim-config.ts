import {
  TuttiError,
  parseMicros,
  shareHundredths,
  type Micros,
  type ShareHundredths,
} from '../../domain/index.js';

/** The licence terms of one service (and optionally one commercial model): royalties.md §1.3, §1.5. */
export interface Tariff {
  /** Service name or ServiceDescription it applies to; `*` for any. */
  readonly service: string;
  /** DDEX CommercialModel it applies to; `*` for any. */
  readonly commercialModel: string;
  /** Headline rate in basis points of net revenue (1500 = 15 %). */
  readonly rateBp: number;
  /** Minimum per subscriber, micro-units (0 when the licence has none). */
  readonly minPerSubscriber: Micros;
  /** Minimum per usage (stream), micro-units (0 when the licence has none). */
  readonly minPerStream: Micros;
  /** Right-type split of a work's value, hundredths, summing to 10000. */
  readonly split: { readonly performing: ShareHundredths; readonly mechanical: ShareHundredths };
}

/** Everything the claim stage takes from configuration, never from code. Frozen once parsed. */
export interface ClaimConfig {
  /** The society claiming: its CISAC code (work_shares.society), name and optional DDEX party id. */
  readonly society: { readonly code: string; readonly name: string; readonly partyId: string };
  /** Currency used when a summary names none. */
  readonly currency: string;
  readonly tariffs: readonly Tariff[];
}

/** The JSON form of the config (money as decimal text, never a float). */
export interface ClaimConfigJson {
  society?: { code?: string; name?: string; partyId?: string };
  currency?: string;
  tariffs?: {
    service?: string;
    commercialModel?: string;
    rate: number;
    minPerSubscriber?: string;
    minPerStream?: string;
    split?: { performing: number; mechanical: number };
  }[];
}

/**
 * The built-in default: royalties.md §6.1 assumptions — society 058 SACEM, EUR, every service at 15 %
 * of net revenue with minimums €0.90 per subscriber and €0.0015 per stream, split 50/50.
 */
export const DEFAULT_CLAIM_CONFIG_JSON: ClaimConfigJson = Object.freeze({
  society: { code: '058', name: 'SACEM', partyId: '' },
  currency: 'EUR',
  tariffs: [
    {
      service: '*',
      commercialModel: '*',
      rate: 1500,
      minPerSubscriber: '0.90',
      minPerStream: '0.0015',
      split: { performing: 5000, mechanical: 5000 },
    },
  ],
});

const bad = (field: string, message: string) =>
  new TuttiError('USAGE', `claim config: ${field} ${message}`, { field });

/**
 * Validates a claim configuration (parsed JSON) and returns it frozen. Amounts are decimal text read
 * exactly into micro-units; a split must sum to 100.00 %; a rate is 0..10000 basis points.
 */
export function parseClaimConfig(input: unknown): ClaimConfig {
  if (typeof input !== 'object' || input === null) throw bad('(root)', 'must be a JSON object');
  const json = input as ClaimConfigJson;
  const society = json.society ?? {};
  const code = society.code ?? '058';
  if (!/^\d{3}$/.test(code)) throw bad('society.code', `"${code}" is not a 3-digit CISAC society code`);
  const tariffsJson = json.tariffs ?? [];
  if (!Array.isArray(tariffsJson) || tariffsJson.length === 0)
    throw bad('tariffs', 'must list at least one tariff');
  const tariffs = tariffsJson.map((t, i): Tariff => {
    const at = `tariffs[${i}]`;
    if (!Number.isInteger(t.rate) || t.rate < 0 || t.rate > 10000)
      throw bad(`${at}.rate`, 'must be basis points 0..10000 (1500 = 15 %)');
    const split = t.split ?? { performing: 5000, mechanical: 5000 };
    if (split.performing + split.mechanical !== 10000)
      throw bad(`${at}.split`, 'performing + mechanical must be 10000 (100.00 %)');
    const money = (field: 'minPerSubscriber' | 'minPerStream') => {
      const text = t[field] ?? '0';
      if (typeof text !== 'string')
        throw bad(`${at}.${field}`, 'must be decimal text such as "0.90" (never a JSON number)');
      const value = parseMicros(text);
      if (value < 0n) throw bad(`${at}.${field}`, 'must not be negative');
      return value;
    };
    return Object.freeze({
      service: t.service ?? '*',
      commercialModel: t.commercialModel ?? '*',
      rateBp: t.rate,
      minPerSubscriber: money('minPerSubscriber'),
      minPerStream: money('minPerStream'),
      split: Object.freeze({
        performing: shareHundredths(split.performing),
        mechanical: shareHundredths(split.mechanical),
      }),
    });
  });
  return Object.freeze({
    society: Object.freeze({ code, name: society.name ?? 'SACEM', partyId: society.partyId ?? '' }),
    currency: json.currency ?? 'EUR',
    tariffs: Object.freeze(tariffs),
  });
}

const same = (pattern: string, value: string | null) =>
  pattern === '*' || (value !== null && pattern.toLowerCase() === value.toLowerCase());

/**
 * The tariff for a sales context: the most specific one whose service matches the report's service or
 * the summary's ServiceDescription and whose commercial model matches; `*` entries come last.
 */
export function findTariff(
  config: ClaimConfig,
  services: readonly (string | null)[],
  commercialModel: string | null,
): Tariff {
  const rank = (t: Tariff) => (t.service === '*' ? 2 : 0) + (t.commercialModel === '*' ? 1 : 0);
  const found = config.tariffs
    .filter((t) => services.some((s) => same(t.service, s)) && same(t.commercialModel, commercialModel))
    .sort((a, b) => rank(a) - rank(b))[0];
  if (!found) {
    throw new TuttiError(
      'NOT_FOUND',
      `no tariff in the claim config covers service ${services.filter(Boolean).join('/')} (${commercialModel ?? 'any model'}); add one or a "*" entry`,
    );
  }
  return found;
}
