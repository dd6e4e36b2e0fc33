import { describe, expect, it } from 'vitest';
import {
  RIGHT_TYPES,
  checkIpiBaseNumber,
  formatTerritoryExpression,
  isValidIpiNameNumber,
  isValidIsrc,
  isValidIswc,
  parseTerritoryExpression,
  territoryCovers,
  tisToIso,
} from '../domain/index.js';
import { NOISE_KINDS, generateDataset, type GenerateOptions } from './index.js';

const DEFAULTS: GenerateOptions = {
  works: 300,
  services: ['Spotify', 'Deezer'],
  territories: ['FR', 'DE'],
  months: ['2024-01'],
  seed: 7,
};
const dataset = generateDataset(DEFAULTS);
const works = dataset.registrations.flatMap((r) => r.works);

describe('generateDataset', () => {
  it('gives the identical dataset for the same seed and a different one for another seed', () => {
    const small = { ...DEFAULTS, works: 60, usageLinesPerReport: 80 };
    expect(generateDataset(small)).toEqual(generateDataset(small));
    const other = generateDataset({ ...small, seed: 8 });
    expect(other.registrations).not.toEqual(generateDataset(small).registrations);
    expect(other.truth).not.toEqual(generateDataset(small).truth);
  });

  it('registers every work once, one registration per submitting publisher, with society 058 running it', () => {
    expect(dataset.society).toEqual({ code: '058', name: 'SACEM' });
    expect(works).toHaveLength(DEFAULTS.works);
    const senders = dataset.registrations.map((r) => r.senderIpi);
    expect(new Set(senders).size).toBe(senders.length);
    for (const r of dataset.registrations) {
      const ids = r.works.map((w) => w.submitterWorkId);
      expect(new Set(ids).size).toBe(ids.length);
    }
  });

  it('writes only valid ISWCs, IPI name and base numbers and ISRCs', () => {
    for (const p of dataset.publishers) {
      expect(isValidIpiNameNumber(p.ipiNameNumber)).toBe(true);
      expect(checkIpiBaseNumber(p.ipiBaseNumber).ok).toBe(true);
    }
    for (const w of works) {
      if (w.iswc !== undefined) expect(isValidIswc(w.iswc)).toBe(true);
      for (const party of [...w.writers, ...w.publishers]) {
        expect(isValidIpiNameNumber(party.ipiNameNumber!)).toBe(true);
        expect(checkIpiBaseNumber(party.ipiBaseNumber!).ok).toBe(true);
      }
      for (const r of w.recordings) expect(isValidIsrc(r.isrc!)).toBe(true);
    }
    for (const report of dataset.reports) {
      for (const b of report.blocks)
        for (const res of b.resources) if (res.isrc !== undefined) expect(isValidIsrc(res.isrc)).toBe(true);
    }
    expect(works.some((w) => w.iswc === undefined)).toBe(true);
    const iswcs = works.flatMap((w) => (w.iswc ? [w.iswc] : []));
    expect(new Set(iswcs).size).toBe(iswcs.length);
  });

  it('sums ownership to exactly 10000 per right in every work, publishers at most 5000 performing', () => {
    for (const w of works) {
      for (const right of RIGHT_TYPES) {
        const total = [...w.writers, ...w.publishers].reduce((s, p) => s + p.ownership[right], 0);
        expect(total, `${w.submitterWorkId} ${right}`).toBe(10000);
      }
      expect(w.publishers.reduce((s, p) => s + p.ownership.performing, 0)).toBeLessThanOrEqual(5000);
      expect(w.writers.length).toBeGreaterThanOrEqual(1);
      expect(w.writers.length).toBeLessThanOrEqual(6);
      expect(w.writers.some((x) => ['C', 'A', 'CA'].includes(x.role))).toBe(true);
      expect(w.writers.some((x) => x.controlled)).toBe(true);
    }
  });

  it('collects each share in its territories exactly once per country', () => {
    // For every chain, the collection in France and in Germany adds up to the chain's ownership.
    for (const w of works) {
      for (const iso of ['0250', '0276', '0840']) {
        for (const chain of new Set(w.publishers.map((p) => p.chain))) {
          const parties = w.publishers.filter((p) => p.chain === chain);
          const owned = parties.reduce((s, p) => s + p.ownership.performing, 0);
          let collected = 0;
          for (const p of parties) {
            for (const c of p.collection) {
              const expr = formatTerritoryExpression(c.territories);
              expect(formatTerritoryExpression(parseTerritoryExpression(expr))).toBe(expr);
              if (territoryCovers(expr, tisToIso(iso)!)) collected += c.shares.performing;
            }
          }
          expect(collected, `${w.submitterWorkId} chain ${chain} in ${iso}`).toBe(owned);
        }
      }
    }
  });

  it('has sub-publishers, administrators, uncontrolled writers and foreign societies', () => {
    const roles = new Set(works.flatMap((w) => w.publishers.map((p) => p.role)));
    expect(roles).toEqual(new Set(['E', 'SE', 'AM']));
    expect(works.some((w) => w.writers.some((x) => !x.controlled))).toBe(true);
    const societies = new Set(works.flatMap((w) => w.writers.map((x) => x.prSociety)));
    for (const s of ['058', '052', '035', '010']) expect(societies.has(s)).toBe(true);
    expect(works.some((w) => w.alternateTitles.length > 0)).toBe(true);
    expect(works.some((w) => w.publishers.length === 0)).toBe(true);
    expect(dataset.mandates.length).toBeGreaterThanOrEqual(1);
    for (const m of dataset.mandates)
      expect(dataset.registrations.some((r) => r.senderIpi === m.mandatorIpi)).toBe(true);
  });

  it('makes one report per service, territory and month whose summaries add up their lines', () => {
    expect(dataset.reports).toHaveLength(4);
    expect(new Set(dataset.reports.map((r) => r.messageId)).size).toBe(4);
    for (const report of dataset.reports) {
      let lines = 0;
      for (const summary of report.summaries) {
        let sum = 0n;
        for (const b of report.blocks)
          for (const u of b.usages) if (u.summaryId === summary.summaryId) sum += u.usages;
        expect(sum).toBe(summary.usages);
        expect(summary.netRevenue).toMatch(/^\d+\.\d{2}$/);
      }
      for (const b of report.blocks) lines += b.usages.length;
      expect(lines).toBe(500);
      expect(report.summaries.map((s) => s.commercialModel)).toEqual([
        'SubscriptionModel',
        'AdvertisementSupportedModel',
      ]);
    }
  });

  it('has one truth row for every reported resource, some of them outside the repertoire', () => {
    const truthKeys = new Set(dataset.truth.map((t) => `${t.messageId}|${t.dspResourceId}`));
    let resources = 0;
    for (const report of dataset.reports) {
      for (const b of report.blocks) {
        for (const res of b.resources) {
          resources++;
          expect(truthKeys.has(`${report.messageId}|${res.dspResourceId}`)).toBe(true);
        }
      }
    }
    expect(dataset.truth).toHaveLength(resources);
    const known = new Set(works.map((w) => w.submitterWorkId));
    expect(dataset.truth.some((t) => t.submitterWorkId === undefined)).toBe(true);
    for (const t of dataset.truth)
      if (t.submitterWorkId !== undefined) expect(known.has(t.submitterWorkId)).toBe(true);
  });

  it('produces every kind of noise at the default size', () => {
    const seen = new Set(dataset.truth.flatMap((t) => t.noise));
    for (const kind of NOISE_KINDS) expect(seen.has(kind), kind).toBe(true);
    expect(dataset.isrcCollisions.length).toBeGreaterThan(0);
  });

  it('refuses options that cannot make a dataset', () => {
    expect(() => generateDataset({ ...DEFAULTS, territories: ['XX'] })).toThrow(/ISO 3166-1/);
    expect(() => generateDataset({ ...DEFAULTS, months: ['2024'] })).toThrow(/YYYY-MM/);
    expect(() => generateDataset({ ...DEFAULTS, works: 0 })).toThrow(/positive/);
  });
});
