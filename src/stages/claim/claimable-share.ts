import { territoryCovers } from '../../domain/index.js';

/** One collection share of a work (a `work_shares` row with its party's membership). */
export interface WorkShareRow {
  readonly partyId: string;
  readonly role: string;
  readonly rightType: string;
  /** TIS include/exclude expression, e.g. `'+2136 -0250'`. */
  readonly territories: string;
  /** Hundredths of a percent. */
  readonly collectionShare: number;
  /** CISAC code of the party's affiliation for this right. */
  readonly society: string | null;
  readonly isMember: boolean;
}

/** A mandate's scope (royalties.md §4): the society collects these shares for the mandator. */
export interface MandateScope {
  readonly mandateId: string;
  readonly mandatorPartyId: string;
  readonly mandatorName: string;
  /** CISAC codes of the mandator when it is a society: shares affiliated to it are covered. */
  readonly mandatorSocieties: readonly string[];
  readonly rightTypes: readonly string[];
  readonly territories: string;
  /** null = every service. */
  readonly services: readonly string[] | null;
  /** null = every commercial model. */
  readonly commercialModels: readonly string[] | null;
  /** ISO dates; `validTo` null = open-ended. */
  readonly validFrom: string;
  readonly validTo: string | null;
}

/** Where and when the usage happened. */
export interface UsageContext {
  /** ISO 3166 alpha-2 territory of use. */
  readonly territory: string;
  /** ISO date of use (a report's first day). */
  readonly date: string;
  /** The service names the usage goes by (report service, ServiceDescription). */
  readonly services: readonly string[];
  readonly commercialModel: string | null;
  readonly rightType: string;
}

/** Who claims a part of a work for one right: the society itself or one mandate. */
export interface Claimant {
  /** 'society' or the mandate id. */
  readonly licensor: string;
  readonly mandateId: string | null;
  /** Σ of `parties[].share`, hundredths. */
  readonly share: number;
  readonly parties: readonly { readonly partyId: string; readonly role: string; readonly share: number }[];
}

const ci = (list: readonly string[], values: readonly (string | null)[]) =>
  values.some((v) => v !== null && list.some((l) => l.toLowerCase() === v.toLowerCase()));

/** True when a mandate's scope covers this usage (right, territory, service, commercial model, date). */
export function mandateCovers(m: MandateScope, ctx: UsageContext): boolean {
  return (
    m.rightTypes.includes(ctx.rightType) &&
    territoryCovers(m.territories, ctx.territory) &&
    (m.services === null || ci(m.services, ctx.services)) &&
    (m.commercialModels === null || ci(m.commercialModels, [ctx.commercialModel])) &&
    m.validFrom <= ctx.date &&
    (m.validTo === null || ctx.date <= m.validTo)
  );
}

/**
 * The society's claimable share of one work for one right in one usage context (royalties.md §2.2):
 * collection shares whose territories cover the territory of use, held by its members or parties
 * affiliated to its society code (licensor 'society'), plus shares covered by a mandate in scope
 * (held by the mandator, or affiliated to a mandating society), each mandate its own claimant.
 * A share counts once: the society's own claim comes first, then mandates in id order.
 * Shares of anyone else are not claimed: another licensor claims them.
 */
export function claimableShares(
  rows: readonly WorkShareRow[],
  ctx: UsageContext,
  societyCode: string,
  mandates: readonly MandateScope[],
): Claimant[] {
  const inScope = mandates
    .filter((m) => mandateCovers(m, ctx))
    .sort((a, b) => (a.mandateId < b.mandateId ? -1 : a.mandateId > b.mandateId ? 1 : 0));
  const byLicensor = new Map<
    string,
    { mandateId: string | null; parties: { partyId: string; role: string; share: number }[] }
  >();
  for (const row of rows) {
    if (
      row.rightType !== ctx.rightType ||
      row.collectionShare <= 0 ||
      !territoryCovers(row.territories, ctx.territory)
    )
      continue;
    let licensor: string | undefined;
    let mandateId: string | null = null;
    if (row.isMember || row.society === societyCode) licensor = 'society';
    else {
      const m = inScope.find(
        (s) =>
          s.mandatorPartyId === row.partyId ||
          (row.society !== null && s.mandatorSocieties.includes(row.society)),
      );
      if (m) licensor = mandateId = m.mandateId;
    }
    if (licensor === undefined) continue;
    const entry = byLicensor.get(licensor) ?? { mandateId, parties: [] };
    const same = entry.parties.find((p) => p.partyId === row.partyId && p.role === row.role);
    if (same) same.share += row.collectionShare;
    else entry.parties.push({ partyId: row.partyId, role: row.role, share: row.collectionShare });
    byLicensor.set(licensor, entry);
  }
  return [...byLicensor]
    .sort(([a], [b]) => (a === 'society' ? -1 : b === 'society' ? 1 : a < b ? -1 : a > b ? 1 : 0))
    .map(([licensor, e]) => ({
      licensor,
      mandateId: e.mandateId,
      share: e.parties.reduce((s, p) => s + p.share, 0),
      parties: e.parties.sort((a, b) =>
        a.partyId < b.partyId ? -1 : a.partyId > b.partyId ? 1 : a.role < b.role ? -1 : 1,
      ),
    }));
}
