import { micros, TuttiError, type Micros } from '../../domain/index.js';
import { claimAmounts, type OverclaimStatus } from './claim-amounts.js';
import { findTariff, type ClaimConfig, type Tariff } from './claim-config.js';
import { claimableShares, type Claimant } from './claimable-share.js';
import { othersKey, type ClaimInputs, type ClaimResource, type ClaimSummary } from './claim-inputs.js';
import { computeFee, spreadPool, splitByRight, type Fee } from './royalty-pool.js';

export const CLAIMED_RIGHTS = ['performing', 'mechanical'] as const;
export type ClaimedRight = (typeof CLAIMED_RIGHTS)[number];

/** One claim line: summary × resource × work × right × licensor (the `claim_lines` grain). */
export interface ComputedClaimLine {
  readonly claimId: string;
  /** The CD01 claim this line is half of (one CD01 per resource × work × licensor). */
  readonly cdmClaimId: string;
  readonly summary: ClaimSummary;
  readonly resource: ClaimResource;
  readonly workId: string;
  readonly rightType: ClaimedRight;
  readonly licensor: string;
  readonly mandateId: string | null;
  readonly territory: string;
  readonly workValue: Micros;
  /** Value of 100 % of the work for both rights (CDM GeneratedRevenue). */
  readonly resourceValue: Micros;
  readonly shareClaimed: number;
  readonly claimedAmount: Micros;
  readonly heldOverclaim: Micros;
  readonly parties: Claimant['parties'];
}

/** The formula inputs of one sales context. */
export interface ComputedPool {
  readonly summary: ClaimSummary;
  readonly tariff: Tariff;
  readonly tariffLabel: string;
  readonly fee: Fee;
  readonly totalUsages: bigint;
  readonly reportUsages: bigint;
  readonly currency: string;
}

export interface ComputedOverclaim {
  readonly summaryId: string;
  readonly workId: string;
  readonly rightType: ClaimedRight;
  readonly ownShare: number;
  readonly othersShare: number;
  readonly disputed: number;
  readonly status: OverclaimStatus;
  held: Micros;
}

export interface ComputedClaims {
  readonly pools: readonly ComputedPool[];
  readonly lines: readonly ComputedClaimLine[];
  readonly overclaims: readonly ComputedOverclaim[];
  readonly currency: string;
}

/**
 * Values one report's claims, purely (royalties.md §1.3–1.6, §2.2–2.4). Per summary: the fee by the
 * greater-of rule, spread pro rata over resources by usages (the rest of the service's usages stays
 * outside), each identified resource's value split by right type, then each right's value claimed by
 * the society and each mandate in scope at their collection shares, overclaims held. Every step is an
 * exact allocation, so Σ lines = Σ invoices to the micro-unit. Claim ids follow the sorted order of
 * summaries, resources and licensors, so a re-run gives the same ids.
 */
export function computeClaims(inputs: ClaimInputs, config: ClaimConfig): ComputedClaims {
  const { report } = inputs;
  const pools: ComputedPool[] = [];
  const lines: ComputedClaimLine[] = [];
  const overclaims = new Map<string, ComputedOverclaim>();
  const currencies = new Set<string>();
  let seq = 0;
  for (const summary of inputs.summaries) {
    const resources = inputs.resources.get(summary.summaryId) ?? [];
    const reportUsages = resources.reduce((s, r) => s + r.usages, 0n);
    const totalUsages = summary.totalUsages ?? summary.usages ?? reportUsages;
    const services = [report.service, summary.serviceDescription];
    const tariff = findTariff(config, services, summary.commercialModel);
    const fee = computeFee(
      { netRevenue: summary.netRevenue, subscribers: summary.subscribers ?? 0n, totalUsages },
      tariff,
    );
    const currency = summary.currency ?? config.currency;
    currencies.add(currency);
    pools.push({
      summary,
      tariff,
      fee,
      totalUsages: totalUsages > reportUsages ? totalUsages : reportUsages,
      reportUsages,
      currency,
      tariffLabel: `${tariff.service}/${tariff.commercialModel}`,
    });
    const keyOf = (r: ClaimResource) => `${r.blockId}\u0000${r.resourceRef}`;
    const values = spreadPool(
      fee.fee,
      resources.map((r) => ({ key: keyOf(r), usages: r.usages })),
      totalUsages,
    );
    const territory = summary.territory ?? report.territory;
    const claimantsCache = new Map<string, Claimant[]>();
    for (const resource of resources) {
      if (resource.workId === null) continue;
      const work = inputs.works.get(resource.workId);
      if (!work) continue;
      const resourceValue = values.get(keyOf(resource)) ?? micros(0n);
      const byRight = splitByRight(resourceValue, tariff.split);
      const cdmIds = new Map<string, string>();
      for (const rightType of CLAIMED_RIGHTS) {
        const cacheKey = `${work.workId}\u0000${rightType}`;
        let claimants = claimantsCache.get(cacheKey);
        if (!claimants) {
          claimants = claimableShares(
            work.shares,
            {
              territory,
              date: report.periodStart,
              services: services.filter((s): s is string => s !== null),
              commercialModel: summary.commercialModel,
              rightType,
            },
            config.society.code,
            inputs.mandates,
          );
          claimantsCache.set(cacheKey, claimants);
        }
        if (claimants.length === 0) continue;
        const othersShare = inputs.othersShares.get(othersKey(work.workId, rightType)) ?? 0;
        const amounts = claimAmounts(byRight[rightType], claimants, othersShare);
        if (amounts.status !== null && amounts.disputed > 0) {
          const key = `${summary.summaryId}\u0000${cacheKey}`;
          const o = overclaims.get(key) ?? {
            summaryId: summary.summaryId,
            workId: work.workId,
            rightType,
            ownShare: amounts.ownShare,
            othersShare,
            disputed: amounts.disputed,
            status: amounts.status,
            held: micros(0n),
          };
          o.held = micros(o.held + amounts.held);
          overclaims.set(key, o);
        }
        for (const c of claimants) {
          let cdmClaimId = cdmIds.get(c.licensor);
          if (!cdmClaimId) {
            cdmClaimId = `${report.reportId}:C${String(++seq).padStart(6, '0')}`;
            cdmIds.set(c.licensor, cdmClaimId);
          }
          const got = amounts.perClaimant.get(c.licensor);
          lines.push({
            claimId: `${cdmClaimId}:${rightType === 'performing' ? 'P' : 'M'}`,
            cdmClaimId,
            summary,
            resource,
            workId: work.workId,
            rightType,
            licensor: c.licensor,
            mandateId: c.mandateId,
            territory,
            workValue: byRight[rightType],
            resourceValue,
            shareClaimed: c.share,
            claimedAmount: got?.claimed ?? micros(0n),
            heldOverclaim: got?.held ?? micros(0n),
            parties: c.parties,
          });
        }
      }
    }
  }
  if (currencies.size > 1) {
    throw new TuttiError(
      'CONFLICT',
      `report ${report.reportId} mixes currencies (${[...currencies].join(', ')}); one invoice needs one currency`,
    );
  }
  return {
    pools,
    lines,
    overclaims: [...overclaims.values()],
    currency: [...currencies][0] ?? config.currency,
  };
}
